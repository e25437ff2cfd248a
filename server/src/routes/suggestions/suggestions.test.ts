/**
 * Issue 14 §4: explained partner suggestions through the API. Over a random cluster (several seeds) the
 * route never names the organisation itself or a non-member, every reason points at real data (open items
 * of the right organisations, areas they have), and the answer equals the shared `suggestPartners` over
 * every organisation — so the database pre-filter changes nothing. "Not relevant" hides a suggestion, is a
 * signal and can be undone; suggestions follow item and area changes at once (computed at read time).
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import {
  addDays,
  BOARD_ITEM_TYPES,
  type OrganizationKind,
  type SuggestionInput,
  SuggestionsResponseSchema,
  suggestPartners,
  todayInSofia,
} from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';
import { insertDismissal, loadSuggestionOrganizations } from './suggestions.repository.ts';

const today = todayInSofia();
let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let committee: string;

/** Deterministic random numbers (mulberry32): the property runs are reproducible. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = [
  'ict-software',
  'ict-ai-data',
  'ict-iot',
  'creative-media',
  'creative-games',
  'health-medtech',
];
const KINDS: OrganizationKind[] = [
  'company',
  'company',
  'sole_trader',
  'university',
  'research_institute',
  'ngo',
];
const STATUSES = ['active', 'active', 'active', 'active', 'suspended', 'withdrawn'] as const;

interface Cluster {
  ids: string[];
  reps: Map<string, string>;
}

/** A random cluster: organisations of random kinds, areas and standing, with open and other items. */
async function randomCluster(seed: number, size: number): Promise<Cluster> {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const some = (n: number) => [...new Set(Array.from({ length: n }, () => pick(AREAS)))];
  const ids: string[] = [];
  for (let i = 0; i < size; i++) {
    const status = pick(STATUSES);
    const id = await insertOrganization(h, {
      nameBg: `Организация ${seed}-${i}`,
      nameEn: `Organisation ${seed}-${i}`,
      kind: pick(KINDS),
      status,
      category: random() < 0.1 ? 'candidate' : 'regular',
      areas: random() < 0.15 ? [] : some(1 + Math.floor(random() * 3)),
    });
    ids.push(id);
    for (let k = Math.floor(random() * 7); k > 0; k--) {
      const state = random();
      const status = state < 0.7 ? 'published' : state < 0.85 ? 'draft' : 'closed';
      const validUntil =
        status === 'draft' ? null : random() < 0.15 ? addDays(today, -1) : addDays(today, 30);
      const [row] = await h.query<{ id: string }>(
        sql`insert into board_items (organization_id, kind, type, title_bg, title_en, status, valid_until,
              published_at, close_outcome)
            values (${id}, ${random() < 0.5 ? 'offer' : 'request'}, ${pick(BOARD_ITEM_TYPES.slice(0, 2))},
              ${`Обява ${i}-${k}`}, ${random() < 0.5 ? `Item ${i}-${k}` : ''}, ${status}, ${validUntil}::date,
              ${status === 'draft' ? null : sql`now()`}, ${status === 'closed' ? 'other' : null})
            returning id`,
      );
      for (const area of some(1 + Math.floor(random() * 2)))
        await h.query(sql`insert into board_item_areas (item_id, area_id) values (${row!.id}, ${area})`);
    }
  }
  // Funding calls (issue 16 §3): three still to come or open and one closed, each with a few interested
  // organisations; only the calls not closed count as a shared interest.
  for (let c = 0; c < 4; c++) {
    const closed = c === 3;
    const [row] = await h.query<{ id: string }>(
      sql`insert into funding_calls (programme, code, title_bg, title_en, opens_at, deadline_at)
          values ('ПКИП', ${`BG-${seed}-${c}`}, ${`Процедура ${seed}-${c}`}, ${c % 2 ? `Call ${seed}-${c}` : ''},
            now() - interval '60 days', now() + ${closed ? sql`interval '-1 day'` : sql`interval '30 days'`})
          returning id`,
    );
    for (const id of new Set(Array.from({ length: 2 + Math.floor(random() * 6) }, () => pick(ids))))
      await h.query(
        sql`insert into funding_call_interests (call_id, organization_id) values (${row!.id}, ${id})`,
      );
  }
  const reps = new Map<string, string>();
  for (const id of ids.slice(0, 4)) {
    const user = await insertUser(h, { roles: ['representative'], organizationIds: [id] });
    reps.set(id, await logIn(app, user.email));
  }
  return { ids, reps };
}

beforeAll(async () => {
  h = await createTestDb();
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  committee = await logIn(app, (await insertUser(h, { roles: ['committee_member'] })).email);
});

afterAll(async () => {
  await app?.close();
  await h?.close();
});

const call = (cookie: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie } });

async function suggestionsOf(cookie: string, organizationId: string, limit = 20) {
  const res = await call(
    cookie,
    'GET',
    `/api/account/organizations/${organizationId}/suggestions?limit=${limit}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return SuggestionsResponseSchema.parse(res.json());
}

/** Every organisation in the database as the rules see it (the unfiltered input). */
async function everyone(): Promise<SuggestionInput[]> {
  const rows = await h.query<{ id: string }>(sql`select id from organizations`);
  return loadSuggestionOrganizations(
    h.db,
    rows.map((r) => r.id),
    today,
  );
}

describe('partner suggestions over a random cluster (property-style, several seeds)', () => {
  it.each([1, 2, 3])(
    'never names the organisation itself or a non-member, rests every reason on real data and equals the rules over everyone (seed %i)',
    async (seed) => {
      const cluster = await randomCluster(seed, 30);
      const all = await everyone();
      const byId = new Map(all.map((o) => [o.id, o]));
      const seen = new Set<string>();
      for (const id of cluster.ids) {
        const self = byId.get(id)!;
        for (const limit of [1, 3, 20]) {
          const body = await suggestionsOf(committee, id, limit);
          expect(body.activeMember).toBe(self.activeMember);
          if (!self.activeMember) expect(body.suggestions).toEqual([]);
          // The pre-filter changes nothing: the same answer as the rules over every organisation.
          const expected = suggestPartners(self, all, { limit });
          expect(body.suggestions.map(({ organization: _, ...s }) => s)).toEqual(expected);
          for (const s of body.suggestions) {
            expect(s.organizationId).not.toBe(id);
            const other = byId.get(s.organizationId)!;
            expect(other.activeMember).toBe(true);
            expect(s.organization).toMatchObject({ id: other.id, kind: other.kind });
            expect(s.score).toBe(s.reasons.reduce((sum, r) => sum + r.weight, 0));
            for (const reason of s.reasons) {
              seen.add(reason.kind);
              if (reason.kind === 'offer_answers_request') {
                const yours = self.items.find((i) => i.id === reason.yourItem.id);
                const theirs = other.items.find((i) => i.id === reason.theirItem.id);
                expect(yours && theirs).toBeTruthy();
                expect(yours!.kind).not.toBe(theirs!.kind);
                expect(yours!.type).toBe(theirs!.type);
                for (const area of reason.areas) {
                  expect(yours!.areas).toContain(area);
                  expect(theirs!.areas).toContain(area);
                }
              } else if (reason.kind === 'same_funding_call') {
                // A call both marked, still to come or open (never the closed one).
                expect(self.fundingCalls?.map((c) => c.id)).toContain(reason.call.id);
                expect(other.fundingCalls?.map((c) => c.id)).toContain(reason.call.id);
                expect(reason.call.title.bg).not.toBe(`Процедура ${seed}-3`);
              } else if (reason.kind === 'shared_areas' || reason.kind === 'complementary_kind') {
                for (const area of reason.areas) {
                  expect(self.areas).toContain(area);
                  expect(other.areas).toContain(area);
                }
              }
            }
          }
        }
      }
      // Dismissals: the dismissed leave the ranking before the database's bounds are taken (a dismissed
      // organisation must not set the cut), and the lowered weights change which bound applies.
      for (const id of cluster.ids.filter((x) => byId.get(x)!.activeMember).slice(0, 8)) {
        const shown = (await suggestionsOf(committee, id, 2)).suggestions;
        const dismissals = shown.map((s) => ({
          organizationId: id,
          dismissedId: s.organizationId,
          reasonKinds: [...new Set(s.reasons.map((r) => r.kind))],
        }));
        for (const d of dismissals) await insertDismissal(h.db, id, d.dismissedId, d.reasonKinds);
        for (const limit of [1, 3, 20]) {
          const body = await suggestionsOf(committee, id, limit);
          const expected = suggestPartners(byId.get(id)!, all, { limit, dismissals });
          expect(body.suggestions.map(({ organization: _, ...s }) => s)).toEqual(expected);
        }
      }
      // The data is rich enough that every kind of reason the rules have today is exercised.
      expect([...seen].sort()).toEqual([
        'complementary_kind',
        'offer_answers_request',
        'same_funding_call',
        'shared_areas',
      ]);
      // Only open items count: none of the cited items is a draft, closed or past its day.
      const cited = new Set<string>();
      for (const id of cluster.ids.slice(0, 10))
        for (const s of (await suggestionsOf(committee, id)).suggestions)
          for (const r of s.reasons)
            if (r.kind === 'offer_answers_request') cited.add(r.theirItem.id).add(r.yourItem.id);
      if (cited.size > 0) {
        const closed = await h.query<{ n: number }>(
          sql`select count(*)::int as n from board_items where id in (${sql.join(
            [...cited].map((c) => sql`${c}::uuid`),
            sql`, `,
          )}) and (status <> 'published' or valid_until < ${today}::date)`,
        );
        expect(closed[0]!.n).toBe(0);
      }
    },
    60_000,
  );
});

describe('"not relevant" and changes', () => {
  const org = {} as Record<'lab' | 'uni' | 'studio' | 'gamer', string>;
  let labRep: string;
  let labItem: string;

  beforeAll(async () => {
    org.lab = await insertOrganization(h, { nameBg: 'Лаб Алфа', kind: 'company', areas: ['ict-software'] });
    org.uni = await insertOrganization(h, {
      nameBg: 'Университет Бета',
      kind: 'university',
      areas: ['ict-software', 'ict-ai-data'],
    });
    org.studio = await insertOrganization(h, { nameBg: 'Студио', kind: 'company', areas: ['ict-software'] });
    org.gamer = await insertOrganization(h, { nameBg: 'Игри', kind: 'company', areas: ['creative-games'] });
    labRep = await logIn(
      app,
      (await insertUser(h, { roles: ['representative'], organizationIds: [org.lab] })).email,
    );
    // The lab asks for GPU time; the university offers it.
    const post = async (organizationId: string, kind: string, areas: string[]) => {
      const [row] = await h.query<{ id: string }>(
        sql`insert into board_items (organization_id, kind, type, title_bg, status, valid_until, published_at)
            values (${organizationId}, ${kind}, 'infrastructure', ${`${kind} GPU`}, 'published',
              ${addDays(today, 30)}::date, now()) returning id`,
      );
      for (const area of areas)
        await h.query(sql`insert into board_item_areas (item_id, area_id) values (${row!.id}, ${area})`);
      return row!.id;
    };
    labItem = await post(org.lab, 'request', ['ict-ai-data']);
    await post(org.uni, 'offer', ['ict-ai-data']);
  });

  const ids = async () =>
    (await suggestionsOf(labRep, org.lab, 100)).suggestions
      .filter((s) => Object.values(org).includes(s.organizationId))
      .map((s) => s.organizationId);

  it('explains why: the offer answers the request, complementary kinds, the shared area', async () => {
    const body = await suggestionsOf(labRep, org.lab, 100);
    const uni = body.suggestions.find((s) => s.organizationId === org.uni)!;
    expect(uni.reasons.map((r) => r.kind)).toEqual([
      'offer_answers_request',
      'complementary_kind',
      'shared_areas',
    ]);
    expect(uni.score).toBe(40 + 20 + 10);
    expect(uni.organization.nameBg).toBe('Университет Бета');
    expect(await ids()).toEqual([org.uni, org.studio]);
  });

  it('hides a dismissed organisation, lowers the weights of its reasons, and undoes it', async () => {
    const url = `/api/account/organizations/${org.lab}/suggestions/dismissals`;
    const res = await call(labRep, 'POST', url, { organizationId: org.uni });
    expect(res.statusCode, res.body).toBe(204);
    // Twice is the same as once.
    expect((await call(labRep, 'POST', url, { organizationId: org.uni })).statusCode).toBe(204);
    const body = await suggestionsOf(labRep, org.lab, 100);
    expect(body.suggestions.map((s) => s.organizationId)).not.toContain(org.uni);
    expect(body.dismissed).toEqual([
      expect.objectContaining({
        organization: expect.objectContaining({ id: org.uni }),
        reasonKinds: ['offer_answers_request', 'complementary_kind', 'shared_areas'],
      }),
    ]);
    // The signal: each kind it showed weighs a fifth less for the lab — and only for the lab.
    expect(body.weights).toMatchObject({
      offer_answers_request: 32,
      complementary_kind: 16,
      shared_areas: 8,
    });
    expect(body.suggestions.find((s) => s.organizationId === org.studio)?.score).toBe(8);
    const audit = await h.query<{ action: string; after: unknown }>(
      sql`select action, after from audit_events where entity_id = ${org.lab} and action like 'suggestion.%'`,
    );
    expect(audit).toEqual([
      { action: 'suggestion.dismissed', after: { dismissedId: org.uni, reasonKinds: expect.any(Array) } },
    ]);
    const uniBody = await suggestionsOf(committee, org.uni, 100);
    expect(uniBody.suggestions.map((s) => s.organizationId)).toContain(org.lab);

    const undo = await call(labRep, 'DELETE', `${url}/${org.uni}`);
    expect(undo.statusCode, undo.body).toBe(204);
    expect(await ids()).toEqual([org.uni, org.studio]);
    expect((await call(labRep, 'DELETE', `${url}/${org.uni}`)).statusCode).toBe(404);
  });

  it('refuses dismissing itself or an unknown organisation, in the reader’s language, saving nothing', async () => {
    const url = `/api/account/organizations/${org.lab}/suggestions/dismissals`;
    const self = await app.inject({
      method: 'POST',
      url,
      payload: { organizationId: org.lab },
      headers: { cookie: labRep, 'accept-language': 'en' },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0]).toMatchObject({ path: 'organizationId' });
    expect(self.body).toContain('cannot dismiss a suggestion of itself');
    const unknown = await call(labRep, 'POST', url, {
      organizationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await call(labRep, 'POST', url, { organizationId: 'nope' });
    expect(bad.statusCode).toBe(400);
    const rows = await h.query<{ n: number }>(
      sql`select count(*)::int as n from suggestion_dismissals where organization_id = ${org.lab}`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('follows item and area changes at once (computed at read time)', async () => {
    // The lab's request closes: the item reason goes; the university still shares the area.
    await h.query(
      sql`update board_items set status = 'closed', close_outcome = 'other' where id = ${labItem}`,
    );
    let uni = (await suggestionsOf(labRep, org.lab, 100)).suggestions.find(
      (s) => s.organizationId === org.uni,
    )!;
    expect(uni.reasons.map((r) => r.kind)).toEqual(['complementary_kind', 'shared_areas']);
    // Published again: back.
    await h.query(
      sql`update board_items set status = 'published', close_outcome = null where id = ${labItem}`,
    );
    uni = (await suggestionsOf(labRep, org.lab, 100)).suggestions.find((s) => s.organizationId === org.uni)!;
    expect(uni.reasons[0]?.kind).toBe('offer_answers_request');
    // The games company moves into the lab's area: now suggested.
    expect(await ids()).not.toContain(org.gamer);
    await h.query(
      sql`insert into organization_areas (organization_id, area_id) values (${org.gamer}, 'ict-software')`,
    );
    expect(await ids()).toContain(org.gamer);
    // Suspended: gone from everyone's list at once.
    await h.query(sql`update memberships set status = 'suspended' where organization_id = ${org.gamer}`);
    expect(await ids()).not.toContain(org.gamer);
  });

  it('sees an organisation inserted with its membership and areas in one statement (bulk loads)', async () => {
    // The copies the pre-filter reads are kept by statement-level triggers, which see sibling CTEs' rows.
    const [row] = await h.query<{ id: string }>(
      sql`with o as (
            insert into organizations (eik, name_bg, name_en, kind) values ('999999999', 'Институт', 'Institute',
              'research_institute') returning id
          ), m as (
            insert into memberships (organization_id, category, status) select id, 'regular', 'active' from o
          ), a as (
            insert into organization_areas (organization_id, area_id) select id, 'ict-software' from o
          )
          select id from o`,
    );
    const found = (await suggestionsOf(labRep, org.lab, 100)).suggestions.find(
      (s) => s.organizationId === row!.id,
    );
    expect(found?.reasons.map((r) => r.kind)).toEqual(['complementary_kind', 'shared_areas']);
  });
});
