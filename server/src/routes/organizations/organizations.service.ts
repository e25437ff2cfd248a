import type { Db } from '@portal/db';
import { type SQL, sql } from '@portal/db';
import type {
  AreaRef,
  MembershipCategory,
  OrganizationKind,
  OrganizationListQuery,
  OrganizationListResponse,
  OrganizationProfile,
  OrganizationSort,
  OrganizationSummary,
  SizeClass,
} from '@portal/shared';
import { execute, parseJson } from '../../db.ts';
import { fieldError } from '../../errors.ts';

export const MAX_SEARCH_TOKENS = 8;
export const SUMMARY_LENGTH = 200;

export function searchTokens(q: string | undefined): string[] {
  return (q ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_TOKENS);
}

/** The first ~200 characters of a description, cut at a word boundary, for result cards. */
export function summarize(text: string, max = SUMMARY_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = (lastSpace > max / 2 ? cut.slice(0, lastSpace) : clean.slice(0, max)).replace(
    /[\s,;:.–—-]+$/,
    '',
  );
  return `${head}…`;
}

/** ORDER BY per sort over directory_entries columns (`d` inside the page, `p` outside it). */
const ORDER: Record<OrganizationSort, (d: string) => SQL> = {
  name: (d) => sql.raw(`${d}.name_bg collate portal_bg, ${d}.organization_id`),
  '-name': (d) => sql.raw(`${d}.name_bg collate portal_bg desc, ${d}.organization_id desc`),
  memberSince: (d) =>
    sql.raw(`${d}.member_since asc nulls last, ${d}.name_bg collate portal_bg, ${d}.organization_id`),
  '-memberSince': (d) =>
    sql.raw(`${d}.member_since desc nulls last, ${d}.name_bg collate portal_bg, ${d}.organization_id`),
};

/** An organisation's areas as [{id, nameBg, nameEn}], top-level areas first, for `o`. */
const AREAS_OF = (orgAlias: string) =>
  sql.raw(`(select coalesce(json_agg(json_build_object('id', a.id, 'nameBg', a.name_bg, 'nameEn', a.name_en)
              order by a.parent_id is not null, a.position, a.id), '[]'::json)
            from organization_areas oa join areas a on a.id = oa.area_id
            where oa.organization_id = ${orgAlias}.id)`);

interface ListRow extends Record<string, unknown> {
  total: number;
  area_known: boolean | null;
  id: string | null;
  name_bg: string;
  name_en: string;
  kind: OrganizationKind;
  size_class: SizeClass | null;
  city: string | null;
  description_bg: string;
  description_en: string;
  category: MembershipCategory;
  member_since: string | null;
  areas: AreaRef[] | string;
}

/**
 * One page of the public directory and the total number of matches, in ONE statement (one round trip):
 * a one-row count joined to the page, whose rows carry their areas as JSON. An unknown area slug is
 * checked in the same statement and answered as a 400 naming `area`.
 */
export async function listOrganizations(
  db: Db,
  query: OrganizationListQuery,
): Promise<OrganizationListResponse> {
  const rows = await execute<ListRow>(db, listStatement(query));
  const head = rows[0];
  if (query.area && head?.area_known === false)
    throw fieldError('area', 'area.unknown', { value: query.area });
  const items: OrganizationSummary[] = rows
    .filter((r): r is ListRow & { id: string } => r.id !== null)
    .map((r) => ({
      id: r.id,
      nameBg: r.name_bg,
      nameEn: r.name_en,
      kind: r.kind,
      sizeClass: r.size_class,
      city: r.city,
      summaryBg: summarize(r.description_bg),
      summaryEn: summarize(r.description_en),
      areas: parseJson(r.areas),
      category: r.category,
      memberSince: r.member_since,
    }));
  return { items, total: Number(head?.total ?? 0), page: query.page, pageSize: query.pageSize };
}

/**
 * The directory's single statement (exported for EXPLAIN ANALYZE in benchmarks). It reads the read model
 * `directory_entries` (publicly listed members only, kept in step by triggers; see
 * docs/decisions/006-directory-read-model.md) and, only when there are search words, the search
 * documents in `directory_search`: the count and the page filter the same rows, each planned on its own,
 * and only the page's rows are joined to `organizations` for their display fields.
 */
export function listStatement(query: OrganizationListQuery): SQL {
  const filters: SQL[] = [];
  const words = searchTokens(query.q);
  // Text without any letter or digit (e.g. `%`) has no word to look for, and finds nothing.
  const matches = words.length > 0 ? sql`s.search @@ portal_search_query(${words.join(' ')})` : null;
  if (matches) {
    filters.push(
      sql`d.organization_id in (select s.organization_id from directory_search s where ${matches})`,
    );
  }
  if (query.kind) filters.push(sql`d.kind = ${query.kind}`);
  if (query.size) filters.push(sql`d.size_class = ${query.size}`);
  // area_ids holds the linked areas and their parents, so a parent area includes its sub-areas.
  if (query.area) filters.push(sql`d.area_ids @> array[${query.area}]::text[]`);
  const where = filters.length > 0 ? sql`where ${sql.join(filters, sql` and `)}` : sql``;
  // Words alone are counted on directory_search only (one row per listed member): no join needed.
  const count =
    matches && filters.length === 1
      ? sql`select count(*)::int from directory_search s where ${matches}`
      : sql`select count(*)::int from directory_entries d ${where}`;

  const areaKnown = query.area
    ? sql`exists (select 1 from areas where id = ${query.area})`
    : sql`null::boolean`;
  const offset = (query.page - 1) * query.pageSize;

  return sql`select t.total, t.area_known, p.organization_id as id, o.name_bg, o.name_en, o.kind, o.size_class,
          o.city, left(o.description_bg, ${SUMMARY_LENGTH * 2}) as description_bg,
          left(o.description_en, ${SUMMARY_LENGTH * 2}) as description_en,
          p.category, p.member_since::text as member_since, ${AREAS_OF('o')} as areas
        from (select (${count}) as total,
                ${areaKnown} as area_known) t
        left join (
          select d.organization_id, d.name_bg, d.category, d.member_since
          from directory_entries d
          ${where}
          order by ${ORDER[query.sort]('d')}
          limit ${query.pageSize} offset ${offset}
        ) p on true
        left join organizations o on o.id = p.organization_id
        order by ${ORDER[query.sort]('p')}`;
}

interface ProfileRow extends Record<string, unknown> {
  id: string;
  eik: string;
  name_bg: string;
  name_en: string;
  kind: OrganizationKind;
  size_class: SizeClass | null;
  employees: number | null;
  founded_year: number | null;
  city: string | null;
  address: string | null;
  website: string | null;
  public_email: string | null;
  public_phone: string | null;
  description_bg: string;
  description_en: string;
  nace_codes: string[] | string;
  category: MembershipCategory;
  member_since: string | null;
  updated_at: string;
  areas: AreaRef[] | string;
}

/** A publicly listed member's public profile, or null (unknown, candidate, suspended, withdrawn…). */
export async function getOrganizationProfile(db: Db, id: string): Promise<OrganizationProfile | null> {
  const [r] = await execute<ProfileRow>(
    db,
    sql`select o.id, o.eik, o.name_bg, o.name_en, o.kind, o.size_class, o.employees, o.founded_year, o.city,
          o.address, o.website, o.public_email, o.public_phone, o.description_bg, o.description_en,
          to_json(o.nace_codes) as nace_codes, d.category, d.member_since::text as member_since,
          to_char(o.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at,
          ${AREAS_OF('o')} as areas
        from organizations o join directory_entries d on d.organization_id = o.id
        where o.id = ${id}`,
  );
  if (!r) return null;
  return {
    id: r.id,
    eik: r.eik,
    nameBg: r.name_bg,
    nameEn: r.name_en,
    kind: r.kind,
    sizeClass: r.size_class,
    employees: r.employees,
    foundedYear: r.founded_year,
    city: r.city,
    address: r.address,
    website: r.website,
    publicEmail: r.public_email,
    publicPhone: r.public_phone,
    descriptionBg: r.description_bg,
    descriptionEn: r.description_en,
    naceCodes: parseJson(r.nace_codes),
    areas: parseJson(r.areas),
    category: r.category,
    memberSince: r.member_since,
    updatedAt: r.updated_at,
  };
}
