import {
  type Application,
  type ApplicationState,
  type ApplicationSummary,
  computeOutcome,
  hasQuorum,
  type Me,
  nextState,
  type Tally,
  type TimelineEntry,
  type VoteChoice,
  type VotePanel,
} from '@portal/shared';
import { meFixture } from '@/testing/auth-fixtures.ts';
import { type Handler, json, problem, stubApi } from '@/testing/mocks/stub-api.ts';

/**
 * Test data and a stateful stub of the committee's API: the queue filters, counts and pages like the
 * server, and an application follows the state machine, records comments and counts votes, so a test sees
 * the pages react to the answers.
 */

export const memberMe: Me = meFixture({
  id: 'c0000000-0000-4000-8000-000000000001',
  email: 'ivan@committee.example',
  displayName: 'Иван Иванов',
  roles: ['committee_member'],
  organizations: [],
});

export const chairMe: Me = meFixture({
  id: 'c0000000-0000-4000-8000-000000000002',
  email: 'elena@committee.example',
  displayName: 'Елена Димитрова',
  roles: ['committee_chair'],
  organizations: [],
});

export const APPLICATION_ID = 'a1000000-0000-4000-8000-000000000001';
const DOCUMENT_ID = 'd1000000-0000-4000-8000-000000000001';

export function makeSummary(n: number, overrides: Partial<ApplicationSummary> = {}): ApplicationSummary {
  const nn = String(n).padStart(2, '0');
  return {
    id: `a0000000-0000-4000-8000-0000000000${nn}`,
    state: 'submitted',
    nameBg: `Кандидат ${nn}`,
    nameEn: `Candidate ${nn}`,
    eik: '131071587',
    kind: 'company',
    applicantName: `Заявител ${nn}`,
    submittedAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-03T10:00:00.000Z',
    ...overrides,
  };
}

export function makeVote(overrides: Partial<VotePanel> = {}): VotePanel {
  return {
    sessionId: 'e1000000-0000-4000-8000-000000000001',
    round: 1,
    ballot: 'open',
    majority: 'simple',
    quorum: 'more_than_half',
    openedAt: '2026-03-10T09:00:00.000Z',
    closedAt: null,
    tally: { eligible: 3, recused: 0, for: 1, against: 0, abstain: 0, voted: 1 },
    quorumReached: false,
    voters: [
      { name: 'Елена Димитрова', voted: false, choice: null, recused: false },
      { name: 'Иван Иванов', voted: false, choice: null, recused: false },
      { name: 'Петър Георгиев', voted: true, choice: 'for', recused: false },
    ],
    myVote: null,
    myVoted: false,
    myRecused: false,
    outcome: null,
    ...overrides,
  };
}

export function makeApplication(overrides: Partial<Application> = {}): Application {
  return {
    id: APPLICATION_ID,
    state: 'submitted',
    applicant: {
      id: 'b0000000-0000-4000-8000-000000000001',
      name: 'Ана Петрова',
      email: 'ana@robotics.example',
    },
    data: {
      organization: {
        nameBg: 'Роботика Пловдив',
        nameEn: 'Robotics Plovdiv',
        eik: '131071587',
        kind: 'company',
        employees: 24,
        foundedYear: 2018,
        city: 'Пловдив',
        address: 'бул. „Марица“ 10',
        website: 'https://robotics.example',
        naceCodes: ['62.01'],
      },
      contact: {
        name: 'Ана Петрова',
        position: 'Управител',
        email: 'ana@robotics.example',
        phone: '+359 32 000 000',
      },
      areas: { areaIds: ['ict-ai', 'mechatronics'] },
      offers: {
        offers: { infrastructure: 'Лаборатория за роботи', people: 'Инженери' },
        seeks: { projects: 'Съвместни проекти с университети' },
      },
      motivation: { motivation: 'Искаме да работим с други фирми в региона.', category: 'regular' },
      declarations: {
        acceptsStatute: true,
        consentsToDataProcessing: true,
        version: '2026-11',
        acceptedAt: '2026-03-01T12:00:00.000Z',
      },
    },
    missing: [],
    documents: [
      {
        id: DOCUMENT_ID,
        kind: 'registration_certificate',
        filename: 'udostoverenie.pdf',
        size: 256_000,
        uploadedAt: '2026-03-01T11:00:00.000Z',
      },
    ],
    timeline: [
      {
        id: 1,
        at: '2026-03-02T10:00:00.000Z',
        actorName: 'Ана Петрова',
        kind: 'transition',
        action: 'submit',
        fromState: 'draft',
        toState: 'submitted',
        audience: 'applicant',
        text: null,
        changes: null,
      },
      {
        id: 2,
        at: '2026-03-03T08:00:00.000Z',
        actorName: 'Петър Георгиев',
        kind: 'comment',
        action: null,
        fromState: null,
        toState: null,
        audience: 'committee',
        text: 'Да проверим регистрацията в Търговския регистър.',
        changes: null,
      },
    ],
    vote: null,
    conflict: null,
    decision: null,
    organizationId: null,
    submittedAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-03T08:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

function paged<T>(url: URL, all: T[], defaultSize: number, extra: Record<string, unknown> = {}) {
  const page = Number(url.searchParams.get('page') ?? 1);
  const pageSize = Number(url.searchParams.get('pageSize') ?? defaultSize);
  return json({
    items: all.slice((page - 1) * pageSize, page * pageSize),
    total: all.length,
    page,
    pageSize,
    ...extra,
  });
}

/** Recomputes an open vote's tally and the open ballot's list from the members' votes. */
function recount(vote: VotePanel, me: Me) {
  const voters = vote.voters;
  const mine = voters.find((v) => v.name === me.displayName);
  if (mine) {
    mine.choice = vote.myRecused ? null : vote.myVote;
    mine.recused = vote.myRecused;
    mine.voted = mine.choice !== null;
  }
  vote.myVoted = vote.myVote !== null && !vote.myRecused;
  const count = (choice: VoteChoice) => voters.filter((v) => v.choice === choice).length;
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

/** The stub keeps every count (the server's secret count); answers hide them as the server does. */
const numbers = (t: VotePanel['tally']): Tally => ({
  eligible: t.eligible,
  recused: t.recused,
  for: t.for ?? 0,
  against: t.against ?? 0,
  abstain: t.abstain ?? 0,
});

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
  let nextId = 100;
  // A secret ballot hides every choice from the stub's answers too, and the totals until it closes, as on
  // the server (decision 013).
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
  const move = (action: 'start_review' | 'request_changes' | 'open_vote', text: string | null) => {
    const to = nextState(application.state, action);
    if (!to)
      return problem(409, 'Действието не е позволено в този етап', undefined, {
        code: 'application.transition_invalid',
      });
    event({ action, fromState: application.state, toState: to, text });
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
  };
  const openVote = () =>
    application.state === 'in_vote' && application.vote && application.vote.closedAt === null
      ? application.vote
      : undefined;

  const api = stubApi({
    '/api/auth/session': () => json({ user: me }),
    '/api/committee/applications': (url) => {
      const p = url.searchParams;
      const others = summaries.filter((s) => !p.get('kind') || s.kind === p.get('kind'));
      const counts: Partial<Record<ApplicationState, number>> = {};
      for (const s of others) counts[s.state] = (counts[s.state] ?? 0) + 1;
      const matching = others.filter((s) => !p.get('state') || s.state === p.get('state'));
      return paged(url, matching, 20, { counts });
    },
    '/api/applications/:id': (url) =>
      url.pathname.endsWith(application.id) ? answer() : problem(404, 'Заявлението не е намерено'),
    '/api/applications/:id/actions/:action': (url, request) => {
      const action = url.pathname.split('/').at(-1) as 'start_review' | 'request_changes' | 'open_vote';
      const comment = (request.body as { comment?: string } | undefined)?.comment ?? null;
      if (action === 'request_changes' && !comment)
        return problem(400, 'Невалидни данни', [{ path: 'body.comment', message: 'Напишете коментар.' }]);
      return move(action, comment);
    },
    '/api/applications/:id/comments': (_url, request) => {
      const body = request.body as { text: string; audience: 'committee' | 'applicant' };
      event({ kind: 'comment', audience: body.audience, text: body.text });
      return answer();
    },
    '/api/applications/:id/vote': (_url, request) => {
      const vote = openVote();
      if (!vote || vote.myRecused)
        return problem(409, 'Няма открито гласуване', undefined, { code: 'application.no_open_vote' });
      if (vote.ballot === 'secret' && vote.myVoted)
        return problem(409, 'Тайният вот не може да се промени', undefined, {
          code: 'application.secret_vote_final',
        });
      vote.myVote = (request.body as { choice: VoteChoice }).choice;
      if (me) recount(vote, me);
      return answer();
    },
    '/api/applications/:id/vote/recuse': () => {
      const vote = openVote();
      if (!vote) return problem(409, 'Няма открито гласуване');
      vote.myVote = null;
      vote.myRecused = true;
      if (me) recount(vote, me);
      return answer();
    },
    '/api/applications/:id/vote/close': () => {
      const vote = openVote();
      if (!vote) return problem(409, 'Няма открито гласуване');
      const outcome = computeOutcome(numbers(vote.tally), vote.majority, vote.quorum);
      vote.closedAt = '2026-03-20T12:00:00.000Z';
      vote.outcome = outcome;
      const to: ApplicationState = outcome === 'no_quorum' ? 'under_review' : outcome;
      event({
        kind: 'transition',
        action: outcome === 'approved' ? 'approve' : outcome === 'rejected' ? 'reject' : 'no_quorum',
        actorName: null,
        fromState: 'in_vote',
        toState: to,
      });
      application.state = to;
      if (outcome !== 'no_quorum') application.decision = { number: '2026-014', date: '2026-03-20', outcome };
      return answer();
    },
    ...handlers,
  });
  return { ...api, application };
}
