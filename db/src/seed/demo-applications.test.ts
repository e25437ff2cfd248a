import { createHash } from 'node:crypto';
import {
  APPLICATION_STATES,
  type ApplicationData,
  type ApplicationState,
  type DocumentKind,
  isValidEik,
  missingSections,
  nextState,
  SECTION_SCHEMAS,
} from '@portal/shared';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import {
  applicationDocuments,
  applicationEvents,
  applications,
  decisionCounters,
  decisions,
  memberships,
  organizations,
  userOrganizations,
  userRoles,
  users,
  voteSessions,
  votes,
} from '../schema/index.ts';
import { createTestDb, testEngine } from '../testing.ts';
import {
  DEMO_APPLICATIONS,
  DEMO_ORGANIZATIONS,
  DEMO_PEOPLE,
  DEMO_USERS,
  type DemoApplication,
  demoPdf,
  planDemoApplication,
  seedDemo,
} from './index.ts';

let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
});
afterAll(async () => {
  await h?.close();
});

const SOFIA_EIK = '000696327';

async function userId(email: string): Promise<string> {
  const [u] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  return u.id;
}

async function committeeIds(): Promise<Set<string>> {
  const rows = await h.query<{ user_id: string }>(
    sql`select distinct user_id from user_roles where role in ('committee_member', 'committee_chair')`,
  );
  return new Set(rows.map((r) => r.user_id));
}

async function snapshot() {
  return {
    applications: await h.db.select().from(applications).orderBy(asc(applications.id)),
    documents: await h.db.select().from(applicationDocuments).orderBy(asc(applicationDocuments.id)),
    events: await h.db.select().from(applicationEvents).orderBy(asc(applicationEvents.id)),
    sessions: await h.db.select().from(voteSessions).orderBy(asc(voteSessions.id)),
    votes: await h.db.select().from(votes).orderBy(asc(votes.sessionId), asc(votes.memberId)),
    decisions: await h.db.select().from(decisions).orderBy(asc(decisions.number)),
    counters: await h.db.select().from(decisionCounters).orderBy(asc(decisionCounters.year)),
    users: await h.db.select().from(users).orderBy(asc(users.email)),
    roles: await h.db.select().from(userRoles).orderBy(asc(userRoles.userId), asc(userRoles.role)),
    links: await h.db
      .select()
      .from(userOrganizations)
      .orderBy(asc(userOrganizations.userId), asc(userOrganizations.organizationId)),
  };
}

describe('the demo data as written (no database)', () => {
  it('has valid sections, valid ЕИКs, and new firms whose ЕИКs clash with no demo organisation', () => {
    const onFile = new Set(DEMO_ORGANIZATIONS.map((o) => o.eik));
    for (const app of DEMO_APPLICATIONS) {
      for (const [section, value] of Object.entries(app.data)) {
        const schema = SECTION_SCHEMAS[section as keyof typeof SECTION_SCHEMAS];
        const { version: _v, acceptedAt: _a, ...fields } = value as Record<string, unknown>;
        const parsed = schema.safeParse(section === 'declarations' ? fields : value);
        expect(parsed.success, `application ${app.n}, ${section}: ${parsed.error?.message}`).toBe(true);
      }
      const eik = app.data.organization?.eik;
      expect(eik && isValidEik(eik), `application ${app.n}`).toBe(true);
      // Only an organisation linked on purpose (a candidate applying, a member admitted) is on file.
      expect(onFile.has(eik ?? ''), `application ${app.n}: ${eik}`).toBe(app.organizationEik !== undefined);
      if (app.organizationEik) expect(app.organizationEik).toBe(eik);
    }
  });

  it('writes minimal PDFs a reader can parse: header, objects at their xref offsets, %%EOF', () => {
    const pdf = demoPdf(['Hello (demo)', 'Back\\slash']).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)?.[1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
    const entries = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries).toHaveLength(5);
    for (const [i, offset] of entries.entries()) {
      expect(pdf.slice(offset).startsWith(`${i + 1} 0 obj\n`)).toBe(true);
    }
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(pdf)?.[1]);
    const stream = pdf.slice(pdf.indexOf('stream\n') + 7, pdf.indexOf('\nendstream'));
    expect(stream.length).toBe(length);
    expect(stream).toContain('(Hello \\(demo\\)) Tj');
    expect(() => demoPdf(['Столична община'])).toThrow(/ASCII/);
  });

  it('refuses a story the server would refuse', () => {
    const base = DEMO_APPLICATIONS.find((a) => a.n === 8) as DemoApplication;
    const skipReview: DemoApplication = {
      ...base,
      steps: [
        ...base.steps,
        { at: '2026-11-21T09:00:00Z', by: 'predsedatel@demo.klaster.bg', action: 'open_vote' },
      ],
      rounds: [[]],
    };
    expect(() => planDemoApplication(skipReview)).toThrow(/open_vote is not allowed in submitted/);
    const reviewedByApplicant: DemoApplication = {
      ...base,
      steps: [...base.steps, { at: '2026-11-21T09:00:00Z', by: base.applicant, action: 'start_review' }],
    };
    expect(() => planDemoApplication(reviewedByApplicant)).toThrow(/start_review by/);
    const echo = DEMO_APPLICATIONS.find((a) => a.n === 1) as DemoApplication;
    const wrongOutcome: DemoApplication = {
      ...echo,
      rounds: [echo.rounds?.[0]?.map((b) => ({ ...b, choice: 'against' as const })) ?? []],
    };
    expect(() => planDemoApplication(wrongOutcome)).toThrow(/the ballots give rejected, not approved/);
  });
});

describe(`the demo join applications (${testEngine})`, () => {
  it('has an application in every state, each with its data stored as a JSON object', async () => {
    const rows = await h.query<{ state: ApplicationState; n: number; objects: number }>(
      sql`select state, count(*)::int as n, count(*) filter (where jsonb_typeof(data) = 'object')::int as objects
          from applications group by state`,
    );
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(APPLICATION_STATES));
    for (const r of rows) expect(r.objects).toBe(r.n);
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(DEMO_APPLICATIONS.length);
  });

  it('gives each application valid PDF documents, and every submitted one all it needs', async () => {
    const apps = await h.db.select().from(applications);
    for (const app of apps) {
      const docs = await h.db
        .select()
        .from(applicationDocuments)
        .where(eq(applicationDocuments.applicationId, app.id));
      expect(docs.length, app.id).toBeGreaterThanOrEqual(1);
      for (const d of docs) {
        expect(d.content.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
        expect(d.content.subarray(-6).toString('latin1')).toBe('%%EOF\n');
        expect(d.size).toBe(d.content.length);
        expect(d.sha256).toBe(createHash('sha256').update(d.content).digest('hex'));
        expect(d.filename).toMatch(/^[a-z0-9-]+\.pdf$/);
        expect(d.uploadedBy).toBe(app.applicantId);
      }
      const missing = missingSections(
        app.data as ApplicationData,
        docs.map((d) => ({ kind: d.kind as DocumentKind })),
      );
      if (app.state === 'draft') expect(missing.length).toBeGreaterThan(0);
      else expect(missing, `${app.state} ${app.eik}`).toEqual([]);
      expect(app.eik).toBe(app.data.organization?.eik);
      expect(app.kind).toBe(app.data.organization?.kind);
    }
  });

  it('tells each story through a legal timeline in 2026, by actors allowed to make each move', async () => {
    const committee = await committeeIds();
    const apps = await h.db.select().from(applications);
    for (const app of apps) {
      const events = await h.db
        .select()
        .from(applicationEvents)
        .where(eq(applicationEvents.applicationId, app.id))
        .orderBy(asc(applicationEvents.id));
      expect(events[0]).toMatchObject({ kind: 'transition', action: 'create', toState: 'draft' });
      expect(events[0]?.actorId).toBe(app.applicantId);
      expect(events[0]?.at).toEqual(app.createdAt);
      let state: ApplicationState | null = null;
      let last = 0;
      for (const e of events) {
        expect(e.at.getTime()).toBeGreaterThanOrEqual(last);
        last = e.at.getTime();
        expect(e.at.getUTCFullYear()).toBe(2026);
        expect(e.at.getTime()).toBeLessThan(Date.parse('2026-11-27T00:00:00Z'));
        if (e.kind === 'comment') {
          expect(e.text).toBeTruthy();
          if (e.audience === 'committee') expect(committee.has(e.actorId ?? '')).toBe(true);
          continue;
        }
        expect(e.audience).toBe('applicant');
        if (e.action !== 'create') {
          expect(e.fromState).toBe(state);
          expect(nextState(state as ApplicationState, e.action as never)).toBe(e.toState);
        }
        if (['create', 'submit', 'resubmit', 'withdraw'].includes(e.action ?? ''))
          expect(e.actorId).toBe(app.applicantId);
        if (['start_review', 'request_changes', 'open_vote'].includes(e.action ?? ''))
          expect(committee.has(e.actorId ?? '')).toBe(true);
        state = e.toState as ApplicationState;
      }
      expect(state).toBe(app.state);
      expect(app.updatedAt.getTime()).toBeGreaterThanOrEqual(app.createdAt.getTime());
      if (app.state !== 'draft') expect(app.submittedAt).not.toBeNull();
      expect(app.decidedAt !== null).toBe(app.state === 'approved' || app.state === 'rejected');
    }
  });

  it("shows the demo applicant their draft and the application awaiting the committee's changes", async () => {
    const jane = await userId('kandidat@demo.klaster.bg');
    const mine = await h.db.select().from(applications).where(eq(applications.applicantId, jane));
    expect(mine.map((a) => a.state).sort()).toEqual(['changes_requested', 'draft']);
    const changes = mine.find((a) => a.state === 'changes_requested');
    const [request] = await h.db
      .select()
      .from(applicationEvents)
      .where(
        sql`${applicationEvents.applicationId} = ${changes?.id} and ${applicationEvents.action} = 'request_changes'`,
      );
    expect(request).toMatchObject({ audience: 'applicant', toState: 'changes_requested' });
    expect(request?.text).toMatch(/certificate/);
    const roles = await h.db.select().from(userRoles).where(eq(userRoles.userId, jane));
    expect(roles.map((r) => r.role)).toEqual(['applicant']);
  });

  it("puts Sofia Municipality's accession in an open vote the demo chair can still vote in and close", async () => {
    const [sofia] = await h.db.select().from(organizations).where(eq(organizations.eik, SOFIA_EIK));
    const [app] = await h.db.select().from(applications).where(eq(applications.organizationId, sofia!.id));
    expect(app).toMatchObject({ state: 'in_vote', eik: SOFIA_EIK, kind: 'public_authority' });
    expect(app?.data.organization?.nameBg).toBe('Столична община');
    expect(app?.data.accession).toMatchObject({
      councilDecisionNumber: expect.stringMatching(/^№ \d+/),
      councilDecisionDate: '2026-11-12',
      representativeName: expect.any(String),
    });
    const docs = await h.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.applicationId, app!.id));
    expect(docs.map((d) => d.kind)).toContain('council_decision');

    const sessions = await h.db.select().from(voteSessions).where(eq(voteSessions.applicationId, app!.id));
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ round: 1, closedAt: null, outcome: null, tally: null });
    const cast = await h.db.select().from(votes).where(eq(votes.sessionId, sessions[0]!.id));
    const committee = await committeeIds();
    expect(cast.length).toBeGreaterThanOrEqual(2);
    expect(cast.length).toBeLessThan(committee.size);
    for (const v of cast) {
      expect(committee.has(v.memberId)).toBe(true);
      expect(v.choice).not.toBeNull();
    }
    const chair = await userId('predsedatel@demo.klaster.bg');
    expect(cast.map((v) => v.memberId)).not.toContain(chair);
    // Enough for a quorum when the chair closes it.
    expect(cast.length * 2).toBeGreaterThan(committee.size);
    // Not a member until the vote decides.
    const [membership] = await h.db
      .select()
      .from(memberships)
      .where(eq(memberships.organizationId, sofia!.id));
    expect(membership).toMatchObject({ category: 'candidate', memberSince: null });
  });

  it('numbers the register 2026-001 … with the counter at the last number', async () => {
    // The whole register of 2026 (admissions, then the demo's membership decisions), numbered without gaps.
    const rows = await h.db
      .select()
      .from(decisions)
      .where(eq(decisions.year, 2026))
      .orderBy(asc(decisions.sequence));
    expect(rows.map((d) => d.number)).toEqual(rows.map((_, i) => `2026-${String(i + 1).padStart(3, '0')}`));
    const counters = await h.db.select().from(decisionCounters).orderBy(asc(decisionCounters.year));
    expect(counters.find((c) => c.year === 2026)).toEqual({ year: 2026, last: rows.length });
    // Every year's counter stands at that year's last number.
    for (const c of counters) {
      expect(await h.db.$count(decisions, eq(decisions.year, c.year))).toBe(c.last);
    }
    // The admissions come first, in the order they were decided.
    const admissions = rows.filter((d) => d.subject === 'admission');
    expect(admissions.map((d) => d.number)).toEqual(
      admissions.map((_, i) => `2026-${String(i + 1).padStart(3, '0')}`),
    );
    expect(admissions.length).toBeGreaterThanOrEqual(3);
    expect(admissions.map((d) => d.outcome)).toContain('rejected');
    expect(admissions.filter((d) => d.outcome === 'approved').length).toBeGreaterThanOrEqual(2);
    const dates = admissions.map((d) => d.decidedOn);
    expect([...dates].sort()).toEqual(dates);
  });

  it('ties each admission decision to its closed vote, its application and, on approval, the member and its representative', async () => {
    const rows = await h.db.select().from(decisions).where(eq(decisions.subject, 'admission'));
    for (const d of rows) {
      const [app] = await h.db.select().from(applications).where(eq(applications.id, d.applicationId!));
      const [session] = await h.db.select().from(voteSessions).where(eq(voteSessions.id, d.voteSessionId!));
      expect(app?.state).toBe(d.outcome);
      expect(app?.decidedAt?.toISOString().slice(0, 10)).toBe(d.decidedOn);
      expect(session).toMatchObject({ applicationId: app?.id, outcome: d.outcome, tally: d.tally });
      expect(session?.closedAt).toEqual(app?.decidedAt);
      const t = d.tally as { for: number; against: number; abstain: number };
      const org = app?.data.organization;
      expect(d.textBg).toBe(
        `Комитетът ${d.outcome === 'approved' ? 'приема за член' : 'не приема за член'} на клъстера ${org?.nameBg} (ЕИК ${org?.eik}) с гласове за/против/въздържали се ${t.for}/${t.against}/${t.abstain}.`,
      );
      expect(d.organizationNameEn).toBe(org?.nameEn);
      const [closing] = await h.db
        .select()
        .from(applicationEvents)
        .where(
          sql`${applicationEvents.applicationId} = ${app?.id} and ${applicationEvents.toState} = ${d.outcome}`,
        );
      expect(closing?.text).toBe(`№ ${d.number}`);

      if (d.outcome === 'rejected') {
        expect(d.organizationId).toBeNull();
        continue;
      }
      expect(d.organizationId).toBe(app?.organizationId);
      const [m] = await h.db
        .select()
        .from(memberships)
        .where(eq(memberships.organizationId, d.organizationId!));
      expect(m).toMatchObject({
        status: 'active',
        memberSince: d.decidedOn,
        category: app?.data.motivation?.category,
      });
      const link = await h.db
        .select()
        .from(userOrganizations)
        .where(
          sql`${userOrganizations.userId} = ${app?.applicantId} and ${userOrganizations.organizationId} = ${d.organizationId}`,
        );
      expect(link).toHaveLength(1);
      const roles = await h.db.select().from(userRoles).where(eq(userRoles.userId, app!.applicantId));
      expect(roles.map((r) => r.role).sort()).toEqual(['applicant', 'representative']);
    }
  });

  it('keeps the demo accounts as they were and adds the other demo people with the demo password', async () => {
    const all = await h.db.select().from(users);
    // The demo conversations add a representative for a side that has none (demo-conversations.ts).
    const rows = all.filter((u) => !/^partnyor-\d+@demo\.klaster\.bg$/.test(u.email));
    expect(all.length - rows.length).toBeLessThanOrEqual(2);
    expect(rows).toHaveLength(DEMO_USERS.length + DEMO_PEOPLE.length);
    const committee = await committeeIds();
    expect(committee.size).toBe(3);
    for (const u of DEMO_USERS) {
      const roles = await h.db
        .select()
        .from(userRoles)
        .where(eq(userRoles.userId, await userId(u.email)));
      expect(roles.map((r) => r.role).sort(), u.email).toEqual([...u.roles].sort());
    }
  });

  it('leaves every row exactly as it was when run again', async () => {
    const before = await snapshot();
    await seedDemo(h.db);
    expect(await snapshot()).toEqual(before);
  });

  it('never undoes what the demo users did since (a closed vote, a later decision number)', async () => {
    const [sofia] = await h.db.select().from(applications).where(eq(applications.eik, SOFIA_EIK));
    await h.db
      .update(voteSessions)
      .set({ closedAt: new Date('2026-11-26T10:00:00Z'), outcome: 'no_quorum' })
      .where(eq(voteSessions.applicationId, sofia!.id));
    await h.db
      .update(applications)
      .set({ state: 'under_review', version: sql`${applications.version} + 1` })
      .where(eq(applications.id, sofia!.id));
    // The server's own numbering statement hands out the number after the demo's last one.
    const [next] = await h.query<{ last: number }>(
      sql`insert into decision_counters (year, last) values (2026, 1)
          on conflict (year) do update set last = decision_counters.last + 1 returning last`,
    );
    expect(Number(next?.last)).toBe((await h.db.$count(decisions, eq(decisions.year, 2026))) + 1);

    const before = await snapshot();
    await seedDemo(h.db);
    expect(await snapshot()).toEqual(before);
  });
});
