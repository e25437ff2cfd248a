/**
 * The privacy matrix (issue 5): every endpoint that answers organisation data × every kind of reader, over
 * organisations whose contact fields take every visibility. A field above what the reader may see must not
 * appear ANYWHERE in the answer (not only not in its own property); where a row says it is `complete`, every
 * field the reader may see must appear too, so a row cannot pass by answering nothing.
 *
 * The table (ROWS) is meant to be extended: a new endpoint that returns organisation data adds a row saying
 * which level each reader gets. A GET route under an organisations/members path that is neither a row nor
 * listed in NO_CONTACTS fails the coverage test.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import {
  CONTACT_FIELDS,
  type ContactField,
  canSee,
  ProfileEditBodySchema,
  VISIBILITIES,
  type Visibility,
} from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';

const READERS = [
  'anonymous',
  'no_role',
  'applicant',
  'own_representative',
  'other_representative',
  // Representatives of an organisation that is not an active member (issue 11 A1, decision 012): they
  // read like someone outside the cluster, whatever their role says.
  'suspended_representative',
  'withdrawn_representative',
  'excluded_representative',
  'candidate_representative',
  'non_member_representative',
  'committee_member',
  'committee_chair',
  'admin',
] as const;
type Reader = (typeof READERS)[number];

/** What a reader gets from a row: a level of contact fields, or a refusal (401/403/404, nothing in it). */
type Access = Visibility | 'denied';

/** The organisations under test: org k has field i at visibility VISIBILITIES[(i + k) % 3]. */
const ORG_COUNT = VISIBILITIES.length;

interface Ctx {
  /** The organisations whose contacts are secret, by index. */
  orgIds: string[];
  /** The own representative's organisations are all of orgIds; the other one represents this one. */
  otherOrgId: string;
}

interface Row {
  /** The GET route as registered (`:id` for parameters). */
  route: string;
  /** What the row checks, for the test's name. */
  label: string;
  /** The request for organisation `k` (rows about a list may ignore k). */
  url: (ctx: Ctx, k: number) => string;
  /** The level `reader` gets for organisation k. */
  access: (reader: Reader, k: number) => Access;
  /** Every field the reader may see must be in the answer (rows that show contacts). */
  complete?: boolean;
}

// ---------- who gets what ----------

const everyone = (level: Visibility) => (): Access => level;
/**
 * The members-only view: representatives of an active member `members`, the committee and administrators
 * `committee`; everyone else (representatives of a suspended, withdrawn, excluded, candidate or non-member
 * organisation too) nothing.
 */
const membersView = (reader: Reader): Access => {
  switch (reader) {
    case 'own_representative':
    case 'other_representative':
      return 'members';
    case 'committee_member':
    case 'committee_chair':
    case 'admin':
      return 'committee';
    default:
      return 'denied';
  }
};
/** An organisation's own data (its editor, its history): its representatives and administrators see all. */
const ownAndAdmins = (reader: Reader): Access =>
  reader === 'own_representative' || reader === 'admin' ? 'committee' : 'denied';
/** The history: its representatives, the committee and administrators see all. */
const ownCommitteeAdmins = (reader: Reader): Access =>
  ['own_representative', 'committee_member', 'committee_chair', 'admin'].includes(reader)
    ? 'committee'
    : 'denied';
const committeeAndAdmins = (reader: Reader): Access =>
  ['committee_member', 'committee_chair', 'admin'].includes(reader) ? 'committee' : 'denied';
const adminsOnly = (reader: Reader): Access => (reader === 'admin' ? 'committee' : 'denied');
/** Signed-in readers only, and none of them gets a contact field here. */
const signedInNoContacts = (reader: Reader): Access => (reader === 'anonymous' ? 'denied' : 'public');

const ROWS: Row[] = [
  // ---------- public (always public-level, whoever asks: cache-safe) ----------
  {
    route: '/api/organizations',
    label: 'the public directory: no contacts',
    url: () => '/api/organizations?pageSize=100',
    access: everyone('public'),
  },
  {
    route: '/api/organizations',
    label: 'search',
    url: (_c, k) => `/api/organizations?q=${encodeURIComponent(orgName(k))}`,
    access: everyone('public'),
  },
  {
    route: '/api/organizations/:id',
    label: 'the public profile',
    url: (c, k) => `/api/organizations/${c.orgIds[k]}`,
    access: everyone('public'),
    complete: true,
  },
  {
    route: '/api/decisions',
    label: 'the register names organisations',
    url: () => '/api/decisions',
    access: everyone('public'),
  },
  // ---------- the members-only view ----------
  {
    route: '/api/members/organizations',
    label: 'the members-only directory',
    url: () => '/api/members/organizations?pageSize=100',
    access: membersView,
    complete: true,
  },
  {
    route: '/api/members/organizations',
    label: 'search',
    url: (_c, k) => `/api/members/organizations?q=${encodeURIComponent(orgName(k))}`,
    access: membersView,
    complete: true,
  },
  {
    route: '/api/members/organizations/:id',
    label: "a member's profile at the reader's level",
    url: (c, k) => `/api/members/organizations/${c.orgIds[k]}`,
    access: membersView,
    complete: true,
  },
  // ---------- my account: the organisation's own data ----------
  {
    route: '/api/account/organizations',
    label: 'the ones I represent',
    url: () => '/api/account/organizations',
    access: signedInNoContacts,
  },
  {
    route: '/api/account/organizations/:id',
    label: 'private view',
    url: (c, k) => `/api/account/organizations/${c.orgIds[k]}`,
    access: ownAndAdmins,
  },
  {
    route: '/api/account/organizations/:id/profile',
    label: 'the editor',
    url: (c, k) => `/api/account/organizations/${c.orgIds[k]}/profile`,
    access: ownAndAdmins,
    complete: true,
  },
  {
    route: '/api/account/organizations/:id/history',
    label: 'audit before/after of the edits',
    url: (c, k) => `/api/account/organizations/${c.orgIds[k]}/history`,
    access: ownCommitteeAdmins,
    complete: true,
  },
  // ---------- administration and the committee ----------
  {
    route: '/api/admin/organizations',
    label: 'the link picker',
    url: (_c, k) => `/api/admin/organizations?q=${encodeURIComponent(orgName(k))}`,
    access: adminsOnly,
  },
  {
    route: '/api/admin/audit',
    label: 'the audit log carries profile edits',
    url: () => '/api/admin/audit?entityType=organization',
    access: adminsOnly,
    complete: true,
  },
  {
    route: '/api/committee/applications',
    label: "the committee's queue",
    url: () => '/api/committee/applications',
    access: (reader) => (['committee_member', 'committee_chair'].includes(reader) ? 'committee' : 'denied'),
  },
  // ---------- membership administration (helper "memberships"): add rows here ----------
  {
    route: '/api/committee/members',
    label: 'membership administration: the list',
    url: () => '/api/committee/members',
    access: committeeAndAdmins,
  },
  {
    route: '/api/committee/members/:id',
    label: 'membership administration: one member',
    url: (c, k) => `/api/committee/members/${c.orgIds[k]}`,
    access: committeeAndAdmins,
    complete: true,
  },
  // ---------- fees (helper "fees"): add rows here (fee status, overdue list) ----------
  {
    route: '/api/account/organizations/:id/fees',
    label: "a member's fee status",
    url: (c, k) => `/api/account/organizations/${c.orgIds[k]}/fees`,
    access: ownCommitteeAdmins,
  },
  // ---------- CSV export of the member list (helper "csv"): add rows here ----------
  {
    route: '/api/members/export.csv',
    label: 'the member list as CSV, with the fields the exporter may see',
    url: () => '/api/members/export.csv',
    access: membersView,
    complete: true,
  },
  // ---------- GDPR exports (helper "gdpr"): add rows here ----------
  {
    route: '/api/account/organizations/:id/export',
    label: "everything about the representative's organisation, as JSON",
    url: (c, k) => `/api/account/organizations/${c.orgIds[k]}/export`,
    access: ownAndAdmins,
    complete: true,
  },
  // ---------- the cooperation board (issue 14 §1): board answers name organisations, never contacts ----------
  {
    route: '/api/account/organizations/:id/board-items',
    label: "the organisation's own board items",
    url: (c, k) => `/api/account/organizations/${c.orgIds[k]}/board-items`,
    access: (reader) => (reader === 'own_representative' ? 'public' : 'denied'),
  },
  {
    route: '/api/board/items',
    label: 'the board (members)',
    url: () => '/api/board/items?pageSize=100',
    access: (reader) => (membersView(reader) === 'denied' ? 'denied' : 'public'),
  },
  {
    route: '/api/board/public',
    label: 'the public teaser of the board',
    url: () => '/api/board/public?limit=50',
    access: everyone('public'),
  },
];

/**
 * GET routes under an organisations/members path that answer no contact field of any organisation, each
 * with the reason. Everything else under those paths must be a row above.
 */
const NO_CONTACTS: Record<string, string> = {
  '/api/account/organizations/:id/partnerships':
    "the organisation's partnerships: partner names, dates and areas, no contacts (who reads it: 'private conversations' below)",
  '/api/account/organizations/:id/board-items/:itemId/revisions':
    "an item's earlier titles and descriptions, for its organisation's representatives and the committee (organization.history); no contact field",
  '/api/account/organizations/:id/suggestions':
    'suggested organisations: names, kind, areas and the reasons citing board items; no contact field',
  '/api/organizations/:id/logo': 'image bytes only',
  '/api/account/organizations/:id/logo': 'image bytes only',
  '/api/account/organizations/:id/representatives':
    "the representatives' own accounts (no contact field of the organisation)",
  '/api/admin/organizations/import/template.csv': 'an empty CSV template',
  '/api/account/organizations/:id/competitors': 'the ЕИК of declared competitors only',
  '/api/account/organizations/:id/bookings':
    'bookings: resource and organisation names and times (who sees them: "who sees a booking" below)',
  '/api/account/organizations/:id/calendar-feed':
    'whether a calendar feed exists and since when (who gets its secret URL: "who gets a calendar feed" below)',
  '/api/calendar-feeds/organizations/:id/bookings.ics':
    'bookings as iCalendar, by the secret token only ("who gets a calendar feed" below)',
};

/** Paths whose GET routes must be in ROWS or NO_CONTACTS. */
const COVERED_PATHS = /\/(organizations|members)(\/|$)/;

// ---------- fixtures ----------

const orgName = (k: number) => `Поверителност ${['Алфа', 'Бета', 'Гама'][k]}`;

/** A distinctive value of field `field` of organisation k (valid for the profile editor). */
function secretValue(field: ContactField, k: number): string {
  switch (field) {
    case 'address':
      return `ул. Скрита ${k + 1}, вх. Тайна`;
    case 'website':
      return `https://secret-site-${k}.privacy.example`;
    case 'publicEmail':
      return `office-${k}@privacy.example`;
    case 'publicPhone':
      return `+359 2 911 00${k}1`;
    case 'contactName':
      return `Скрито Лице ${k + 1}`;
    case 'contactPosition':
      return `Тайна Длъжност ${k + 1}`;
    case 'contactEmail':
      return `person-${k}@privacy.example`;
    case 'contactPhone':
      return `+359 88 922 00${k}2`;
  }
}

const visibilityOf = (field: ContactField, k: number): Visibility =>
  VISIBILITIES[(CONTACT_FIELDS.indexOf(field) + k) % VISIBILITIES.length]!;

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
const ctx: Ctx = { orgIds: [], otherOrgId: '' };
const cookies = {} as Record<Reader, string | null>;
/** Organisations admitted once but no longer listed (excluded, withdrawn): the register names them only. */
const formerMemberIds: string[] = [];

beforeAll(async () => {
  h = await createTestDb();
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  for (let k = 0; k < ORG_COUNT; k++) {
    ctx.orgIds.push(
      await insertOrganization(h, { nameBg: orgName(k), nameEn: `Privacy ${k}`, areas: ['ict-software'] }),
    );
  }
  ctx.otherOrgId = await insertOrganization(h, { nameBg: 'Друга Организация', areas: ['ict'] });

  const users: Record<Exclude<Reader, 'anonymous'>, Parameters<typeof insertUser>[1]> = {
    no_role: {},
    applicant: { roles: ['applicant'] },
    own_representative: { roles: ['representative'], organizationIds: ctx.orgIds },
    other_representative: { roles: ['representative'], organizationIds: [ctx.otherOrgId] },
    suspended_representative: await lapsedRepresentative({ status: 'suspended' }),
    withdrawn_representative: await lapsedRepresentative({ status: 'withdrawn' }),
    excluded_representative: await lapsedRepresentative({ status: 'excluded' }),
    candidate_representative: await lapsedRepresentative({ category: 'candidate', memberSince: null }),
    non_member_representative: await lapsedRepresentative(null),
    committee_member: { roles: ['committee_member'] },
    committee_chair: { roles: ['committee_chair'] },
    admin: { roles: ['admin'] },
  };
  cookies.anonymous = null;
  for (const [reader, fixture] of Object.entries(users)) {
    const user = await insertUser(h, fixture);
    cookies[reader as Reader] = await logIn(app, user.email);
  }

  // The own representative fills in every contact field and its visibility through the editor, so the
  // history and the audit log carry the values too.
  for (let k = 0; k < ORG_COUNT; k++) {
    const url = `/api/account/organizations/${ctx.orgIds[k]}/profile`;
    const read = await app.inject({ url, headers: { cookie: cookies.own_representative! } });
    expect(read.statusCode, read.body).toBe(200);
    const current = read.json() as Record<string, unknown>;
    const body = Object.fromEntries(
      Object.keys(ProfileEditBodySchema.shape).map((key) => [key, current[key]]),
    );
    for (const field of CONTACT_FIELDS) body[field] = secretValue(field, k);
    body.visibility = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, visibilityOf(f, k)]));
    const saved = await app.inject({
      method: 'PUT',
      url,
      payload: body,
      headers: { cookie: cookies.own_representative!, 'if-match': String(read.headers.etag) },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  }
  // The register names (and links) each of them, so its row has something to leak.
  for (let k = 0; k < ORG_COUNT; k++) await registerAdmission(ctx.orgIds[k]!, 800 + k);
  for (const status of ['excluded', 'withdrawn'] as const) {
    const id = await insertOrganization(h, { nameBg: `Бивш ${status}`, status });
    formerMemberIds.push(id);
    await registerAdmission(id, 810 + formerMemberIds.length);
  }
});

/** An approved admission of `organizationId` in the register (this year, number `YYYY-<sequence>`). */
async function registerAdmission(organizationId: string, sequence: number): Promise<string> {
  const year = new Date().getFullYear();
  const number = `${year}-${sequence}`;
  await h.query(
    sql`insert into decisions (year, sequence, number, decided_on, outcome, organization_id,
          organization_name_bg, organization_name_en, text_bg, text_en, tally)
        select ${year}, ${sequence}, ${number}, current_date, 'approved', o.id, o.name_bg, o.name_en,
          'Решение', 'Decision', '{"for": 3, "against": 0, "abstain": 0, "eligible": 5, "recused": 0}'::jsonb
        from organizations o where o.id = ${organizationId}`,
  );
  return number;
}
afterAll(async () => {
  await app?.close();
  await h?.close();
});

/**
 * A representative of a fresh organisation with the given membership (null: none on file), whose contacts
 * are the defaults' (only the orgIds' secrets are looked for).
 */
async function lapsedRepresentative(
  membership: Pick<Parameters<typeof insertOrganization>[1], 'status' | 'category' | 'memberSince'> | null,
): Promise<Parameters<typeof insertUser>[1]> {
  const id = await insertOrganization(h, { nameBg: 'Бивш член', areas: ['ict'], ...membership });
  if (!membership) await h.query(sql`delete from memberships where organization_id = ${id}`);
  return { roles: ['representative'], organizationIds: [id] };
}

async function ask(reader: Reader, url: string) {
  const cookie = cookies[reader];
  return app.inject({ url, headers: cookie ? { cookie } : {} });
}

describe('every organisation endpoint × every reader × every visibility', () => {
  for (const row of ROWS) {
    describe(`${row.route}: ${row.label}`, () => {
      it.each(READERS)('%s sees no contact field above their level', async (reader) => {
        for (let k = 0; k < ORG_COUNT; k++) {
          const access = row.access(reader, k);
          const res = await ask(reader, row.url(ctx, k));
          if (access === 'denied') {
            expect([401, 403, 404], `${reader} ${row.label}: ${res.body}`).toContain(res.statusCode);
          } else {
            expect(res.statusCode, `${reader} ${row.label}: ${res.body}`).toBe(200);
          }
          // Every organisation's fields, not only k's: a list answer carries them all.
          for (let j = 0; j < ORG_COUNT; j++) {
            const level = access === 'denied' ? 'denied' : row.access(reader, j);
            for (const field of CONTACT_FIELDS) {
              const value = secretValue(field, j);
              const visible = level !== 'denied' && canSee(level, visibilityOf(field, j));
              const where = `${reader} · ${row.route} · org ${j} · ${field} (${visibilityOf(field, j)})`;
              if (!visible) expect(res.body, where).not.toContain(value);
              else if (row.complete && j === k) expect(res.body, where).toContain(value);
            }
          }
        }
      });
    });
  }
});

describe('the public figures (issue 16 §1, decision 048): aggregates only', () => {
  it.each(READERS)('%s gets the same figures with no organisation named', async (reader) => {
    const res = await ask(reader, '/api/public/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    for (let k = 0; k < ORG_COUNT; k++) {
      expect(res.body).not.toContain(ctx.orgIds[k]);
      expect(res.body).not.toContain(orgName(k));
      for (const field of CONTACT_FIELDS) expect(res.body).not.toContain(secretValue(field, k));
    }
    for (const id of formerMemberIds) expect(res.body).not.toContain(id);
    expect(res.body).not.toContain(ctx.otherOrgId);
    // Whoever asks, the same answer (cache-safe): only the timestamp differs.
    const anonymous = await ask('anonymous', '/api/public/dashboard');
    const strip = (body: string) => ({ ...JSON.parse(body), generatedAt: '' });
    expect(strip(res.body)).toEqual(strip(anonymous.body));
  });
});

describe('the home page (issue 17, decision 054): public names and logos, never a contact', () => {
  it.each(READERS)(
    '%s gets the same answer, with listed members only and no contact field',
    async (reader) => {
      const res = await ask(reader, '/api/home');
      expect(res.statusCode, res.body).toBe(200);
      for (let k = 0; k < ORG_COUNT; k++) {
        for (const field of CONTACT_FIELDS) expect(res.body).not.toContain(secretValue(field, k));
      }
      for (const id of formerMemberIds) expect(res.body).not.toContain(id);
      // Whoever asks, the same answer (it is cached for everyone).
      const anonymous = await ask('anonymous', '/api/home');
      expect(JSON.parse(res.body)).toEqual(JSON.parse(anonymous.body));
    },
  );
});

describe('the decisions register (issue 11 C13)', () => {
  it.each(READERS)(
    "%s gets an organisation's id only while it is publicly listed (its profile link)",
    async (reader) => {
      const res = await ask(reader, '/api/decisions?pageSize=100');
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as { number: string; organizationId: string | null }[];
      for (const id of ctx.orgIds) expect(items.map((d) => d.organizationId)).toContain(id);
      for (const id of formerMemberIds) expect(res.body).not.toContain(id);
    },
  );
});

describe('the cooperation board (issue 14 §1): descriptions and members-only items', () => {
  const SECRET_DESCRIPTION = 'Само за членове: ключът е у охраната';
  const MEMBERS_ONLY_TITLE = 'Обява само за членове';
  const ids = { public: '', members: '' };

  beforeAll(async () => {
    const url = `/api/account/organizations/${ctx.orgIds[0]}/board-items`;
    for (const visibility of ['public', 'members'] as const) {
      const created = await app.inject({
        method: 'POST',
        url,
        headers: { cookie: cookies.own_representative! },
        payload: {
          kind: 'offer',
          type: 'infrastructure',
          titleBg: visibility === 'public' ? 'Публична обява' : MEMBERS_ONLY_TITLE,
          descriptionBg: SECRET_DESCRIPTION,
          areaIds: ['ict-software'],
          visibility,
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      ids[visibility] = created.json().id;
      const published = await app.inject({
        method: 'POST',
        url: `${url}/${ids[visibility]}/publish`,
        headers: { cookie: cookies.own_representative! },
        payload: { version: 1 },
      });
      expect(published.statusCode, published.body).toBe(200);
    }
  });

  it.each(READERS)('%s: the teaser names the public item only, never a description', async (reader) => {
    const res = await ask(reader, '/api/board/public?limit=50');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(ids.public);
    expect(res.body).not.toContain(ids.members);
    expect(res.body).not.toContain(MEMBERS_ONLY_TITLE);
    expect(res.body).not.toContain(SECRET_DESCRIPTION);
  });

  it.each(READERS)(
    '%s reads an item (with its description) only as a member of the cluster',
    async (reader) => {
      for (const id of [ids.public, ids.members]) {
        const res = await ask(reader, `/api/board/items/${id}`);
        if (membersView(reader) === 'denied') {
          expect([401, 403, 404], res.body).toContain(res.statusCode);
          expect(res.body).not.toContain(SECRET_DESCRIPTION);
        } else {
          expect(res.statusCode, res.body).toBe(200);
          expect(res.body).toContain(SECRET_DESCRIPTION);
        }
      }
    },
  );
});

/**
 * Who sees a booking (issue 14 §3, decision 034): the two sides see it whole (who, when, why declined or
 * cancelled); every member sees in a resource's calendar when it is taken, never who took it; nobody
 * else sees anything. The owner is orgIds[0] (the own representative's), the booker the other one.
 */
describe('who sees a booking', () => {
  let resourceId = '';
  let bookingId = '';
  const REASON = 'Причина само за двете страни';
  beforeAll(async () => {
    const hours = JSON.stringify(Array.from({ length: 7 }, () => ({ opens: '00:00', closes: '24:00' })));
    const [resource] = await h.query<{ id: string }>(
      sql`insert into shared_resources (organization_id, kind, name_bg, name_en, conditions, opening_hours)
          values (${ctx.orgIds[0]}, 'studio', 'Студио', 'Studio', 'free', ${hours}::jsonb) returning id`,
    );
    resourceId = resource!.id;
    const [booking] = await h.query<{ id: string }>(
      sql`insert into resource_bookings (resource_id, organization_id, starts_at, ends_at, status, reason)
          values (${resourceId}, ${ctx.otherOrgId}, '2031-05-05T08:00:00Z', '2031-05-05T10:00:00Z', 'confirmed',
            ${REASON}) returning id`,
    );
    bookingId = booking!.id;
  });
  const sides = (reader: Reader) => reader === 'own_representative' || reader === 'other_representative';
  const member = (reader: Reader) => membersView(reader) !== 'denied';

  it.each(READERS)('%s sees the booking itself only as one of its two sides', async (reader) => {
    const res = await ask(reader, `/api/bookings/${bookingId}`);
    if (sides(reader)) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ organizationId: ctx.otherOrgId, reason: REASON });
    } else {
      expect([401, 403, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain(ctx.otherOrgId);
      expect(res.body).not.toContain(REASON);
    }
  });

  it.each(READERS)(
    '%s sees in the calendar when the resource is taken (members only), never by whom',
    async (reader) => {
      const res = await ask(
        reader,
        `/api/resources/${resourceId}/calendar?from=2031-05-01T00:00:00Z&to=2031-06-01T00:00:00Z`,
      );
      if (member(reader)) {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().items).toHaveLength(1);
      } else {
        expect([401, 403]).toContain(res.statusCode);
      }
      expect(res.body).not.toContain(ctx.otherOrgId);
      expect(res.body).not.toContain('Друга Организация');
      expect(res.body).not.toContain(REASON);
    },
  );

  it.each(READERS)("%s sees an organisation's bookings only as its representative", async (reader) => {
    const res = await ask(
      reader,
      `/api/account/organizations/${ctx.otherOrgId}/bookings?from=2031-05-01T00:00:00Z&to=2031-06-01T00:00:00Z`,
    );
    if (reader === 'other_representative') {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items.map((b: { id: string }) => b.id)).toEqual([bookingId]);
    } else {
      expect([401, 403, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain(bookingId);
    }
  });
});

/**
 * Private conversations (issue 14 §2, decision 036): the representatives of its two organisations read a
 * conversation and its messages; nobody else does — not the committee, not an administrator (who gets
 * only the moderation list: that it exists, between whom, when, how many messages, never a word of it),
 * not a representative of a lapsed member. The owner is orgIds[0] (the own representative's), the
 * interested side the other one.
 */
describe('private conversations', () => {
  const TEXT = 'Само между двете организации';
  const REASON = 'Причина само за двете страни';
  let conversationId = '';
  beforeAll(async () => {
    const [item] = await h.query<{ id: string }>(
      sql`insert into board_items (organization_id, kind, type, title_bg, description_bg, status, valid_until,
            published_at)
          values (${ctx.orgIds[0]}, 'offer', 'people', 'Стажове', 'Описание', 'published',
            current_date + 30, now()) returning id`,
    );
    const [c] = await h.query<{ id: string }>(
      sql`insert into conversations (item_id, owner_organization_id, interested_organization_id, status,
            agreed_proposed_by_organization_id, agreed_proposed_at, agreed_confirmed_at)
          values (${item!.id}, ${ctx.orgIds[0]}, ${ctx.otherOrgId}, 'agreed', ${ctx.otherOrgId}, now(), now())
          returning id`,
    );
    conversationId = c!.id;
    await h.query(
      sql`insert into conversation_messages (conversation_id, author_organization_id, body)
          values (${conversationId}, ${ctx.otherOrgId}, ${TEXT})`,
    );
    await h.query(
      sql`insert into partnerships (conversation_id, owner_organization_id, partner_organization_id, agreed_at,
            owner_consent_at)
          values (${conversationId}, ${ctx.orgIds[0]}, ${ctx.otherOrgId}, now(), now())`,
    );
  });
  const sides = (reader: Reader) => reader === 'own_representative' || reader === 'other_representative';

  it.each(READERS)('%s reads the conversation only as one of its two sides', async (reader) => {
    for (const url of [`/api/conversations/${conversationId}`, '/api/conversations']) {
      const res = await ask(reader, url);
      if (sides(reader)) {
        expect(res.statusCode, res.body).toBe(200);
        if (url.endsWith(conversationId)) expect(res.body).toContain(TEXT);
      } else if (reader.endsWith('_representative')) {
        // A lapsed member's representative lists only their own organisation's conversations: none.
        expect(res.body).not.toContain(TEXT);
        expect(res.body).not.toContain(conversationId);
      } else {
        expect([401, 403, 404]).toContain(res.statusCode);
        expect(res.body).not.toContain(TEXT);
      }
    }
  });

  it.each(READERS)(
    '%s sees in the moderation list at most that it exists, never its text',
    async (reader) => {
      const res = await ask(reader, '/api/admin/conversations');
      if (reader === 'admin') {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().items).toEqual([expect.objectContaining({ id: conversationId, messageCount: 1 })]);
      } else {
        expect([401, 403]).toContain(res.statusCode);
      }
      expect(res.body).not.toContain(TEXT);
      // Its search runs over names and item titles only: a word of a message finds nothing.
      const searched = await ask(
        reader,
        `/api/admin/conversations?q=${encodeURIComponent('двете организации')}`,
      );
      if (reader === 'admin') expect(searched.json()).toMatchObject({ items: [], total: 0 });
      expect(searched.body).not.toContain(conversationId);
    },
  );

  it.each(READERS)(
    "%s reads a decline's reason only as one of the two sides (not in the moderation list)",
    async (reader) => {
      const [item] = await h.query<{ id: string }>(
        sql`insert into board_items (organization_id, kind, type, title_bg, description_bg, status, valid_until,
              published_at)
            values (${ctx.orgIds[0]}, 'request', 'people', 'Търсим', 'Описание', 'published',
              current_date + 30, now()) returning id`,
      );
      const [c] = await h.query<{ id: string }>(
        sql`insert into conversations (item_id, owner_organization_id, interested_organization_id, status,
              proposal_ended, proposal_ended_by_organization_id, proposal_ended_at, decline_reason)
            values (${item!.id}, ${ctx.orgIds[0]}, ${ctx.otherOrgId}, 'open', 'declined', ${ctx.orgIds[0]}, now(),
              ${REASON}) returning id`,
      );
      const res = await ask(reader, `/api/conversations/${c!.id}`);
      if (sides(reader)) {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().proposalEnded).toMatchObject({ action: 'declined', reason: REASON });
      } else {
        expect([401, 403, 404]).toContain(res.statusCode);
        expect(res.body).not.toContain(REASON);
      }
      const list = await ask(reader, '/api/admin/conversations?pageSize=100');
      expect(list.body).not.toContain(REASON);
    },
  );

  it.each(READERS)(
    '%s sees the partnership on a public profile only once both sides consent',
    async (reader) => {
      const res = await ask(reader, `/api/organizations/${ctx.orgIds[0]}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().partners).toEqual([]);
      expect(res.body).not.toContain(TEXT);
    },
  );
});

/**
 * Who gets a calendar feed (issue 14 §3, decision 034): the feed's URL holds a secret token, stored only
 * hashed. Only a representative of the organisation may make (and so see) it; the settings never show
 * it; without the current token the feed answers nothing, to anyone.
 */
describe('who gets a calendar feed', () => {
  let token = '';
  beforeAll(async () => {
    const made = await app.inject({
      method: 'POST',
      url: `/api/account/organizations/${ctx.otherOrgId}/calendar-feed`,
      headers: { cookie: cookies.other_representative! },
    });
    expect(made.statusCode, made.body).toBe(201);
    token = new URL(made.json().url).searchParams.get('token')!;
  });

  it.each(READERS)("%s makes an organisation's feed URL only as its representative", async (reader) => {
    const cookie = cookies[reader];
    const res = await app.inject({
      method: 'POST',
      url: `/api/account/organizations/${ctx.otherOrgId}/calendar-feed`,
      headers: cookie ? { cookie } : {},
    });
    if (reader === 'other_representative') {
      expect(res.statusCode, res.body).toBe(201);
      token = new URL(res.json().url).searchParams.get('token')!;
    } else {
      expect([401, 403, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain('token');
    }
  });

  it.each(READERS)('%s never sees the token in the feed settings', async (reader) => {
    const res = await ask(reader, `/api/account/organizations/${ctx.otherOrgId}/calendar-feed`);
    if (reader === 'other_representative') expect(res.statusCode).toBe(200);
    else expect([401, 403, 404]).toContain(res.statusCode);
    expect(res.body).not.toContain(token);
  });

  it.each(READERS)('%s reads the feed with the current token only, whoever they are', async (reader) => {
    const url = `/api/calendar-feeds/organizations/${ctx.otherOrgId}/bookings.ics`;
    expect((await ask(reader, `${url}?token=${token}`)).statusCode).toBe(200);
    const wrong = await ask(reader, `${url}?token=${token.slice(0, -2)}xx`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).not.toContain('VCALENDAR');
    // No session alone opens it.
    expect((await ask(reader, url)).statusCode).toBe(400);
  });
});

/**
 * Joint projects (issue 16 §4, decision 050): a project's budget and its checklist documents are private to
 * its partners' representatives (of active members) and the committee; other members see a forming
 * project's title, call and lead only, and nobody else (administrators included) sees it at all.
 */
describe('joint projects: budgets and documents for partners and the committee only', () => {
  const SECRET_CENTS = 123_456_789;
  const SECRET_FILE = 'secret-consortium-declaration.pdf';
  let projectId = '';
  let documentId = '';
  beforeAll(async () => {
    const [call] = await h.query<{ id: string }>(
      sql`insert into funding_calls (programme, code, title_bg, title_en, opens_at, deadline_at)
          values ('ПКИП', 'PRIV-1', 'Покана', 'Call', now(), now() + interval '30 days') returning id`,
    );
    const [doc] = await h.query<{ id: string }>(
      sql`insert into funding_call_documents (call_id, name_bg, name_en) values (${call!.id}, 'Ф', 'F') returning id`,
    );
    const [project] = await h.query<{ id: string }>(
      sql`insert into projects (title_bg, title_en, lead_organization_id, status, call_id, total_cents)
          values ('Таен консорциум', 'Secret consortium', ${ctx.otherOrgId}, 'forming', ${call!.id}, ${SECRET_CENTS})
          returning id`,
    );
    projectId = project!.id;
    await h.query(sql`insert into project_partners (project_id, organization_id, share_cents)
      values (${projectId}, ${ctx.otherOrgId}, ${SECRET_CENTS})`);
    const [d] = await h.query<{ id: string }>(
      sql`insert into project_documents (project_id, call_document_id, filename, size, sha256, content)
          values (${projectId}, ${doc!.id}, ${SECRET_FILE}, 3, 'x', ${Buffer.from('%PDF-')}) returning id`,
    );
    documentId = d!.id;
  });
  const sees = (reader: Reader) =>
    reader === 'other_representative' || reader === 'committee_member' || reader === 'committee_chair';
  const amount = String(SECRET_CENTS);

  it.each(READERS)(
    '%s sees the budget and documents only as a partner or on the committee',
    async (reader) => {
      for (const url of [
        `/api/projects/${projectId}`,
        `/api/projects/${projectId}/consortium.csv`,
        `/api/projects/${projectId}/consortium.xlsx`,
        `/api/projects/${projectId}/summary.pdf`,
        `/api/projects/${projectId}/documents/${documentId}`,
      ]) {
        const res = await ask(reader, url);
        if (sees(reader)) {
          expect(res.statusCode, `${url} ${res.body}`).toBe(200);
        } else {
          expect([401, 403, 404], url).toContain(res.statusCode);
          expect(res.body).not.toContain(amount);
          expect(res.body).not.toContain('1234567.89');
          expect(res.body).not.toContain(SECRET_FILE);
        }
      }
      expect((await ask(reader, `/api/projects/${projectId}`)).body.includes(SECRET_FILE)).toBe(sees(reader));
    },
  );

  it.each(READERS)(
    '%s finds in the forming list the title and lead only, never the budget',
    async (reader) => {
      const res = await ask(reader, '/api/projects?scope=forming');
      if (reader === 'own_representative' || sees(reader)) {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.body).toContain('Secret consortium');
      } else {
        expect([401, 403]).toContain(res.statusCode);
      }
      expect(res.body).not.toContain(amount);
      expect(res.body).not.toContain(SECRET_FILE);
    },
  );
});

/**
 * Who runs the cluster (issue 15 §1, decision 039): everyone sees who holds a position today; the names of
 * former holders are for members only; a holder's user id is for administrators only (never in these two).
 */
describe('governing bodies: past terms members only, user ids never public', () => {
  const FORMER = 'Бивша членка на работната група';
  const CURRENT = 'Настоящ председател на работната група';
  let holderId = '';
  beforeAll(async () => {
    holderId = (await insertUser(h, { displayName: CURRENT })).id;
    const [body] = await h.query<{ id: string }>(
      sql`insert into governing_bodies (kind, name_bg, name_en) values ('working_group', 'Група', 'Group') returning id`,
    );
    await h.query(sql`insert into body_positions (body_id, position, person_name, starts_on, ends_on)
      values (${body!.id}, 'member', ${FORMER}, '2024-01-01', '2025-01-01')`);
    await h.query(sql`insert into body_positions (body_id, position, user_id, starts_on)
      values (${body!.id}, 'chair', ${holderId}, '2025-01-01')`);
  });

  it.each(READERS)('%s: today on the public page; former holders only as a member', async (reader) => {
    const pub = await ask(reader, '/api/bodies');
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain(CURRENT);
    expect(pub.body).not.toContain(FORMER);
    expect(pub.body).not.toContain(holderId);
    const history = await ask(reader, '/api/bodies/history');
    if (membersView(reader) === 'denied') {
      expect([401, 403], history.body).toContain(history.statusCode);
      expect(history.body).not.toContain(FORMER);
    } else {
      expect(history.statusCode, history.body).toBe(200);
      expect(history.body).toContain(FORMER);
      expect(history.body).not.toContain(holderId);
    }
  });
});

/**
 * Minutes of meetings (issue 15 §3, decision 045): members-only minutes and their PDF are read by members
 * (active ones only), the committee and administrators; public minutes by anyone; a draft and its comments
 * by nobody outside the meeting (here: administrators only, the meeting has no seats among the readers).
 */
describe('minutes: members-only text for members, drafts for the meeting only', () => {
  const MEMBERS_TEXT = 'Поверителен текст на протокола за членове';
  const PUBLIC_TEXT = 'Публичен текст на протокола';
  const DRAFT_TEXT = 'Проект на протокола, още неодобрен';
  const COMMENT = 'Коментар само за заседанието';
  const ids = { members: '', public: '', draft: '' };
  beforeAll(async () => {
    const [body] = await h.query<{ id: string }>(
      sql`insert into governing_bodies (kind, name_bg, name_en) values ('working_group', 'Група', 'Group') returning id`,
    );
    const meeting = async (visibility: string) => {
      const [row] = await h.query<{ id: string }>(
        sql`insert into meetings (body_id, title_bg, starts_at, ends_at, status, quorum, majority, allows_proxy,
              minutes_visibility)
            values (${body!.id}, 'Заседание', '2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z', 'held',
              'more_than_half', 'simple', false, ${visibility}) returning id`,
      );
      return row!.id;
    };
    ids.members = await meeting('members');
    ids.public = await meeting('public');
    ids.draft = await meeting('public');
    await h.query(sql`insert into meeting_minutes (meeting_id, revision, status, text_bg, approved_at)
      values (${ids.members}, 1, 'approved', ${MEMBERS_TEXT}, now()),
             (${ids.public}, 1, 'approved', ${PUBLIC_TEXT}, now())`);
    const [draft] = await h.query<{ id: string }>(
      sql`insert into meeting_minutes (meeting_id, revision, text_bg) values (${ids.draft}, 1, ${DRAFT_TEXT})
          returning id`,
    );
    await h.query(
      sql`insert into meeting_minutes_comments (minutes_id, text) values (${draft!.id}, ${COMMENT})`,
    );
  });

  it.each(READERS)('%s reads members-only minutes only as a member, public ones always', async (reader) => {
    const members = await ask(reader, `/api/meetings/${ids.members}/minutes`);
    const pdf = await ask(reader, `/api/meetings/${ids.members}/minutes.pdf`);
    if (membersView(reader) === 'denied') {
      expect(members.statusCode).toBe(404);
      expect(members.body).not.toContain(MEMBERS_TEXT);
      expect(pdf.statusCode).toBe(404);
    } else {
      expect(members.statusCode, members.body).toBe(200);
      expect(members.body).toContain(MEMBERS_TEXT);
      expect(pdf.statusCode).toBe(200);
    }
    const pub = await ask(reader, `/api/meetings/${ids.public}/minutes`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain(PUBLIC_TEXT);
    const draft = await ask(reader, `/api/meetings/${ids.draft}/minutes`);
    if (reader === 'admin') {
      expect(draft.body).toContain(DRAFT_TEXT);
      expect(draft.body).toContain(COMMENT);
    } else {
      // Members see that the meeting has no minutes yet; others not even that it exists.
      expect(draft.statusCode).toBe(membersView(reader) === 'denied' ? 404 : 200);
      expect(draft.body).not.toContain(DRAFT_TEXT);
      expect(draft.body).not.toContain(COMMENT);
    }
  });

  it.each(READERS)('%s finds only public approved minutes in the public list', async (reader) => {
    const list = await ask(reader, '/api/public/minutes?pageSize=100');
    expect(list.statusCode, list.body).toBe(200);
    const listed = (list.json() as { items: { meetingId: string }[] }).items.map((i) => i.meetingId);
    expect(listed).toContain(ids.public);
    expect(listed).not.toContain(ids.members);
    expect(listed).not.toContain(ids.draft);
    expect(list.body).not.toContain(MEMBERS_TEXT);
    expect(list.body).not.toContain(DRAFT_TEXT);
  });
});
describe('event registrations: names and addresses only for the organisers', () => {
  const NAME = 'Регистрирана Гостенка';
  const EMAIL = 'registrant-secret@example.bg';
  let postId = '';
  let slug = '';
  beforeAll(async () => {
    const [post] = await h.query<{ id: string; slug: string }>(
      sql`insert into news_posts (slug, category, status, title_bg, body_bg, publish_at)
        values ('privacy-event', 'event', 'published', 'Събитие', 'Текст', now() - interval '1 hour')
        returning id, slug`,
    );
    postId = post!.id;
    slug = post!.slug;
    await h.query(sql`insert into news_events (post_id, starts_at, ends_at, place, registration_enabled, capacity)
      values (${postId}, now() + interval '10 days', now() + interval '10 days 2 hours', 'Зала', true, 1)`);
    await h.query(sql`insert into event_registrations (post_id, name, email, status, cancel_token_hash, confirmed_at)
      values (${postId}, ${NAME}, ${EMAIL}, 'confirmed', 'privacy-token-hash', now())`);
  });

  const organiser = (reader: Reader) =>
    reader === 'committee_member' || reader === 'committee_chair' || reader === 'admin';

  it.each(READERS)('%s: the public post tells the seats, never who registered', async (reader) => {
    for (const url of [
      `/api/news/posts/${slug}`,
      '/api/news?category=event',
      `/api/news/posts/${slug}/event.ics`,
    ]) {
      const res = await ask(reader, url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain(NAME);
      expect(res.body).not.toContain(EMAIL);
    }
    expect((await ask(reader, `/api/news/posts/${slug}`)).json().event).toMatchObject({ seatsLeft: 0 });
  });

  it.each(READERS)('%s: the list and the CSV only for the organisers', async (reader) => {
    for (const url of [
      `/api/committee/news/${postId}/registrations`,
      `/api/committee/news/${postId}/registrations.csv`,
    ]) {
      const res = await ask(reader, url);
      if (organiser(reader)) {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.body).toContain(NAME);
        expect(res.body).toContain(EMAIL);
      } else {
        expect([401, 403]).toContain(res.statusCode);
        expect(res.body).not.toContain(NAME);
        expect(res.body).not.toContain(EMAIL);
      }
    }
  });
});

/**
 * Funding calls (issue 16 §3, decision 049): which members are interested in a call is members-only; everyone
 * else reads the call and the number of interested members, never their names.
 */
describe('funding calls: interested members named to members only', () => {
  const NAME = 'Заинтересована Членка ООД';
  let callId = '';
  beforeAll(async () => {
    const orgId = await insertOrganization(h, { nameBg: NAME, nameEn: 'Interested Member Ltd' });
    const [row] = await h.query<{ id: string }>(
      sql`insert into funding_calls (programme, code, title_bg, title_en, opens_at, deadline_at)
          values ('ПКИП', 'BG-PRIVACY', 'Покана', 'Call', now() - interval '1 day', now() + interval '9 days')
          returning id`,
    );
    callId = row!.id;
    await h.query(
      sql`insert into funding_call_interests (call_id, organization_id) values (${callId}, ${orgId})`,
    );
  });

  it.each(READERS)(
    '%s: the public call counts the interested, the names only for members',
    async (reader) => {
      for (const url of [`/api/public/calls/${callId}`, '/api/public/calls?pageSize=100']) {
        const res = await ask(reader, url);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.body).not.toContain(NAME);
        expect(res.body).not.toContain('Interested Member Ltd');
      }
      expect((await ask(reader, `/api/public/calls/${callId}`)).json()).toMatchObject({ interestedCount: 1 });
      const names = await ask(reader, `/api/calls/${callId}/interests`);
      if (membersView(reader) === 'denied') {
        expect([401, 403]).toContain(names.statusCode);
        expect(names.body).not.toContain(NAME);
      } else {
        expect(names.statusCode, names.body).toBe(200);
        expect(names.body).toContain(NAME);
      }
    },
  );
});

describe('the table', () => {
  it('lists every GET route under an organisations or members path (or says why it has no contacts)', async () => {
    await app.ready();
    const routes = app.registeredRoutes
      .filter((r) => r.method === 'GET' && COVERED_PATHS.test(r.url))
      .map((r) => r.url);
    const listed = new Set(ROWS.map((r) => r.route));
    const missing = routes.filter((url) => !listed.has(url) && !(url in NO_CONTACTS));
    expect(missing).toEqual([]);
  });

  it('covers every visibility for every field', () => {
    for (const field of CONTACT_FIELDS) {
      const seen = new Set(Array.from({ length: ORG_COUNT }, (_, k) => visibilityOf(field, k)));
      expect([...seen].sort()).toEqual([...VISIBILITIES].sort());
    }
  });
});
