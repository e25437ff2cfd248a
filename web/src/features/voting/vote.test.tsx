import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_ID,
  chairMe,
  makeApplication,
  makeVote,
  memberMe,
} from '@/testing/mocks/fixtures/committee.ts';
import { committeeApi } from '@/testing/mocks/handlers/committee.ts';
import { problem } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const url = `/committee/applications/${APPLICATION_ID}`;
const inVote = (vote = makeVote()) => makeApplication({ state: 'in_vote', vote });

describe("the committee's vote on an application", () => {
  it('shows the rules, the tally, the quorum and, for an open ballot, who voted how', async () => {
    committeeApi({ application: inVote() });
    renderApp(url);
    const panel = await screen.findByRole('region', { name: 'Гласуване' });
    expect(within(panel).getByText('Обикновено (повече гласове „за“, отколкото „против“)')).toBeVisible();
    expect(within(panel).getByText('Явно')).toBeVisible();
    expect(
      within(panel).getByText(
        'Повече от половината от членовете с право на глас (въздържалите се се броят, отвелите се — не).',
      ),
    ).toBeVisible();
    expect(within(panel).getByText('1 от 3 с право на глас')).toBeVisible();
    expect(within(panel).getByText('Кворумът не е постигнат.')).toBeVisible();
    const voters = within(panel).getByRole('table');
    expect(within(voters).getByRole('row', { name: 'Петър Георгиев За' })).toBeVisible();
    expect(within(voters).getByRole('row', { name: 'Иван Иванов Не е гласувал' })).toBeVisible();
  });

  it('states the quorum the vote opened with and counts it: two thirds of the members entitled to vote', async () => {
    // 1 of 3 eligible has voted (makeVote's default).
    const api = committeeApi({ me: memberMe, application: inVote(makeVote({ quorum: 'two_thirds' })) });
    const app = renderApp(url);
    const panel = await screen.findByRole('region', { name: 'Гласуване' });
    const rules = within(panel).getByRole('region', { name: 'Правила' });
    expect(
      within(rules).getByText(
        'Поне две трети от членовете с право на глас (въздържалите се се броят, отвелите се — не).',
      ),
    ).toBeVisible();
    expect(within(rules).queryByText(/Повече от половината/)).toBeNull();
    expect(within(panel).getByText('Кворумът не е постигнат.')).toBeVisible();

    // An abstention takes part: 2 of 3 is exactly two thirds.
    const mine = within(panel).getByRole('region', { name: 'Моят глас' });
    await app.user.click(within(mine).getByRole('radio', { name: 'Въздържал се' }));
    await app.user.click(within(mine).getByRole('button', { name: 'Гласувай' }));
    expect(await within(panel).findByText('Кворумът е налице.')).toBeVisible();
    expect(api.requestsTo(`/api/applications/${APPLICATION_ID}/vote`)).toHaveLength(1);
  });

  it('needs every member entitled to vote when the quorum is all of them', async () => {
    committeeApi({ me: memberMe, application: inVote(makeVote({ quorum: 'all' })) });
    const app = renderApp(url);
    const panel = await screen.findByRole('region', { name: 'Гласуване' });
    expect(
      within(panel).getByText('Всички членове с право на глас (въздържалите се се броят, отвелите се — не).'),
    ).toBeVisible();
    const mine = within(panel).getByRole('region', { name: 'Моят глас' });
    await app.user.click(within(mine).getByRole('radio', { name: 'За' }));
    await app.user.click(within(mine).getByRole('button', { name: 'Гласувай' }));
    expect(await within(panel).findByText('2 от 3 с право на глас')).toBeVisible();
    // More than half, but not all.
    expect(within(panel).getByText('Кворумът не е постигнат.')).toBeVisible();
  });

  it('lets a committee member vote and change the vote while it is open', async () => {
    const api = committeeApi({ me: memberMe, application: inVote() });
    const app = renderApp(url);
    const panel = await screen.findByRole('region', { name: 'Гласуване' });
    const mine = within(panel).getByRole('region', { name: 'Моят глас' });
    expect(within(mine).getByText('Още не сте гласували.')).toBeVisible();
    // Only the chair closes a vote.
    expect(within(panel).queryByRole('button', { name: 'Закрий гласуването' })).toBeNull();

    await app.user.click(within(mine).getByRole('radio', { name: 'Против' }));
    await app.user.click(within(mine).getByRole('button', { name: 'Гласувай' }));
    expect(await within(mine).findByText('Гласът ви „Против“ е записан.')).toBeVisible();
    expect(within(mine).getByText(/Гласували сте „Против“/)).toBeVisible();
    expect(within(panel).getByText('2 от 3 с право на глас')).toBeVisible();
    expect(within(panel).getByText('Кворумът е налице.')).toBeVisible();
    expect(within(panel).getByRole('row', { name: 'Иван Иванов Против' })).toBeVisible();

    // Changing needs a different choice.
    expect(within(mine).getByRole('button', { name: 'Промени гласа' })).toBeDisabled();
    await app.user.click(within(mine).getByRole('radio', { name: 'Въздържал се' }));
    await app.user.click(within(mine).getByRole('button', { name: 'Промени гласа' }));
    expect(await within(mine).findByText('Гласът ви „Въздържал се“ е записан.')).toBeVisible();
    expect(within(panel).getByRole('row', { name: 'Иван Иванов Въздържал се' })).toBeVisible();

    expect(api.requestsTo(`/api/applications/${APPLICATION_ID}/vote`).map((r) => [r.method, r.body])).toEqual(
      [
        ['PUT', { choice: 'against' }],
        ['PUT', { choice: 'abstain' }],
      ],
    );
  });

  it('shows on a secret ballot only who has voted, no count per choice until it closes, and a final vote', async () => {
    const api = committeeApi({ me: memberMe, application: inVote(makeVote({ ballot: 'secret' })) });
    const app = renderApp(url);
    const panel = await screen.findByRole('region', { name: 'Гласуване' });
    expect(within(panel).getByText('Тайно')).toBeVisible();
    expect(
      within(panel).getByText('Гласуването е тайно: резултатът се показва след закриването му.'),
    ).toBeVisible();
    const tally = within(panel).getByRole('region', { name: 'Гласове' });
    expect(within(tally).queryByText('За')).toBeNull();
    expect(within(panel).getByText('1 от 3 с право на глас')).toBeVisible();
    const voters = within(panel).getByRole('region', { name: 'Кой е гласувал' });
    expect(within(voters).getByRole('row', { name: 'Петър Георгиев Гласувал' })).toBeVisible();
    expect(within(voters).getByRole('row', { name: 'Иван Иванов Не е гласувал' })).toBeVisible();

    const mine = within(panel).getByRole('region', { name: 'Моят глас' });
    expect(within(mine).getByText(/При тайно гласуване гласът не може да бъде променен/)).toBeVisible();
    await app.user.click(within(mine).getByRole('radio', { name: 'Против' }));
    await app.user.click(within(mine).getByRole('button', { name: 'Гласувай' }));
    expect(await within(panel).findByText(/Гласували сте. При тайно гласуване/)).toBeVisible();
    // Nothing offers to change it, and nothing shows the choice.
    expect(within(panel).queryByRole('radio')).toBeNull();
    expect(within(panel).queryByText('Против')).toBeNull();
    expect(within(panel).getByRole('row', { name: 'Иван Иванов Гласувал' })).toBeVisible();
    expect(api.requestsTo(`/api/applications/${APPLICATION_ID}/vote`)).toHaveLength(1);
  });

  it('lets a member declare a conflict of interest with a reason, after which they no longer vote', async () => {
    const api = committeeApi({ application: inVote() });
    const app = renderApp(url);
    const panel = await screen.findByRole('region', { name: 'Гласуване' });
    await app.user.click(within(panel).getByRole('button', { name: 'Декларирай конфликт на интереси' }));
    const dialog = await screen.findByRole('dialog', { name: 'Конфликт на интереси' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Декларирай' }));
    expect(within(dialog).getByRole('textbox', { name: /Причина/ })).toHaveAccessibleDescription(
      'Посочете причината за конфликта на интереси.',
    );
    expect(api.requestsTo(`/api/applications/${APPLICATION_ID}/vote/recuse`)).toHaveLength(0);

    await app.user.type(within(dialog).getByRole('textbox', { name: /Причина/ }), 'Работя в тази фирма.');
    await app.user.click(within(dialog).getByRole('button', { name: 'Декларирай' }));
    expect(
      await within(panel).findByText(
        'Декларирали сте конфликт на интереси и не гласувате по това заявление.',
      ),
    ).toBeVisible();
    expect(within(panel).queryByRole('radio')).toBeNull();
    expect(api.requestsTo(`/api/applications/${APPLICATION_ID}/vote/recuse`)[0]?.body).toEqual({
      reason: 'Работя в тази фирма.',
    });
    expect(
      within(panel).getByRole('row', { name: 'Иван Иванов Отвел се (конфликт на интереси)' }),
    ).toBeVisible();
  });

  it('lets the chair close the vote after a confirmation and then shows the outcome and the decision number', async () => {
    const api = committeeApi({
      me: chairMe,
      application: inVote(
        makeVote({
          tally: { eligible: 3, recused: 0, for: 2, against: 0, abstain: 0, voted: 2 },
          quorumReached: true,
          voters: [
            { name: 'Елена Димитрова', voted: false, choice: null, recused: false },
            { name: 'Иван Иванов', voted: true, choice: 'for', recused: false },
            { name: 'Петър Георгиев', voted: true, choice: 'for', recused: false },
          ],
        }),
      ),
    });
    const closeUrl = `/api/applications/${APPLICATION_ID}/vote/close`;
    const app = renderApp(url);
    const panel = await screen.findByRole('region', { name: 'Гласуване' });

    await app.user.click(within(panel).getByRole('button', { name: 'Закрий гласуването' }));
    let dialog = await screen.findByRole('dialog', { name: 'Закриване на гласуването' });
    expect(dialog).toHaveTextContent('Гласували са 2 от 3 члена с право на глас.');
    await app.user.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requestsTo(closeUrl)).toHaveLength(0);

    await app.user.click(within(panel).getByRole('button', { name: 'Закрий гласуването' }));
    dialog = await screen.findByRole('dialog', { name: 'Закриване на гласуването' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, закрий' }));

    const outcome = await within(panel).findByRole('status', { name: 'Резултат от гласуването' });
    expect(outcome).toHaveTextContent('Заявлението е одобрено: организацията е приета за член.');
    expect(outcome).toHaveTextContent('Решение № 2026-014 от 20 март 2026 г.');
    expect(api.requestsTo(closeUrl)).toHaveLength(1);
    expect(within(panel).queryByRole('button', { name: 'Закрий гласуването' })).toBeNull();
    expect(within(panel).queryByRole('radio')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).parentElement).toHaveTextContent('Одобрено');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Гласуване' })).toHaveFocus());
  });

  it('tells the members when a vote ended without a quorum', async () => {
    committeeApi({
      application: makeApplication({
        state: 'under_review',
        vote: makeVote({ closedAt: '2026-03-20T12:00:00.000Z', outcome: 'no_quorum' }),
      }),
    });
    renderApp(url);
    const panel = await screen.findByRole('region', { name: 'Гласуване' });
    expect(within(panel).getByRole('status')).toHaveTextContent('Гласуването приключи без кворум.');
    expect(within(panel).getByText('Не сте гласували.')).toBeVisible();
    expect(within(panel).queryByRole('radio')).toBeNull();
  });
});

describe('a committee member with a conflict of interest', () => {
  it('is told they are recused and offered no review action, no vote and no close', async () => {
    committeeApi({
      me: chairMe,
      application: makeApplication({ state: 'in_vote', vote: makeVote(), conflict: 'competitor' }),
    });
    renderApp(url);
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('Отведени сте от това заявление');
    expect(note).toHaveTextContent('Представлявате член, деклариран като конкурент на кандидата');
    const panel = screen.getByRole('region', { name: 'Гласуване' });
    expect(within(panel).getByText('Не гласувате по това заявление (конфликт на интереси).')).toBeVisible();
    expect(within(panel).queryByRole('radio')).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Закрий гласуването' })).toBeNull();
  });
});

describe('the last vote', () => {
  it('says before it is cast that it closes the vote, asks to confirm, and the result says why', async () => {
    const api = committeeApi({
      me: memberMe,
      application: inVote(
        makeVote({
          tally: { eligible: 3, recused: 0, for: 1, against: 1, abstain: 0, voted: 2 },
          quorumReached: true,
          voters: [
            { name: 'Елена Димитрова', voted: true, choice: 'against', recused: false },
            { name: 'Иван Иванов', voted: false, choice: null, recused: false },
            { name: 'Петър Георгиев', voted: true, choice: 'for', recused: false },
          ],
        }),
      ),
    });
    const app = renderApp(url);
    const panel = await screen.findByRole('region', { name: 'Гласуване' });
    const mine = within(panel).getByRole('region', { name: 'Моят глас' });
    expect(
      within(mine).getByText('Вашият глас е последният неподаден: с него гласуването се закрива.'),
    ).toBeVisible();
    await app.user.click(within(mine).getByRole('radio', { name: 'Въздържал се' }));
    await app.user.click(within(mine).getByRole('button', { name: 'Гласувай' }));
    const dialog = await screen.findByRole('dialog', { name: 'Вашият глас закрива гласуването' });
    expect(api.requestsTo(`/api/applications/${APPLICATION_ID}/vote`)).toHaveLength(0);
    await app.user.click(within(dialog).getByRole('button', { name: 'Гласувай и закрий' }));
    await waitFor(() => expect(api.requestsTo(`/api/applications/${APPLICATION_ID}/vote`)).toHaveLength(1));
  });

  it('states why a 1–1 tie is rejected under "more for than against"', async () => {
    committeeApi({
      application: makeApplication({
        state: 'rejected',
        vote: makeVote({
          closedAt: '2026-03-20T12:00:00.000Z',
          outcome: 'rejected',
          tally: { eligible: 3, recused: 0, for: 1, against: 1, abstain: 0, voted: 2 },
          quorumReached: true,
        }),
      }),
    });
    renderApp(url);
    const panel = await screen.findByRole('region', { name: 'Гласуване' });
    expect(within(panel).getByRole('status')).toHaveTextContent(
      'Защо: 1 „за“ и 1 „против“ е равенство; обикновеното мнозинство изисква повече гласове „за“, отколкото „против“, затова при равенство заявлението се отхвърля.',
    );
  });
});

describe('a vote closed elsewhere', () => {
  it('refreshes the panel when a vote is refused because the vote was closed meanwhile', async () => {
    const closedElsewhere = {
      ...makeVote({
        closedAt: '2026-03-20T12:00:00.000Z',
        outcome: 'approved' as const,
        tally: { eligible: 3, recused: 0, for: 2, against: 0, abstain: 0, voted: 2 },
        quorumReached: true,
      }),
    };
    const api = committeeApi({
      me: memberMe,
      application: inVote(),
      handlers: {
        '/api/applications/:id/vote': () => {
          // The chair closed the vote in another window a moment ago.
          api.application.state = 'approved';
          api.application.vote = closedElsewhere;
          api.application.decision = { number: '2026-014', date: '2026-03-20', outcome: 'approved' };
          return problem(409, 'Няма открито гласуване', undefined, { code: 'application.no_open_vote' });
        },
      },
    });
    const app = renderApp(url);
    const panel = await screen.findByRole('region', { name: 'Гласуване' });
    const mine = within(panel).getByRole('region', { name: 'Моят глас' });
    await app.user.click(within(mine).getByRole('radio', { name: 'За' }));
    await app.user.click(within(mine).getByRole('button', { name: 'Гласувай' }));
    // Without a reload: the outcome shows and nothing offers to vote or change a vote any more.
    expect(await within(panel).findByText(/Решение № 2026-014/)).toBeVisible();
    expect(within(panel).queryByRole('radio')).toBeNull();
    expect(within(panel).queryByRole('button', { name: /Гласувай|Промени гласа/ })).toBeNull();
  });
});
