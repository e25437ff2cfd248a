import type { Body } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { ana } from '@/testing/mocks/fixtures/admin.ts';
import { adminApi } from '@/testing/mocks/handlers/admin.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const COMMITTEE_ID = '00000000-de00-4700-8000-000000000001';
const ASSEMBLY_ID = '00000000-de00-4700-8000-000000000002';

function committee(overrides: Partial<Body> = {}): Body {
  return {
    id: COMMITTEE_ID,
    kind: 'initiative_committee',
    nameBg: 'Инициативен комитет',
    nameEn: 'Initiative committee',
    descriptionBg: 'Води клъстера до учредяването му.',
    descriptionEn: 'Leads the cluster up to its founding.',
    quorum: 'more_than_half',
    majority: 'simple',
    allowsProxy: false,
    reviewsApplications: true,
    foundedOn: '2025-10-01',
    dissolvedOn: null,
    sortOrder: 1,
    version: 1,
    positions: [
      {
        id: '00000000-de00-4800-8000-000000000001',
        bodyId: COMMITTEE_ID,
        position: 'chair',
        name: 'Мария Петрова',
        userId: null,
        startsOn: '2026-01-15',
        endsOn: null,
        version: 1,
      },
    ],
    memberOrganizations: [],
    ...overrides,
  };
}

const assembly: Body = {
  ...committee(),
  id: ASSEMBLY_ID,
  kind: 'general_assembly',
  nameBg: 'Общо събрание',
  nameEn: 'General assembly',
  descriptionBg: '',
  descriptionEn: '',
  reviewsApplications: false,
  allowsProxy: true,
  foundedOn: null,
  positions: [],
  memberOrganizations: [
    { id: '00000000-0000-4000-8000-0000000000a1', nameBg: 'Дигитална София', nameEn: 'Digital Sofia' },
    { id: '00000000-0000-4000-8000-0000000000a2', nameBg: 'Тераформ', nameEn: 'Teraform' },
  ],
};

const pastTerm = {
  id: '00000000-de00-4800-8000-000000000004',
  bodyId: COMMITTEE_ID,
  position: 'member' as const,
  name: 'Георги Иванов',
  userId: null,
  startsOn: '2025-10-01',
  endsOn: '2026-01-15',
  version: 1,
};

describe('who runs the cluster (issue 15 §1)', () => {
  it('shows the bodies, their rules and the positions held today; the assembly counts its members', async () => {
    stubApi({ '/api/bodies': () => json({ items: [committee(), assembly] }) });
    const app = renderApp('/governance');
    expect(await screen.findByRole('heading', { level: 1, name: 'Кой управлява клъстера' })).toBeVisible();
    const card = await screen.findByRole('region', { name: 'Инициативен комитет' });
    expect(
      within(card).getByText('Учреден на 1 октомври 2025 г. · Разглежда заявленията за членство'),
    ).toBeVisible();
    expect(within(card).getByText('Кворум: повече от половината членове')).toBeVisible();
    expect(within(card).getByText(/Мария Петрова/)).toBeVisible();
    expect(within(card).getByText('(от 15 януари 2026 г.)')).toBeVisible();
    const ga = screen.getByRole('region', { name: 'Общо събрание' });
    expect(within(ga).getByText('Предстои учредяване')).toBeVisible();
    expect(
      within(ga).getByText('Членуват 2 организации, всяка с един глас чрез своя представител.'),
    ).toBeVisible();
    expect(within(ga).getByText('Членовете могат да гласуват чрез пълномощник.')).toBeVisible();
    // A visitor is asked to log in for the history, which is not fetched.
    expect(screen.getByRole('link', { name: /Историята на мандатите виждат членовете/ })).toHaveAttribute(
      'href',
      '/login?next=%2Fgovernance',
    );
    expect(app.pathname()).toBe('/governance');
  });

  it('is in English for an English reader', async () => {
    stubApi({ '/api/bodies': () => json({ items: [committee(), assembly] }) });
    const app = renderApp('/governance');
    await screen.findByRole('heading', { level: 1, name: 'Кой управлява клъстера' });
    await app.user.click(screen.getByRole('button', { name: /English|EN/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Who runs the cluster' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Initiative committee' })).toBeVisible();
    expect(
      screen.getByText('2 member organisations, each with one vote through its representative.'),
    ).toBeVisible();
  });

  it('shows members the history of every term', async () => {
    const api = stubApi({
      ...signedIn(meFixture()),
      '/api/bodies': () => json({ items: [committee()] }),
      '/api/bodies/history': () =>
        json({ items: [committee({ positions: [...committee().positions, pastTerm] })] }),
    });
    renderApp('/governance');
    const table = await screen.findByRole('table', { name: 'Инициативен комитет' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toContain('ЧленГеорги Иванов1 октомври 2025 г. – 15 януари 2026 г.');
    expect(rows).toContain('ПредседателМария Петроваот 15 януари 2026 г.');
    expect(api.requestsTo('/api/bodies/history')).toHaveLength(1);
  });

  it('is linked from every page’s footer', async () => {
    stubApi({ '/api/bodies': () => json({ items: [] }) });
    const app = renderApp('/');
    const footer = await screen.findByRole('navigation', { name: 'Информационни страници' });
    await app.user.click(within(footer).getByRole('link', { name: 'Кой управлява клъстера' }));
    expect(await screen.findByText('Все още няма вписани органи.')).toBeVisible();
    expect(app.pathname()).toBe('/governance');
  });
});

describe('administrators manage bodies and positions', () => {
  it('gives a position to a named person and shows the server’s field error beside the field', async () => {
    let refuse = true;
    const api = adminApi({
      handlers: {
        '/api/admin/bodies': () => json({ items: [committee({ reviewsApplications: false })] }),
        [`/api/admin/bodies/${COMMITTEE_ID}/positions`]: () =>
          refuse
            ? problem(400, 'Невалидни данни', [
                { path: 'body.position', message: 'Органът вече има председател за част от този период.' },
              ])
            : json(
                committee({
                  reviewsApplications: false,
                  positions: [
                    ...committee().positions,
                    {
                      ...pastTerm,
                      id: '00000000-de00-4800-8000-000000000009',
                      name: 'Петя Стоянова',
                      endsOn: null,
                    },
                  ],
                }),
                201,
              ),
      },
    });
    const app = renderApp('/admin/bodies');
    const card = await screen.findByRole('region', { name: 'Инициативен комитет' });
    const form = within(card).getByRole('form', { name: 'Дай длъжност' });
    await app.user.selectOptions(within(form).getByRole('combobox', { name: 'Длъжност' }), 'chair');
    await app.user.click(within(form).getByRole('radio', { name: 'Лице без профил' }));
    await app.user.type(within(form).getByRole('textbox', { name: 'Име' }), 'Петя Стоянова');
    await app.user.click(within(form).getByRole('button', { name: 'Дай длъжност' }));
    expect(
      await within(form).findByText('Органът вече има председател за част от този период.'),
    ).toBeVisible();
    const [sent] = api.requestsTo(`/api/admin/bodies/${COMMITTEE_ID}/positions`);
    expect(sent?.body).toMatchObject({
      position: 'chair',
      userId: null,
      personName: 'Петя Стоянова',
      endsOn: null,
    });
    await waitFor(() =>
      expect(within(form).getByRole('combobox', { name: 'Длъжност' })).toHaveAttribute(
        'aria-invalid',
        'true',
      ),
    );

    refuse = false;
    await app.user.selectOptions(within(form).getByRole('combobox', { name: 'Длъжност' }), 'member');
    await app.user.click(within(form).getByRole('button', { name: 'Дай длъжност' }));
    expect(await within(form).findByText('Длъжността е дадена.')).toBeVisible();
    expect(await within(card).findByText('Петя Стоянова')).toBeVisible();
  });

  it('corrects a position with the version it was read at', async () => {
    const api = adminApi({
      handlers: {
        '/api/admin/bodies': () => json({ items: [committee({ reviewsApplications: false })] }),
        [`/api/admin/bodies/${COMMITTEE_ID}/positions/:positionId`]: () =>
          json(committee({ reviewsApplications: false })),
      },
    });
    const app = renderApp('/admin/bodies');
    const card = await screen.findByRole('region', { name: 'Инициативен комитет' });
    await app.user.click(within(card).getByRole('button', { name: 'Поправи' }));
    const form = within(card).getByRole('form', { name: 'Поправи' });
    await app.user.selectOptions(within(form).getByRole('combobox', { name: 'Длъжност' }), 'deputy_chair');
    await app.user.click(within(form).getByRole('button', { name: 'Запази' }));
    await waitFor(() => expect(within(card).queryByRole('form', { name: 'Поправи' })).toBeNull());
    const [put] = api.requestsTo(
      `/api/admin/bodies/${COMMITTEE_ID}/positions/${committee().positions[0]!.id}`,
    );
    expect(put?.method).toBe('PUT');
    expect(put?.body).toEqual({
      position: 'deputy_chair',
      userId: null,
      personName: 'Мария Петрова',
      startsOn: '2026-01-15',
      endsOn: null,
      version: 1,
    });
  });

  it('creates a body with its rules', async () => {
    const api = adminApi({
      users: [ana],
      handlers: {
        '/api/admin/bodies': (_url, request) =>
          request.method === 'POST'
            ? json({ ...committee(), ...(request.body as object), id: ASSEMBLY_ID, positions: [] }, 201)
            : json({ items: [] }),
      },
    });
    const app = renderApp('/admin/bodies');
    expect(await screen.findByText('Още няма органи. Създайте първия.')).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Нов орган' }));
    await app.user.type(screen.getByRole('textbox', { name: 'Име (български)' }), 'Управителен съвет');
    await app.user.type(screen.getByRole('textbox', { name: 'Име (английски)' }), 'Management board');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Вид' }), 'management_board');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Мнозинство' }), 'two_thirds');
    await app.user.click(screen.getByRole('checkbox', { name: 'Позволява гласуване чрез пълномощник' }));
    await app.user.click(screen.getByRole('button', { name: 'Запази' }));
    expect(await screen.findByRole('region', { name: 'Управителен съвет' })).toBeVisible();
    const [post] = api.requestsTo('/api/admin/bodies').filter((r) => r.method === 'POST');
    expect(post?.body).toMatchObject({
      kind: 'management_board',
      nameBg: 'Управителен съвет',
      nameEn: 'Management board',
      majority: 'two_thirds',
      quorum: 'more_than_half',
      allowsProxy: true,
      reviewsApplications: false,
      foundedOn: null,
    });
  });
});
