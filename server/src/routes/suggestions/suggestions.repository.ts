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
}

const nonEmpty = (text: string) => (text === '' ? null : text);

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
          from board_items i where i.organization_id = o.id and ${openItem(today)}) as items
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
  }));
}

/**
 * The pre-filter (decision 035, "What the database does"): every other active member that shares a
 * profile area with `self` or has an open item answering one of `self`'s open items (opposite kind, same
 * type, a shared item area), not dismissed by `self`, scored in SQL by the same rules and weights as
 * `suggestPartners` — item pairs counted up to 3, shared profile areas up to 3, the complementary-kind
 * bonus — and cut to the best `limit` by score, then id (a uuid sorts as its hex text does). Because these
 * scores equal the function's, the function over these candidates gives exactly its answer over everyone;
 * a test holds the two together. Reason kinds fed later (funding calls) must join this statement too.
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
  if (wanted.length === 0 && areas.length === 0) return [];
  const complementary: SQL =
    complements.length > 0
      ? sql`s.kind in (${sql.join(
          complements.map((k) => sql`${k}`),
          sql`, `,
        )})`
      : sql`false`;
  // Open items answering one of self's (index range per self item and area), counted per organisation.
  const pairs =
    wanted.length > 0
      ? sql`select ba.organization_id as org_id, least(count(distinct (x.item_id, ba.item_id)), 3)::int as n
          from json_to_recordset(${JSON.stringify(wanted)}::json)
            as x(item_id uuid, area_id text, item_type text, want_kind text)
          join board_item_areas ba on ba.area_id = x.area_id and ba.item_type = x.item_type
            and ba.item_kind = x.want_kind and ba.open_until >= ${today}::date
          join memberships m on m.organization_id = ba.organization_id
            and m.status = 'active' and m.category <> 'candidate'
          where ba.organization_id <> ${self.id}::uuid
          group by ba.organization_id`
      : sql`select null::uuid as org_id, 0 as n where false`;
  // Active members sharing a profile area, with their kinds: organization_areas carries both (triggers).
  const shared =
    areas.length > 0
      ? sql`select oa.organization_id as org_id, least(count(*), 3)::int as n, min(oa.organization_kind) as kind
          from organization_areas oa
          where oa.active_member and oa.area_id in (${sql.join(
            areas.map((a) => sql`${a}`),
            sql`, `,
          )}) and oa.organization_id <> ${self.id}::uuid
          group by oa.organization_id`
      : sql`select null::uuid as org_id, 0 as n, null::text as kind where false`;
  return rowsOf<{ id: string; score: number }>(
    db,
    // Materialised: each is computed once (a parallel plan otherwise repeats the area count in every
    // worker). Both hold active members only (the item matchers by a join on their membership).
    sql`with pairs as materialized (${pairs}), shared as materialized (${shared}),
      ranked as (
        select coalesce(p.org_id, s.org_id) as id,
          (${weights.offer_answers_request}::int * coalesce(p.n, 0)
            + ${weights.shared_areas}::int * coalesce(s.n, 0)
            + case when s.n > 0 and ${complementary} then ${weights.complementary_kind}::int else 0 end
          )::int as score
        from pairs p full join shared s on s.org_id = p.org_id
      )
      select r.id, r.score from ranked r
      where not exists (select 1 from suggestion_dismissals d
          where d.organization_id = ${self.id}::uuid and d.dismissed_id = r.id)
      order by r.score desc, r.id limit ${limit}`,
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
