import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clusterFixture } from '@/testing/fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

describe('the home page', () => {
  it('presents the cluster from the API: name, tagline, mission, strategy and member total', async () => {
    stubApi();
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: clusterFixture.nameBg })).toBeVisible();
    expect(screen.getByText(clusterFixture.taglineBg)).toBeVisible();
    expect(screen.getByText(clusterFixture.missionBg)).toBeVisible();
    expect(screen.getByText(/укрепване на иновационната екосистема/)).toBeVisible();
    expect(screen.getByText('14 члена')).toBeVisible();
    await waitFor(() => expect(document.title).toBe(`Начало — ${clusterFixture.nameBg}`));
  });

  it('lists the two thematic priorities and the members of each top-level area, linking to the directory', async () => {
    stubApi();
    const app = renderApp('/');
    const priorities = await screen.findByRole('heading', { level: 3, name: 'Тематични приоритети' });
    expect(priorities).toBeVisible();
    const byArea = screen.getByRole('region', { name: 'Членове по тематични области' });
    await within(byArea).findByRole('link', { name: 'Информатика и ИКТ' });
    expect(
      within(byArea)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Информатика и ИКТ',
      'Мехатроника и микроелектроника',
      'Нови технологии в креативните и рекреативните индустрии',
    ]);
    expect(within(byArea).getByText('9 члена')).toBeVisible();

    await app.user.click(within(byArea).getByRole('link', { name: 'Мехатроника и микроелектроника' }));
    await waitFor(() => expect(app.pathname()).toBe('/members'));
    expect(app.searchParams().get('area')).toBe('mechatronics');
  });

  it('marks only the priority areas as priorities', async () => {
    stubApi();
    renderApp('/');
    const strategy = await screen.findByRole('region', { name: 'Стратегия' });
    const cards = await within(strategy).findAllByText('Приоритет');
    expect(cards).toHaveLength(2);
    expect(within(strategy).getByText('Информатика и ИКТ')).toBeVisible();
    expect(
      within(strategy).getByText('Нови технологии в креативните и рекреативните индустрии'),
    ).toBeVisible();
    expect(within(strategy).queryByText('Мехатроника и микроелектроника')).toBeNull();
  });

  it('explains how to join', async () => {
    stubApi();
    renderApp('/');
    const join = await screen.findByRole('region', { name: 'Как да станете член' });
    expect(within(join).getAllByRole('listitem')).toHaveLength(4);
  });

  it('shows the cluster in English after switching the language', async () => {
    stubApi();
    const app = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: clusterFixture.nameBg });
    await app.user.click(screen.getByRole('button', { name: /English/ }));
    expect(await screen.findByRole('heading', { level: 1, name: clusterFixture.nameEn })).toBeVisible();
    expect(screen.getByText(clusterFixture.missionEn)).toBeVisible();
    expect(screen.getByRole('heading', { level: 2, name: 'How to join' })).toBeVisible();
  });

  it('offers a retry when the cluster cannot be loaded', async () => {
    let failing = true;
    stubApi({ '/api/cluster': () => (failing ? problem(503, 'Service Unavailable') : json(clusterFixture)) });
    const app = renderApp('/');
    const alert = await screen.findByRole('alert');
    failing = false;
    await app.user.click(within(alert).getByRole('button', { name: 'Опитай отново' }));
    expect(await screen.findByRole('heading', { level: 1, name: clusterFixture.nameBg })).toBeVisible();
  });
});
