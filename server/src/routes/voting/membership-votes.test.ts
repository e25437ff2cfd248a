/**
 * Membership changes decided by a vote of the committee (issue 11 B1, decision 021): the chair opens a
 * vote on a proposed change, the committee votes, the server computes the outcome at the close and — if
 * adopted — records the numbered decision and applies the change in the same transaction.
 */
import type { DbHandle } from '@portal/db';
import { sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { type MembershipDetail, MembershipDetailSchema } from '@portal/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization, insertUser, lastEmail, logIn } from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let chair: string;
let m1: string;
let m2: string;
/** A committee member who represents `conflicted` (created in beforeAll). */
let rep: string;
let conflicted: string;
let admin: string;
const TODAY = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  chair = await logIn(
    app,
    (await insertUser(h, { roles: ['committee_chair'], displayName: 'А Председател' })).email,
  );
  m1 = await logIn(app, (await insertUser(h, { roles: ['committee_member'], displayName: 'Б Член' })).email);
  m2 = await logIn(app, (await insertUser(h, { roles: ['committee_member'], displayName: 'В Член' })).email);
  conflicted = await insertOrganization(h, { nameBg: 'Представлявана в комитета' });
  rep = await logIn(
    app,
    (
      await insertUser(h, {
        roles: ['committee_member', 'representative'],
        organizationIds: [conflicted],
        displayName: 'Г Представител',
      })
    ).email,
  );
  admin = await logIn(app, (await insertUser(h, { roles: ['admin'] })).email);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const post = (cookie: string, url: string, payload?: object, lang = 'bg') =>
  app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'accept-language': lang },
    ...(payload !== undefined ? { payload } : {}),
  });

function ok(res: LightMyRequestResponse): MembershipDetail {
  expect(res.statusCode, res.body).toBe(200);
  return MembershipDetailSchema.parse(res.json());
}

const detail = async (id: string, cookie = chair) =>
  ok(await app.inject({ method: 'GET', url: `/api/committee/members/${id}`, headers: { cookie } }));

async function open(
  id: string,
  body: object = { action: 'suspend', reason: 'Неплатен внос' },
  cookie = chair,
) {
  const version = (await detail(id)).version;
  return post(cookie, `/api/committee/members/${id}/votes`, { effectiveOn: TODAY, version, ...body });
}
const vote = (id: string, cookie: string, choice: 'for' | 'against' | 'abstain') =>
  post(cookie, `/api/committee/members/${id}/votes/current/ballot`, { choice });
const close = (id: string, cookie = chair) =>
  post(cookie, `/api/committee/members/${id}/votes/current/close`);

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

describe('a vote on a membership change', () => {
  it('is opened by the chair; when everyone eligible has voted, the adopted change is applied with its decision', async () => {
    const id = await insertOrganization(h, { nameBg: 'Спирана с гласуване' });
    const rep2 = await insertUser(h, { roles: ['representative'], organizationIds: [id] });
    const opened = ok(await open(id));
    expect(opened).toMatchObject({ status: 'active', version: 1 });
    expect(opened.vote).toMatchObject({
      proposal: { action: 'suspend', category: null, reason: 'Неплатен внос', effectiveOn: TODAY },
      closedAt: null,
      outcome: null,
      decisionNumber: null,
      // The chair and two members; the representative of `conflicted` is eligible here.
      tally: { eligible: 4, recused: 0, voted: 0 },
    });
    // While the vote is open nothing else changes the membership, and no second vote opens.
    const action = await post(chair, `/api/committee/members/${id}/actions`, {
      action: 'withdraw',
      effectiveOn: TODAY,
      decision: null,
      version: 1,
    });
    expect(action.statusCode).toBe(409);
    expect(action.json().code).toBe('membership.vote_open');
    expect((await open(id)).json().code).toBe('membership.vote_open');

    ok(await vote(id, m1, 'for'));
    ok(await vote(id, m2, 'for'));
    ok(await vote(id, rep, 'against'));
    expect((await detail(id)).status).toBe('active');
    const done = ok(await vote(id, chair, 'abstain'));
    expect(done.status).toBe('suspended');
    expect(done.version).toBe(2);
    const number = done.vote!.decisionNumber!;
    expect(number).toMatch(/^\d{4}-\d{3}$/);
    expect(done.vote).toMatchObject({
      outcome: 'approved',
      tally: { for: 2, against: 1, abstain: 1, eligible: 4, recused: 0 },
    });
    expect(done.events[0]).toMatchObject({
      action: 'suspend',
      decisionNumber: number,
      reason: 'Неплатен внос',
    });
    const [decision] = await h.query<{ subject: string; outcome: string; tally: unknown; text_bg: string }>(
      sql`select subject, outcome, tally, text_bg from decisions where number = ${number}`,
    );
    expect(decision).toMatchObject({ subject: 'membership', outcome: 'approved' });
    expect(parse(decision!.tally)).toEqual({ for: 2, against: 1, abstain: 1, eligible: 4, recused: 0 });
    expect(decision!.text_bg).toContain('спиране на членството');
    const mail = await lastEmail(h, rep2.email);
    expect(mail.text).toContain(`решение № ${number}`);
    const audit = await h.query<{ action: string }>(
      sql`select action from audit_events where entity_type = 'organization' and entity_id = ${id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'membership.vote_opened',
      'membership.vote_closed',
      'membership.suspend',
    ]);
    // The decision is used by the change: it cannot be the basis of another one.
    const reused = await post(chair, `/api/committee/members/${id}/actions`, {
      action: 'reinstate',
      effectiveOn: TODAY,
      decision: { number },
      version: 2,
    });
    expect(reused.statusCode).toBe(400);
    // Voting after the close is refused.
    const late = await vote(id, m1, 'against');
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('membership.no_open_vote');
  });

  it('rejected at the chair’s close: the rejection is recorded and the membership does not change', async () => {
    const id = await insertOrganization(h, { nameBg: 'Категория с гласуване' });
    ok(await open(id, { action: 'change_category', category: 'engaged' }));
    ok(await vote(id, m1, 'against'));
    ok(await vote(id, m2, 'against'));
    ok(await vote(id, chair, 'for'));
    const closed = ok(await close(id));
    expect(closed).toMatchObject({ category: 'regular', status: 'active', version: 1, events: [] });
    expect(closed.vote).toMatchObject({
      outcome: 'rejected',
      tally: { for: 1, against: 2, abstain: 0, eligible: 4 },
    });
    const [decision] = await h.query<{ outcome: string; used: boolean }>(
      sql`select outcome, exists (select 1 from membership_events e where e.decision_id = d.id) as used
          from decisions d where number = ${closed.vote!.decisionNumber}`,
    );
    expect(decision).toMatchObject({ outcome: 'rejected', used: false });
    // Closing again is refused; the membership can be acted on again.
    expect((await close(id)).json().code).toBe('membership.no_open_vote');
  });

  it('ends without quorum when too few voted: no decision, nothing changes', async () => {
    const id = await insertOrganization(h, { nameBg: 'Без кворум' });
    ok(await open(id, { action: 'exclude' }));
    ok(await vote(id, m1, 'for'));
    const closed = ok(await close(id));
    expect(closed).toMatchObject({ status: 'active', version: 1 });
    expect(closed.vote).toMatchObject({ outcome: 'no_quorum', decisionNumber: null });
  });

  it('is opened and closed only by the chair; a withdrawal needs no vote; typed counts are refused', async () => {
    const id = await insertOrganization(h, { nameBg: 'Само председателят' });
    for (const cookie of [m1, admin]) {
      const res = await open(id, { action: 'suspend' }, cookie);
      expect(res.statusCode).toBe(403);
    }
    const withdraw = await open(id, { action: 'withdraw' });
    expect(withdraw.statusCode).toBe(400);
    expect(withdraw.json().errors[0]).toMatchObject({ path: 'body.action' });
    const typed = await open(id, {
      action: 'suspend',
      tally: { for: 0, against: 3, abstain: 0, eligible: 3 },
    });
    expect(typed.statusCode).toBe(400);
    ok(await open(id));
    expect((await close(id, m1)).statusCode).toBe(403);
    expect(
      await h.query(sql`select 1 from vote_sessions where organization_id = ${id} and closed_at is not null`),
    ).toEqual([]);
  });

  it('recuses a committee member who represents the organisation: not eligible, may not vote or open', async () => {
    const asRep = await open(conflicted, { action: 'suspend' }, rep);
    expect(asRep.statusCode).toBe(403);
    const opened = ok(await open(conflicted));
    expect(opened.vote!.tally).toMatchObject({ eligible: 3, recused: 1 });
    const theirs = await detail(conflicted, rep);
    expect(theirs.vote).toMatchObject({ myConflict: true, myRecused: true });
    const refused = await vote(conflicted, rep, 'against');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('membership.conflict_of_interest');
    ok(await vote(conflicted, m1, 'for'));
    ok(await vote(conflicted, m2, 'for'));
    // The third eligible vote closes it: the representative is not waited for.
    const done = ok(await vote(conflicted, chair, 'for'));
    expect(done).toMatchObject({ status: 'suspended' });
    expect(done.vote).toMatchObject({ outcome: 'approved', tally: { for: 3, eligible: 3, recused: 1 } });
  });

  it('keeps a secret ballot secret until the close', async () => {
    await h.query(sql`update cluster_settings set ballot = 'secret' where id = 1`);
    try {
      const id = await insertOrganization(h, { nameBg: 'Тайно' });
      ok(await open(id, { action: 'suspend' }));
      ok(await vote(id, m1, 'against'));
      const during = await detail(id, m2);
      expect(during.vote).toMatchObject({ ballot: 'secret', tally: { for: null, against: null, voted: 1 } });
      expect(during.vote!.voters.every((v) => v.choice === null)).toBe(true);
      expect((await vote(id, m1, 'for')).json().code).toBe('application.secret_vote_final');
      const closed = ok(await close(id));
      expect(closed.vote).toMatchObject({ outcome: 'no_quorum', tally: { against: 1, for: 0 } });
    } finally {
      await h.query(sql`update cluster_settings set ballot = 'open' where id = 1`);
    }
  });
});
