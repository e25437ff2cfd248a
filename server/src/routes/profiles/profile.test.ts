/**
 * Issue 5: representatives edit their organisation's profile. Writes are conditional on the version read
 * (ETag / If-Match): none → 428, stale → 412 with nothing written, so no edit is ever lost; on PostgreSQL
 * fifty simultaneous saves from the same version produce exactly one winner.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import {
  CONTACT_FIELD_DEFAULTS,
  type EditableProfile,
  EditableProfileSchema,
  type Problem,
  ProblemSchema,
  type ProfileEditBody,
  ProfileHistoryResponseSchema,
} from '@portal/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';

const onPostgres = testEngine === 'postgres';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let orgA: string;
let orgB: string;
/** Session cookies. */
const as = {} as Record<'repA' | 'repA2' | 'repB' | 'committee' | 'admin' | 'noRole', string>;
let repAName: string;
/** Further representatives of A, for the concurrency test. */
const moreRepsOfA: string[] = [];
/** User ids of the representatives of A. */
const idOf = {} as Record<'repA' | 'repA2', string>;

beforeAll(async () => {
  h = await createTestDb({ maxConnections: 20 });
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  orgA = await insertOrganization(h, {
    nameBg: 'Облачни Решения',
    nameEn: 'Cloud Solutions',
    employees: 120,
    city: 'София',
    descriptionBg: 'Облачни услуги.',
    descriptionEn: 'Cloud services.',
    areas: ['ict-software'],
    naceCodes: ['62.01'],
    publicEmail: 'office@cloud.example',
  });
  orgB = await insertOrganization(h, {
    nameBg: 'Чужда Фирма',
    nameEn: 'Someone Else Ltd',
    employees: 5,
    areas: ['creative-games'],
  });
  const repA = await insertUser(h, {
    roles: ['representative'],
    organizationIds: [orgA],
    displayName: 'Мария Петрова',
  });
  repAName = 'Мария Петрова';
  const users = {
    repA,
    repA2: await insertUser(h, { roles: ['representative'], organizationIds: [orgA] }),
    repB: await insertUser(h, { roles: ['representative'], organizationIds: [orgB] }),
    committee: await insertUser(h, { roles: ['committee_member'] }),
    admin: await insertUser(h, { roles: ['admin'] }),
    noRole: await insertUser(h),
  };
  idOf.repA = users.repA.id;
  idOf.repA2 = users.repA2.id;
  for (const [name, user] of Object.entries(users)) {
    as[name as keyof typeof as] = await logIn(app, user.email);
  }
  for (let i = 0; i < 4; i++) {
    const rep = await insertUser(h, { roles: ['representative'], organizationIds: [orgA] });
    moreRepsOfA.push(await logIn(app, rep.email));
  }
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const url = (id: string, what: 'profile' | 'history' = 'profile') =>
  `/api/account/organizations/${id}/${what}`;

function read(cookie: string | null, id = orgA) {
  return app.inject({ method: 'GET', url: url(id), headers: cookie ? { cookie } : {} });
}

function save(
  cookie: string | null,
  payload: object,
  ifMatch: string | undefined,
  { id = orgA, lang = 'bg' }: { id?: string; lang?: string } = {},
) {
  return app.inject({
    method: 'PUT',
    url: url(id),
    payload,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(ifMatch !== undefined ? { 'if-match': ifMatch } : {}),
      'accept-language': lang,
    },
  });
}

function history(cookie: string | null, id = orgA) {
  return app.inject({ method: 'GET', url: url(id, 'history'), headers: cookie ? { cookie } : {} });
}

function profileOf(res: LightMyRequestResponse): EditableProfile {
  expect(res.statusCode, res.body).toBe(200);
  return EditableProfileSchema.parse(res.json());
}

function problemOf(res: LightMyRequestResponse, status: number, code: string): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const problem = ProblemSchema.parse(res.json());
  expect(problem.code).toBe(code);
  return problem;
}

/** The editable part of a profile: what a PUT sends back. */
function bodyOf(p: EditableProfile): ProfileEditBody {
  const { id: _id, eik: _eik, kind: _kind, sizeClass: _s, version: _v, updatedAt: _u, ...rest } = p;
  // What the editor shows but cannot change (e.g. the logo, which has its own endpoints) is not sent.
  const { logoUrl: _logo, updatedBy: _by, ...body } = rest as typeof rest & { logoUrl?: unknown };
  return body;
}

/** Reads A as its representative: the profile and its ETag. */
async function current(id = orgA, cookie = as.repA): Promise<{ profile: EditableProfile; etag: string }> {
  const res = await read(cookie, id);
  const profile = profileOf(res);
  return { profile, etag: String(res.headers.etag) };
}

/** Everything a refused write must leave alone: the row, its areas, the audit trail and the directory. */
async function snapshot(id = orgA) {
  const [row] = await h.query<{ org: unknown; areas: unknown; audit: number; directory: unknown }>(
    sql`select to_jsonb(o) as org,
          (select coalesce(jsonb_agg(area_id order by area_id), '[]') from organization_areas
            where organization_id = o.id) as areas,
          (select count(*)::int from audit_events) as audit,
          (select to_jsonb(d) from directory_entries d where d.organization_id = o.id) as directory
        from organizations o where o.id = ${id}`,
  );
  return row;
}

describe(`reading the profile (${testEngine})`, () => {
  it('answers the editable profile with its version as the ETag, never cached', async () => {
    const res = await read(as.repA);
    const profile = profileOf(res);
    expect(res.headers.etag).toBe(`"${profile.version}"`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(profile).toMatchObject({
      id: orgA,
      nameBg: 'Облачни Решения',
      nameEn: 'Cloud Solutions',
      kind: 'company',
      employees: 120,
      sizeClass: 'medium',
      city: 'София',
      areaIds: ['ict-software'],
      naceCodes: ['62.01'],
      publicEmail: 'office@cloud.example',
      contactName: null,
      contactEmail: null,
      offers: {},
      seeks: {},
      // Every field with its visibility: the defaults where the organisation set none.
      visibility: CONTACT_FIELD_DEFAULTS,
    });
  });

  it("answers another organisation's representative 404, exactly as for one that does not exist", async () => {
    const other = await read(as.repB);
    const missing = await read(as.repB, '00000000-0000-4000-8000-000000000000');
    problemOf(other, 404, 'organization.not_found');
    expect(other.body).toBe(missing.body);
    expect(other.body).not.toContain('Облачни');
  });

  it('asks the anonymous to sign in and refuses users who represent no organisation', async () => {
    problemOf(await read(null), 401, 'auth.required');
    problemOf(await read(as.noRole), 403, 'auth.forbidden');
    problemOf(await read(as.committee), 403, 'auth.forbidden');
  });

  it('lets administrators read any organisation', async () => {
    expect(profileOf(await read(as.admin, orgB)).id).toBe(orgB);
  });
});

describe(`saving the profile (${testEngine})`, () => {
  it('stores the edit, answers the new ETag, and the public directory shows it at once', async () => {
    const { profile, etag } = await current();
    const edit: ProfileEditBody = {
      ...bodyOf(profile),
      nameBg: 'Облачни Решения Плюс',
      nameEn: 'Cloud Solutions Plus',
      descriptionBg: '  Облачни услуги и обучения.  ',
      employees: 8,
      areaIds: ['creative-games', 'ict-ai-data'],
      naceCodes: ['62.01', '62.02'],
      website: 'https://cloud.example',
      publicPhone: '+359 2 555 0000',
      offers: { infrastructure: 'Сървърна зала', people: '' },
      seeks: { projects: 'Партньори по Хоризонт Европа' },
    };
    const res = await save(as.repA, edit, etag);
    const saved = profileOf(res);
    expect(saved.version).toBe(profile.version + 1);
    expect(res.headers.etag).toBe(`"${saved.version}"`);
    expect(saved).toMatchObject({
      nameBg: 'Облачни Решения Плюс',
      nameEn: 'Cloud Solutions Plus',
      descriptionBg: 'Облачни услуги и обучения.',
      employees: 8,
      // The size class follows staff (the database derives it).
      sizeClass: 'micro',
      areaIds: ['creative-games', 'ict-ai-data'],
      naceCodes: ['62.01', '62.02'],
      website: 'https://cloud.example',
      publicPhone: '+359 2 555 0000',
      offers: { infrastructure: 'Сървърна зала' },
      seeks: { projects: 'Партньори по Хоризонт Европа' },
    });
    // Stored: a fresh read (by a colleague) gives the same.
    const reread = await current(orgA, as.repA2);
    expect(reread.profile).toEqual(saved);
    expect(reread.etag).toBe(res.headers.etag);

    // The public side (the directory's read model, kept by triggers) reflects it in the same transaction.
    const directory = await app.inject({ url: `/api/organizations?q=${encodeURIComponent('Плюс')}` });
    expect(directory.json().items).toEqual([
      expect.objectContaining({ id: orgA, nameBg: 'Облачни Решения Плюс', sizeClass: 'micro' }),
    ]);
    const byArea = await app.inject({ url: '/api/organizations?area=creative-games' });
    expect(byArea.json().items.map((i: { id: string }) => i.id)).toContain(orgA);
    const byOldArea = await app.inject({ url: '/api/organizations?area=ict-software' });
    expect(byOldArea.json().items.map((i: { id: string }) => i.id)).not.toContain(orgA);
    const publicProfile = await app.inject({ url: `/api/organizations/${orgA}` });
    expect(publicProfile.json()).toMatchObject({ nameBg: 'Облачни Решения Плюс', employees: 8 });
  });

  it('records an audit event with before and after of the changed fields only, shown in the history', async () => {
    const { profile, etag } = await current();
    const res = await save(
      as.repA,
      { ...bodyOf(profile), nameEn: 'Cloud Solutions Bulgaria', city: '' },
      etag,
    );
    profileOf(res);
    const events = await h.query<{ action: string; actor_id: string; before: unknown; after: unknown }>(
      sql`select action, actor_id, before, after from audit_events
          where entity_type = 'organization' and entity_id = ${orgA} order by id desc limit 1`,
    );
    expect(events[0]).toMatchObject({
      action: 'organization.profile_updated',
      before: { nameEn: 'Cloud Solutions Plus', city: 'София' },
      after: { nameEn: 'Cloud Solutions Bulgaria', city: null },
    });
    expect(Object.keys(events[0]!.before as object).sort()).toEqual(['city', 'nameEn']);

    const items = ProfileHistoryResponseSchema.parse((await history(as.repA)).json()).items;
    expect(items[0]).toMatchObject({
      action: 'organization.profile_updated',
      actorName: repAName,
      after: { nameEn: 'Cloud Solutions Bulgaria', city: null },
    });
    // Newest first: the first edit (the rename) follows.
    expect(items[1]).toMatchObject({ after: expect.objectContaining({ nameBg: 'Облачни Решения Плюс' }) });
    expect(items.length).toBeGreaterThanOrEqual(2);
  });

  it('stores the contact person and the visibility of every contact field, audited before/after', async () => {
    const { profile, etag } = await current();
    const visibility = {
      ...CONTACT_FIELD_DEFAULTS,
      publicEmail: 'members',
      contactName: 'public',
      contactPhone: 'members',
    } as const;
    const saved = profileOf(
      await save(
        as.repA,
        {
          ...bodyOf(profile),
          contactName: '  Иван Иванов ',
          contactPosition: 'Управител',
          contactEmail: 'ivan@cloud.example',
          contactPhone: '+359 88 123 4567',
          visibility,
        },
        etag,
      ),
    );
    expect(saved).toMatchObject({
      contactName: 'Иван Иванов',
      contactPosition: 'Управител',
      contactEmail: 'ivan@cloud.example',
      contactPhone: '+359 88 123 4567',
      visibility,
    });
    expect((await current(orgA, as.repA2)).profile).toEqual(saved);
    const [event] = await h.query<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      sql`select before, after from audit_events
          where entity_type = 'organization' and entity_id = ${orgA} order by id desc limit 1`,
    );
    expect(Object.keys(event!.after).sort()).toEqual([
      'contactEmail',
      'contactName',
      'contactPhone',
      'contactPosition',
      'visibility',
    ]);
    expect(event!.before).toMatchObject({ contactName: null, visibility: CONTACT_FIELD_DEFAULTS });
    expect(event!.after).toMatchObject({ contactName: 'Иван Иванов', visibility });

    // Blank name and position are stored as "none".
    const cleared = profileOf(
      await save(as.repA, { ...bodyOf(saved), contactName: ' ', contactPosition: '' }, `"${saved.version}"`),
    );
    expect(cleared).toMatchObject({ contactName: null, contactPosition: null });
  });

  it('refuses an invalid contact email or phone and a visibility map that is not complete and valid', async () => {
    const { profile, etag } = await current();
    const before = await snapshot();
    const problem = problemOf(
      await save(as.repA, { ...bodyOf(profile), contactEmail: 'nope', contactPhone: 'call me' }, etag, {
        lang: 'en',
      }),
      400,
      'validation.failed',
    );
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['body.contactEmail', 'body.contactPhone']);
    const { contactPhone: _omitted, ...partial } = CONTACT_FIELD_DEFAULTS;
    for (const visibility of [
      { ...CONTACT_FIELD_DEFAULTS, contactEmail: 'everyone' },
      partial,
      { ...CONTACT_FIELD_DEFAULTS, city: 'public' },
    ]) {
      const res = await save(as.repA, { ...bodyOf(profile), visibility }, etag);
      const refused = problemOf(res, 400, 'validation.failed');
      expect(JSON.stringify(refused.errors), JSON.stringify(visibility)).toContain('body.visibility');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('accepts a weak ETag form and a save that changes nothing (no history entry for it)', async () => {
    const { profile } = await current();
    const before = (await snapshot())!;
    const saved = profileOf(await save(as.repA, bodyOf(profile), `W/"${profile.version}"`));
    expect(saved.version).toBe(profile.version + 1);
    expect((await snapshot())!.audit).toBe(before.audit);
  });

  it('keeps "accept messages from visitors" off until a representative turns it on, audited (decision 053)', async () => {
    const { profile, etag } = await current();
    expect(profile.acceptsContact).toBe(false);
    expect((await app.inject({ url: `/api/organizations/${orgA}` })).json().acceptsContact).toBe(false);
    const on = profileOf(await save(as.repA, { ...bodyOf(profile), acceptsContact: true }, etag));
    expect(on.acceptsContact).toBe(true);
    expect((await app.inject({ url: `/api/organizations/${orgA}` })).json().acceptsContact).toBe(true);
    const [audit] = await h.query<{ before: unknown; after: unknown }>(
      sql`select before, after from audit_events where entity_id = ${orgA} order by id desc limit 1`,
    );
    expect(audit).toEqual({ before: { acceptsContact: false }, after: { acceptsContact: true } });
    // A client that does not send the setting leaves it as it is (and records no change of it).
    const { acceptsContact: _ignored, ...withoutIt } = bodyOf(on);
    const kept = profileOf(await save(as.repA, withoutIt, `"${on.version}"`));
    expect(kept.acceptsContact).toBe(true);
    const off = profileOf(
      await save(as.repA, { ...bodyOf(kept), acceptsContact: false }, `"${kept.version}"`),
    );
    expect(off.acceptsContact).toBe(false);
  });

  it('refuses a save without If-Match with 428 (or with `*`), writing nothing', async () => {
    const { profile } = await current();
    const before = await snapshot();
    const body = { ...bodyOf(profile), nameBg: 'Без версия' };
    const problem = problemOf(await save(as.repA, body, undefined), 428, 'precondition.required');
    expect(problem.title).toBe('Липсва версия на данните');
    problemOf(await save(as.repA, body, '*'), 428, 'precondition.required');
    problemOf(await save(as.repA, body, ''), 428, 'precondition.required');
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a stale version with 412 and leaves the colleague's edit exactly as saved", async () => {
    // Both colleagues open the editor at the same version.
    const mine = await current(orgA, as.repA);
    const theirs = await current(orgA, as.repA2);
    expect(mine.etag).toBe(theirs.etag);
    profileOf(await save(as.repA2, { ...bodyOf(theirs.profile), descriptionEn: 'Their edit.' }, theirs.etag));
    const before = await snapshot();

    const res = await save(as.repA, { ...bodyOf(mine.profile), descriptionEn: 'My edit.' }, mine.etag, {
      lang: 'en',
    });
    const problem = problemOf(res, 412, 'precondition.failed');
    expect(problem.title).toBe('Changed in the meantime');
    expect(await snapshot()).toEqual(before);
    expect((await current()).profile.descriptionEn).toBe('Their edit.');
    // A value that names no version at all matches none either.
    problemOf(await save(as.repA, bodyOf(mine.profile), '"abc"'), 412, 'precondition.failed');
    expect(await snapshot()).toEqual(before);
  });

  it('names who saved the version, so an editor can tell its own other tab from a colleague (issue 11 C13)', async () => {
    const first = await current(orgA, as.repA);
    const mine = profileOf(
      await save(as.repA, { ...bodyOf(first.profile), descriptionEn: 'Saved in tab one.' }, first.etag),
    );
    expect(mine.updatedBy).toBe(idOf.repA);
    expect((await current(orgA, as.repA2)).profile.updatedBy).toBe(idOf.repA);
    const next = await current(orgA, as.repA2);
    profileOf(await save(as.repA2, { ...bodyOf(next.profile), descriptionEn: 'A colleague.' }, next.etag));
    expect((await current(orgA, as.repA)).profile.updatedBy).toBe(idOf.repA2);
  });

  it('names each invalid field, in Bulgarian and in English', async () => {
    const { profile, etag } = await current();
    const before = await snapshot();
    const bad = {
      ...bodyOf(profile),
      nameBg: '   ',
      website: 'javascript:alert(1)',
      publicEmail: 'not an email',
      employees: -3,
      areaIds: [],
    };
    const messages: Record<string, Record<string, string>> = {};
    for (const lang of ['bg', 'en']) {
      const problem = problemOf(await save(as.repA, bad, etag, { lang }), 400, 'validation.failed');
      messages[lang] = Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e.message]));
      expect(Object.keys(messages[lang]!).sort()).toEqual([
        'body.areaIds',
        'body.employees',
        'body.nameBg',
        'body.publicEmail',
        'body.website',
      ]);
    }
    for (const path of Object.keys(messages.bg!)) expect(messages.bg![path]).not.toBe(messages.en![path]);
    expect(messages.bg!['body.publicEmail']).toMatch(/[а-я]/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an area that does not exist, naming it', async () => {
    const { profile, etag } = await current();
    const before = await snapshot();
    for (const [lang, word] of [
      ['bg', 'Няма област'],
      ['en', 'There is no specialisation area'],
    ] as const) {
      const problem = problemOf(
        await save(as.repA, { ...bodyOf(profile), areaIds: ['ict-software', 'no-such-area'] }, etag, {
          lang,
        }),
        400,
        'validation.failed',
      );
      expect(problem.errors).toEqual([
        { path: 'body.areaIds', message: expect.stringContaining('no-such-area') },
      ]);
      expect(problem.errors?.[0]?.message).toContain(word);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses fields that are not editable (ЕИК, version, status, kind) instead of ignoring them', async () => {
    const { profile, etag } = await current();
    const before = await snapshot();
    for (const extra of [
      { eik: '121212121' },
      { version: 99 },
      { status: 'active' },
      { kind: 'university' },
    ]) {
      const res = await save(as.repA, { ...bodyOf(profile), ...extra }, etag);
      const problem = problemOf(res, 400, 'validation.failed');
      expect(JSON.stringify(problem.errors), JSON.stringify(extra)).toContain(Object.keys(extra)[0]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers another organisation's representative 404 and the anonymous 401, writing nothing", async () => {
    const { profile: b, etag } = await current(orgB, as.repB);
    const beforeB = await snapshot(orgB);
    const beforeA = await snapshot(orgA);
    const other = await save(as.repA, { ...bodyOf(b), nameBg: 'Превзета' }, etag, { id: orgB });
    const missing = await save(as.repA, { ...bodyOf(b), nameBg: 'Превзета' }, etag, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    problemOf(other, 404, 'organization.not_found');
    expect(other.body).toBe(missing.body);
    problemOf(
      await save(null, { ...bodyOf(b), nameBg: 'Превзета' }, etag, { id: orgB }),
      401,
      'auth.required',
    );
    problemOf(
      await save(as.committee, { ...bodyOf(b), nameBg: 'Превзета' }, etag, { id: orgB }),
      403,
      'auth.forbidden',
    );
    expect(await snapshot(orgB)).toEqual(beforeB);
    expect(await snapshot(orgA)).toEqual(beforeA);
  });

  it("lets administrators edit any organisation's profile", async () => {
    const { profile, etag } = await current(orgB, as.admin);
    const saved = profileOf(await save(as.admin, { ...bodyOf(profile), employees: 60 }, etag, { id: orgB }));
    expect(saved).toMatchObject({ employees: 60, sizeClass: 'medium', version: profile.version + 1 });
    const missing = save(as.admin, bodyOf(saved), `"${saved.version}"`, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    problemOf(await missing, 404, 'organization.not_found');
  });

  it('reads a profile on file that predates the rules (no area yet); saving it needs an area', async () => {
    const bare = await insertOrganization(h, { nameBg: 'Без Области', status: 'suspended' });
    const res = await read(as.admin, bare);
    expect(res.statusCode, res.body).toBe(200);
    const profile = res.json() as EditableProfile;
    const etag = String(res.headers.etag);
    expect(profile.areaIds).toEqual([]);
    const problem = problemOf(
      await save(as.admin, bodyOf(profile), etag, { id: bare }),
      400,
      'validation.failed',
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(['body.areaIds']);
    const saved = profileOf(
      await save(as.admin, { ...bodyOf(profile), areaIds: ['ict'] }, etag, { id: bare }),
    );
    expect(saved.areaIds).toEqual(['ict']);
  });
});

describe('the OpenAPI document', () => {
  it('documents the If-Match header and the 412/428 answers of a save', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    const put = doc.paths['/api/account/organizations/{id}/profile'].put;
    expect(put.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'if-match' })]),
    );
    expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '412', '428']));
  });
});

describe(`the history (${testEngine})`, () => {
  it("is for the organisation's representatives, the committee and administrators", async () => {
    const ok = (res: LightMyRequestResponse) => {
      expect(res.statusCode, res.body).toBe(200);
      return ProfileHistoryResponseSchema.parse(res.json()).items;
    };
    const forB = ok(await history(as.repB, orgB));
    expect(forB.map((e) => e.action)).toEqual(['organization.profile_updated']);
    expect(ok(await history(as.committee, orgB))).toEqual(forB);
    expect(ok(await history(as.admin, orgB))).toEqual(forB);

    const other = await history(as.repA, orgB);
    problemOf(other, 404, 'organization.not_found');
    expect(other.body).toBe((await history(as.repA, '00000000-0000-4000-8000-000000000000')).body);
    problemOf(await history(as.admin, '00000000-0000-4000-8000-000000000000'), 404, 'organization.not_found');
    problemOf(await history(null, orgB), 401, 'auth.required');
    problemOf(await history(as.noRole, orgB), 403, 'auth.forbidden');
  });
});

describe(`concurrent saves (${testEngine})`, () => {
  it.runIf(onPostgres)(
    'lets exactly one of fifty simultaneous saves from the same version win; the other 49 get 412',
    async () => {
      const { profile, etag } = await current();
      const auditBefore = (await snapshot())!.audit;
      const editors = [as.repA, as.repA2, ...moreRepsOfA];
      const edits = Array.from({ length: 50 }, (_, i) => ({
        ...bodyOf(profile),
        nameBg: `Едновременна редакция ${i}`,
        employees: i * 7,
        seeks: { people: `Редактор ${i}` },
      }));
      const answers = await Promise.all(
        edits.map((edit, i) => save(editors[i % editors.length]!, edit, etag)),
      );

      const statuses = answers.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(49);
      const winner = statuses.indexOf(200);
      const won = profileOf(answers[winner]!);

      const stored = (await current()).profile;
      expect(stored).toEqual(won);
      expect(stored).toMatchObject({
        nameBg: `Едновременна редакция ${winner}`,
        employees: winner * 7,
        seeks: { people: `Редактор ${winner}` },
        version: profile.version + 1,
      });
      // One write, one audit event, and the directory shows the winner.
      expect((await snapshot())!.audit).toBe(auditBefore + 1);
      const [entry] = await h.query<{ name_bg: string }>(
        sql`select name_bg from directory_entries where organization_id = ${orgA}`,
      );
      expect(entry?.name_bg).toBe(`Едновременна редакция ${winner}`);
    },
  );
});
