/**
 * Writes the demo join applications (issue 4; the cases themselves are data in
 * `demo-applications.data.ts`): one or more in every state, with their documents, timelines, votes and the
 * decisions register, written exactly as the server writes them (see
 * server/src/routes/applications/*.service.ts and server/src/routes/voting/votes.service.ts).
 *
 * Each application is written as its story (steps in time); `planDemoApplication` replays it through the
 * shared state machine, so an impossible move, a vote outcome that does not follow from its ballots or an
 * actor without the right role stops the seed instead of producing odd rows.
 *
 * Idempotent: applications have fixed ids and are inserted with `on conflict do nothing`; their
 * documents, timeline, votes and decision are written only together with a newly inserted application,
 * so a second run (or a run after someone used the demo, e.g. closed the open vote) changes nothing.
 */
import { createHash } from 'node:crypto';
import {
  type ApplicationState,
  admissionDecisionText,
  computeOutcome,
  formatDecisionNumber,
  type MajorityRule,
  nextState,
  type Tally,
  TRANSITIONS,
} from '@portal/shared';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  applicationDocuments,
  applicationEvents,
  applications,
  decisionCounters,
  decisions,
  organizations,
  userOrganizations,
  userRoles,
  users,
  voteSessions,
  votes,
} from '../schema/index.ts';
import {
  DEMO_APPLICATIONS,
  DEMO_PEOPLE,
  type DemoApplication,
  type DemoBallot,
  type Who,
} from './demo-applications.data.ts';
import { DEMO_PASSWORD_HASH, DEMO_USERS, type DemoUser } from './demo-users.ts';

/** The rules the demo votes ran under (the cluster settings' defaults). */
const MAJORITY: MajorityRule = 'simple';
const BALLOT = 'open' as const;

/** Fixed ids: `00000000-de00-4T00-8000-…` with T the table (1 application, 2 document, 3 vote, 4 decision). */
export function demoId(table: 1 | 2 | 3 | 4, n: number, sub = 0): string {
  return `00000000-de00-4${table}00-8000-${String(n * 100 + sub).padStart(12, '0')}`;
}

// ---------- replaying a story into rows ----------

export interface DemoEventPlan {
  at: Date;
  by: Who | null;
  kind: 'transition' | 'comment';
  action: string | null;
  from: ApplicationState | null;
  to: ApplicationState | null;
  audience: 'applicant' | 'committee';
  text: string | null;
}

export interface DemoSessionPlan {
  id: string;
  round: number;
  openedBy: Who;
  openedAt: Date;
  closedAt: Date | null;
  closedBy: Who | null;
  outcome: 'approved' | 'rejected' | 'no_quorum' | null;
  tally: Tally | null;
  ballots: DemoBallot[];
}

export interface DemoDecisionPlan {
  id: string;
  year: number;
  sequence: number;
  number: string;
  decidedOn: string;
  outcome: 'approved' | 'rejected';
  sessionId: string;
  tally: Tally;
  textBg: string;
  textEn: string;
  at: Date;
}

export interface DemoApplicationPlan {
  id: string;
  app: DemoApplication;
  state: ApplicationState;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  version: number;
  events: DemoEventPlan[];
  sessions: DemoSessionPlan[];
  decision: DemoDecisionPlan | null;
}

const ALL_PEOPLE: readonly DemoUser[] = [...DEMO_USERS, ...DEMO_PEOPLE];
const rolesOf = (who: Who) => ALL_PEOPLE.find((u) => u.email === who)?.roles ?? [];
const isCommittee = (who: Who) =>
  rolesOf(who).some((r) => r === 'committee_member' || r === 'committee_chair');
/** The committee as the server counts it: everyone holding a committee role. */
const COMMITTEE_SIZE = ALL_PEOPLE.filter((u) => isCommittee(u.email)).length;

/** Replays an application's story through the shared state machine; throws on anything the server would refuse. */
export function planDemoApplication(app: DemoApplication): DemoApplicationPlan {
  const id = demoId(1, app.n);
  const fail = (why: string): never => {
    throw new Error(`demo application ${app.n}: ${why}`);
  };
  let state: ApplicationState | null = null;
  let submittedAt: Date | null = null;
  let decidedAt: Date | null = null;
  let lastWrite: Date | null = null;
  let transitions = 0;
  let previous = 0;
  const events: DemoEventPlan[] = [];
  const sessions: DemoSessionPlan[] = [];
  let decision: DemoDecisionPlan | null = null;

  for (const step of app.steps) {
    const at = new Date(step.at);
    if (at.getTime() < previous) fail(`steps out of order at ${step.at}`);
    previous = at.getTime();
    if ('comment' in step) {
      if (!state || state === 'draft') fail('a comment on a draft');
      if (step.audience === 'committee' && !isCommittee(step.by)) fail(`${step.by} writes an internal note`);
      if (step.by !== app.applicant && !isCommittee(step.by)) fail(`${step.by} may not comment`);
      events.push({
        at,
        by: step.by,
        kind: 'comment',
        action: null,
        from: null,
        to: null,
        audience: step.audience,
        text: step.comment,
      });
      continue;
    }
    let to: ApplicationState;
    if (step.action === 'create') {
      if (state !== null) fail('created twice');
      if (step.by !== app.applicant) fail('created by someone else');
      to = 'draft';
    } else {
      if (state === null) fail(`${step.action} before create`);
      const next = nextState(state as ApplicationState, step.action);
      if (!next) fail(`${step.action} is not allowed in ${state}`);
      to = next as ApplicationState;
      const actor = TRANSITIONS[step.action].by;
      if (actor === 'applicant' && step.by !== app.applicant) fail(`${step.action} by ${step.by}`);
      if (actor === 'committee' && !(step.by && isCommittee(step.by))) fail(`${step.action} by ${step.by}`);
      if (actor === 'chair' && !(step.by && rolesOf(step.by).includes('committee_chair')))
        fail(`${step.action} by ${step.by}`);
      if (step.action === 'request_changes' && !step.text) fail('a request for changes without a comment');
      transitions += 1;
      lastWrite = at;
    }
    let text = step.text ?? null;

    if (step.action === 'submit') submittedAt ??= at;
    if (step.action === 'open_vote') {
      const round = sessions.length + 1;
      const ballots = app.rounds?.[round - 1] ?? fail(`no ballots for round ${round}`);
      sessions.push({
        id: demoId(3, app.n, round),
        round,
        openedBy: step.by ?? fail('open_vote without the chair'),
        openedAt: at,
        closedAt: null,
        closedBy: null,
        outcome: null,
        tally: null,
        ballots,
      });
    }
    if (step.action === 'approve' || step.action === 'reject' || step.action === 'no_quorum') {
      const session = sessions.at(-1) ?? fail('a vote outcome without a vote');
      const tally = tallyOf(session.ballots, at, fail);
      const outcome = computeOutcome(tally, MAJORITY);
      const expected = { approve: 'approved', reject: 'rejected', no_quorum: 'no_quorum' }[step.action];
      if (outcome !== expected) fail(`the ballots give ${outcome}, not ${expected}`);
      const everyoneVoted = tally.for + tally.against + tally.abstain >= tally.eligible;
      // The server closes a vote by itself on the last ballot; otherwise the chair closes it.
      if (everyoneVoted !== (step.by === null)) fail('closed by the wrong actor');
      if (step.by !== null && !rolesOf(step.by).includes('committee_chair')) fail('closed by a non-chair');
      Object.assign(session, { closedAt: at, closedBy: step.by, outcome, tally });
      if (outcome !== 'no_quorum') {
        const org = app.data.organization ?? fail('decided without an organisation');
        const sequence = app.decisionSequence ?? fail('a decision without a number');
        const year = at.getUTCFullYear();
        const number = formatDecisionNumber(year, sequence);
        decision = {
          id: demoId(4, app.n),
          year,
          sequence,
          number,
          decidedOn: at.toISOString().slice(0, 10),
          outcome,
          sessionId: session.id,
          tally,
          ...admissionDecisionText(outcome, org, tally),
          at,
        };
        decidedAt = at;
        text = `№ ${number}`;
      }
    }
    events.push({
      at,
      by: step.by,
      kind: 'transition',
      action: step.action,
      from: state,
      to,
      audience: 'applicant',
      text,
    });
    state = to;
  }
  if (!state) return fail('never created');
  if (state === 'approved' && !app.organizationEik) fail('an approval must name the member it admitted');

  const sections = Object.keys(app.data).length;
  const saved = app.savedAt ?? app.data.declarations?.acceptedAt;
  const createdAt = events[0]?.at ?? fail('no events');
  const writes = [createdAt, lastWrite, saved ? new Date(saved) : null].filter((d): d is Date => d !== null);
  return {
    id,
    app,
    state,
    createdAt,
    updatedAt: new Date(Math.max(...writes.map((d) => d.getTime()))),
    submittedAt,
    decidedAt,
    // Each section save and each move bumps the row's version (creating it does not).
    version: 1 + sections + (app.resaves ?? 0) + transitions,
    events,
    sessions,
    decision,
  };
}

function tallyOf(ballots: DemoBallot[], closedAt: Date, fail: (why: string) => never): Tally {
  const tally: Tally = { eligible: COMMITTEE_SIZE, recused: 0, for: 0, against: 0, abstain: 0 };
  const seen = new Set<Who>();
  for (const b of ballots) {
    if (!isCommittee(b.by)) fail(`${b.by} is not on the committee`);
    if (seen.has(b.by)) fail(`${b.by} voted twice`);
    seen.add(b.by);
    if (new Date(b.at) > closedAt) fail(`${b.by} voted after the vote closed`);
    if (b.recused) {
      tally.recused += 1;
      tally.eligible -= 1;
    } else if (b.choice) tally[b.choice] += 1;
    else fail(`${b.by} neither voted nor recused`);
  }
  return tally;
}

// ---------- demo PDFs ----------

/** A minimal one-page PDF 1.4 showing `lines` (ASCII, Helvetica), with a correct cross-reference table. */
export function demoPdf(lines: readonly string[]): Buffer {
  for (const line of lines) {
    if (!/^[\x20-\x7e]*$/.test(line)) throw new Error(`demo PDF text must be ASCII: ${line}`);
  }
  const escapeText = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = [
    'BT',
    '/F1 12 Tf',
    '16 TL',
    '56 780 Td',
    ...lines.map((l) => `(${escapeText(l)}) Tj T*`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// ---------- writing ----------

/**
 * Stores the demo applications (inside seedDemo's transaction, after the organisations and the demo
 * accounts). Applications already present are left exactly as they are.
 */
export async function seedDemoApplications(tx: Db): Promise<void> {
  const plans = DEMO_APPLICATIONS.map(planDemoApplication);

  await tx
    .insert(users)
    .values(
      DEMO_PEOPLE.map((u) => ({
        email: u.email,
        passwordHash: DEMO_PASSWORD_HASH,
        displayName: u.displayName,
        language: u.language,
        emailVerifiedAt: new Date('2026-01-15T09:00:00Z'),
      })),
    )
    .onConflictDoNothing();
  const userRows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        ALL_PEOPLE.map((u) => u.email),
      ),
    );
  const userIds = new Map(userRows.map((r) => [r.email, r.id]));
  const userId = (who: Who) => userIds.get(who) ?? fail(`demo user ${who} was not stored`);
  const actorId = (who: Who | null) => (who === null ? null : userId(who));

  const eiks = DEMO_APPLICATIONS.flatMap((a) => (a.organizationEik ? [a.organizationEik] : []));
  const orgRows = await tx
    .select({ id: organizations.id, eik: organizations.eik })
    .from(organizations)
    .where(inArray(organizations.eik, eiks));
  const orgIds = new Map(orgRows.map((r) => [r.eik, r.id]));
  const orgId = (e: string | undefined) =>
    e === undefined ? null : (orgIds.get(e) ?? fail(`demo organisation ${e} was not stored`));

  // Roles as the server grants them: starting an application makes an applicant; approval a representative.
  const roles = [
    ...DEMO_PEOPLE.flatMap((u) => u.roles.map((role) => ({ userId: userId(u.email), role }))),
    ...plans.map((p) => ({ userId: userId(p.app.applicant), role: 'applicant' as const })),
    ...plans
      .filter((p) => p.state === 'approved')
      .map((p) => ({ userId: userId(p.app.applicant), role: 'representative' as const })),
  ];
  await tx.insert(userRoles).values(roles).onConflictDoNothing();
  const links = plans
    .filter((p) => p.state === 'approved')
    .map((p) => ({
      userId: userId(p.app.applicant),
      organizationId: orgId(p.app.organizationEik) ?? fail('an approval without its member'),
    }));
  if (links.length > 0) await tx.insert(userOrganizations).values(links).onConflictDoNothing();

  const inserted = await tx
    .insert(applications)
    .values(
      plans.map((p) => ({
        id: p.id,
        applicantId: userId(p.app.applicant),
        state: p.state,
        data: p.app.data,
        eik: p.app.data.organization?.eik ?? null,
        kind: p.app.data.organization?.kind ?? null,
        organizationId: orgId(p.app.organizationEik),
        submittedAt: p.submittedAt,
        decidedAt: p.decidedAt,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
        version: p.version,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: applications.id });
  const fresh = new Set(inserted.map((r) => r.id));

  for (const p of plans.filter((x) => fresh.has(x.id))) {
    const applicant = userId(p.app.applicant);
    if (p.app.documents.length > 0) {
      await tx.insert(applicationDocuments).values(
        p.app.documents.map((d, i) => {
          const content = demoPdf(d.lines);
          return {
            id: demoId(2, p.app.n, i + 1),
            applicationId: p.id,
            kind: d.kind,
            filename: d.filename,
            size: content.length,
            sha256: createHash('sha256').update(content).digest('hex'),
            content,
            uploadedBy: applicant,
            uploadedAt: new Date(d.uploadedAt),
          };
        }),
      );
    }
    // One at a time, so the bigserial ids follow the timeline (the server orders the timeline by id).
    for (const e of p.events) {
      await tx.insert(applicationEvents).values({
        applicationId: p.id,
        at: e.at,
        actorId: actorId(e.by),
        kind: e.kind,
        action: e.action,
        fromState: e.from,
        toState: e.to,
        audience: e.audience,
        text: e.text,
      });
    }
    for (const s of p.sessions) {
      await tx.insert(voteSessions).values({
        id: s.id,
        applicationId: p.id,
        round: s.round,
        majority: MAJORITY,
        ballot: BALLOT,
        openedBy: userId(s.openedBy),
        openedAt: s.openedAt,
        closedAt: s.closedAt,
        closedBy: actorId(s.closedBy),
        outcome: s.outcome,
        tally: s.tally,
      });
      if (s.ballots.length > 0) {
        await tx.insert(votes).values(
          s.ballots.map((b) => ({
            sessionId: s.id,
            memberId: userId(b.by),
            choice: b.recused ? null : (b.choice ?? null),
            recused: Boolean(b.recused),
            recusalReason: b.recused ?? null,
            updatedAt: new Date(b.at),
          })),
        );
      }
    }
    const d = p.decision;
    if (d) {
      const org = p.app.data.organization ?? fail('decided without an organisation');
      await tx
        .insert(decisions)
        .values({
          id: d.id,
          year: d.year,
          sequence: d.sequence,
          number: d.number,
          decidedOn: d.decidedOn,
          outcome: d.outcome,
          applicationId: p.id,
          voteSessionId: d.sessionId,
          organizationId: orgId(p.app.organizationEik),
          organizationNameBg: org.nameBg,
          organizationNameEn: org.nameEn,
          textBg: d.textBg,
          textEn: d.textEn,
          tally: d.tally,
          accession: p.app.data.accession ?? null,
          createdAt: d.at,
        })
        // A register that already holds this number (real decisions) keeps it.
        .onConflictDoNothing();
    }
  }

  // The next real decision of a year gets the number after the demo's last one; never moves a counter back.
  const lastByYear = new Map<number, number>();
  for (const p of plans) {
    if (p.decision)
      lastByYear.set(p.decision.year, Math.max(lastByYear.get(p.decision.year) ?? 0, p.decision.sequence));
  }
  if (lastByYear.size > 0) {
    await tx
      .insert(decisionCounters)
      .values([...lastByYear].map(([year, last]) => ({ year, last })))
      .onConflictDoUpdate({
        target: decisionCounters.year,
        set: { last: sql`excluded."last"` },
        setWhere: sql`${decisionCounters.last} < excluded."last"`,
      });
  }
}

function fail(why: string): never {
  throw new Error(why);
}
