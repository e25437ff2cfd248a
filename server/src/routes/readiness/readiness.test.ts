/**
 * Issue 16 §2, decision 051: readiness checks. The committee reads the demo sets with a mix of green,
 * amber and red, runs a check (a stored snapshot in the history), marks manual items and adds evidence;
 * administrators edit criteria, and a rule naming an unknown indicator or area, lacking a threshold or
 * with amber on the wrong side of green is a field error in the user's language that saves nothing.
 */
import { type DbHandle, sql } from '@portal/db';
import { demoCriterionId, demoReadinessSetId, seedDemo } from '@portal/db/seed';
import { createTestDb } from '@portal/db/testing';
import {
  AccountExportSchema,
  type Problem,
  ReadinessSetListSchema,
  ReadinessSetSchema,
  ruleStatus,
} from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../i18n/messages.ts';
import { buildTestApp, insertUser, logIn, TEST_PASSWORD, TEST_PDF } from '../../testing.ts';
import { twelveMonthsBefore } from './readiness.service.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let chair: string;
let admin: string;

const call = (
  cookie: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...headers },
    ...(payload ? { payload } : {}),
  });
const count = async (table: string) =>
  Number((await h.query<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);
const errorsOf = (res: { json: () => unknown }) => (res.json() as Problem).errors ?? [];
const getSet = async (slug: string) => {
  const res = await call(chair, 'GET', `/api/committee/readiness/${slug}`);
  expect(res.statusCode, res.body).toBe(200);
  return ReadinessSetSchema.parse(res.json());
};

const rule = (extra: object = {}) => ({
  code: 'X1',
  titleBg: 'Членове в ИКТ',
  titleEn: 'Members in ICT',
  kind: 'rule',
  indicatorKey: 'members.active_in_area',
  indicatorParam: 'ict',
  comparison: 'gte',
  green: 5,
  amber: 3,
  ...extra,
});

beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
  app = await buildTestApp(h);
  chair = await logIn(app, (await insertUser(h, { roles: ['committee_chair'] })).email);
  admin = await logIn(app, (await insertUser(h, { roles: ['admin'] })).email);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('rule statuses', () => {
  it('is green at the green threshold, amber at the amber one, red below and without a figure', () => {
    const gte = { comparison: 'gte' as const, green: 15, amber: 10 };
    expect(ruleStatus(gte, 15)).toBe('green');
    expect(ruleStatus(gte, 12)).toBe('amber');
    expect(ruleStatus(gte, 9)).toBe('red');
    expect(ruleStatus(gte, null)).toBe('red');
    const lte = { comparison: 'lte' as const, green: 30, amber: null };
    expect(ruleStatus(lte, 30)).toBe('green');
    expect(ruleStatus(lte, 31)).toBe('red');
    expect(twelveMonthsBefore('2026-12-07')).toBe('2025-12-08');
  });
});

describe('the demo sets', () => {
  it('lists the three sets with counts that mix green, amber and red', async () => {
    const res = await call(chair, 'GET', '/api/committee/readiness');
    expect(res.statusCode, res.body).toBe(200);
    const { items } = ReadinessSetListSchema.parse(res.json());
    expect(items.map((s) => s.slug)).toEqual([
      'eccp-profile',
      'national-cluster-call',
      'cluster-excellence-bronze',
    ]);
    const total = items.reduce(
      (t, s) => ({
        green: t.green + s.counts.green,
        amber: t.amber + s.counts.amber,
        red: t.red + s.counts.red,
      }),
      { green: 0, amber: 0, red: 0 },
    );
    expect(total.green).toBeGreaterThan(0);
    expect(total.amber).toBeGreaterThan(0);
    expect(total.red).toBeGreaterThan(0);
  });

  it('shows each criterion with its status, the figure of a rule, the evidence and the next step', async () => {
    const set = await getSet('eccp-profile');
    const members = set.criteria.find((c) => c.code === 'P1')!;
    expect(members.kind).toBe('rule');
    expect(members.figure).toBeGreaterThan(0);
    expect(members.status).toBe(ruleStatus({ comparison: 'gte', green: 15, amber: 10 }, members.figure));
    const web = set.criteria.find((c) => c.code === 'P4')!;
    expect(web.status).toBe('green');
    expect(web.evidence.map((e) => e.kind)).toEqual(['link']);
    expect(set.criteria.find((c) => c.code === 'P3')!.status).toBe('amber');
    expect(members.guidanceEn).not.toBe('');
  });
});

describe('running the check', () => {
  it('stores a snapshot with who and each criterion’s status and figure, newest first', async () => {
    const before = await getSet('national-cluster-call');
    expect(before.history).toEqual([]);
    const res = await call(chair, 'POST', '/api/committee/readiness/national-cluster-call/runs');
    expect(res.statusCode, res.body).toBe(201);
    await call(chair, 'POST', '/api/committee/readiness/national-cluster-call/runs');
    const after = ReadinessSetSchema.parse(
      (await call(chair, 'GET', '/api/committee/readiness/national-cluster-call')).json(),
    );
    expect(after.history).toHaveLength(2);
    const [latest] = after.history;
    expect(latest!.ranByName).not.toBeNull();
    expect(latest!.results.map((r) => [r.code, r.status, r.figure])).toEqual(
      after.criteria.map((c) => [c.code, c.status, c.figure]),
    );
    expect(latest!.counts).toEqual(after.counts);
    const audit = await h.query<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'readiness.check_run' and entity_id = ${demoReadinessSetId(2)}`,
    );
    expect(audit[0]!.n).toBe(2);
  });
});

describe('manual items and evidence', () => {
  it('marks a manual item: missing → red, partial → amber, complete → green, audited before/after', async () => {
    const id = demoCriterionId(10);
    const url = `/api/committee/readiness/criteria/${id}/manual`;
    let res = await call(chair, 'PUT', url, { status: 'partial' });
    expect(res.statusCode, res.body).toBe(200);
    expect(ReadinessSetSchema.parse(res.json()).criteria.find((c) => c.id === id)!.status).toBe('amber');
    res = await call(chair, 'PUT', url, { status: 'complete' });
    expect(ReadinessSetSchema.parse(res.json()).criteria.find((c) => c.id === id)!.status).toBe('green');
    const [event] = await h.query<{ before: unknown; after: unknown }>(
      sql`select before, after from audit_events where action = 'readiness.manual_marked' order by id desc limit 1`,
    );
    expect(event).toMatchObject({ before: { manualStatus: 'partial' }, after: { manualStatus: 'complete' } });
    // A rule is not marked by hand.
    res = await call(chair, 'PUT', `/api/committee/readiness/criteria/${demoCriterionId(7)}/manual`, {
      status: 'complete',
    });
    expect(res.statusCode).toBe(409);
  });

  it('adds a link, a PDF and refuses an unknown decision number; removes evidence', async () => {
    const id = demoCriterionId(16);
    const base = `/api/committee/readiness/criteria/${id}`;
    let res = await call(chair, 'POST', `${base}/evidence`, {
      kind: 'link',
      title: 'Проект',
      url: 'https://example.org/p',
    });
    expect(res.statusCode, res.body).toBe(201);
    res = await app.inject({
      method: 'POST',
      url: `${base}/documents?filename=${encodeURIComponent('Резултати.pdf')}`,
      headers: { cookie: chair, 'content-type': 'application/pdf' },
      payload: TEST_PDF,
    });
    expect(res.statusCode, res.body).toBe(201);
    const evidence = ReadinessSetSchema.parse(res.json()).criteria.find((c) => c.id === id)!.evidence;
    expect(evidence.map((e) => e.kind)).toEqual(['link', 'document']);
    const doc = evidence[1]!;
    const download = await call(chair, 'GET', `/api/committee/readiness/evidence/${doc.id}/document`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');

    const rows = await count('readiness_evidence');
    res = await call(
      chair,
      'POST',
      `${base}/evidence`,
      { kind: 'decision', number: '1999-999' },
      { 'accept-language': 'bg' },
    );
    expect(res.statusCode).toBe(400);
    expect(errorsOf(res)).toEqual([
      { path: 'body.number', message: messages['readiness.decision_unknown'].bg },
    ]);
    expect(await count('readiness_evidence')).toBe(rows);

    res = await call(chair, 'DELETE', `/api/committee/readiness/evidence/${doc.id}`);
    expect(res.statusCode).toBe(204);
    expect(await count('readiness_evidence')).toBe(rows - 1);
  });
});

describe('editing criteria (administrators)', () => {
  const url = `/api/admin/readiness/sets/${demoReadinessSetId(1)}/criteria`;

  it('adds a rule over an area indicator and shows it evaluated', async () => {
    const res = await call(admin, 'POST', url, rule());
    expect(res.statusCode, res.body).toBe(201);
    const c = ReadinessSetSchema.parse(res.json()).criteria.find((x) => x.code === 'X1')!;
    expect(c.figure).not.toBeNull();
    expect(['green', 'amber', 'red']).toContain(c.status);
  });

  it.each([
    [
      'an unknown indicator key',
      rule({ code: 'X2', indicatorKey: 'members.nope', indicatorParam: null }),
      'body.indicatorKey',
      'readiness.unknown_indicator',
    ],
    [
      'an area that does not exist',
      rule({ code: 'X2', indicatorParam: 'no-such-area' }),
      'body.indicatorParam',
      'readiness.area_unknown',
    ],
    [
      'a missing area param',
      rule({ code: 'X2', indicatorParam: null }),
      'body.indicatorParam',
      'readiness.param_required',
    ],
    [
      'a missing green threshold',
      rule({ code: 'X2', green: null }),
      'body.green',
      'readiness.threshold_required',
    ],
    ['amber above green for ≥', rule({ code: 'X2', amber: 8 }), 'body.amber', 'readiness.amber_side'],
    [
      'amber below green for ≤',
      rule({ code: 'X2', comparison: 'lte', amber: 2 }),
      'body.amber',
      'readiness.amber_side',
    ],
    [
      'a manual item with a threshold',
      { code: 'X2', titleBg: 'А', titleEn: 'A', kind: 'manual', green: 1 },
      'body.indicatorKey',
      'readiness.manual_no_rule',
    ],
    ['a code the set already has', rule({ code: 'P1' }), 'body.code', 'readiness.code_taken'],
  ])(
    'refuses %s with a field error in the user’s language, saving nothing',
    async (_name, body, path, code) => {
      const rows = await count('readiness_criteria');
      const res = await call(admin, 'POST', url, body, { 'accept-language': 'en' });
      expect(res.statusCode, res.body).toBe(400);
      const field = errorsOf(res).find((e) => e.path === path);
      expect(field, res.body).toMatchObject({ message: messages[code as keyof typeof messages].en });
      expect(await count('readiness_criteria')).toBe(rows);
    },
  );

  it('changes a criterion with If-Match (428 without, 412 stale) and deletes it', async () => {
    const set = await getSet('eccp-profile');
    const c = set.criteria.find((x) => x.code === 'P1')!;
    const target = `/api/admin/readiness/criteria/${c.id}`;
    const body = rule({
      code: 'P1',
      indicatorKey: 'members.active_total',
      indicatorParam: null,
      green: 1,
      amber: null,
    });
    expect((await call(admin, 'PUT', target, body)).statusCode).toBe(428);
    expect((await call(admin, 'PUT', target, body, { 'if-match': `"${c.version + 5}"` })).statusCode).toBe(
      412,
    );
    const res = await call(admin, 'PUT', target, body, { 'if-match': `"${c.version}"` });
    expect(res.statusCode, res.body).toBe(200);
    const changed = ReadinessSetSchema.parse(res.json()).criteria.find((x) => x.id === c.id)!;
    expect(changed.status).toBe('green');
    expect(changed.version).toBe(c.version + 1);
    expect(
      (await call(admin, 'DELETE', target, undefined, { 'if-match': `"${c.version}"` })).statusCode,
    ).toBe(412);
    expect(
      (await call(admin, 'DELETE', target, undefined, { 'if-match': `"${changed.version}"` })).statusCode,
    ).toBe(204);
  });

  it('adds and changes a set; a taken slug is a field error', async () => {
    const input = { slug: 'test-set', titleBg: 'Тест', titleEn: 'Test', sourceUrl: 'https://example.org' };
    let res = await call(admin, 'POST', '/api/admin/readiness/sets', input);
    expect(res.statusCode, res.body).toBe(201);
    const set = ReadinessSetSchema.parse(res.json());
    expect(set.criteria).toEqual([]);
    res = await call(admin, 'POST', '/api/admin/readiness/sets', input, { 'accept-language': 'en' });
    expect(errorsOf(res)).toEqual([{ path: 'body.slug', message: messages['readiness.slug_taken'].en }]);
    res = await call(
      admin,
      'PUT',
      `/api/admin/readiness/sets/${set.id}`,
      { ...input, titleEn: 'Test 2' },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(ReadinessSetSchema.parse(res.json()).titleEn).toBe('Test 2');
    // The committee reads but does not edit.
    expect(
      (await call(chair, 'POST', '/api/admin/readiness/sets', { ...input, slug: 'x-y' })).statusCode,
    ).toBe(403);
  });
});

describe('export', () => {
  it('answers the set as a PDF in the asked language', async () => {
    const res = await call(chair, 'GET', '/api/committee/readiness/eccp-profile/export.pdf?lang=bg');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(2000);
  });
});

describe('personal data', () => {
  it('exports the strategy values, evidence, marks and checks I made; erasure keeps them without me', async () => {
    const me = await insertUser(h, { roles: ['committee_member'] });
    const cookie = await logIn(app, me.email);
    const [indicator] = await h.query<{ id: string }>(
      sql`select id from strategy_indicators where source = 'entered' order by position limit 1`,
    );
    let res = await call(cookie, 'POST', `/api/committee/strategy/indicators/${indicator!.id}/values`, {
      value: 7,
      source: 'Отчет на работната група',
      measuredOn: '2026-09-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    const criterion = demoCriterionId(10);
    res = await call(cookie, 'PUT', `/api/committee/readiness/criteria/${criterion}/manual`, {
      status: 'partial',
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await call(cookie, 'POST', `/api/committee/readiness/criteria/${criterion}/evidence`, {
      kind: 'link',
      title: 'Моя връзка',
      url: 'https://example.org/mine',
    });
    expect(res.statusCode, res.body).toBe(201);
    res = await call(cookie, 'POST', '/api/committee/readiness/national-cluster-call/runs');
    expect(res.statusCode, res.body).toBe(201);

    res = await call(cookie, 'GET', '/api/account/export');
    expect(res.statusCode, res.body).toBe(200);
    const exported = AccountExportSchema.parse(res.json());
    expect(exported.strategyValues).toEqual([
      expect.objectContaining({ indicatorId: indicator!.id, value: 7, source: 'Отчет на работната група' }),
    ]);
    expect(exported.readinessEvidence).toEqual([
      expect.objectContaining({ criterionId: criterion, title: 'Моя връзка' }),
    ]);
    expect(exported.readinessMarks).toEqual([
      expect.objectContaining({ criterionId: criterion, manualStatus: 'partial' }),
    ]);
    expect(exported.readinessRuns).toEqual([expect.objectContaining({ setId: demoReadinessSetId(2) })]);

    res = await call(cookie, 'POST', '/api/account/erase', { password: TEST_PASSWORD });
    expect(res.statusCode, res.body).toBe(204);
    const left = await h.query<{ n: number }>(sql`
      select (select count(*) from strategy_indicator_values where entered_by = ${me.id})
           + (select count(*) from readiness_evidence where added_by = ${me.id})
           + (select count(*) from readiness_criteria where manual_marked_by = ${me.id})
           + (select count(*) from readiness_runs where ran_by = ${me.id}) as n`);
    expect(Number(left[0]!.n)).toBe(0);
    // The records stay.
    expect(await count("strategy_indicator_values where source = 'Отчет на работната група'")).toBe(1);
    expect(await count("readiness_evidence where title = 'Моя връзка'")).toBe(1);
  });
});
