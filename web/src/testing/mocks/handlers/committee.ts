import {
  ActionParamsSchema,
  type Application,
  ApplicationQueueQuerySchema,
  type ApplicationState,
  type ApplicationSummary,
  CommentBodySchema,
  computeOutcome,
  hasQuorum,
  type Me,
  nextState,
  RecuseBodySchema,
  type Tally,
  type TimelineEntry,
  TransitionBodySchema,
  VoteBodySchema,
  type VotePanel,
} from '@portal/shared';
import { http } from 'msw';
import { makeApplication, makeVote, memberMe } from '../fixtures/committee.ts';
import { recordRequests } from '../recorder.ts';
import { invalid, json, paged, problem } from '../responses.ts';
import { server } from '../server.ts';
import { type Handler, handlersOf } from '../stub-api.ts';

/** The handlers keep every count (the server's secret count); answers hide them as the server does. */
const numbers = (t: VotePanel['tally']): Tally => ({
  eligible: t.eligible,
  recused: t.recused,
  for: t.for ?? 0,
  against: t.against ?? 0,
  abstain: t.abstain ?? 0,
});

/** Recomputes an open vote's tally and the open ballot's list from the members' votes (quorum: shared rule). */
function recount(vote: VotePanel, me: Me) {
  const voters = vote.voters;
  const mine = voters.find((v) => v.name === me.displayName);
  if (mine) {
    mine.choice = vote.myRecused ? null : vote.myVote;
    mine.recused = vote.myRecused;
    mine.voted = mine.choice !== null;
  }
  vote.myVoted = vote.myVote !== null && !vote.myRecused;
  const count = (choice: string) => voters.filter((v) => v.choice === choice).length;
  const recused = voters.filter((v) => v.recused).length;
  vote.tally = {
    eligible: voters.length - recused,
    recused,
    for: count('for'),
    against: count('against'),
    abstain: count('abstain'),
    voted: count('for') + count('against') + count('abstain'),
  };
  vote.quorumReached = hasQuorum(numbers(vote.tally), vote.quorum);
}

const noOpenVote = (code?: string) => problem(409, 'Няма открито гласуване', undefined, code ? { code } : {});

/**
 * The committee's API over one `application` (changed in place) and the queue's `summaries`, acting as
 * `me`: moves follow the shared state machine, votes are counted and the outcome computed with the shared
 * voting rules, and a secret ballot's choices (and totals until it closes) are hidden as on the server
 * (decision 013).
 */
export function committeeHandlers(application: Application, summaries: ApplicationSummary[], me: Me | null) {
  let nextId = 100;
  const answer = () => {
    const copy = structuredClone(application);
    const vote = copy.vote;
    if (vote?.ballot === 'secret') {
      vote.voters = vote.voters.map((v) => ({ ...v, choice: null }));
      vote.myVote = null;
      if (vote.closedAt === null) vote.tally = { ...vote.tally, for: null, against: null, abstain: null };
    }
    return json(copy);
  };
  const event = (entry: Partial<TimelineEntry>) =>
    application.timeline.push({
      id: nextId++,
      at: new Date(Date.UTC(2026, 2, 20, 10, 0, nextId)).toISOString(),
      actorName: me?.displayName ?? null,
      kind: 'transition',
      action: null,
      fromState: null,
      toState: null,
      audience: 'applicant',
      text: null,
      changes: null,
      ...entry,
    });
  const openVote = () =>
    application.state === 'in_vote' && application.vote && application.vote.closedAt === null
      ? application.vote
      : undefined;
  const isThis = (id: unknown) => id === application.id;
  const notFound = () => problem(404, 'Заявлението не е намерено');

  return [
    http.get('/api/committee/applications', ({ request }) => {
      const parsed = ApplicationQueueQuerySchema.safeParse(
        Object.fromEntries(new URL(request.url).searchParams),
      );
      if (!parsed.success) return invalid(parsed.error);
      const { kind, state } = parsed.data;
      const others = summaries.filter((s) => !kind || s.kind === kind);
      const counts: Partial<Record<ApplicationState, number>> = {};
      for (const s of others) counts[s.state] = (counts[s.state] ?? 0) + 1;
      const matching = others.filter((s) => !state || s.state === state);
      return paged(matching, parsed.data, { counts });
    }),
    http.get('/api/applications/:id', ({ params }) => (isThis(params.id) ? answer() : notFound())),
    http.post('/api/applications/:id/actions/:action', async ({ request, params }) => {
      if (!isThis(params.id)) return notFound();
      const { action } = ActionParamsSchema.parse(params);
      const text = await request.text();
      const body = TransitionBodySchema.safeParse(text === '' ? {} : JSON.parse(text));
      if (!body.success) return invalid(body.error, 'body');
      const comment = body.data.comment ?? null;
      if (action === 'request_changes' && !comment)
        return problem(400, 'Невалидни данни', [{ path: 'body.comment', message: 'Напишете коментар.' }]);
      const to = nextState(application.state, action);
      if (!to)
        return problem(409, 'Действието не е позволено в този етап', undefined, {
          code: 'application.transition_invalid',
        });
      event({ action, fromState: application.state, toState: to, text: comment });
      application.state = to;
      if (action === 'open_vote') {
        application.vote = makeVote({
          round: (application.vote?.round ?? 0) + 1,
          tally: { eligible: 3, recused: 0, for: 0, against: 0, abstain: 0, voted: 0 },
          voters: [
            { name: 'Елена Димитрова', voted: false, choice: null, recused: false },
            { name: 'Иван Иванов', voted: false, choice: null, recused: false },
            { name: 'Петър Георгиев', voted: false, choice: null, recused: false },
          ],
        });
      }
      return answer();
    }),
    http.post('/api/applications/:id/comments', async ({ request, params }) => {
      if (!isThis(params.id)) return notFound();
      const body = CommentBodySchema.safeParse(await request.json());
      if (!body.success) return invalid(body.error, 'body');
      event({ kind: 'comment', audience: body.data.audience, text: body.data.text });
      return answer();
    }),
    http.put('/api/applications/:id/vote', async ({ request }) => {
      const vote = openVote();
      if (!vote || vote.myRecused) return noOpenVote('application.no_open_vote');
      if (vote.ballot === 'secret' && vote.myVoted)
        return problem(409, 'Тайният вот не може да се промени', undefined, {
          code: 'application.secret_vote_final',
        });
      const body = VoteBodySchema.safeParse(await request.json());
      if (!body.success) return invalid(body.error, 'body');
      vote.myVote = body.data.choice;
      if (me) recount(vote, me);
      return answer();
    }),
    http.post('/api/applications/:id/vote/recuse', async ({ request }) => {
      const vote = openVote();
      if (!vote) return noOpenVote();
      const body = RecuseBodySchema.safeParse(await request.json());
      if (!body.success) return invalid(body.error, 'body');
      vote.myVote = null;
      vote.myRecused = true;
      if (me) recount(vote, me);
      return answer();
    }),
    http.post('/api/applications/:id/vote/close', () => {
      const vote = openVote();
      if (!vote) return noOpenVote();
      const outcome = computeOutcome(numbers(vote.tally), vote.majority, vote.quorum);
      vote.closedAt = '2026-03-20T12:00:00.000Z';
      vote.outcome = outcome;
      const to = nextState(
        'in_vote',
        outcome === 'approved' ? 'approve' : outcome === 'rejected' ? 'reject' : 'no_quorum',
      );
      event({
        kind: 'transition',
        action: outcome === 'approved' ? 'approve' : outcome === 'rejected' ? 'reject' : 'no_quorum',
        actorName: null,
        fromState: 'in_vote',
        toState: to,
      });
      if (to) application.state = to;
      if (outcome !== 'no_quorum') application.decision = { number: '2026-014', date: '2026-03-20', outcome };
      return answer();
    }),
  ];
}

/**
 * Serves the committee's API to `me` (a committee member by default; null: nobody signed in) for one
 * test; `handlers` answer first. Returns the requests made and the application as it is now (a test may
 * change it, as another member's action would).
 */
export function committeeApi({
  me = memberMe,
  summaries = [],
  application: initial = makeApplication(),
  handlers = {},
}: {
  me?: Me | null;
  summaries?: ApplicationSummary[];
  application?: Application;
  handlers?: Record<string, Handler>;
} = {}) {
  const application = structuredClone(initial);
  const recorder = recordRequests();
  server.use(
    ...handlersOf(handlers),
    ...committeeHandlers(application, summaries, me),
    http.get('/api/auth/session', () => json({ user: me })),
  );
  return { ...recorder, application };
}
