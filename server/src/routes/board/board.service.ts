import type { Db } from '@portal/db';
import {
  type BoardAction,
  type BoardItem,
  type BoardItemCloseBody,
  type BoardItemCreateBody,
  type BoardItemPublishBody,
  type BoardItemRevisionsResponse,
  type BoardItemStatus,
  type BoardItemSummary,
  type BoardItemUpdateBody,
  type BoardListQuery,
  type BoardListResponse,
  BoardRevisionContentSchema,
  type BoardTeaserResponse,
  boardItemStatusAfter,
  canPostToBoard,
  defaultValidUntil,
  effectiveBoardStatus,
  isOnBoard,
  type OwnBoardItemsResponse,
  todayInSofia,
  validUntilProblem,
} from '@portal/shared';
import type { SignedInActor } from '../../audit.ts';
import { recordAudit } from '../../audit.ts';
import { AppError, fieldError } from '../../errors.ts';
import {
  areasOf,
  countOnBoard,
  findAreaIds,
  findBoardPage,
  findItem,
  findLatestPublic,
  findMembership,
  findOrganizationItems,
  findRevisions,
  type ItemRow,
  insertItem,
  insertRevision,
  itemOfOrganization,
  knownAreaIds,
  lockItem,
  replaceAreas,
  type StoredItem,
  updateItem,
} from './board.repository.ts';

/**
 * The cooperation board (issue 14 §1, decision 033). Who may post is decided twice: by the route's
 * permission (`board.post`, from the memberships read with the session) and again inside the transaction
 * on the organisation's membership row (shared `canPostToBoard`), so a suspension committed a moment
 * earlier is never missed. Lists apply the same rule at read time: an item leaves every list the moment
 * its organisation stops being an active member, and the day after its `validUntil` (expired; no job).
 */

const notFound = () => new AppError('board.item_not_found', 404);

function summaryOf(row: ItemRow, today: string): BoardItemSummary {
  return {
    id: row.id,
    organization: {
      id: row.organization_id,
      nameBg: row.organization_name_bg,
      nameEn: row.organization_name_en,
      kind: row.organization_kind,
    },
    kind: row.kind,
    type: row.type,
    titleBg: row.title_bg,
    titleEn: row.title_en,
    areas: areasOf(row),
    naceCode: row.nace_code,
    validUntil: row.valid_until,
    visibility: row.visibility,
    status: effectiveBoardStatus(row.status, row.valid_until, today),
    publishedAt: row.published_at,
  };
}

function itemOf(row: ItemRow, today: string): BoardItem {
  return {
    ...summaryOf(row, today),
    descriptionBg: row.description_bg,
    descriptionEn: row.description_en,
    closeOutcome: row.close_outcome,
    closeNote: row.close_note,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
    revisionCount: Number(row.revision_count),
  };
}

// ---------- reading ----------

export async function listBoard(
  db: Db,
  q: BoardListQuery,
  today = todayInSofia(),
): Promise<BoardListResponse> {
  const { rows, total, totalIsLowerBound } = await findBoardPage(db, q, today);
  return {
    items: rows.map((r) => summaryOf(r, today)),
    total,
    totalIsLowerBound,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * One item for a reader: any item on the board now; the reader's own organisation's items (for a
 * representative of an active member) in every status. Anything else is "not found".
 */
export async function getBoardItem(
  db: Db,
  id: string,
  ownOrganizationIds: readonly string[],
  today = todayInSofia(),
): Promise<BoardItem> {
  const row = await findItem(db, id);
  if (!row) throw notFound();
  if (!ownOrganizationIds.includes(row.organization_id)) {
    const m = await findMembership(db, row.organization_id);
    if (!isOnBoard({ status: row.status, validUntil: row.valid_until }, m, today)) throw notFound();
  }
  return itemOf(row, today);
}

export async function organizationBoardItems(
  db: Db,
  organizationId: string,
  today = todayInSofia(),
): Promise<OwnBoardItemsResponse> {
  const rows = await findOrganizationItems(db, organizationId);
  return { items: rows.map((r) => itemOf(r, today)) };
}

/**
 * An item's history: the content before each edit, oldest first. For its organisation's representatives
 * and the committee (the route's `organization.history`); an item of another organisation is not found.
 */
export async function boardItemRevisions(
  db: Db,
  organizationId: string,
  itemId: string,
): Promise<BoardItemRevisionsResponse> {
  if (!(await itemOfOrganization(db, organizationId, itemId))) throw notFound();
  const rows = await findRevisions(db, itemId);
  return {
    items: rows.map((r) => ({
      version: r.version,
      editedAt: r.createdAt.toISOString(),
      // The stored snapshot is `contentOf` below; parsing keeps the answer to the contract.
      content: BoardRevisionContentSchema.parse(r.content),
    })),
  };
}

/** What a visitor sees: counts per type and area, and the latest public items (no description). */
export async function boardTeaser(
  db: Db,
  limit: number,
  today = todayInSofia(),
): Promise<BoardTeaserResponse> {
  const [{ byType, byArea }, latest] = await Promise.all([
    countOnBoard(db, today),
    findLatestPublic(db, today, limit),
  ]);
  return {
    total: byType.reduce((n, r) => n + Number(r.count), 0),
    byType: byType.map((r) => ({ kind: r.kind, type: r.type, count: Number(r.count) })),
    byArea: byArea.map((r) => ({ id: r.id, nameBg: r.name_bg, nameEn: r.name_en, count: Number(r.count) })),
    latest: latest.map((r) => ({
      id: r.id,
      kind: r.kind,
      type: r.type,
      titleBg: r.title_bg,
      titleEn: r.title_en,
      areas: areasOf(r),
      organization: { id: r.organization_id, nameBg: r.organization_name_bg, nameEn: r.organization_name_en },
      publishedAt: r.published_at,
    })),
  };
}

// ---------- writing ----------

/** The item's content as the audit and the revisions keep it. */
function contentOf(item: StoredItem, areaIds: string[]) {
  return {
    kind: item.kind,
    type: item.type,
    titleBg: item.titleBg,
    titleEn: item.titleEn,
    descriptionBg: item.descriptionBg,
    descriptionEn: item.descriptionEn,
    areaIds,
    naceCode: item.naceCode,
    validUntil: item.validUntil,
    visibility: item.visibility,
    status: item.status,
  };
}

async function requireMember(tx: Db, organizationId: string): Promise<void> {
  if (!canPostToBoard(await findMembership(tx, organizationId, true))) {
    throw new AppError('membership.inactive', 403);
  }
}

async function checkAreas(tx: Db, areaIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(areaIds)];
  const known = await knownAreaIds(tx, unique);
  unique.forEach((id) => {
    if (!known.has(id)) throw fieldError(`body.areaIds.${areaIds.indexOf(id)}`, 'board.area_unknown', { id });
  });
  return unique.sort();
}

function content(body: BoardItemCreateBody) {
  return {
    kind: body.kind,
    type: body.type,
    titleBg: body.titleBg,
    titleEn: body.titleEn,
    descriptionBg: body.descriptionBg,
    descriptionEn: body.descriptionEn,
    naceCode: body.naceCode,
    validUntil: body.validUntil,
    visibility: body.visibility,
  };
}

/** A stale version: 409 with the item as it is now, for the client to show instead of its copy. */
async function stale(tx: Db, id: string, today: string): Promise<never> {
  const row = await findItem(tx, id);
  throw new AppError('board.stale', 409, { extensions: { current: row ? itemOf(row, today) : null } });
}

/**
 * The prelude of every write on an item: the organisation may still post, the item is locked at the
 * version the author read, and `action` is open in its effective status. Returns the locked item, that
 * status and the status the action leads to.
 */
async function lockForAction(
  tx: Db,
  organizationId: string,
  id: string,
  version: number,
  action: BoardAction,
  today: string,
): Promise<{ item: StoredItem; status: BoardItemStatus; next: BoardItemStatus }> {
  await requireMember(tx, organizationId);
  const item = await lockItem(tx, organizationId, id);
  if (!item) throw notFound();
  if (item.version !== version) await stale(tx, id, today);
  const status = effectiveBoardStatus(item.status, item.validUntil, today);
  const next = boardItemStatusAfter(status, action);
  if (next === null) throw new AppError('board.transition_invalid', 409, { values: { status } });
  return { item, status, next };
}

export async function createBoardItem(
  db: Db,
  actor: SignedInActor,
  organizationId: string,
  body: BoardItemCreateBody,
  today = todayInSofia(),
): Promise<BoardItem> {
  const id = await db.transaction(async (tx) => {
    await requireMember(tx, organizationId);
    const areaIds = await checkAreas(tx, body.areaIds);
    const itemId = await insertItem(tx, {
      organizationId,
      ...content(body),
      status: 'draft',
      createdBy: actor.userId,
    });
    await replaceAreas(tx, itemId, areaIds);
    await recordAudit(tx, actor, {
      action: 'board.item_created',
      entityType: 'board_item',
      entityId: itemId,
      after: { organizationId, ...content(body), areaIds, status: 'draft' },
    });
    return itemId;
  });
  return itemOf((await findItem(db, id))!, today);
}

/**
 * Edits an item at the version the author read. A published (or expired) item keeps its content before
 * the edit as a revision, and an edit of an expired item with a new date puts it back on the board.
 */
export async function updateBoardItem(
  db: Db,
  actor: SignedInActor,
  organizationId: string,
  id: string,
  body: BoardItemUpdateBody,
  today = todayInSofia(),
): Promise<BoardItem> {
  await db.transaction(async (tx) => {
    const { item, next } = await lockForAction(tx, organizationId, id, body.version, 'edit', today);
    const areaIds = await checkAreas(tx, body.areaIds);
    const values = content(body);
    if (next === 'published' && values.validUntil === null) {
      // A published item always has a last day: keep its own unless it has passed.
      values.validUntil =
        item.validUntil && item.validUntil >= today ? item.validUntil : defaultValidUntil(today);
    }
    const beforeAreas = await findAreaIds(tx, id);
    const before = contentOf(item, beforeAreas);
    if (item.status !== 'draft') {
      await insertRevision(tx, {
        itemId: id,
        version: item.version,
        content: before,
        editedBy: actor.userId,
      });
    }
    if (!(await updateItem(tx, id, body.version, { ...values, status: next }))) await stale(tx, id, today);
    await replaceAreas(tx, id, areaIds);
    await recordAudit(tx, actor, {
      action: 'board.item_updated',
      entityType: 'board_item',
      entityId: id,
      before,
      after: { ...values, areaIds, status: next },
    });
  });
  return itemOf((await findItem(db, id))!, today);
}

/** Publishes a draft: on the board from now until its day (90 days when it names none). */
export async function publishBoardItem(
  db: Db,
  actor: SignedInActor,
  organizationId: string,
  id: string,
  body: BoardItemPublishBody,
  today = todayInSofia(),
): Promise<BoardItem> {
  await db.transaction(async (tx) => {
    const { item } = await lockForAction(tx, organizationId, id, body.version, 'publish', today);
    const validUntil = item.validUntil ?? defaultValidUntil(today);
    const problem = validUntilProblem(validUntil, today);
    // A draft's date may have passed while it waited: the author picks a new one.
    if (problem) throw fieldError('body.validUntil', problem);
    await updateItem(tx, id, body.version, {
      status: 'published',
      validUntil,
      publishedAt: new Date(),
    });
    await recordAudit(tx, actor, {
      action: 'board.item_published',
      entityType: 'board_item',
      entityId: id,
      before: { status: item.status, validUntil: item.validUntil },
      after: { status: 'published', validUntil },
    });
  });
  return itemOf((await findItem(db, id))!, today);
}

/** Closes a published or expired item with its outcome. */
export async function closeBoardItem(
  db: Db,
  actor: SignedInActor,
  organizationId: string,
  id: string,
  body: BoardItemCloseBody,
  today = todayInSofia(),
): Promise<BoardItem> {
  await db.transaction(async (tx) => {
    const { status } = await lockForAction(tx, organizationId, id, body.version, 'close', today);
    const note = body.note === '' ? null : body.note;
    await updateItem(tx, id, body.version, {
      status: 'closed',
      closeOutcome: body.outcome,
      closeNote: note,
      closedAt: new Date(),
    });
    await recordAudit(tx, actor, {
      action: 'board.item_closed',
      entityType: 'board_item',
      entityId: id,
      before: { status },
      after: { status: 'closed', outcome: body.outcome, note },
    });
  });
  return itemOf((await findItem(db, id))!, today);
}
