import {
  and,
  type Db,
  desc,
  eq,
  isoTimestamp,
  organizations,
  parseJson,
  rowsOf,
  type SQL,
  sql,
  suggestionDismissals,
} from '@portal/db';
import {
  type OrganizationKind,
  SUGGESTION_BUSINESS_KINDS,
  SUGGESTION_RESEARCH_KINDS,
  SUGGESTION_WEIGHTS,
  type SuggestionInput,
  type SuggestionItem,
  type SuggestionReasonKind,
} from '@portal/shared';

/**
 * Partner suggestions in the database (issue 14 §4, decision 035). Two raw statements the builder cannot
 * say well: the pre-filter that scores every candidate with the shared weights in one pass over two index
 * ranges, and the loader that hands `suggestPartners` only what it reads (kind, areas, open items).
 * Dismissals are written with the builder.
 */

/** An organisation as `suggestPartners` reads it, plus its names for the page. */
export interface SuggestionOrganization extends SuggestionInput {
  nameBg: string;
  nameEn: string;
  items: SuggestionItem[];
}

interface OrganizationRow extends Record<string, unknown> {
  id: string;
  kind: OrganizationKind;
  name_bg: string;
  name_en: string;
  active: boolean;
  areas: string[] | string;
  items:
    | {
        id: string;
        kind: 'offer' | 'request';
        type: string;
        titleBg: string;
        titleEn: string;
        areas: string[];
      }[]
    | string;
  funding_calls: { id: string; titleBg: string; titleEn: string }[] | string;
}

const nonEmpty = (text: string) => (text === '' ? null : text);

/** A funding call counts for suggestions until its deadline (upcoming or open; issue 16 §3). */
const callNotClosed = sql`c.deadline_at > now()`;

/** Open: published and not past its day (Sofia), the board's own rule (decision 033). */
const openItem = (today: string) => sql`i.status = 'published' and i.valid_until >= ${today}::date`;

/**
 * The organisations with these ids, each with its kind, profile areas, whether it is an active member now
 * and its open items with their areas — in one round trip. Unknown ids are left out.
 */
export async function loadSuggestionOrganizations(
  db: Db,
  ids: readonly string[],
  today: string,
): Promise<SuggestionOrganization[]> {
  if (ids.length === 0) return [];
  const rows = await rowsOf<OrganizationRow>(
    db,
    sql`select o.id, o.kind, o.name_bg, o.name_en,
        exists (select 1 from memberships m where m.organization_id = o.id
          and m.status = 'active' and m.category <> 'candidate') as active,
        (select coalesce(json_agg(oa.area_id order by oa.area_id), '[]'::json)
          from organization_areas oa where oa.organization_id = o.id) as areas,
        (select coalesce(json_agg(json_build_object('id', i.id, 'kind', i.kind, 'type', i.type,
            'titleBg', i.title_bg, 'titleEn', i.title_en,
            'areas', (select coalesce(json_agg(ba.area_id order by ba.area_id), '[]'::json)
                      from board_item_areas ba where ba.item_id = i.id)) order by i.id), '[]'::json)
          from board_items i where i.organization_id = o.id and ${openItem(today)}) as items,
        (select coalesce(json_agg(json_build_object('id', c.id, 'titleBg', c.title_bg, 'titleEn', c.title_en)
            order by c.id), '[]'::json)
          from funding_call_interests fi join funding_calls c on c.id = fi.call_id
          where fi.organization_id = o.id and ${callNotClosed}) as funding_calls
      from organizations o
      where o.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    nameBg: row.name_bg,
    nameEn: row.name_en,
    activeMember: row.active,
    areas: parseJson<string[]>(row.areas),
    items: parseJson<Exclude<OrganizationRow['items'], string>>(row.items).map((item) => ({
      id: item.id,
      kind: item.kind,
      type: item.type,
      areas: item.areas,
      title: { bg: nonEmpty(item.titleBg), en: nonEmpty(item.titleEn) },
    })),
    fundingCalls: parseJson<Exclude<OrganizationRow['funding_calls'], string>>(row.funding_calls).map(
      (c) => ({
        id: c.id,
        title: { bg: nonEmpty(c.titleBg), en: nonEmpty(c.titleEn) },
      }),
    ),
  }));
}

/**
 * The pre-filter (decision 035, "What the database does"): every other active member that shares a
 * profile area with `self` or has an open item answering one of `self`'s open items (opposite kind, same
 * type, a shared item area), not dismissed by `self`, scored in SQL by the same rules and weights as
 * `suggestPartners` — item pairs counted up to 3, shared profile areas up to 3, the complementary-kind
 * bonus — and cut to the best `limit` by score, then id (a uuid sorts as its hex text does). Because these
 * scores equal the function's, the function over these candidates gives exactly its answer over everyone;
 * a test holds the two together. Funding calls both are interested in (issue 16 §3) add to every tier's
 * score and ceiling, and a last tier holds those who share nothing but calls.
 *
 * Bounds keep the work small (decision 035, "Bounds"): an organisation with `n` item pairs scores
 * `pairWeight·n` plus an area part of at most `areaCeiling` (`shared_areas` times the areas that can count,
 * plus the complementary bonus). The matchers are scored tier by tier, 3 pairs first; after each tier the
 * `limit`-th best exact score so far is a floor under the final cut, so a lower tier whose best possible
 * score (`pairWeight·n + areaCeiling`) stays below it is never read, and the area-only candidates (whose
 * best is `areaCeiling`) are aggregated only when they can still make it. For a typical member with a few
 * open items in a busy area only the top tier is scored and the tens of thousands of organisations sharing
 * an area are never aggregated.
 */
export async function rankCandidates(
  db: Db,
  self: SuggestionInput,
  weights: Record<SuggestionReasonKind, number>,
  today: string,
  limit: number,
): Promise<{ id: string; score: number }[]> {
  const wanted = self.items.flatMap((item) =>
    [...new Set(item.areas)].map((area) => ({
      item_id: item.id,
      area_id: area,
      item_type: item.type,
      want_kind: item.kind === 'offer' ? 'request' : 'offer',
    })),
  );
  const areas = [...new Set(self.areas)];
  const complements: readonly OrganizationKind[] = SUGGESTION_RESEARCH_KINDS.includes(self.kind)
    ? SUGGESTION_BUSINESS_KINDS
    : SUGGESTION_BUSINESS_KINDS.includes(self.kind)
      ? SUGGESTION_RESEARCH_KINDS
      : [];
  const calls = [...new Set((self.fundingCalls ?? []).map((c) => c.id))];
  if (wanted.length === 0 && areas.length === 0 && calls.length === 0) return [];
  const pairWeight = weights.offer_answers_request;
  // Both interested in the same funding calls (issue 16 §3): counted per organisation up to 3, added to
  // every tier's exact score and to its ceiling, plus a last tier for those that share nothing else.
  const callWeight = weights.same_funding_call;
  const callCeiling = callWeight * Math.min(calls.length, SUGGESTION_WEIGHTS.same_funding_call.maxCount);
  const callers =
    calls.length > 0
      ? sql`select fi.organization_id as org_id,
            least(count(*), ${SUGGESTION_WEIGHTS.same_funding_call.maxCount})::int as n
          from funding_call_interests fi
          where fi.call_id in (${sql.join(
            calls.map((c) => sql`${c}::uuid`),
            sql`, `,
          )}) and fi.organization_id <> ${self.id}::uuid
          group by fi.organization_id`
      : sql`select null::uuid as org_id, 0 as n where false`;
  const callPart = (id: SQL) =>
    sql`(${callWeight}::int * coalesce((select c.n from callers c where c.org_id = ${id}), 0))`;
  const areaCeiling =
    areas.length === 0
      ? 0
      : weights.shared_areas * Math.min(areas.length, SUGGESTION_WEIGHTS.shared_areas.maxCount) +
        (complements.length > 0 ? weights.complementary_kind : 0);
  const complementary = (kind: SQL): SQL =>
    complements.length > 0
      ? sql`${kind} in (${sql.join(
          complements.map((k) => sql`${k}`),
          sql`, `,
        )})`
      : sql`false`;
  const areaList = sql.join(
    areas.map((a) => sql`${a}`),
    sql`, `,
  );
  const areaScore = (n: SQL, kind: SQL) =>
    sql`(${weights.shared_areas}::int * ${n}
      + case when ${n} > 0 and ${complementary(kind)} then ${weights.complementary_kind}::int else 0 end)`;
  // Open items answering one of self's (an index range per self item and area), counted per organisation
  // as distinct pairs of items (hashed: cheaper than a sorted count(distinct)), not yet checked for
  // membership: that is done only for the ones that can matter (below).
  const matches =
    wanted.length > 0
      ? sql`select org_id, least(count(*), 3)::int as n
          from (select distinct ba.organization_id as org_id, x.item_id as mine, ba.item_id as theirs
            from json_to_recordset(${JSON.stringify(wanted)}::json)
              as x(item_id uuid, area_id text, item_type text, want_kind text)
            join board_item_areas ba on ba.area_id = x.area_id and ba.item_type = x.item_type
              and ba.item_kind = x.want_kind and ba.open_until >= ${today}::date
            where ba.organization_id <> ${self.id}::uuid) pairs
          group by org_id`
      : sql`select null::uuid as org_id, 0 as n where false`;
  const listed = (id: SQL) =>
    sql`exists (select 1 from memberships m where m.organization_id = ${id}
      and m.status = 'active' and m.category <> 'candidate')
      and not exists (select 1 from suggestion_dismissals d
        where d.organization_id = ${self.id}::uuid and d.dismissed_id = ${id})`;
  // Area-sharers among the matchers: a primary-key lookup each.
  const matcherAreas =
    areas.length > 0
      ? sql`(select least(count(*), 3)::int as n, min(oa.organization_kind) as kind from organization_areas oa
          where oa.organization_id = p.org_id and oa.active_member and oa.area_id in (${areaList}))`
      : sql`(select 0 as n, null::text as kind)`;
  // Tiers, each scored exactly only when its best possible score (`ceiling`) reaches the cut set by the
  // tiers before it: the matchers by pair count, most first (their areas looked up by key), then the
  // area-only candidates of a complementary kind, then the other area-only candidates (one index range per
  // area, aggregated). `cut_i` is the `limit`-th best exact score of tiers 0..i, -1 while there are fewer.
  const maxPairs = SUGGESTION_WEIGHTS.offer_answers_request.maxCount;
  const areaPart = weights.shared_areas * Math.min(areas.length, SUGGESTION_WEIGHTS.shared_areas.maxCount);
  const tiers: { ceiling: number; body: (gate: SQL) => SQL }[] = [];
  for (let n = maxPairs; n >= 1 && wanted.length > 0; n--) {
    tiers.push({
      ceiling: pairWeight * n + areaCeiling + callCeiling,
      body: (gate) => sql`select p.org_id as id,
          (${pairWeight * n}::int + ${areaScore(sql`a.n`, sql`a.kind`)} + ${callPart(sql`p.org_id`)})::int as score
        from matches p cross join lateral ${matcherAreas} a
        where ${gate} and p.n = ${n} and ${listed(sql`p.org_id`)}`,
    });
  }
  const areaOnly = (kinds: SQL, bonus: number) => (gate: SQL) =>
    sql`select s.org_id as id,
        (${weights.shared_areas}::int * s.n + ${bonus}::int + ${callPart(sql`s.org_id`)})::int as score
      from (select oa.organization_id as org_id, least(count(*), 3)::int as n
            from organization_areas oa
            where ${gate} and oa.active_member and oa.area_id in (${areaList})
              and oa.organization_id <> ${self.id}::uuid and ${kinds}
            group by oa.organization_id) s
      where not exists (select 1 from matches p where p.org_id = s.org_id)
        and not exists (select 1 from suggestion_dismissals d
          where d.organization_id = ${self.id}::uuid and d.dismissed_id = s.org_id)`;
  if (areas.length > 0 && complements.length > 0) {
    tiers.push({
      ceiling: areaPart + weights.complementary_kind + callCeiling,
      body: areaOnly(complementary(sql`oa.organization_kind`), weights.complementary_kind),
    });
    tiers.push({
      ceiling: areaPart + callCeiling,
      body: areaOnly(
        sql`(oa.organization_kind is null or not ${complementary(sql`oa.organization_kind`)})`,
        0,
      ),
    });
  } else if (areas.length > 0) {
    tiers.push({ ceiling: areaPart + callCeiling, body: areaOnly(sql`true`, 0) });
  }
  if (calls.length > 0) {
    // Those interested in the same calls that neither answer an item nor share a profile area.
    tiers.push({
      ceiling: callCeiling,
      body: (gate) => sql`select c.org_id as id, (${callWeight}::int * c.n)::int as score
        from callers c
        where ${gate} and not exists (select 1 from matches p where p.org_id = c.org_id)
          ${
            areas.length > 0
              ? sql`and not exists (select 1 from organization_areas oa where oa.organization_id = c.org_id
                  and oa.active_member and oa.area_id in (${areaList}))`
              : sql``
          }
          and ${listed(sql`c.org_id`)}`,
    });
  }
  const name = (i: number) => sql.raw(`tier_${i}`);
  const scoredUpTo = (i: number) =>
    sql.join(
      tiers.slice(0, i + 1).map((_, j) => sql`select id, score from ${name(j)}`),
      sql` union all `,
    );
  const ctes: SQL[] = [sql`matches as materialized (${matches})`, sql`callers as materialized (${callers})`];
  tiers.forEach((tier, i) => {
    const gate =
      i === 0 ? sql`true` : sql`${tier.ceiling}::int >= (select f from ${sql.raw(`cut_${i - 1}`)})`;
    ctes.push(sql`${name(i)} as materialized (${tier.body(gate)})`);
    ctes.push(sql`${sql.raw(`cut_${i}`)} as materialized (
        select coalesce((select score from (${scoredUpTo(i)}) s
          order by score desc offset ${limit - 1} limit 1), -1) as f)`);
  });
  return rowsOf<{ id: string; score: number }>(
    db,
    sql`with ${sql.join(ctes, sql`, `)}
      select id, score from (${scoredUpTo(tiers.length - 1)}) candidates
      order by score desc, id limit ${limit}`,
  );
}

// ---------- dismissals ----------

export async function findDismissals(db: Db, organizationId: string) {
  return db
    .select({
      dismissedId: suggestionDismissals.dismissedId,
      reasonKinds: suggestionDismissals.reasonKinds,
      dismissedAt: isoTimestamp(suggestionDismissals.createdAt),
      nameBg: organizations.nameBg,
      nameEn: organizations.nameEn,
      kind: organizations.kind,
    })
    .from(suggestionDismissals)
    .innerJoin(organizations, eq(organizations.id, suggestionDismissals.dismissedId))
    .where(eq(suggestionDismissals.organizationId, organizationId))
    .orderBy(desc(suggestionDismissals.createdAt), suggestionDismissals.dismissedId);
}

/** Stores a dismissal; false when it was already there (the first one's reasons stay). */
export async function insertDismissal(
  db: Db,
  organizationId: string,
  dismissedId: string,
  reasonKinds: SuggestionReasonKind[],
): Promise<boolean> {
  const rows = await db
    .insert(suggestionDismissals)
    .values({ organizationId, dismissedId, reasonKinds })
    .onConflictDoNothing()
    .returning({ dismissedId: suggestionDismissals.dismissedId });
  return rows.length > 0;
}

/** Deletes a dismissal; returns the deleted row, or undefined when there was none. */
export async function deleteDismissal(db: Db, organizationId: string, dismissedId: string) {
  const [row] = await db
    .delete(suggestionDismissals)
    .where(
      and(
        eq(suggestionDismissals.organizationId, organizationId),
        eq(suggestionDismissals.dismissedId, dismissedId),
      ),
    )
    .returning({ reasonKinds: suggestionDismissals.reasonKinds });
  return row;
}

export async function organizationExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id));
  return !!row;
}
