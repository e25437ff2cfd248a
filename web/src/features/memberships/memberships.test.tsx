import type { CommitteeMemberListItem, MembershipDetail } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signedIn } from '@/testing/auth-fixtures.ts';
import { chairMe, memberMe } from '@/testing/mocks/fixtures/committee.ts';
import { adminMe, organizationFeesFixture } from '@/testing/mocks/fixtures/fees.ts';
import { server } from '@/testing/mocks/server.ts';
import { handlersOf, json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';
import { MEMBERS_PAGE_SIZE } from './search-params.ts';

const ID = 'b1000000-0000-4000-8000-000000000001';

// A member's page also reads its fees and history tabs; a test that looks at them answers them itself.
beforeEach(() => {
  server.use(
    ...handlersOf({
      [`/api/account/organizations/${ID}/fees`]: () => json(organizationFeesFixture(ID)),
      [`/api/account/organizations/${ID}/history`]: () => json({ items: [] }),
    }),
  );
});

function item(n: number, overrides: Partial<CommitteeMemberListItem> = {}): CommitteeMemberListItem {
  return {
    id: `b1000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    nameBg: `Организация ${n}`,
    nameEn: `Organisation ${n}`,
    eik: '123456789',
    kind: 'company',
    category: 'regular',
    status: 'active',
    memberSince: '2024-01-15',
    version: 1,
    ...overrides,
  };
}

const active: MembershipDetail = {
  ...item(1, { nameBg: 'Роботика Пловдив', nameEn: 'Robotics Plovdiv' }),
  contacts: {
    address: null,
    website: null,
    publicEmail: 'office@robotics.example',
    publicPhone: null,
    contactName: 'Пенка Пенева',
    contactPosition: null,
    contactEmail: null,
    contactPhone: null,
  },
  representatives: [
    { id: 'c1000000-0000-4000-8000-000000000001', name: 'Иван Иванов', email: 'ivan@robotics.example' },
  ],
  events: [],
  vote: null,
  availableActions: ['change_category', 'suspend', 'withdraw', 'exclude'],
};
const suspended: MembershipDetail = {
  ...active,
  status: 'suspended',
  version: 2,
  availableActions: ['change_category', 'reinstate', 'withdraw', 'exclude'],
  events: [
    {
      id: 7,
      action: 'suspend',
      fromCategory: 'regular',
      toCategory: 'regular',
      fromStatus: 'active',
      toStatus: 'suspended',
      decisionNumber: '2026-003',
      reason: 'Неплатен членски внос',
      effectiveOn: '2026-03-01',
      actorName: 'Иван Иванов',
      at: '2026-03-01T10:00:00.000Z',
    },
  ],
};

describe('the committee list of members', () => {
  it('reads the search, status, category and page from the URL, asks for exactly that and links each member', async () => {
    const api = stubApi({
      ...signedIn(memberMe),
      '/api/committee/members': () =>
        json({ items: [item(1, { status: 'suspended' }), item(2)], total: 22, page: 2, pageSize: 20 }),
    });
    renderApp('/committee/members?q=робо&status=suspended&category=regular&page=2');
    expect(await screen.findByRole('heading', { level: 2, name: '22 организации' })).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Статус' })).toHaveValue('suspended');
    expect(screen.getByRole('combobox', { name: 'Категория' })).toHaveValue('regular');
    const sent = api.requestsTo('/api/committee/members').at(-1)?.url.searchParams;
    expect(Object.fromEntries(sent ?? [])).toEqual({
      q: 'робо',
      status: 'suspended',
      category: 'regular',
      page: '2',
      pageSize: String(MEMBERS_PAGE_SIZE),
    });
    const card = screen.getByRole('link', { name: 'Организация 1' }).closest('article') as HTMLElement;
    expect(within(card).getByText('Спряно')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Организация 1' })).toHaveAttribute(
      'href',
      `/committee/members/${item(1).id}`,
    );
  });

  it('shows the empty state when nothing matches', async () => {
    stubApi({
      ...signedIn(memberMe),
      '/api/committee/members': () => json({ items: [], total: 0, page: 1, pageSize: 20 }),
    });
    renderApp('/committee/members?q=няма');
    expect(await screen.findByText('Няма организации, отговарящи на търсенето')).toBeVisible();
  });

  it('offers the member list as CSV', async () => {
    stubApi({
      ...signedIn(memberMe),
      '/api/committee/members': () => json({ items: [item(1)], total: 1, page: 1, pageSize: 20 }),
    });
    renderApp('/committee/members');
    const link = await screen.findByRole('link', { name: 'Изтегли списъка на членовете (CSV)' });
    expect(link).toHaveAttribute('href', '/api/members/export.csv');
  });
});

describe('a membership', () => {
  it('lets an administrator, and only an administrator, erase the contact person’s data after a confirmation', async () => {
    const api = stubApi({
      ...signedIn(adminMe),
      [`/api/committee/members/${ID}`]: () => json(active),
      [`/api/account/organizations/${ID}/fees`]: () => json(organizationFeesFixture(ID)),
      [`/api/admin/organizations/${ID}/erase-contact`]: () => new Response(null, { status: 204 }),
    });
    const app = renderApp(`/committee/members/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Изтрий данните на лицето за контакт' }));
    const dialog = await screen.findByRole('dialog', { name: 'Изтриване на данните на лицето за контакт' });
    expect(api.requestsTo(`/api/admin/organizations/${ID}/erase-contact`)).toHaveLength(0);
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, изтрий данните' }));
    expect(await screen.findByText('Данните на лицето за контакт са изтрити.')).toBeVisible();
    expect(api.requestsTo(`/api/admin/organizations/${ID}/erase-contact`)).toHaveLength(1);
  });

  it('shows the committee how to reach the member: its representatives and contact details (issue 11 C13)', async () => {
    stubApi({
      ...signedIn(memberMe),
      [`/api/committee/members/${ID}`]: () => json(active),
      [`/api/account/organizations/${ID}/fees`]: () => json(organizationFeesFixture(ID)),
    });
    renderApp(`/committee/members/${ID}`);
    const contacts = await screen.findByRole('region', { name: 'Контакти' });
    expect(within(contacts).getByText(/Иван Иванов/)).toBeVisible();
    expect(within(contacts).getByRole('link', { name: 'ivan@robotics.example' })).toHaveAttribute(
      'href',
      'mailto:ivan@robotics.example',
    );
    expect(within(contacts).getByText('Пенка Пенева')).toBeVisible();
    expect(within(contacts).getByText('office@robotics.example')).toBeVisible();
    // Editing another organisation's profile and removing one are for administrators.
    expect(within(contacts).queryByRole('link', { name: 'Редактирай профила на организацията' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Премахни организацията' })).toBeNull();
  });

  it('lets an administrator remove an organisation entered by mistake after a confirmation, and shows a refusal', async () => {
    let refuse = true;
    const api = stubApi({
      ...signedIn(adminMe),
      [`/api/committee/members/${ID}`]: () => json(active),
      '/api/committee/members': () => json({ items: [], total: 0, page: 1, pageSize: 20 }),
      [`/api/account/organizations/${ID}/fees`]: () => json(organizationFeesFixture(ID)),
      [`/api/admin/organizations/${ID}`]: () =>
        refuse
          ? problem(409, 'Организацията има история в клъстера', undefined, {
              code: 'organization.has_history',
              detail: 'Прекратете членството ѝ чрез комитета.',
            })
          : new Response(null, { status: 204 }),
    });
    const app = renderApp(`/committee/members/${ID}`);
    expect(await screen.findByRole('link', { name: 'Редактирай профила на организацията' })).toHaveAttribute(
      'href',
      `/my/organizations/${ID}`,
    );
    await app.user.click(screen.getByRole('button', { name: 'Премахни организацията' }));
    const dialog = await screen.findByRole('dialog', { name: 'Да се премахне ли организацията?' });
    expect(api.requestsTo(`/api/admin/organizations/${ID}`)).toHaveLength(0);
    await app.user.click(within(dialog).getByRole('button', { name: 'Премахни' }));
    expect(await within(dialog).findByText(/Прекратете членството/)).toBeVisible();

    refuse = false;
    await app.user.click(within(dialog).getByRole('button', { name: 'Премахни' }));
    await waitFor(() => expect(app.pathname()).toBe('/committee/members'));
    expect(api.requestsTo(`/api/admin/organizations/${ID}`).map((r) => r.method)).toEqual([
      'DELETE',
      'DELETE',
    ]);
  });

  it('does not offer the erasure to committee members', async () => {
    stubApi({
      ...signedIn(memberMe),
      [`/api/committee/members/${ID}`]: () => json(active),
      [`/api/account/organizations/${ID}/fees`]: () => json(organizationFeesFixture(ID)),
    });
    renderApp(`/committee/members/${ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Роботика Пловдив' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Изтрий данните на лицето за контакт' })).toBeNull();
  });

  it('shows the organisation’s annual fees and its profile’s change history below the membership history', async () => {
    const api = stubApi({
      ...signedIn(memberMe),
      [`/api/committee/members/${ID}`]: () => json(suspended),
      [`/api/account/organizations/${ID}/fees`]: () => json(organizationFeesFixture(ID)),
      [`/api/account/organizations/${ID}/history`]: () =>
        json({
          items: [
            {
              id: 3,
              at: '2026-02-03T09:30:00.000Z',
              actorName: 'Иван Колега',
              action: 'organization.profile_updated',
              before: { city: 'Пловдив' },
              after: { city: 'Варна' },
            },
          ],
        }),
    });
    renderApp(`/committee/members/${ID}`);
    const fees = await screen.findByRole('region', { name: 'Членски внос' });
    expect(await within(fees).findByText('Частично платен')).toBeVisible();
    expect(within(fees).getByText('Просрочен')).toBeVisible();
    expect(api.requestsTo(`/api/account/organizations/${ID}/fees`)).toHaveLength(1);
    const history = await screen.findByRole('region', { name: 'История на промените' });
    expect(await within(history).findByText(/Редактиран профил · Иван Колега ·/)).toBeVisible();
    expect(within(history).getByText('Варна')).toBeVisible();
  });

  it('suspends under an existing decision of the register and shows the change in the history', async () => {
    let current = active;
    const api = stubApi({
      ...signedIn(memberMe),
      [`/api/committee/members/${ID}`]: () => json(current),
      [`/api/committee/members/${ID}/actions`]: () => {
        current = suspended;
        return json(current);
      },
    });
    const app = renderApp(`/committee/members/${ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Роботика Пловдив' })).toBeVisible();
    expect(screen.getByText('Все още няма промени в членството.')).toBeVisible();

    await app.user.click(screen.getByRole('button', { name: 'Спиране' }));
    const dialog = await screen.findByRole('dialog');
    // A committee member who is not the chair cannot open a vote, and no counts can be typed (issue 11 B1).
    expect(within(dialog).queryByRole('textbox', { name: 'За' })).toBeNull();
    expect(within(dialog).queryByRole('radio', { name: 'Гласуване на комитета' })).toBeNull();
    expect(
      within(dialog).getByText(/Ново решение се взима с гласуване, което открива председателят/),
    ).toBeVisible();
    // The effective date is typed the Bulgarian way and sent as an ISO day (issue 11 C11).
    const effective = await within(dialog).findByLabelText(/В сила от/, {
      selector: 'input[data-dates-input]',
    });
    await app.user.clear(effective);
    await app.user.type(effective, '01.04.2026');
    await app.user.click(within(dialog).getByRole('textbox', { name: 'Основание или бележка' }));
    await app.user.paste('Неплатен членски внос');
    await app.user.click(within(dialog).getByRole('textbox', { name: /Номер на решението/ }));
    await app.user.paste('2026-003');
    await app.user.click(within(dialog).getByRole('button', { name: 'Запиши' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const body = api.requestsTo(`/api/committee/members/${ID}/actions`)[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      action: 'suspend',
      effectiveOn: '2026-04-01',
      reason: 'Неплатен членски внос',
      version: 1,
      decision: { number: '2026-003' },
    });
    expect(body).not.toHaveProperty('category');
    expect(await screen.findByText('Промяната е записана.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Решение № 2026-003' })).toHaveAttribute(
      'href',
      '/decisions?q=2026-003',
    );
    expect(screen.getByRole('button', { name: 'Възстановяване' })).toBeVisible();
  });

  it('starts the effective date at today in Sofia, also in the hours when UTC is still on the day before', async () => {
    // 01:30 on 1 April in Sofia (UTC+3) is 22:30 on 31 March in UTC: a date taken from toISOString() was a
    // day early every night (issue 11 C11).
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-31T22:30:00Z') });
    try {
      stubApi({ ...signedIn(memberMe), [`/api/committee/members/${ID}`]: () => json(active) });
      const app = renderApp(`/committee/members/${ID}`);
      await app.user.click(await screen.findByRole('button', { name: 'Спиране' }));
      const dialog = await screen.findByRole('dialog');
      const effective = await within(dialog).findByLabelText(/В сила от/, {
        selector: 'input[data-dates-input]',
      });
      expect(effective).toHaveValue('01.04.2026');
    } finally {
      vi.useRealTimers();
    }
  });
  it('the chair proposes a vote instead of typing counts; the page shows it with vote and close buttons', async () => {
    let current: MembershipDetail = active;
    const voting: MembershipDetail = {
      ...active,
      vote: {
        sessionId: 'd0000000-0000-4000-8000-000000000001',
        round: 1,
        ballot: 'open',
        majority: 'simple',
        quorum: 'more_than_half',
        openedAt: '2026-03-01T10:00:00.000Z',
        closedAt: null,
        tally: { eligible: 3, recused: 0, for: 0, against: 0, abstain: 0, voted: 0 },
        quorumReached: false,
        voters: [{ name: 'Елена Димитрова', voted: false, choice: null, recused: false }],
        myVote: null,
        myVoted: false,
        myRecused: false,
        outcome: null,
        proposal: { action: 'suspend', category: null, reason: 'Неплатен внос', effectiveOn: '2026-03-01' },
        decisionNumber: null,
        myConflict: false,
      },
    };
    const api = stubApi({
      ...signedIn(chairMe),
      [`/api/committee/members/${ID}`]: () => json(current),
      [`/api/committee/members/${ID}/votes`]: () => {
        current = voting;
        return json(current);
      },
      [`/api/committee/members/${ID}/votes/current/ballot`]: () => json(current),
    });
    const app = renderApp(`/committee/members/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Спиране' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('radio', { name: 'Гласуване на комитета' })).toBeChecked();
    expect(within(dialog).queryByRole('textbox', { name: 'За' })).toBeNull();
    await app.user.click(within(dialog).getByRole('button', { name: 'Открий гласуване' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const body = api.requestsTo(`/api/committee/members/${ID}/votes`)[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ action: 'suspend', version: 1 });
    expect(body).not.toHaveProperty('decision');
    const panel = await screen.findByRole('region', { name: 'Тече гласуване за промяна в членството' });
    expect(within(panel).getByText(/Предложение: Спиране/)).toBeVisible();
    expect(within(panel).getByRole('button', { name: 'Закрий гласуването' })).toBeVisible();
    await app.user.click(within(panel).getByRole('button', { name: 'За' }));
    await waitFor(() =>
      expect(api.requestsTo(`/api/committee/members/${ID}/votes/current/ballot`)[0]?.body).toEqual({
        choice: 'for',
      }),
    );
  });

  it('asks for a confirmation before an exclusion and shows a stale version as a conflict', async () => {
    const api = stubApi({
      ...signedIn(memberMe),
      [`/api/committee/members/${ID}`]: () => json(active),
      [`/api/committee/members/${ID}/actions`]: () =>
        json(
          {
            type: 'urn:portal:problem:membership.stale',
            title: 'Членството вече е променено',
            status: 409,
            code: 'membership.stale',
            detail: 'Някой друг е променил членството.',
            current: suspended,
          },
          409,
        ),
    });
    const app = renderApp(`/committee/members/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Изключване' }));
    const dialog = await screen.findByRole('dialog');
    await app.user.click(within(dialog).getByRole('radio', { name: 'Съществуващо решение' }));
    await app.user.type(within(dialog).getByRole('textbox', { name: /Номер на решението/ }), '2026-003');
    const save = within(dialog).getByRole('button', { name: 'Запиши' });
    expect(save).toBeDisabled();
    await app.user.click(within(dialog).getByRole('checkbox', { name: /Потвърждавам изключването/ }));
    await app.user.click(save);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Членството е променено междувременно',
    );
    expect(api.requestsTo(`/api/committee/members/${ID}/actions`)[0]?.body).toMatchObject({
      action: 'exclude',
      decision: { number: '2026-003' },
      version: 1,
    });
  });
});
