/**
 * The funding calls pages (issue 16 §3, decision 049): the public list by status with the number of
 * interested members in correct Bulgarian plurals, a representative marking their organisation's interest
 * on a call's page (and the server's refusal shown, not crashed on), and the committee's form showing the
 * server's field error beside the deadline.
 */
import type { FundingCall, FundingCallInterests, FundingCallSummary } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { profileFixture } from '@/testing/fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const id = (n: number) => `00000000-ca11-4000-8000-00000000000${n}`;

function callFixture(overrides: Partial<FundingCall> = {}): FundingCall {
  return {
    id: id(1),
    programme: 'ПНИИДИТ',
    code: 'BG-RRP-2.015',
    titleBg: 'Иновации в малките предприятия',
    titleEn: 'Innovation in small enterprises',
    summaryBg: 'Подкрепа за съвместни проекти.',
    summaryEn: 'Support for joint projects.',
    opensAt: '2026-11-02T08:00:00.000Z',
    deadlineAt: '2027-03-31T14:00:00.000Z',
    status: 'open',
    budgetCents: 50_000_000,
    eligibleKinds: [],
    url: null,
    interestedCount: 0,
    version: 2,
    documents: [],
    ...overrides,
  };
}

const summary = ({ documents: _documents, ...rest }: FundingCall): FundingCallSummary => rest;

const openCall = callFixture({ id: id(1), interestedCount: 1 });
const upcomingCall = callFixture({
  id: id(2),
  titleBg: 'Дигитална трансформация',
  titleEn: 'Digital transformation',
  status: 'upcoming',
  opensAt: '2027-02-01T08:00:00.000Z',
  interestedCount: 2,
});
const closedCall = callFixture({
  id: id(3),
  titleBg: 'Зелени технологии',
  titleEn: 'Green technologies',
  status: 'closed',
  deadlineAt: '2026-10-01T14:00:00.000Z',
  interestedCount: 5,
});
const quietCall = callFixture({ id: id(4), titleBg: 'Кръгова икономика', titleEn: 'Circular economy' });
const allCalls = [openCall, upcomingCall, closedCall, quietCall];

const listOf = (calls: FundingCall[]) =>
  json({ items: calls.map(summary), total: calls.length, page: 1, pageSize: 20 });

const item = (title: string) => screen.getByRole('link', { name: title }).closest('li') as HTMLElement;
/** The links to calls' pages, in the list's order. */
const callLinks = () =>
  screen
    .queryAllByRole('link')
    .filter((a) => /^\/calls\/[0-9a-f-]{36}$/.test(a.getAttribute('href') ?? ''))
    .map((a) => a.textContent);

describe('the list of funding calls', () => {
  it('shows each call with its status and how many members are interested, in Bulgarian plurals', async () => {
    stubApi({ '/api/public/calls': () => listOf(allCalls) });
    renderApp('/calls');
    expect(await screen.findByRole('heading', { level: 1, name: 'Покани за финансиране' })).toBeVisible();
    await screen.findByRole('link', { name: 'Иновации в малките предприятия' });
    expect(callLinks()).toEqual([
      'Иновации в малките предприятия',
      'Дигитална трансформация',
      'Зелени технологии',
      'Кръгова икономика',
    ]);

    const open = within(item('Иновации в малките предприятия'));
    expect(open.getByText('Отворена')).toBeVisible();
    expect(open.getByText(/· 1 член е заявил интерес$/)).toBeVisible();

    const upcoming = within(item('Дигитална трансформация'));
    expect(upcoming.getByText('Предстояща')).toBeVisible();
    expect(upcoming.getByText(/· 2 члена са заявили интерес$/)).toBeVisible();

    const closed = within(item('Зелени технологии'));
    expect(closed.getByText('Затворена')).toBeVisible();
    expect(closed.getByText(/· 5 члена са заявили интерес$/)).toBeVisible();

    expect(
      within(item('Кръгова икономика')).getByText(/· Още никой член не е заявил интерес$/),
    ).toBeVisible();
    // Dates the Bulgarian way (dd.mm.yyyy, Sofia time).
    expect(open.getByText(/Краен срок: 31\.03\.2027/)).toBeVisible();
  });

  it('asks the server for the chosen status, keeps it in the address and says when none match', async () => {
    const api = stubApi({
      '/api/public/calls': (url) => {
        const status = url.searchParams.get('status');
        return listOf(status ? allCalls.filter((c) => c.status === status && status !== 'closed') : allCalls);
      },
    });
    const app = renderApp('/calls');
    await screen.findByRole('link', { name: 'Зелени технологии' });
    expect(api.requestsTo('/api/public/calls').at(-1)?.url.searchParams.has('status')).toBe(false);

    await app.user.click(screen.getByRole('radio', { name: 'Отворени' }));
    await waitFor(() =>
      expect(api.requestsTo('/api/public/calls').at(-1)?.url.searchParams.get('status')).toBe('open'),
    );
    await waitFor(() => expect(callLinks()).toEqual(['Иновации в малките предприятия', 'Кръгова икономика']));
    expect(app.searchParams().get('status')).toBe('open');

    await app.user.click(screen.getByRole('radio', { name: 'Затворени' }));
    expect(await screen.findByText('Няма покани в това състояние.')).toBeVisible();
    expect(api.requestsTo('/api/public/calls').at(-1)?.url.searchParams.get('status')).toBe('closed');
    expect(callLinks()).toEqual([]);
  });

  it('says so when there are no calls at all', async () => {
    stubApi({ '/api/public/calls': () => listOf([]) });
    renderApp('/calls');
    expect(await screen.findByText('Няма покани за финансиране.')).toBeVisible();
    expect(screen.queryByText('Няма покани в това състояние.')).toBeNull();
  });
});

describe("a call's page", () => {
  const org = { id: profileFixture.id, nameBg: profileFixture.nameBg, nameEn: profileFixture.nameEn };
  const callPath = `/api/public/calls/${openCall.id}`;
  const interestsPath = `/api/calls/${openCall.id}/interests`;
  const markPath = `${interestsPath}/${org.id}`;

  it('lets a representative of an active member mark interest, and shows it marked', async () => {
    let marked = false;
    const interests = (): FundingCallInterests => ({
      organizations: marked ? [org] : [],
      mine: marked ? [org.id] : [],
      canMark: [org],
    });
    const api = stubApi({
      ...signedIn(),
      [callPath]: () => json({ ...openCall, interestedCount: marked ? 2 : 1 }, 200, { ETag: '"2"' }),
      [interestsPath]: () => json(interests()),
      [markPath]: (_url, request) => {
        if (request.method !== 'PUT') return problem(405, 'Method not allowed');
        marked = true;
        return json(interests());
      },
    });
    const app = renderApp(`/calls/${openCall.id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Иновации в малките предприятия' }),
    ).toBeVisible();
    expect(screen.getByText('1 член е заявил интерес')).toBeVisible();
    await app.user.click(await screen.findByRole('button', { name: 'Заявете интерес' }));

    expect(await screen.findByText('Заявихме интерес (Пиксел Фабрика)')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Оттеглете интереса' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Заявете интерес' })).toBeNull();
    const sent = api.requestsTo(markPath);
    expect(sent.map((r) => r.method)).toEqual(['PUT']);
    expect(sent[0]?.body).toBeUndefined();
    // The count is read again after the change, and the organisation is now listed among the interested.
    expect(await screen.findByText('2 члена са заявили интерес')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Пиксел Фабрика' })).toBeVisible();
  });

  it.each([
    {
      status: 409,
      code: 'call.closed',
      title: 'Поканата е затворена',
      detail: 'Крайният срок на поканата е изтекъл; интерес вече не може да се заявява.',
    },
    {
      status: 412,
      code: 'precondition.failed',
      title: 'Данните вече са променени',
      detail: 'Някой друг е записал промени, след като сте отворили тези данни.',
    },
  ])(
    'shows the server’s message when marking is refused with $status',
    async ({ status, code, title, detail }) => {
      const api = stubApi({
        ...signedIn(),
        [callPath]: () => json(openCall, 200, { ETag: '"2"' }),
        [interestsPath]: () => json({ organizations: [], mine: [], canMark: [org] }),
        [markPath]: () => problem(status, title, undefined, { code, detail }),
      });
      const app = renderApp(`/calls/${openCall.id}`);
      await app.user.click(await screen.findByRole('button', { name: 'Заявете интерес' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Действието не беше изпълнено');
      expect(within(alert).getByText(title)).toBeVisible();
      expect(within(alert).getByText(detail)).toBeVisible();
      expect(api.sent(markPath, 'PUT')).toHaveLength(1);
      // Still the call's page, not marked, and nothing else went wrong.
      expect(screen.getByRole('heading', { level: 1, name: 'Иновации в малките предприятия' })).toBeVisible();
      expect(screen.getByRole('button', { name: 'Заявете интерес' })).toBeVisible();
      expect(screen.queryByText(/Заявихме интерес/)).toBeNull();
      expect(app.pathname()).toBe(`/calls/${openCall.id}`);
    },
  );
});

describe("the committee's call form", () => {
  it('shows the server’s deadline error beside the deadline, in Bulgarian, and stays on the form', async () => {
    const message = 'Крайният срок трябва да е след отварянето на поканата.';
    const api = stubApi({
      ...signedIn(meFixture({ roles: ['committee_chair'] })),
      '/api/committee/calls': (_url, request) =>
        request.method === 'POST'
          ? problem(400, 'Невалидни данни', [{ path: 'body.deadlineAt', message }], {
              code: 'validation.failed',
            })
          : undefined,
    });
    const app = renderApp('/committee/calls/new');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Нова покана за финансиране' }),
    ).toBeVisible();
    await app.user.type(screen.getByRole('textbox', { name: /^Програма/ }), 'ПНИИДИТ');
    await app.user.type(screen.getByRole('textbox', { name: /^Наименование \(български\)/ }), 'Покана');
    await app.user.type(screen.getByRole('textbox', { name: /^Наименование \(английски\)/ }), 'Call');
    const opens = await screen.findByLabelText(/^Отваряне/, { selector: 'input[data-dates-input]' });
    const deadline = await screen.findByLabelText(/^Краен срок/, { selector: 'input[data-dates-input]' });
    const [opensTime, deadlineTime] = screen.getAllByRole('textbox', { name: /^Час/ });
    await app.user.type(opens, '15.06.2027');
    await app.user.type(opensTime!, '10:00');
    await app.user.type(deadline, '14.06.2027');
    await app.user.type(deadlineTime!, '17:00');
    await app.user.click(screen.getByRole('button', { name: 'Запазване' }));

    await waitFor(() => expect(deadline).toHaveAccessibleDescription(message));
    expect(deadline).toHaveAttribute('aria-invalid', 'true');
    expect(opens).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByText(message)).toHaveLength(1);

    const sent = api.sent('/api/committee/calls', 'POST');
    expect(sent).toHaveLength(1);
    // Sofia summer time: 10:00 and 17:00 local are 07:00 and 14:00 UTC.
    expect(sent[0]?.body).toMatchObject({
      programme: 'ПНИИДИТ',
      titleBg: 'Покана',
      titleEn: 'Call',
      opensAt: '2027-06-15T07:00:00.000Z',
      deadlineAt: '2027-06-14T14:00:00.000Z',
    });
    // Nothing navigates away and what was typed is kept.
    expect(app.pathname()).toBe('/committee/calls/new');
    expect(screen.getByRole('textbox', { name: /^Програма/ })).toHaveValue('ПНИИДИТ');
  });
});
