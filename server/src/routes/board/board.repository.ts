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
 * Items on the board now, in SQL: published, not past their day, of an active admitted member. The member
 * test is a primary-key probe of the directory's read model, `directory_entries`, which holds exactly the
 * active non-candidate members (`isPubliclyListed`, the rule of `canPostToBoard`) and is rewritten by
 * triggers in the same transaction as the membership (decision 006) — so a suspension still takes the
 * items off the board at once (decision 038 §4).
 */
export const onBoard = (today: string) =>
  sql`i.status = 'published' and i.valid_until >= ${today}::date
    and exists (select 1 from directory_entries d where d.organization_id = i.organization_id)`;

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

/** How many published items the first count reads, in storage order (see findBoardPage). */
const BOARD_COUNT_PROBE = 25_000;

/** A page of the items on the board and their number, exact up to BOARD_TOTAL_CAP (decision 038). */
export interface BoardPage {
  rows: ItemRow[];
  total: number;
  totalIsLowerBound: boolean;
}

/**
 * A page of the items on the board, filtered, searched and sorted, with the (capped) total (decision 038).
 *
 * With search words, a probe first counts the matches among the first BOARD_COUNT_PROBE published items in
 * storage order, stopping at BOARD_TOTAL_CAP + 1. When it finds that many, the list is "common": the total is "more than
 * 1,000" without further counting, and the page walks the partial index of its sort (`board_items_newest_idx`,
 * `board_items_ending_idx`) until it has its rows — bitmap scans are switched off for that statement because
 * PostgreSQL estimates a prefix `@@` at a fixed ~2 % of the rows, and would otherwise collect every match of a
 * common word from the GIN index (tens of thousands) to sort them. Otherwise the planner chooses (the GIN
 * index for rare words), and the count stops at BOARD_TOTAL_CAP + 1 matches; a page that is not full ends
 * the list and needs no count.
 */
export async function findBoardPage(db: Db, q: BoardListQuery, today: string): Promise<BoardPage> {
  const filters: SQL[] = [onBoard(today)];
  if (q.kind) filters.push(sql`i.kind = ${q.kind}`);
  if (q.type) filters.push(sql`i.type = ${q.type}`);
  if (q.organizationKind) filters.push(sql`o.kind = ${q.organizationKind}`);
  if (q.area) {
    // The area and its sub-areas, computed once for the statement; each row is then one probe of the
    // links' primary key.
    filters.push(sql`exists (select 1 from board_item_areas ba where ba.item_id = i.id
      and ba.area_id = any (array(select a.id from areas a where a.id = ${q.area} or a.parent_id = ${q.area})))`);
  }
  // The directory's word search: every word of the box the start of a word of a title or description (any
  // case, accents ignored, Bulgarian endings stripped from the box's words), all words required; typed
  // tsquery operators are plain text. Text without any letter or digit (e.g. `%`) finds nothing, as there.
  if (q.q) filters.push(sql`i.search @@ portal_search_query(${q.q})`);
  // The order of the index the page walks, exactly (published_at is never null on a published item).
  const order =
    q.sort === 'ending_soon'
      ? sql`i.valid_until, i.published_at desc nulls last, i.id`
      : sql`i.published_at desc nulls last, i.id`;
  // The organisation is joined only when its kind filters; columns, areas and revision counts are computed
  // for the page's rows only.
  const joinOrganization = q.organizationKind ? sql`join organizations o on o.id = i.organization_id` : sql``;
  const where = sql.join(filters, sql` and `);
  const offset = (q.page - 1) * q.pageSize;
  const countOver = async (items: SQL) => {
    const [row] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from (
          select 1 from ${items} ${joinOrganization} where ${where} limit ${BOARD_TOTAL_CAP + 1}
        ) m`,
    );
    return Number(row?.n ?? 0);
  };
  // Only words need the probe: without them the count walks a sort index, whose entries hold the day, the
  // owner, kind and type, without reading the rows.
  const common =
    q.q !== undefined &&
    (await countOver(
      sql`(select * from board_items where status = 'published' limit ${BOARD_COUNT_PROBE}) i`,
    )) > BOARD_TOTAL_CAP;
  const pageStatement = sql`with page as (
      select i.id from board_items i ${joinOrganization} where ${where}
      order by ${order} limit ${q.pageSize} offset ${offset}
    )
    ${itemSelect}
    from page join board_items i on i.id = page.id join organizations o on o.id = i.organization_id
    order by ${order}`;
  if (common) {
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_bitmapscan = off`);
      return rowsOf<ItemRow>(tx, pageStatement);
    });
    return { rows, total: BOARD_TOTAL_CAP, totalIsLowerBound: true };
  }
  const rows = await rowsOf<ItemRow>(db, pageStatement);
  if (rows.length > 0 && rows.length < q.pageSize) {
    return { rows, total: offset + rows.length, totalIsLowerBound: false };
  }
  const n = await countOver(sql`board_items i`);
  return n > BOARD_TOTAL_CAP
    ? { rows, total: BOARD_TOTAL_CAP, totalIsLowerBound: true }
    : { rows, total: n, totalIsLowerBound: false };
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

/** Items on the board per kind and type, and per area. */
export async function countOnBoard(db: Db, today: string) {
  const byType = await rowsOf<{ kind: BoardItemKind; type: BoardItemType; count: number }>(
    db,
    sql`select i.kind, i.type, count(*)::int as count from board_items i where ${onBoard(today)}
      group by i.kind, i.type order by i.kind, i.type`,
  );
  const byArea = await rowsOf<{ id: string; name_bg: string; name_en: string; count: number }>(
    db,
    sql`select a.id, a.name_bg, a.name_en, count(*)::int as count
      from board_items i join board_item_areas ba on ba.item_id = i.id join areas a on a.id = ba.area_id
      where ${onBoard(today)} group by a.id, a.name_bg, a.name_en, a.position order by a.position, a.id`,
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
