import { MantineProvider } from '@mantine/core';
import type { ConductView, Meeting } from '@portal/shared';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '@/i18n/index.ts';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';
import { QuorumIndicator } from './components/quorum-indicator.tsx';
import { TallyForm } from './components/tally-form.tsx';

const wrap = (ui: React.ReactElement) => render(<MantineProvider>{ui}</MantineProvider>);

describe('quorum indicator', () => {
  it('says the rule in words and how many more are needed, with Bulgarian plurals', async () => {
    await i18n.changeLanguage('bg');
    const attendance = { seats: 5, present: 2, represented: 0, absent: 1, needed: 3 };
    const { rerender } = wrap(
      <QuorumIndicator view={{ attendance, quorum: 'more_than_half', quorumMet: false }} />,
    );
    expect(screen.getByText('Кворум: повече от половината от членовете')).toBeInTheDocument();
    expect(screen.getByText('Присъстват или са представлявани 2 от 5 членове')).toBeInTheDocument();
    expect(screen.getByText(/нужен е още 1 член;/)).toBeInTheDocument();
    rerender(
      <MantineProvider>
        <QuorumIndicator
          view={{ attendance: { ...attendance, present: 1 }, quorum: 'more_than_half', quorumMet: false }}
        />
      </MantineProvider>,
    );
    expect(screen.getByText('Присъства или е представляван 1 от 5 членове')).toBeInTheDocument();
    expect(screen.getByText(/нужни са още 2 членове;/)).toBeInTheDocument();
    rerender(
      <MantineProvider>
        <QuorumIndicator
          view={{ attendance: { ...attendance, present: 3 }, quorum: 'two_thirds', quorumMet: true }}
        />
      </MantineProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Има кворум');
  });
});

describe('tally form', () => {
  it('refuses more votes than the seats present or represented with a field error, sending nothing', async () => {
    await i18n.changeLanguage('en');
    const onSubmit = vi.fn();
    wrap(<TallyForm eligible={3} onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'For' }), '3');
    await user.type(screen.getByRole('textbox', { name: 'Against' }), '1');
    await user.click(screen.getByRole('button', { name: 'Close the vote' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The votes (4) are more than the seats present or represented (3).',
    );
    expect(onSubmit).not.toHaveBeenCalled();
    await user.clear(screen.getByRole('textbox', { name: 'Against' }));
    await user.click(screen.getByRole('button', { name: 'Close the vote' }));
    expect(onSubmit).toHaveBeenCalledWith({ for: 3, against: 0, abstain: 0 });
  });
});

const ID = '00000000-de00-4900-8000-000000000001';
const ITEM = '00000000-de00-4a00-8000-000000000001';
const ANNA = '00000000-de00-4b00-8000-000000000001';
const BORIS = '00000000-de00-4b00-8000-000000000002';
const VALYA = '00000000-de00-4b00-8000-000000000003';

const meeting = (overrides: Partial<Meeting> = {}) =>
  ({
    id: ID,
    bodyId: '00000000-de00-4700-8000-000000000001',
    bodyNameBg: 'Инициативен комитет',
    bodyNameEn: 'Initiative committee',
    titleBg: 'Първо официално заседание',
    titleEn: 'First official meeting',
    startsAt: '2026-02-05T08:00:00.000Z',
    endsAt: '2026-02-05T10:30:00.000Z',
    place: 'София Тех Парк',
    onlineUrl: null,
    status: 'held',
    quorum: 'more_than_half',
    majority: 'simple',
    allowsProxy: true,
    minutesVisibility: 'public',
    sequence: 0,
    invitedAt: null,
    heldAt: '2026-02-05T08:00:00.000Z',
    cancelledAt: null,
    cancelReason: null,
    version: 3,
    agenda: [],
    documents: [],
    participants: [],
    mySeats: [],
    mayManage: true,
    ...overrides,
  }) as unknown as Meeting;

type Vote = NonNullable<ConductView['items'][number]['vote']>;
const vote = (overrides: Partial<Vote> = {}): Vote => ({
  mode: 'tally',
  motionBg: 'Комитетът приема стратегията.',
  motionEn: 'The committee adopts the strategy.',
  for: 0,
  against: 0,
  abstain: 0,
  eligible: 2,
  outcome: null,
  openedAt: '2026-02-05T08:30:00.000Z',
  closedAt: null,
  ballots: [],
  recusedSeatIds: [],
  decisionNumber: null,
  ...overrides,
});

const conduct = (overrides: Partial<ConductView> = {}, itemVote: Vote | null = null): ConductView => ({
  meetingId: ID,
  status: 'held',
  quorum: 'more_than_half',
  majority: 'simple',
  allowsProxy: true,
  canManage: true,
  myVotingSeats: [],
  seats: [
    { id: ANNA, name: 'Анна Иванова', attendance: 'present', proxyId: null },
    { id: BORIS, name: 'Борис Петров', attendance: null, proxyId: null },
    { id: VALYA, name: 'Валя Стоянова', attendance: null, proxyId: null },
  ],
  attendance: { seats: 3, present: 1, represented: 0, absent: 0, needed: 2 },
  quorumMet: false,
  items: [
    {
      id: ITEM,
      position: 1,
      kind: 'text',
      titleBg: 'Стратегия на клъстера',
      titleEn: 'The cluster’s strategy',
      vote: itemVote,
    },
  ],
  ...overrides,
});

/** The meeting page with the conduct view `view`, the minutes absent, and `more` answers in front. */
function meetingApi(view: ConductView, more: Parameters<typeof stubApi>[0] = {}, m = meeting()) {
  return stubApi({
    ...signedIn(meFixture()),
    ...more,
    [`/api/meetings/${ID}/conduct`]: () => json(view),
    [`/api/meetings/${ID}/minutes`]: () => problem(404, 'Няма протокол'),
    [`/api/meetings/${ID}`]: () => json(m),
  });
}

const quorumHeld = {
  attendance: { seats: 3, present: 2, represented: 1, absent: 0, needed: 2 },
  quorumMet: true,
  seats: [
    { id: ANNA, name: 'Анна Иванова', attendance: 'present' as const, proxyId: null },
    { id: BORIS, name: 'Борис Петров', attendance: 'present' as const, proxyId: null },
    { id: VALYA, name: 'Валя Стоянова', attendance: 'proxy' as const, proxyId: BORIS },
  ],
};

describe('the conduct of a meeting on its page (decision 043)', () => {
  it('lets an officer mark attendance with the quorum moving live, sends the changes, and shows a row’s field error', async () => {
    await i18n.changeLanguage('bg');
    const api = meetingApi(conduct(), {
      [`/api/meetings/${ID}/attendance`]: () =>
        problem(400, 'Невалидни данни', [
          { path: 'body.entries.1.proxyId', message: 'Борис Петров не присъства на заседанието.' },
        ]),
    });
    const app = renderApp(`/meetings/${ID}`);
    const indicator = () =>
      screen.getAllByRole('status').find((el) => el.textContent?.includes('Кворум:')) as HTMLElement;
    await screen.findByRole('radiogroup', { name: 'Борис Петров' });
    expect(indicator()).toHaveTextContent('нужен е още 1 член');
    await app.user.click(
      within(screen.getByRole('radiogroup', { name: 'Борис Петров' })).getByRole('radio', {
        name: 'Присъства',
      }),
    );
    expect(indicator()).toHaveTextContent('Присъстват или са представлявани 2 от 3 членове');
    expect(indicator()).toHaveTextContent('Има кворум');
    await app.user.click(
      within(screen.getByRole('radiogroup', { name: 'Валя Стоянова' })).getByRole('radio', {
        name: 'Чрез пълномощник',
      }),
    );
    const holder = screen.getByRole('combobox', { name: 'Пълномощник на Валя Стоянова' });
    await app.user.click(holder);
    await screen.findByRole('option', { name: 'Борис Петров', hidden: true });
    // The holders offered are the seats present: Anna first, then Boris.
    await app.user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(holder).toHaveValue('Борис Петров');
    expect(screen.getByText(/2 незаписани промени/)).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Запази присъствието' }));
    await waitFor(() => expect(api.requestsTo(`/api/meetings/${ID}/attendance`)).toHaveLength(1));
    const sent = api.requestsTo(`/api/meetings/${ID}/attendance`)[0];
    expect(sent?.method).toBe('PUT');
    expect(sent?.body).toEqual({
      entries: [
        { participantId: BORIS, attendance: 'present' },
        { participantId: VALYA, attendance: 'proxy', proxyId: BORIS },
      ],
    });
    // The error names the second entry: Valya's row, on its proxy holder.
    await waitFor(() =>
      expect(
        screen.getByRole('combobox', { name: 'Пълномощник на Валя Стоянова' }),
      ).toHaveAccessibleDescription('Борис Петров не присъства на заседанието.'),
    );
    expect(screen.getByRole('radiogroup', { name: 'Борис Петров' })).not.toHaveAccessibleDescription();
  });

  it('shows a conflict from the server and fetches the view again', async () => {
    await i18n.changeLanguage('bg');
    const api = meetingApi(conduct(), {
      [`/api/meetings/${ID}/attendance`]: () =>
        problem(409, 'Заседанието не се провежда', undefined, { code: 'conduct.not_running' }),
    });
    const app = renderApp(`/meetings/${ID}`);
    await app.user.click(
      within(await screen.findByRole('radiogroup', { name: 'Борис Петров' })).getByRole('radio', {
        name: 'Отсъства',
      }),
    );
    await app.user.click(screen.getByRole('button', { name: 'Запази присъствието' }));
    expect(await screen.findByText('Заседанието не се провежда')).toBeInTheDocument();
    await waitFor(() => expect(api.requestsTo(`/api/meetings/${ID}/conduct`).length).toBeGreaterThan(1));
  });

  it('makes an invited meeting held when its officer saves the attendance', async () => {
    await i18n.changeLanguage('bg');
    let held = false;
    const api = stubApi({
      ...signedIn(meFixture()),
      [`/api/meetings/${ID}/attendance`]: () => {
        held = true;
        return json(conduct({ status: 'held', ...quorumHeld }));
      },
      [`/api/meetings/${ID}/conduct`]: () => json(conduct({ status: held ? 'held' : 'invited' })),
      [`/api/meetings/${ID}/minutes`]: () => problem(404, 'Няма протокол'),
      [`/api/meetings/${ID}`]: () => json(meeting({ status: held ? 'held' : 'invited', heldAt: null })),
    });
    const app = renderApp(`/meetings/${ID}`);
    expect(await screen.findByText(/Със записването му заседанието става проведено/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Гласуване по точките от дневния ред' })).toBeNull();
    await app.user.click(screen.getByRole('button', { name: 'Отбележи неотбелязаните като присъстващи' }));
    await app.user.click(screen.getByRole('button', { name: 'Запази присъствието' }));
    expect(
      await screen.findByRole('heading', { name: 'Гласуване по точките от дневния ред' }),
    ).toBeInTheDocument();
    expect(api.requestsTo(`/api/meetings/${ID}/attendance`)[0]?.body).toEqual({
      entries: [
        { participantId: BORIS, attendance: 'present' },
        { participantId: VALYA, attendance: 'present' },
      ],
    });
    // The meeting is fetched again: its status is now held; so are its minutes (now open to drafting).
    await waitFor(() => expect(screen.queryByText(/Със записването му/)).toBeNull());
    await waitFor(() => expect(api.requestsTo(`/api/meetings/${ID}/minutes`).length).toBe(2));
  });

  it('opens a vote with its motion and mode', async () => {
    await i18n.changeLanguage('bg');
    const api = meetingApi(conduct(quorumHeld), {
      [`/api/meetings/${ID}/items/${ITEM}/vote`]: () =>
        json(conduct(quorumHeld, vote({ mode: 'ballots', eligible: 3 }))),
    });
    const app = renderApp(`/meetings/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Открий гласуване' }));
    await app.user.type(
      screen.getByLabelText(/Предложение за решение \(на български\)/),
      'Приема стратегията.',
    );
    await app.user.click(screen.getByRole('radio', { name: 'Членовете гласуват в портала' }));
    await app.user.click(screen.getByRole('button', { name: 'Открий' }));
    expect(await screen.findByText('Гласуването е открито')).toBeInTheDocument();
    expect(api.requestsTo(`/api/meetings/${ID}/items/${ITEM}/vote`)[0]?.body).toEqual({
      mode: 'ballots',
      motionBg: 'Приема стратегията.',
      motionEn: '',
    });
    expect(screen.getByText('Подадени са 0 гласа от 3 възможни')).toBeInTheDocument();
  });

  it('refuses a tally above the seats present, then closes the vote after a confirmation and links the decision', async () => {
    await i18n.changeLanguage('bg');
    const api = meetingApi(conduct(quorumHeld, vote({ eligible: 3 })), {
      [`/api/meetings/${ID}/items/${ITEM}/vote/close`]: () =>
        json(
          conduct(
            quorumHeld,
            vote({
              eligible: 3,
              for: 2,
              against: 1,
              outcome: 'approved',
              closedAt: '2026-02-05T09:00:00.000Z',
              decisionNumber: '2026-010',
            }),
          ),
        ),
    });
    const app = renderApp(`/meetings/${ID}`);
    const form = await screen.findByRole('form', { name: 'Резултат от гласуването' });
    await app.user.type(within(form).getByRole('textbox', { name: 'За' }), '3');
    await app.user.type(within(form).getByRole('textbox', { name: 'Против' }), '1');
    await app.user.click(within(form).getByRole('button', { name: 'Закрий гласуването' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'Гласовете (4) са повече от присъстващите и представляваните (3).',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    await app.user.clear(within(form).getByRole('textbox', { name: 'За' }));
    await app.user.type(within(form).getByRole('textbox', { name: 'За' }), '2');
    await app.user.click(within(form).getByRole('button', { name: 'Закрий гласуването' }));
    const dialog = await screen.findByRole('dialog', { name: 'Закриване на гласуването' });
    expect(dialog).toHaveTextContent('За: 2 · Против: 1 · Въздържал се: 0');
    expect(api.requestsTo(`/api/meetings/${ID}/items/${ITEM}/vote/close`)).toHaveLength(0);
    await app.user.click(within(dialog).getByRole('button', { name: 'Закрий гласуването' }));
    expect(await screen.findByText('Прието')).toBeInTheDocument();
    expect(api.requestsTo(`/api/meetings/${ID}/items/${ITEM}/vote/close`)[0]?.body).toEqual({
      tally: { for: 2, against: 1, abstain: 0 },
    });
    expect(screen.getByRole('link', { name: 'Решение № 2026-010' })).toHaveAttribute(
      'href',
      '/decisions?q=2026-010',
    );
  });

  it('gives a seat recused on the item no ballot, saying why', async () => {
    await i18n.changeLanguage('bg');
    const open = vote({ mode: 'ballots', eligible: 2, recusedSeatIds: [BORIS] });
    const view = conduct({ ...quorumHeld, canManage: false, myVotingSeats: [BORIS] }, open);
    const api = meetingApi(view, {}, meeting({ mayManage: false, mySeats: [BORIS] }));
    renderApp(`/meetings/${ID}`);
    const mine = await screen.findByRole('group', { name: 'Вашият глас' });
    expect(within(mine).getByText(/Не гласувате по тази точка/)).toBeInTheDocument();
    expect(within(mine).queryByRole('button', { name: 'Против' })).toBeNull();
    expect(api.requestsTo(`/api/meetings/${ID}/items/${ITEM}/ballot`)).toHaveLength(0);
  });

  it('lets a seat present cast its ballot and shows how it voted', async () => {
    await i18n.changeLanguage('bg');
    const open = vote({ mode: 'ballots', eligible: 3 });
    const view = conduct({ ...quorumHeld, canManage: false, myVotingSeats: [BORIS] }, open);
    const api = meetingApi(
      view,
      {
        [`/api/meetings/${ID}/items/${ITEM}/ballot`]: () =>
          json({
            ...view,
            items: [
              {
                ...view.items[0]!,
                vote: {
                  ...open,
                  ballots: [{ participantId: BORIS, name: 'Борис Петров', choice: 'against' }],
                },
              },
            ],
          }),
      },
      meeting({ mayManage: false, mySeats: [BORIS] }),
    );
    const app = renderApp(`/meetings/${ID}`);
    const mine = await screen.findByRole('group', { name: 'Вашият глас' });
    expect(within(mine).getByText('Още не сте гласували.')).toBeInTheDocument();
    await app.user.click(within(mine).getByRole('button', { name: 'Против' }));
    expect(await within(mine).findByText('Гласувахте: Против')).toBeInTheDocument();
    expect(within(mine).getByRole('button', { name: 'Против' })).toHaveAttribute('aria-pressed', 'true');
    expect(api.requestsTo(`/api/meetings/${ID}/items/${ITEM}/ballot`)[0]).toMatchObject({
      method: 'PUT',
      body: { participantId: BORIS, choice: 'against' },
    });
    // Not an officer: no closing.
    expect(screen.queryByRole('button', { name: 'Закрий гласуването' })).toBeNull();
  });

  it('shows the officers the ballots counted and closes a ballot vote only after a confirmation', async () => {
    await i18n.changeLanguage('bg');
    const open = vote({
      mode: 'ballots',
      eligible: 3,
      ballots: [
        { participantId: ANNA, name: 'Анна Иванова', choice: 'for' },
        { participantId: BORIS, name: 'Борис Петров', choice: 'abstain' },
      ],
    });
    const api = meetingApi(conduct(quorumHeld, open), {
      [`/api/meetings/${ID}/items/${ITEM}/vote/close`]: () =>
        json(
          conduct(quorumHeld, {
            ...open,
            for: 1,
            abstain: 1,
            outcome: 'approved',
            closedAt: '2026-02-05T09:00:00.000Z',
          }),
        ),
    });
    const app = renderApp(`/meetings/${ID}`);
    expect(await screen.findByText('Подадени са 2 гласа от 3 възможни')).toBeInTheDocument();
    expect(screen.getByText('За: 1 · Против: 0 · Въздържал се: 1')).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Закрий гласуването' }));
    const dialog = await screen.findByRole('dialog', { name: 'Закриване на гласуването' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requestsTo(`/api/meetings/${ID}/items/${ITEM}/vote/close`)).toHaveLength(0);
    await app.user.click(screen.getByRole('button', { name: 'Закрий гласуването' }));
    await app.user.click(
      within(await screen.findByRole('dialog', { name: 'Закриване на гласуването' })).getByRole('button', {
        name: 'Закрий гласуването',
      }),
    );
    expect(await screen.findByText('Прието')).toBeInTheDocument();
    expect(api.requestsTo(`/api/meetings/${ID}/items/${ITEM}/vote/close`)[0]?.body).toEqual({});
  });

  it('shows the members the attendance and results read only, a vote without quorum as a consultation', async () => {
    await i18n.changeLanguage('bg');
    meetingApi(
      conduct(
        {
          status: 'minutes_approved',
          canManage: false,
          seats: [
            { id: ANNA, name: 'Анна Иванова', attendance: 'present', proxyId: null },
            { id: BORIS, name: 'Борис Петров', attendance: 'absent', proxyId: null },
            { id: VALYA, name: 'Валя Стоянова', attendance: 'proxy', proxyId: ANNA },
          ],
          attendance: { seats: 3, present: 1, represented: 1, absent: 1, needed: 2 },
          quorumMet: true,
        },
        vote({ for: 1, eligible: 1, outcome: 'no_quorum', closedAt: '2026-02-05T09:00:00.000Z' }),
      ),
      {},
      meeting({ status: 'minutes_approved', mayManage: false }),
    );
    renderApp(`/meetings/${ID}`);
    expect(await screen.findByText('Валя Стоянова')).toBeInTheDocument();
    expect(screen.getByText('Чрез пълномощник (чрез Анна Иванова)')).toBeInTheDocument();
    expect(screen.getByText('Отсъства')).toBeInTheDocument();
    expect(screen.getByText('Консултация, без решение (няма кворум)')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(
      screen.queryByRole('button', { name: /Запази присъствието|Закрий гласуването|Открий/ }),
    ).toBeNull();
    expect(screen.queryByRole('link', { name: /Решение №/ })).toBeNull();
  });
});
