import type { Db } from '@portal/db';
import { type SQL, sql } from '@portal/db';
import type {
  AreaRef,
  BoardOfferRef,
  MemberOrganizationListResponse,
  MembershipCategory,
  OrganizationKind,
  OrganizationListQuery,
  OrganizationListResponse,
  OrganizationProfile,
  OrganizationSort,
  OrganizationSummary,
  Sharing,
  SharingKind,
  SizeClass,
  Visibility,
} from '@portal/shared';
import { publicLogoUrl, SHARING_KINDS, todayInSofia } from '@portal/shared';
import { execute, parseJson } from '../../db.ts';
import { fieldError } from '../../errors.ts';
import { type ContactRow, contactsAt, contactsOfRow, type MemberContacts } from '../privacy/contacts.ts';
import { findListedProfile } from './directory.repository.ts';

export const MAX_SEARCH_TOKENS = 8;
export const SUMMARY_LENGTH = 200;

export function searchTokens(q: string | undefined): string[] {
  return (q ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_TOKENS);
}

/** Whether a UTF-16 code unit is whitespace as the RegExp class `\s` defines it. */
function isSpace(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff;
}

/** Characters a cut summary does not end with before its ellipsis. */
const TRAILING_PUNCTUATION = new Set([',', ';', ':', '.', '–', '—', '-']);

/**
 * Whether the first `limit` characters of `text` (or all of it) read the same with whitespace collapsed and
 * trimmed: no leading or trailing space, only single U+0020 spaces, the last of them not a space.
 */
function isCollapsed(text: string, limit: number): boolean {
  const end = Math.min(text.length, limit);
  let afterSpace = true;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if (isSpace(c)) return false;
    else afterSpace = false;
  }
  return !afterSpace || end === 0;
}

/** `text` with whitespace runs as one space and trimmed, read only until it is longer than `max`. */
function collapseWhitespace(text: string, max: number): string {
  const words: string[] = [];
  let length = 0;
  let i = 0;
  while (i < text.length && length <= max) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i === text.length) break;
    let end = i;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    length += (words.length > 0 ? 1 : 0) + end - i;
    words.push(text.slice(i, end));
    i = end;
  }
  return words.join(' ');
}

/**
 * The first ~200 characters of a description, cut at a word boundary, for result cards: whitespace runs
 * become one space. A page makes 40 of these, so the usual text — already single-spaced — is cut without
 * copying or regular expressions (`summarize.test.ts` checks it against the plain regex version).
 */
export function summarize(text: string, max = SUMMARY_LENGTH): string {
  const clean = isCollapsed(text, max + 2) ? text : collapseWhitespace(text, max + 1);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = lastSpace > max / 2 ? cut.slice(0, lastSpace) : clean.slice(0, max);
  let keep = head.length;
  while (
    keep > 0 &&
    (isSpace(head.charCodeAt(keep - 1)) || TRAILING_PUNCTUATION.has(head[keep - 1] as string))
  )
    keep--;
  return `${head.slice(0, keep)}…`;
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
  offers: string[] | string;
  seeks: string[] | string;
  logo_version: number | null;
  board_offers: BoardOfferRef[] | string;
}

/** How many of a member's public board offers a result card names. */
export const CARD_OFFERS = 3;

/**
 * A listed member's newest public offers on the cooperation board (title only), as JSON, for `o` — only
 * items on the board now (`onBoard`, decision 038 §4) that their authors made public: what the board's
 * public teaser shows anyway. Evaluated for the page's rows only (the outer select), through
 * `board_items_organization_idx`.
 */
const BOARD_OFFERS_OF = (o: string, today: string) =>
  sql`(select coalesce(json_agg(json_build_object('id', b.id, 'titleBg', b.title_bg, 'titleEn', b.title_en)
          order by b.published_at desc nulls last, b.id), '[]'::json)
        from (select i.id, i.title_bg, i.title_en, i.published_at from board_items i
              where i.organization_id = ${sql.raw(o)}.id and i.kind = 'offer' and i.visibility = 'public'
                and i.status = 'published' and i.listed_kind is not null and i.valid_until >= ${today}::date
              order by i.published_at desc nulls last, i.id limit ${CARD_OFFERS}) b)`;

/** The kinds of sharing with some text, as JSON (only the keys travel, not the texts). */
const SHARING_KINDS_OF = (column: string) =>
  sql.raw(`to_json(array(select e.key from jsonb_each_text(${column}) e where btrim(e.value) <> ''))`);

/** The kinds of sharing a member filled in, in the usual order. */
function sharingKinds(value: string[] | string): SharingKind[] {
  const kinds = new Set(parseJson(value));
  return SHARING_KINDS.filter((kind) => kinds.has(kind));
}

/** Only the known kinds of sharing with some text, each trimmed. */
function sharingTexts(value: Sharing | string | null): Sharing {
  const sharing: Sharing = value === null ? {} : parseJson(value);
  const out: Sharing = {};
  for (const kind of SHARING_KINDS) {
    const text = sharing[kind]?.trim();
    if (text) out[kind] = text;
  }
  return out;
}

/** The contact columns of `o` (with its visibility map), for the members-only view. */
const CONTACT_COLUMNS = (o: string) =>
  sql.raw(`${o}.address, ${o}.website, ${o}.public_email, ${o}.public_phone, ${o}.contact_name,
    ${o}.contact_position, ${o}.contact_email, ${o}.contact_phone, ${o}.visibility`);

/**
 * One page of the public directory and the total number of matches, in ONE statement (one round trip):
 * a one-row count joined to the page, whose rows carry their areas as JSON. An unknown area slug is
 * checked in the same statement and answered as a 400 naming `area`.
 */
export async function listOrganizations(
  db: Db,
  query: OrganizationListQuery,
): Promise<OrganizationListResponse> {
  const { rows, total } = await listRows<ListRow>(db, query, false);
  return { items: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
}

/**
 * The members-only directory: the same statement as the public one (same matches, order and paging), its
 * rows carrying the contact fields a reader at `level` may see.
 */
export async function listMemberOrganizations(
  db: Db,
  query: OrganizationListQuery,
  level: Visibility,
): Promise<MemberOrganizationListResponse> {
  const { rows, total } = await listRows<ListRow & ContactRow>(db, query, true);
  const items = rows.map((r) => ({ ...toSummary(r), ...contactsAt(contactsOfRow(r), level) }));
  return { items, total, page: query.page, pageSize: query.pageSize, level };
}

async function listRows<R extends ListRow>(
  db: Db,
  query: OrganizationListQuery,
  withContacts: boolean,
): Promise<{ rows: (R & { id: string })[]; total: number }> {
  const rows = await execute<R>(db, listStatement(query, withContacts));
  const head = rows[0];
  if (query.area && head?.area_known === false)
    throw fieldError('area', 'area.unknown', { value: query.area });
  return {
    rows: rows.filter((r): r is R & { id: string } => r.id !== null),
    total: Number(head?.total ?? 0),
  };
}

function toSummary(r: ListRow & { id: string }): OrganizationSummary {
  return {
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
    offers: sharingKinds(r.offers),
    seeks: sharingKinds(r.seeks),
    logoUrl: r.logo_version === null ? null : publicLogoUrl(r.id, Number(r.logo_version), 'small'),
    boardOffers: parseJson(r.board_offers),
  };
}

/**
 * The directory's single statement (exported for EXPLAIN ANALYZE in benchmarks). It reads the read model
 * `directory_entries` (publicly listed members only, kept in step by triggers; see
 * docs/decisions/006-directory-read-model.md) and, only when there are search words, the search
 * documents in `directory_search`: the count and the page filter the same rows, each planned on its own,
 * and only the page's rows are joined to `organizations` for their display fields. The exact total of a
 * single search word, or of any mix of area, kind and size without words, is a sum over a few rows of the
 * trigger-kept count tables `directory_word_counts` / `directory_facet_counts`
 * (docs/decisions/011-directory-count-tables.md).
 */
export function listStatement(
  query: OrganizationListQuery,
  withContacts = false,
  today: string = todayInSofia(),
): SQL {
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
  const count = matches
    ? filters.length === 1
      ? wordCount(words.join(' '))
      : sql`select count(*)::int from directory_entries d ${where}`
    : facetCount(query);

  const areaKnown = query.area
    ? sql`exists (select 1 from areas where id = ${query.area})`
    : sql`null::boolean`;
  const offset = (query.page - 1) * query.pageSize;

  return sql`select t.total, t.area_known, p.organization_id as id, o.name_bg, o.name_en, o.kind, o.size_class,
          o.city, left(o.description_bg, ${SUMMARY_LENGTH * 2}) as description_bg,
          left(o.description_en, ${SUMMARY_LENGTH * 2}) as description_en,
          p.category, p.member_since::text as member_since, ${AREAS_OF('o')} as areas,
          ${SHARING_KINDS_OF('o.offers')} as offers, ${SHARING_KINDS_OF('o.seeks')} as seeks, o.logo_version,
          ${BOARD_OFFERS_OF('o', today)} as board_offers
          ${withContacts ? sql`, ${CONTACT_COLUMNS('o')}` : sql``}
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

/**
 * The number of listed members matching the search box text `q`. A single word — the common case — is a
 * sum over the few rows of `directory_word_counts` in the word's key range
 * (docs/decisions/011-directory-count-tables.md): each member is counted once, by the one of its lexemes
 * starting with the word that shares fewer characters than the word's length with the lexeme before it.
 * Several words are counted through the GIN index of `directory_search`, which intersects their posting
 * lists and so visits only the (usually few) members holding every word.
 */
function wordCount(q: string): SQL {
  const word = sql`(select l from portal_search_lexemes(${q}) l)`;
  return sql`case (select count(*) from portal_search_lexemes(${q}))
      when 1 then (select coalesce(sum(c.members), 0)::int from directory_word_counts c
                   where c.lexeme >= ${word} collate "C" and c.lexeme < portal_search_prefix_end(${word})
                     and c.shared < length(${word}))
      else (select count(*)::int from directory_search s where s.search @@ portal_search_query(${q}))
    end`;
}

/**
 * The number of listed members in an area (with its sub-areas), of a kind and of a size class — each
 * optional — summed from `directory_facet_counts`, where area '' is the whole directory and size '' an
 * unknown size (docs/decisions/011-directory-count-tables.md).
 */
export function facetCount(filters: Pick<OrganizationListQuery, 'area' | 'kind' | 'size'>): SQL {
  return sql`select coalesce(sum(f.members), 0)::int from directory_facet_counts f
    where f.area_id = ${filters.area ?? ''}
      ${filters.kind ? sql`and f.kind = ${filters.kind}` : sql``}
      ${filters.size ? sql`and f.size_class = ${filters.size}` : sql``}`;
}

/**
 * A publicly listed member's profile with the contact fields a reader at `level` may see (the public
 * endpoint: always `public`), or null (unknown, candidate, suspended, withdrawn…).
 */
export async function getOrganizationProfile(
  db: Db,
  id: string,
  level: Visibility,
): Promise<(OrganizationProfile & MemberContacts) | null> {
  const r = await findListedProfile(db, id);
  if (!r) return null;
  return {
    ...contactsAt(r, level),
    id: r.id,
    eik: r.eik,
    nameBg: r.nameBg,
    nameEn: r.nameEn,
    kind: r.kind,
    sizeClass: r.sizeClass,
    employees: r.employees,
    foundedYear: r.foundedYear,
    city: r.city,
    descriptionBg: r.descriptionBg,
    descriptionEn: r.descriptionEn,
    naceCodes: r.naceCodes,
    areas: r.areas,
    offers: sharingTexts(r.offers),
    seeks: sharingTexts(r.seeks),
    category: r.category,
    memberSince: r.memberSince,
    updatedAt: r.updatedAt,
    logoUrl: r.logoVersion === null ? null : publicLogoUrl(r.id, r.logoVersion, 'large'),
    acceptsContact: r.acceptsContact,
  };
}
