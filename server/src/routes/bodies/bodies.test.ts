/**
 * Issue 15 §1, decision 039: governing bodies and positions. Administrators create bodies with their rules
 * and give positions for terms; the public page shows the bodies and the positions held today, members the
 * history of every term. Bad input is a field error that saves nothing. For the body that reviews
 * applications the committee roles follow the positions, both ways, in one transaction, audited.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { addDays, BodyListResponseSchema, BodySchema, type Problem, todayInSofia } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHousekeeping } from '../../housekeeping.ts';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let admin: string;
let member: string;
let lapsed: string;
const today = todayInSofia();
const yesterday = addDays(today, -1);
const tomorrow = addDays(today, 1);

const call = (
  cookie: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) => app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

const bodyInput = (extra: object = {}) => ({
  kind: 'working_group',
  nameBg: 'Работна група по дигитализация',
  nameEn: 'Digitalisation working group',
  quorum: 'more_than_half',
  majority: 'simple',
  foundedOn: '2026-01-01',
  ...extra,
});

async function newBody(extra: object = {}): Promise<{ id: string; version: number }> {
  const res = await call(admin, 'POST', '/api/admin/bodies', bodyInput(extra));
  expect(res.statusCode, res.body).toBe(201);
  return BodySchema.parse(res.json());
}

const count = async (table: 'body_positions' | 'governing_bodies' | 'audit_events') =>
  Number((await h.query<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);
const rolesOf = async (userId: string) =>
  (
    await h.query<{ role: string }>(
      sql`select role from user_roles where user_id = ${userId} and role like 'committee%' order by role`,
    )
  ).map((r) => r.role);
const positionsOf = async (userId: string) =>
  h.query<{ position: string; starts_on: string; ends_on: string | null }>(
    sql`select position, starts_on::text, ends_on::text from body_positions where user_id = ${userId} order by created_at`,
  );
const fieldsOf = (res: { json: () => unknown }) => (res.json() as Problem).errors?.map((e) => e.path);

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  const a = await insertUser(h, { roles: ['admin'] });
  admin = await logIn(app, a.email);
  const orgId = await insertOrganization(h, { nameBg: 'Членуваща', nameEn: 'Member org' });
  const suspended = await insertOrganization(h, {
    nameBg: 'Спряна',
    nameEn: 'Suspended',
    status: 'suspended',
  });
  await insertOrganization(h, { nameBg: 'Кандидат', nameEn: 'Candidate', category: 'candidate' });
  const m = await insertUser(h, { roles: ['representative'], organizationIds: [orgId] });
  member = await logIn(app, m.email);
  const l = await insertUser(h, { roles: ['representative'], organizationIds: [suspended] });
  lapsed = await logIn(app, l.email);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('bodies and positions', () => {
  it('creates a body with its rules and gives positions to users and named people, audited', async () => {
    const body = await newBody();
    const user = await insertUser(h, { displayName: 'Иван Иванов' });
    const res = await call(admin, 'POST', `/api/admin/bodies/${body.id}/positions`, {
      position: 'chair',
      userId: user.id,
      startsOn: '2026-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const named = await call(admin, 'POST', `/api/admin/bodies/${body.id}/positions`, {
      position: 'secretary',
      personName: 'Петя Стоянова',
      startsOn: '2026-01-01',
    });
    expect(named.statusCode, named.body).toBe(201);
    const saved = BodySchema.parse(named.json());
    expect(saved.positions.map((p) => [p.position, p.name])).toEqual(
      expect.arrayContaining([
        ['chair', 'Иван Иванов'],
        ['secretary', 'Петя Стоянова'],
      ]),
    );
    const actions = await h.query<{ action: string }>(
      sql`select action from audit_events where entity_type = 'governing_body' and entity_id = ${body.id} order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'body.created',
      'body.position_added',
      'body.position_added',
    ]);
    // A working group is not the reviewing body: no committee role for its chair.
    expect(await rolesOf(user.id)).toEqual([]);
  });

  it('refuses bad input field by field, in the request language, and saves nothing', async () => {
    const body = await newBody();
    const chair = await insertUser(h);
    const ok = await call(admin, 'POST', `/api/admin/bodies/${body.id}/positions`, {
      position: 'chair',
      userId: chair.id,
      startsOn: '2026-02-01',
      endsOn: '2027-02-01',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const before = [await count('body_positions'), await count('audit_events')];
    const other = await insertUser(h);
    const cases: [object, string][] = [
      // A term that ends before it starts.
      [{ position: 'member', personName: 'А', startsOn: '2026-03-01', endsOn: '2026-02-01' }, 'body.endsOn'],
      // Two chairs at once.
      [{ position: 'chair', userId: other.id, startsOn: '2026-06-01' }, 'body.position'],
      // An unknown user.
      [
        { position: 'member', userId: '00000000-0000-4000-8000-000000000000', startsOn: '2026-03-01' },
        'body.userId',
      ],
      // Neither or both holders.
      [{ position: 'member', startsOn: '2026-03-01' }, 'body.userId'],
      [{ position: 'member', userId: other.id, personName: 'Б', startsOn: '2026-03-01' }, 'body.userId'],
      // The same person twice at once.
      [{ position: 'member', userId: chair.id, startsOn: '2026-03-01' }, 'body.userId'],
      // Not a position.
      [{ position: 'king', personName: 'В', startsOn: '2026-03-01' }, 'body.position'],
    ];
    for (const [payload, path] of cases) {
      const res = await call(admin, 'POST', `/api/admin/bodies/${body.id}/positions`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fieldsOf(res)).toContain(path);
    }
    // The chair's term is half-open: a new chair from the day it ends is fine (below).
    expect([await count('body_positions'), await count('audit_events')]).toEqual(before);

    const en = await app.inject({
      method: 'POST',
      url: `/api/admin/bodies/${body.id}/positions`,
      headers: { cookie: admin, 'accept-language': 'en' },
      payload: { position: 'chair', userId: other.id, startsOn: '2026-06-01' },
    });
    expect((en.json() as Problem).errors?.[0]?.message).toBe(
      'The body already has a chair for part of this period.',
    );
    const bg = await call(admin, 'POST', `/api/admin/bodies/${body.id}/positions`, {
      position: 'member',
      personName: 'А',
      startsOn: '2026-03-01',
      endsOn: '2026-02-01',
    });
    expect((bg.json() as Problem).errors?.[0]?.message).toBe(
      'Мандатът не може да свършва преди да е започнал.',
    );

    const next = await call(admin, 'POST', `/api/admin/bodies/${body.id}/positions`, {
      position: 'chair',
      userId: other.id,
      startsOn: '2027-02-01',
    });
    expect(next.statusCode, next.body).toBe(201);

    const badBody = await call(
      admin,
      'POST',
      '/api/admin/bodies',
      bodyInput({ foundedOn: '2026-05-01', dissolvedOn: '2026-04-01' }),
    );
    expect(badBody.statusCode).toBe(400);
    expect(fieldsOf(badBody)).toContain('body.dissolvedOn');
    const noName = await call(
      admin,
      'POST',
      '/api/admin/bodies',
      bodyInput({ nameBg: '  ', kind: 'senate' }),
    );
    expect(fieldsOf(noName)).toEqual(expect.arrayContaining(['body.nameBg', 'body.kind']));
  });

  it('shows the public the bodies and the positions held today, and members every term', async () => {
    const body = await newBody({ nameEn: 'Public page group' });
    const past = await insertUser(h, { displayName: 'Бивш член' });
    const now = await insertUser(h, { displayName: 'Настоящ председател' });
    for (const payload of [
      { position: 'member', userId: past.id, startsOn: '2025-01-01', endsOn: yesterday },
      { position: 'chair', userId: now.id, startsOn: yesterday },
      { position: 'member', personName: 'Бъдещ член', startsOn: tomorrow },
    ]) {
      const res = await call(admin, 'POST', `/api/admin/bodies/${body.id}/positions`, payload);
      expect(res.statusCode, res.body).toBe(201);
    }
    const pub = BodyListResponseSchema.parse((await call(null, 'GET', '/api/bodies')).json());
    const shown = pub.items.find((b) => b.id === body.id)!;
    expect(shown.positions.map((p) => p.name)).toEqual(['Настоящ председател']);
    expect(shown.positions[0]!.userId).toBeNull();

    // The history: members (and the committee, administrators) only; a lapsed member is told why.
    expect((await call(null, 'GET', '/api/bodies/history')).statusCode).toBe(401);
    const refused = await call(lapsed, 'GET', '/api/bodies/history');
    expect(refused.statusCode).toBe(403);
    expect((refused.json() as Problem).code).toBe('membership.inactive');
    const history = BodyListResponseSchema.parse((await call(member, 'GET', '/api/bodies/history')).json());
    const full = history.items.find((b) => b.id === body.id)!;
    expect(full.positions.map((p) => p.name).sort()).toEqual([
      'Бивш член',
      'Бъдещ член',
      'Настоящ председател',
    ]);
    expect(full.positions.every((p) => p.userId === null)).toBe(true);

    // A dissolved body leaves the public page and stays in the history.
    const dissolved = await newBody({
      nameEn: 'Dissolved group',
      foundedOn: '2025-01-01',
      dissolvedOn: yesterday,
    });
    const pub2 = BodyListResponseSchema.parse((await call(null, 'GET', '/api/bodies')).json());
    expect(pub2.items.some((b) => b.id === dissolved.id)).toBe(false);
    const hist2 = BodyListResponseSchema.parse((await call(member, 'GET', '/api/bodies/history')).json());
    expect(hist2.items.some((b) => b.id === dissolved.id)).toBe(true);
  });

  it('lists the member organisations of the general assembly (active members, no candidates)', async () => {
    const ga = await newBody({
      kind: 'general_assembly',
      nameEn: 'Assembly',
      foundedOn: null,
      allowsProxy: true,
    });
    const pub = BodyListResponseSchema.parse((await call(null, 'GET', '/api/bodies')).json());
    const shown = pub.items.find((b) => b.id === ga.id)!;
    const names = shown.memberOrganizations.map((o) => o.nameEn);
    expect(names).toContain('Member org');
    expect(names).not.toContain('Candidate');
    expect(names).not.toContain('Suspended');
    expect(shown.allowsProxy).toBe(true);
    expect(shown.foundedOn).toBeNull();
  });

  it('refuses a stale version and an unknown body', async () => {
    const body = await newBody();
    const first = await call(
      admin,
      'PUT',
      `/api/admin/bodies/${body.id}`,
      bodyInput({ nameBg: 'Ново име', version: body.version }),
    );
    expect(first.statusCode, first.body).toBe(200);
    const stale = await call(
      admin,
      'PUT',
      `/api/admin/bodies/${body.id}`,
      bodyInput({ nameBg: 'Друго', version: body.version }),
    );
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe('body.stale');
    const missing = await call(admin, 'GET', '/api/admin/bodies/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('erases a named person from a position and keeps the term in the history', async () => {
    const body = await newBody();
    const res = await call(admin, 'POST', `/api/admin/bodies/${body.id}/positions`, {
      position: 'member',
      personName: 'Лице за изтриване',
      startsOn: '2025-06-01',
    });
    const positionId = BodySchema.parse(res.json()).positions[0]!.id;
    const erased = await call(
      admin,
      'POST',
      `/api/admin/bodies/${body.id}/positions/${positionId}/erase-holder`,
    );
    expect(erased.statusCode, erased.body).toBe(200);
    const after = BodySchema.parse(erased.json()).positions[0]!;
    expect(after.name).toBeNull();
    expect(after.endsOn).toBe(today);
    // Neither the position's audit events nor the erasure's own name her any more.
    const trace = await h.query<{ n: number }>(
      sql`select count(*)::int as n from audit_events where before::text like '%Лице за изтриване%' or after::text like '%Лице за изтриване%'`,
    );
    expect(trace[0]!.n).toBe(0);
    const again = await call(
      admin,
      'POST',
      `/api/admin/bodies/${body.id}/positions/${positionId}/erase-holder`,
    );
    expect(again.statusCode).toBe(409);
  });
});

describe('the committee roles follow the reviewing body (decision 039)', () => {
  let committee: { id: string; version: number };

  it('makes a body the reviewing body, keeping the committee as it stands', async () => {
    const chair = await insertUser(h, {
      roles: ['committee_member', 'committee_chair'],
      displayName: 'Стара председателка',
    });
    const plain = await insertUser(h, { roles: ['committee_member'] });
    committee = await newBody({ kind: 'initiative_committee', nameEn: 'Initiative committee' });
    const res = await call(admin, 'PUT', `/api/admin/bodies/${committee.id}`, {
      ...bodyInput({ kind: 'initiative_committee', nameEn: 'Initiative committee' }),
      reviewsApplications: true,
      version: committee.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    committee = BodySchema.parse(res.json());
    expect(await positionsOf(chair.id)).toEqual([{ position: 'chair', starts_on: today, ends_on: null }]);
    expect(await positionsOf(plain.id)).toEqual([{ position: 'member', starts_on: today, ends_on: null }]);
    expect(await rolesOf(chair.id)).toEqual(['committee_chair', 'committee_member']);

    // A second reviewing body is refused.
    const other = await call(admin, 'POST', '/api/admin/bodies', bodyInput({ reviewsApplications: true }));
    expect(other.statusCode).toBe(400);
    expect(fieldsOf(other)).toEqual(['body.reviewsApplications']);
    // The reviewing body holds users only.
    const named = await call(admin, 'POST', `/api/admin/bodies/${committee.id}/positions`, {
      position: 'member',
      personName: 'Без профил',
      startsOn: today,
    });
    expect(fieldsOf(named)).toEqual(['body.userId']);
  });

  it('grants the committee role with a position and revokes it when the position ends', async () => {
    const user = await insertUser(h);
    const add = await call(admin, 'POST', `/api/admin/bodies/${committee.id}/positions`, {
      position: 'secretary',
      userId: user.id,
      startsOn: yesterday,
    });
    expect(add.statusCode, add.body).toBe(201);
    expect(await rolesOf(user.id)).toEqual(['committee_member']);
    const granted = await h.query<{ action: string; entity_type: string }>(
      sql`select action, entity_type from audit_events where entity_id = ${user.id} order by id`,
    );
    expect(granted).toEqual([{ action: 'user.role_granted', entity_type: 'user' }]);
    // The new committee member sees the review queue at once.
    const cookie = await logIn(app, user.email);
    expect((await call(cookie, 'GET', '/api/committee/applications')).statusCode).not.toBe(403);

    const positionId = BodySchema.parse(add.json()).positions.find((p) => p.userId === user.id)!.id;
    const end = await call(
      admin,
      'POST',
      `/api/admin/bodies/${committee.id}/positions/${positionId}/end`,
      {},
    );
    expect(end.statusCode, end.body).toBe(200);
    expect(await rolesOf(user.id)).toEqual([]);
    expect(await positionsOf(user.id)).toEqual([
      { position: 'secretary', starts_on: yesterday, ends_on: today },
    ]);
    expect((await call(cookie, 'GET', '/api/committee/applications')).statusCode).toBe(403);
    // Ending before it started is a field error.
    const early = await call(admin, 'POST', `/api/admin/bodies/${committee.id}/positions/${positionId}/end`, {
      endsOn: addDays(yesterday, -1),
    });
    expect(fieldsOf(early)).toEqual(['body.endsOn']);
  });

  it('ends the position when an administrator revokes the role on the users page, and the other way round', async () => {
    const user = await insertUser(h);
    // Granting the member role on the users page opens a member position from today.
    const grant = await call(admin, 'PUT', `/api/admin/users/${user.id}/roles/committee_member`);
    expect(grant.statusCode, grant.body).toBe(200);
    expect(await positionsOf(user.id)).toEqual([{ position: 'member', starts_on: today, ends_on: null }]);
    expect(await rolesOf(user.id)).toEqual(['committee_member']);
    // Revoking it ends the position today.
    const revoke = await call(admin, 'DELETE', `/api/admin/users/${user.id}/roles/committee_member`);
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(await positionsOf(user.id)).toEqual([{ position: 'member', starts_on: today, ends_on: today }]);
    expect(await rolesOf(user.id)).toEqual([]);
    const audit = await h.query<{ action: string }>(
      sql`select action from audit_events where (entity_type = 'governing_body' and after->>'userId' = ${user.id}) or entity_id = ${user.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'body.position_added',
      'user.role_granted',
      'body.position_ended',
      'user.role_revoked',
    ]);
  });

  it('moves the chair: granting it while another holds it is refused; revoking it keeps a member position', async () => {
    const user = await insertUser(h);
    await call(admin, 'PUT', `/api/admin/users/${user.id}/roles/committee_member`);
    const taken = await call(admin, 'PUT', `/api/admin/users/${user.id}/roles/committee_chair`);
    expect(taken.statusCode).toBe(409);
    expect((taken.json() as Problem).code).toBe('body.position_conflict');
    expect(await rolesOf(user.id)).toEqual(['committee_member']);

    // The old chair steps down on the users page: their chair ends, they stay a member.
    const [old] = await h.query<{ user_id: string }>(
      sql`select user_id from body_positions where body_id = ${committee.id} and position = 'chair' and ends_on is null`,
    );
    const down = await call(admin, 'DELETE', `/api/admin/users/${old!.user_id}/roles/committee_chair`);
    expect(down.statusCode, down.body).toBe(200);
    expect(await rolesOf(old!.user_id)).toEqual(['committee_member']);
    expect((await positionsOf(old!.user_id)).map((p) => [p.position, p.ends_on])).toEqual([
      ['chair', today],
      ['member', null],
    ]);
    const up = await call(admin, 'PUT', `/api/admin/users/${user.id}/roles/committee_chair`);
    expect(up.statusCode, up.body).toBe(200);
    expect(await rolesOf(user.id)).toEqual(['committee_chair', 'committee_member']);
    expect((await positionsOf(user.id)).map((p) => [p.position, p.ends_on])).toEqual([
      ['member', today],
      ['chair', null],
    ]);
  });

  it('keeps roles and positions consistent for every user after all of the above', async () => {
    const rows = await h.query<{ user_id: string; roles: string | null; held: string | null }>(sql`
      with held as (
        select user_id, string_agg(distinct case when position = 'chair' then 'committee_chair,committee_member' else 'committee_member' end, ',') as held
        from body_positions p join governing_bodies b on b.id = p.body_id
        where b.reviews_applications and p.starts_on <= ${today}::date and (p.ends_on is null or p.ends_on > ${today}::date)
        group by user_id
      ), roles as (
        select user_id, string_agg(role, ',' order by role) as roles from user_roles where role like 'committee%' group by user_id
      )
      select coalesce(h.user_id, r.user_id) as user_id, r.roles, h.held
      from held h full join roles r on r.user_id = h.user_id`);
    for (const row of rows) {
      const want = [...new Set((row.held ?? '').split(',').filter(Boolean))].sort().join(',');
      expect(row.roles ?? '', row.user_id).toBe(want);
    }
  });

  it('starts and ends future terms on their day (housekeeping)', async () => {
    const user = await insertUser(h);
    const add = await call(admin, 'POST', `/api/admin/bodies/${committee.id}/positions`, {
      position: 'member',
      userId: user.id,
      startsOn: tomorrow,
      endsOn: addDays(tomorrow, 2),
    });
    expect(add.statusCode, add.body).toBe(201);
    expect(await rolesOf(user.id)).toEqual([]);
    const policy = { sessionIdleMs: 3_600_000, sentMailRetentionDays: 90, rateLimitWindowSeconds: 3600 };
    await runHousekeeping(h.db, policy, { today: tomorrow });
    expect(await rolesOf(user.id)).toEqual(['committee_member']);
    await runHousekeeping(h.db, policy, { today: addDays(tomorrow, 2) });
    expect(await rolesOf(user.id)).toEqual([]);
  });

  it("ends a user's positions when their account is erased, keeping the history nameless", async () => {
    const user = await insertUser(h, { displayName: 'Ще бъде изтрит' });
    const add = await call(admin, 'POST', `/api/admin/bodies/${committee.id}/positions`, {
      position: 'member',
      userId: user.id,
      startsOn: yesterday,
    });
    expect(add.statusCode).toBe(201);
    const exported = await call(await logIn(app, user.email), 'GET', '/api/account/export');
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json().bodyPositions).toEqual([
      expect.objectContaining({
        position: 'member',
        startsOn: yesterday,
        endsOn: null,
        bodyNameEn: 'Initiative committee',
      }),
    ]);
    const erase = await call(admin, 'POST', `/api/admin/users/${user.id}/erase`);
    expect(erase.statusCode, erase.body).toBe(200);
    expect(await positionsOf(user.id)).toEqual([
      { position: 'member', starts_on: yesterday, ends_on: today },
    ]);
    expect(await rolesOf(user.id)).toEqual([]);
    const history = BodyListResponseSchema.parse((await call(member, 'GET', '/api/bodies/history')).json());
    const names = history.items.flatMap((b) => b.positions.map((p) => p.name));
    expect(names).not.toContain('Ще бъде изтрит');
    expect(history.items.find((b) => b.id === committee.id)!.positions.some((p) => p.name === null)).toBe(
      true,
    );
  });
});
