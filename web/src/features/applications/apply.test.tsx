import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, applicationFixture, completeData } from '@/testing/mocks/fixtures/applications.ts';
import { applicationsApi } from '@/testing/mocks/handlers/applications.ts';
import { stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

describe('the apply page', () => {
  it('sends an anonymous visitor from the home page to log in first, then back to /apply', async () => {
    stubApi();
    const app = renderApp('/');
    const join = await screen.findByRole('region', { name: 'Как да станете член' });
    await app.user.click(within(join).getByRole('link', { name: 'Кандидатствайте онлайн' }));
    await waitFor(() => expect(app.pathname()).toBe('/login'));
    expect(app.searchParams().get('next')).toBe('/apply');
    expect(await screen.findByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
  });

  it('starts an application and opens it at its first step', async () => {
    const api = applicationsApi();
    const app = renderApp('/apply');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Кандидатстване за членство' }),
    ).toBeVisible();
    expect(await screen.findByText('Все още нямате заявления.')).toBeVisible();

    await app.user.click(screen.getByRole('button', { name: 'Започнете заявление' }));

    await waitFor(() => expect(app.pathname()).toMatch(/^\/applications\/c0ffee00-/));
    expect(api.requestsTo('/api/applications').filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(await screen.findByRole('heading', { level: 2, name: 'Организация' })).toBeVisible();
    expect(screen.getByText('Стъпка 1 от 8')).toBeVisible();
    expect(screen.getByText('Чернова')).toBeVisible();
  });

  it('starts one application on a double click (issue 11 C3)', async () => {
    const api = applicationsApi();
    const app = renderApp('/apply');
    const button = await screen.findByRole('button', { name: 'Започнете заявление' });
    // The second click comes before the button re-renders as pending.
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(app.pathname()).toMatch(/^\/applications\/c0ffee00-/));
    expect(api.requestsTo('/api/applications').filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('lists the user’s applications with their states', async () => {
    applicationsApi({
      apps: [
        applicationFixture({
          data: completeData,
          state: 'under_review',
          submittedAt: '2026-03-04T08:00:00.000Z',
        }),
        applicationFixture({ id: 'c0ffee00-0000-4000-8000-000000000002' }),
      ],
    });
    renderApp('/apply');
    const mine = within(await screen.findByRole('region', { name: 'Вашите заявления' }));
    const items = await mine.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    const [first, second] = items as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('link', { name: 'Пиксел Фабрика' })).toHaveAttribute(
      'href',
      `/applications/${APPLICATION_ID}`,
    );
    expect(within(first).getByText('В разглеждане')).toBeVisible();
    expect(within(first).getByText(/^Подадено на/)).toBeVisible();
    expect(within(second).getByRole('link', { name: 'Заявление без попълнено име' })).toBeVisible();
    expect(within(second).getByText('Чернова')).toBeVisible();
  });
});
