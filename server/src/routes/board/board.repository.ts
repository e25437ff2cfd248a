import {
  and,
  asc,
  boardItemAreas,
  boardItemRevisions,
  boardItems,
  type Db,
  eq,
  isoTimestamp,
  memberships,
  parseJson,
  rowsOf,
  type SQL,
  sql,
} from '@portal/db';
import {
  BOARD_ITEM_KINDS,
  BOARD_ITEM_TYPES,
  BOARD_TOTAL_CAP,
  type BoardCloseOutcome,
  type BoardItemKind,
  type BoardItemStatus,
  type BoardItemType,
  type BoardListQuery,
  type BoardVisibility,
  type MembershipCategory,
  type MembershipStatus,
  type OrganizationKind,
} from '@portal/shared';

/**
 * Board items in the database (decision 029, 033, 038). The lists are raw statements (word-prefix search
 * over the generated `search` document, the areas as a json aggregate, a capped count): the builder cannot
 * say them well. Writes use the builder.
 */

interface AreaRef {
  id: string;
  nameBg: string;
  nameEn: string;
}

/** One item as the read statements answer it (timestamps already ISO strings). */
export interface ItemRow extends Record<string, unknown> {
  id: string;
  organization_id: string;
  organization_name_bg: string;
  organization_name_en: string;
  organization_kind: OrganizationKind;
  kind: BoardItemKind;
  type: BoardItemType;
  title_bg: string;
  title_en: string;
  description_bg: string;
  description_en: string;
  nace_code: string | null;
  valid_until: string | null;
  visibility: BoardVisibility;
  status: BoardItemStatus;
  close_outcome: BoardCloseOutcome | null;
  close_note: string | null;
  published_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  revision_count: number;
  areas: AreaRef[] | string;
}

/**
 * Items on the board now, in SQL: published, not past their day, of an active admitted member. `listed_kind`
 * is the organisation's kind while it has a row in the directory's read model, `directory_entries` (the
 * active non-candidate members: `isPubliclyListed`, the rule of `canPostToBoard`), kept by triggers in the
 * same transaction as the membership — so a suspension still takes the items off the board at once
 * (decision 038 §4, §6).
 */
export const onBoard = (today: string) =>
  sql`i.status = 'published' and i.listed_kind is not null and i.valid_until >= ${today}::date`;

const itemSelect = sql`
  select i.id, i.organization_id, o.name_bg as organization_name_bg, o.name_en as organization_name_en,
    o.kind as organization_kind, i.kind, i.type, i.title_bg, i.title_en, i.description_bg, i.description_en,
    i.nace_code, i.valid_until::text as valid_until, i.visibility, i.status, i.close_outcome, i.close_note,
    ${isoTimestamp(sql`i.published_at`)} as published_at, ${isoTimestamp(sql`i.closed_at`)} as closed_at,
    ${isoTimestamp(sql`i.created_at`)} as created_at, ${isoTimestamp(sql`i.updated_at`)} as updated_at,
    i.version,
    (select count(*)::int from board_item_revisions r where r.item_id = i.id) as revision_count,
    (select coalesce(json_agg(json_build_object('id', a.id, 'nameBg', a.name_bg, 'nameEn', a.name_en)
        order by a.position, a.id), '[]'::json)
      from board_item_areas ba join areas a on a.id = ba.area_id where ba.item_id = i.id) as areas`;

export const areasOf = (row: ItemRow): AreaRef[] => parseJson<AreaRef[]>(row.areas);

/**
 * Up to how many candidates a list collects from its rarest source (the rarest word's GIN entries, or the
 * area's links) and sorts, instead of walking its sort index until the page is full (decision 038 §6).
 */
export const BOARD_COLLECT_LIMIT = 2_000;

/** Up to how many rows a list with words is expected to read walking its sort index (decision 038 §6). */
export const BOARD_WALK_LIMIT = 10_000;

/** A page of the items on the board and their number, exact up to BOARD_TOTAL_CAP (decision 038). */
export interface BoardPage {
  rows: ItemRow[];
  total: number;
  totalIsLowerBound: boolean;
}

interface BoardCounts extends Record<string, unknown> {
  /** How many words the search box holds (0 without words, or text without a letter or digit). */
  words: number;
  /** The search word whose prefix matches the fewest items on the board, and their number. */
  rarest: string | null;
  rarest_count: number | null;
  /** Each search word's number of items on the board. */
  word_counts: number[] | null;
  /** The items on the board matching the filters (area, kind, type, organisation kind), words aside. */
  filtered: number;
  /** Every item on the board. */
  on_board: number;
}

/**
 * The counts that choose a list's plan, from the trigger-kept count tables (decision 038 §6): a sum of a few
 * rows each, whatever the number of matches. A word's items are summed over its key range in
 * `board_word_counts` (each item once: by its one lexeme starting with the word that shares fewer
 * characters than the word's length with the lexeme before it, as the directory); the filters' over the one
 * cell of `board_facet_counts` they name ('' for a dimension not filtered), for the days to come.
 */
function countsStatement(q: BoardListQuery, today: string): SQL {
  const cell = (area: string, kind: string, type: string, organizationKind: string) =>
    sql`(select coalesce(sum(f.items), 0)::int from board_facet_counts f
      where f.area_id = ${area} and f.kind = ${kind} and f.type = ${type}
        and f.organization_kind = ${organizationKind} and f.last_day >= ${today}::date)`;
  return sql`select
      (select count(*)::int from portal_search_lexemes(${q.q ?? ''})) as words,
      r.rarest, r.rarest_count, r.word_counts,
      ${cell(q.area ?? '', q.kind ?? '', q.type ?? '', q.organizationKind ?? '')} as filtered,
      ${cell('', '', '', '')} as on_board
    from (select 1) one
    left join lateral (
      select (array_agg(w.lexeme order by w.n, w.lexeme))[1] as rarest, min(w.n) as rarest_count,
        array_agg(w.n) as word_counts
      from (
        select l.lexeme, (select coalesce(sum(c.items), 0)::int from board_word_counts c
            where c.lexeme >= l.lexeme collate "C" and c.lexeme < portal_search_prefix_end(l.lexeme)
              and c.shared < length(l.lexeme) and c.last_day >= ${today}::date) as n
        from portal_search_lexemes(${q.q ?? ''}) l(lexeme)
      ) w
    ) r on true`;
}

/** A tsquery for items with a word starting with `lexeme` (one of portal_search_lexemes()). */
const prefixQuery = (lexeme: string) =>
  sql`('''' || replace(replace(${lexeme}::text, '\\', '\\\\'), '''', '''''') || ''':*')::tsquery`;

/**
 * A page of the items on the board, filtered, searched and sorted, with the (capped) total (decision 038).
 *
 * The count tables first say how many items the filters and the rarest word match (`countsStatement`). The
 * total is read from them when they answer it exactly (no words: the filters' cell; one word and no
 * filter: the word's range). The page then takes one of two plans:
 * - **collect**: when the rarest word (or, without words, the area) matches at most BOARD_COLLECT_LIMIT items,
 *   those are collected first — from the GIN index for that one prefix, or the links of the area — and
 *   checked against every other condition, counted and sorted: at most a few thousand rows, and an exact
 *   total;
 * - **walk**: otherwise the partial index of the sort (`board_items_newest_idx`, `board_items_ending_idx`,
 *   which hold the day, kind, type and organisation kind) is walked until the page is full. With words the
 *   walk is forced (sequential and bitmap scans, and JIT, off for the statement: PostgreSQL estimates every
 *   prefix `@@` at the same ~2 %) when the words and filters are expected dense enough to fill the page within
 *   BOARD_WALK_LIMIT rows; rarer mixes are left to the planner. When the tables do not answer the total
 *   (several words, or words and filters), a full page is followed by a count that stops at
 *   BOARD_TOTAL_CAP + 1.
 */
export async function findBoardPage(db: Db, q: BoardListQuery, today: string): Promise<BoardPage> {
  const [counts] = await rowsOf<BoardCounts>(db, countsStatement(q, today));
  if (!counts) throw new Error('board counts: no row');
  const words = Number(counts.words);
  // Text without any letter or digit (e.g. `%`) has no word to look for, and finds nothing.
  if (q.q !== undefined && words === 0) return { rows: [], total: 0, totalIsLowerBound: false };
  const filtered = Number(counts.filtered);
  const rarestCount = counts.rarest_count === null ? null : Number(counts.rarest_count);
  const filters: SQL[] = [onBoard(today)];
  if (q.kind) filters.push(sql`i.kind = ${q.kind}`);
  if (q.type) filters.push(sql`i.type = ${q.type}`);
  if (q.organizationKind) filters.push(sql`i.listed_kind = ${q.organizationKind}`);
  // The area and its sub-areas, computed once for the statement.
  const lineage = sql`array(select a.id from areas a where a.id = ${q.area ?? ''} or a.parent_id = ${q.area ?? ''})`;
  if (q.area) {
    filters.push(
      sql`exists (select 1 from board_item_areas ba where ba.item_id = i.id and ba.area_id = any (${lineage}))`,
    );
  }
  // The directory's word search: every word of the box the start of a word of a title or description (any
  // case, accents ignored, Bulgarian endings stripped from the box's words), all words required; typed
  // tsquery operators are plain text.
  if (q.q) filters.push(sql`i.search @@ portal_search_query(${q.q})`);
  const where = sql.join(filters, sql` and `);
  // The order of the index the page walks, exactly (published_at is never null on a published item).
  const orderOf = (t: SQL) =>
    q.sort === 'ending_soon'
      ? sql`${t}.valid_until, ${t}.published_at desc nulls last, ${t}.id`
      : sql`${t}.published_at desc nulls last, ${t}.id`;
  const order = orderOf(sql`i`);
  const offset = (q.page - 1) * q.pageSize;
  const capped = (n: number): BoardPage['total'] => Math.min(n, BOARD_TOTAL_CAP);
  const result = (rows: ItemRow[], n: number): BoardPage => ({
    rows,
    total: capped(n),
    totalIsLowerBound: n > BOARD_TOTAL_CAP,
  });
  // The page's rows are numbered by the page's own columns: numbering by the joined item's would let the
  // planner sort every item to feed the window.
  const pageRows = (matches: SQL, condition: SQL) => sql`page as materialized (
      select i.id, i.published_at, i.valid_until from ${matches} where ${condition}
      order by ${order} limit ${q.pageSize} offset ${offset}
    ),
    items as (
      ${itemSelect}, row_number() over (order by ${orderOf(sql`page`)}) as page_rn
      from page join board_items i on i.id = page.id join organizations o on o.id = i.organization_id
    )`;

  // collect: the candidates of the rarest source, every condition checked on them, counted and sorted.
  const candidates =
    counts.rarest !== null && rarestCount !== null && rarestCount <= BOARD_COLLECT_LIMIT
      ? sql`select c.id from board_items c where c.search @@ ${prefixQuery(counts.rarest)}
          and c.status = 'published' and c.listed_kind is not null`
      : words === 0 && q.area && filtered <= BOARD_COLLECT_LIMIT
        ? sql`select ba.item_id as id from board_item_areas ba where ba.area_id = any (${lineage})
            and ba.open_until >= ${today}::date and ba.listed_kind is not null`
        : null;
  if (candidates) {
    const found = await rowsOf<ItemRow & { total_matches: number }>(
      db,
      sql`with matching as materialized (
          select i.id, i.published_at, i.valid_until from board_items i
          where i.id in (${candidates}) and ${where}
        ),
        ${pageRows(sql`matching i`, sql`true`)}
        select t.n as total_matches, items.* from (select count(*)::int as n from matching) t
        left join items on true order by items.page_rn`,
    );
    const n = Number(found[0]?.total_matches ?? 0);
    return result(
      found.filter((r) => r.id !== null),
      n,
    );
  }

  // walk: the sort index until the page is full — when the matches are expected dense enough that the walk
  // reads at most BOARD_WALK_LIMIT rows (the words and filters taken as independent). PostgreSQL cannot
  // expect it: it estimates every prefix `@@` at the same ~2 %, so with words the walk is forced. Words too
  // rare together for a walk are left to the planner (the GIN index and a sort).
  const onBoardNow = Math.max(Number(counts.on_board), 1);
  const expected = (counts.word_counts ?? []).reduce((e, n) => (e * Number(n)) / onBoardNow, filtered) || 0;
  const walkRows = expected > 0 ? ((offset + q.pageSize) * onBoardNow) / expected : Number.POSITIVE_INFINITY;
  const walk = sql`with ${pageRows(sql`board_items i`, where)} select * from items order by page_rn`;
  const rows =
    words > 0 && walkRows <= BOARD_WALK_LIMIT
      ? await db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_bitmapscan = off`);
          await tx.execute(sql`set local enable_seqscan = off`);
          // A plan with a switched-off node costs ~10^10 to the planner, which would JIT-compile it (~0.5 s).
          await tx.execute(sql`set local jit = off`);
          return rowsOf<ItemRow>(tx, walk);
        })
      : await rowsOf<ItemRow>(db, walk);
  if (words === 0) return result(rows, filtered);
  const filteredToo = q.area || q.kind || q.type || q.organizationKind;
  if (words === 1 && !filteredToo && rarestCount !== null) return result(rows, rarestCount);
  if (rows.length > 0 && rows.length < q.pageSize) return result(rows, offset + rows.length);
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from (
        select 1 from board_items i where ${where} limit ${BOARD_TOTAL_CAP + 1}
      ) m`,
  );
  return result(rows, Number(row?.n ?? 0));
}

/** One item (any status), or undefined. */
export async function findItem(db: Db, id: string): Promise<ItemRow | undefined> {
  const [row] = await rowsOf<ItemRow>(
    db,
    sql`${itemSelect} from board_items i join organizations o on o.id = i.organization_id
      where i.id = ${id}`,
  );
  return row;
}

/** Every item of an organisation, newest first. */
export async function findOrganizationItems(db: Db, organizationId: string): Promise<ItemRow[]> {
  return rowsOf<ItemRow>(
    db,
    sql`${itemSelect} from board_items i join organizations o on o.id = i.organization_id
      where i.organization_id = ${organizationId} order by i.created_at desc, i.id`,
  );
}

/** The latest public items on the board. */
export async function findLatestPublic(db: Db, today: string, limit: number): Promise<ItemRow[]> {
  return rowsOf<ItemRow>(
    db,
    sql`${itemSelect} from board_items i join organizations o on o.id = i.organization_id
      where ${onBoard(today)} and i.visibility = 'public'
      order by i.published_at desc nulls last, i.id limit ${limit}`,
  );
}

/**
 * Items on the board per kind and type, and per area (an area counts the items of its sub-areas too, each
 * item once), summed from the trigger-kept `board_facet_counts` for the days to come (decision 038 §6).
 */
export async function countOnBoard(db: Db, today: string) {
  // One key range of the primary key per kind and type, and per area: a few hundred rows each, however many
  // items.
  const cell = (area: SQL, kind: SQL, type: SQL) =>
    sql`(select coalesce(sum(f.items), 0)::int from board_facet_counts f
      where f.area_id = ${area} and f.kind = ${kind} and f.type = ${type} and f.organization_kind = ''
        and f.last_day >= ${today}::date)`;
  const kinds = sql.join(
    BOARD_ITEM_KINDS.map((k) => sql`${k}`),
    sql`, `,
  );
  const types = sql.join(
    BOARD_ITEM_TYPES.map((t) => sql`${t}`),
    sql`, `,
  );
  const byType = await rowsOf<{ kind: BoardItemKind; type: BoardItemType; count: number }>(
    db,
    sql`select x.kind, x.type, x.count from (
        select k.kind, t.type, ${cell(sql`''`, sql`k.kind`, sql`t.type`)} as count
        from unnest(array[${kinds}]::text[]) k(kind), unnest(array[${types}]::text[]) t(type)
      ) x where x.count > 0 order by x.kind, x.type`,
  );
  const byArea = await rowsOf<{ id: string; name_bg: string; name_en: string; count: number }>(
    db,
    sql`select x.id, x.name_bg, x.name_en, x.count from (
        select a.id, a.name_bg, a.name_en, a.position, ${cell(sql`a.id`, sql`''`, sql`''`)} as count from areas a
      ) x where x.count > 0 order by x.position, x.id`,
  );
  return { byType, byArea };
}

// ---------- writes ----------

/** The organisation's membership (null: none on file); `lock` holds it for the transaction. */
export async function findMembership(
  db: Db,
  organizationId: string,
  lock = false,
): Promise<{ status: MembershipStatus; category: MembershipCategory } | null> {
  const query = db
    .select({ status: memberships.status, category: memberships.category })
    .from(memberships)
    .where(eq(memberships.organizationId, organizationId));
  const [row] = lock ? await query.for('share') : await query;
  return row ?? null;
}

/** The item of this organisation, locked for the transaction (undefined: none). */
export async function lockItem(db: Db, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(boardItems)
    .where(and(eq(boardItems.id, id), eq(boardItems.organizationId, organizationId)))
    .for('update');
  return row;
}
export type StoredItem = NonNullable<Awaited<ReturnType<typeof lockItem>>>;

export async function findAreaIds(db: Db, itemId: string): Promise<string[]> {
  const rows = await db
    .select({ areaId: boardItemAreas.areaId })
    .from(boardItemAreas)
    .where(eq(boardItemAreas.itemId, itemId))
    .orderBy(boardItemAreas.areaId);
  return rows.map((r) => r.areaId);
}

export type ItemValues = Omit<typeof boardItems.$inferInsert, 'id' | 'search'>;

export async function insertItem(db: Db, values: ItemValues): Promise<string> {
  const [row] = await db.insert(boardItems).values(values).returning({ id: boardItems.id });
  return row!.id;
}

/** Writes `values` if the item is still at `version`; false when it is not (a stale edit). */
export async function updateItem(
  db: Db,
  id: string,
  version: number,
  values: Partial<ItemValues>,
): Promise<boolean> {
  const rows = await db
    .update(boardItems)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${boardItems.version} + 1` })
    .where(and(eq(boardItems.id, id), eq(boardItems.version, version)))
    .returning({ id: boardItems.id });
  return rows.length === 1;
}

export async function replaceAreas(db: Db, itemId: string, areaIds: readonly string[]): Promise<void> {
  await db.delete(boardItemAreas).where(eq(boardItemAreas.itemId, itemId));
  if (areaIds.length) await db.insert(boardItemAreas).values(areaIds.map((areaId) => ({ itemId, areaId })));
}

export async function insertRevision(
  db: Db,
  revision: { itemId: string; version: number; content: Record<string, unknown>; editedBy: string | null },
): Promise<void> {
  await db.insert(boardItemRevisions).values(revision);
}

/** Is `id` an item of this organisation? */
export async function itemOfOrganization(db: Db, organizationId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: boardItems.id })
    .from(boardItems)
    .where(and(eq(boardItems.id, id), eq(boardItems.organizationId, organizationId)));
  return row !== undefined;
}

/** An item's revisions, oldest first (the content each edit replaced). */
export async function findRevisions(db: Db, itemId: string) {
  return db
    .select({
      version: boardItemRevisions.version,
      content: boardItemRevisions.content,
      createdAt: boardItemRevisions.createdAt,
    })
    .from(boardItemRevisions)
    .where(eq(boardItemRevisions.itemId, itemId))
    .orderBy(asc(boardItemRevisions.version), asc(boardItemRevisions.createdAt));
}

/** The ids among `ids` that are areas of the taxonomy. */
export async function knownAreaIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select id from areas where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Drops the rows of the board's count tables for the days before `firstDay`, and makes later differences
 * for those days ignored (decision 038 §6); answers how many rows it dropped.
 */
export async function forgetPastBoardCounts(db: Db, firstDay: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`select portal_board_counts_forget(${firstDay}::date) as n`,
  );
  return Number(row?.n ?? 0);
}
