import {
  and,
  boardItemAreas,
  conversationDigests,
  conversationMessages,
  conversationReads,
  conversationSettings,
  conversations,
  type Db,
  eq,
  isoTimestamp,
  parseJson,
  partnershipAreas,
  partnerships,
  rowsOf,
  type SQL,
  sql,
  userOrganizations,
  users,
} from '@portal/db';
import type { ConversationStatus, ProposalEnding } from '@portal/shared';
import { containsPattern } from '../../db.ts';

/**
 * Conversations in the database (decision 036). Writes use the builder; the lists with their unread
 * counts and names are one raw statement each (the board's convention, decision 029).
 */

const idList = (ids: readonly string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** One conversation as the read statements answer it, for a reader representing `orgIds`. */
export interface ConversationRow extends Record<string, unknown> {
  id: string;
  item_id: string;
  item_title_bg: string;
  item_title_en: string;
  item_kind: 'offer' | 'request';
  owner_organization_id: string;
  owner_name_bg: string;
  owner_name_en: string;
  interested_organization_id: string;
  interested_name_bg: string;
  interested_name_en: string;
  status: ConversationStatus;
  agreed_proposed_by_organization_id: string | null;
  agreed_proposed_at: string | null;
  agreed_confirmed_at: string | null;
  proposal_ended: ProposalEnding | null;
  proposal_ended_by_organization_id: string | null;
  proposal_ended_at: string | null;
  decline_reason: string | null;
  last_message_at: string;
  created_at: string;
  version: number;
  my_side: 'owner' | 'interested';
  unread: number;
  total: number;
}

/** The conversations of `orgIds` (with the reader's unread count), newest activity first. */
function conversationSelect(userId: string, orgIds: readonly string[], total: SQL = sql`0`): SQL {
  const mine = idList(orgIds);
  return sql`
    select c.id, c.item_id, i.title_bg as item_title_bg, i.title_en as item_title_en, i.kind as item_kind,
      c.owner_organization_id, oo.name_bg as owner_name_bg, oo.name_en as owner_name_en,
      c.interested_organization_id, io.name_bg as interested_name_bg, io.name_en as interested_name_en,
      c.status, c.agreed_proposed_by_organization_id,
      ${isoTimestamp(sql`c.agreed_proposed_at`)} as agreed_proposed_at,
      ${isoTimestamp(sql`c.agreed_confirmed_at`)} as agreed_confirmed_at,
      c.proposal_ended, c.proposal_ended_by_organization_id,
      ${isoTimestamp(sql`c.proposal_ended_at`)} as proposal_ended_at, c.decline_reason,
      ${isoTimestamp(sql`c.last_message_at`)} as last_message_at,
      ${isoTimestamp(sql`c.created_at`)} as created_at, c.version,
      case when c.owner_organization_id in (${mine}) then 'owner' else 'interested' end as my_side,
      (select count(*)::int from conversation_messages m
        where m.conversation_id = c.id
          and m.author_organization_id <> case when c.owner_organization_id in (${mine})
            then c.owner_organization_id else c.interested_organization_id end
          and m.created_at > coalesce((select r.last_read_at from conversation_reads r
            where r.conversation_id = c.id and r.user_id = ${userId}), '-infinity'::timestamptz)) as unread,
      ${total} as total
    from conversations c
      join board_items i on i.id = c.item_id
      join organizations oo on oo.id = c.owner_organization_id
      join organizations io on io.id = c.interested_organization_id`;
}

const sideFilter = (orgIds: readonly string[]) =>
  sql`(c.owner_organization_id in (${idList(orgIds)}) or c.interested_organization_id in (${idList(orgIds)}))`;

export async function findConversationPage(
  db: Db,
  userId: string,
  orgIds: readonly string[],
  page: number,
  pageSize: number,
): Promise<ConversationRow[]> {
  if (!orgIds.length) return [];
  return rowsOf<ConversationRow>(
    db,
    sql`${conversationSelect(userId, orgIds, sql`count(*) over ()::int`)}
      where ${sideFilter(orgIds)}
      order by c.last_message_at desc, c.id
      limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
}

/** One conversation if the reader represents one of its sides (undefined otherwise: "not found"). */
export async function findConversation(
  db: Db,
  userId: string,
  orgIds: readonly string[],
  id: string,
): Promise<ConversationRow | undefined> {
  if (!orgIds.length) return undefined;
  const [row] = await rowsOf<ConversationRow>(
    db,
    sql`${conversationSelect(userId, orgIds)} where c.id = ${id} and ${sideFilter(orgIds)}`,
  );
  return row;
}

/** The reader's unread messages over all their organisations' conversations. */
export async function countUnread(db: Db, userId: string, orgIds: readonly string[]): Promise<number> {
  if (!orgIds.length) return 0;
  const [row] = await rowsOf<{ total: number }>(
    db,
    sql`select coalesce(sum(unread), 0)::int as total from (${conversationSelect(userId, orgIds)}
      where ${sideFilter(orgIds)}) t`,
  );
  return Number(row?.total ?? 0);
}

export interface MessageRow extends Record<string, unknown> {
  id: string;
  author_user_id: string | null;
  author_name: string | null;
  author_organization_id: string;
  body: string;
  created_at: string;
}

/** A conversation's messages, oldest first; an erased writer has no name. */
export async function findMessages(db: Db, conversationId: string): Promise<MessageRow[]> {
  return rowsOf<MessageRow>(
    db,
    sql`select m.id, m.author_user_id,
        case when u.erased_at is null then u.display_name end as author_name,
        m.author_organization_id, m.body, ${isoTimestamp(sql`m.created_at`)} as created_at
      from conversation_messages m left join users u on u.id = m.author_user_id
      where m.conversation_id = ${conversationId}
      order by m.created_at, m.id`,
  );
}

export type NewConversation = typeof conversations.$inferInsert;

/** Opens the conversation unless one exists for the item and organisation: its id, or null (it exists). */
export async function insertConversationIfAbsent(db: Db, values: NewConversation): Promise<string | null> {
  const rows = await db
    .insert(conversations)
    .values(values)
    .onConflictDoNothing({ target: [conversations.itemId, conversations.interestedOrganizationId] })
    .returning({ id: conversations.id });
  return rows[0]?.id ?? null;
}

export async function findConversationIdFor(
  db: Db,
  itemId: string,
  interestedOrganizationId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.itemId, itemId),
        eq(conversations.interestedOrganizationId, interestedOrganizationId),
      ),
    );
  return row?.id;
}

/** The stored conversation, locked for the transaction. */
export async function lockConversation(db: Db, id: string) {
  const [row] = await db.select().from(conversations).where(eq(conversations.id, id)).for('update');
  return row;
}
export type StoredConversation = NonNullable<Awaited<ReturnType<typeof lockConversation>>>;

export async function updateConversation(
  db: Db,
  id: string,
  version: number,
  values: Partial<NewConversation>,
): Promise<boolean> {
  const rows = await db
    .update(conversations)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${conversations.version} + 1` })
    .where(and(eq(conversations.id, id), eq(conversations.version, version)))
    .returning({ id: conversations.id });
  return rows.length === 1;
}

export async function insertMessage(
  db: Db,
  values: { conversationId: string; authorUserId: string; authorOrganizationId: string; body: string },
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await db
    .insert(conversationMessages)
    .values(values)
    .returning({ id: conversationMessages.id, createdAt: conversationMessages.createdAt });
  await db
    .update(conversations)
    .set({ lastMessageAt: row!.createdAt })
    .where(eq(conversations.id, values.conversationId));
  return row!;
}

/** Marks everything in the conversation up to `at` read by the user. */
export async function markRead(db: Db, conversationId: string, userId: string, at: SQL | Date = sql`now()`) {
  await db
    .insert(conversationReads)
    .values({ conversationId, userId, lastReadAt: at as Date })
    .onConflictDoUpdate({
      target: [conversationReads.conversationId, conversationReads.userId],
      set: { lastReadAt: sql`greatest(${conversationReads.lastReadAt}, excluded.last_read_at)` },
    });
}

// ---------- partnerships ----------

export async function insertPartnership(
  db: Db,
  values: typeof partnerships.$inferInsert,
  itemId: string,
): Promise<string> {
  const [row] = await db.insert(partnerships).values(values).returning({ id: partnerships.id });
  const areas = await db
    .select({ areaId: boardItemAreas.areaId })
    .from(boardItemAreas)
    .where(eq(boardItemAreas.itemId, itemId));
  if (areas.length) {
    await db
      .insert(partnershipAreas)
      .values(areas.map((a) => ({ partnershipId: row!.id, areaId: a.areaId })));
  }
  return row!.id;
}

export async function findPartnershipOfConversation(db: Db, conversationId: string) {
  const [row] = await db.select().from(partnerships).where(eq(partnerships.conversationId, conversationId));
  return row;
}

export async function lockPartnership(db: Db, id: string) {
  const [row] = await db.select().from(partnerships).where(eq(partnerships.id, id)).for('update');
  return row;
}

export async function updatePartnership(
  db: Db,
  id: string,
  values: Partial<typeof partnerships.$inferInsert>,
) {
  await db
    .update(partnerships)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${partnerships.version} + 1` })
    .where(eq(partnerships.id, id));
}

interface AreaRef {
  id: string;
  nameBg: string;
  nameEn: string;
}

export interface PartnershipRow extends Record<string, unknown> {
  id: string;
  conversation_id: string;
  partner_id: string;
  partner_name_bg: string;
  partner_name_en: string;
  agreed_at: string;
  my_consent: boolean;
  other_consent: boolean;
  areas: AreaRef[] | string;
}

/** The partnerships of an organisation, seen from its side; `publicOnly`: both sides consented. */
export async function findPartnerships(
  db: Db,
  organizationId: string,
  publicOnly: boolean,
): Promise<PartnershipRow[]> {
  return rowsOf<PartnershipRow>(
    db,
    sql`select p.id, p.conversation_id, o.id as partner_id, o.name_bg as partner_name_bg,
        o.name_en as partner_name_en, ${isoTimestamp(sql`p.agreed_at`)} as agreed_at,
        case when p.owner_organization_id = ${organizationId} then p.owner_consent_at is not null
          else p.partner_consent_at is not null end as my_consent,
        case when p.owner_organization_id = ${organizationId} then p.partner_consent_at is not null
          else p.owner_consent_at is not null end as other_consent,
        (select coalesce(json_agg(json_build_object('id', a.id, 'nameBg', a.name_bg, 'nameEn', a.name_en)
            order by a.position, a.id), '[]'::json)
          from partnership_areas pa join areas a on a.id = pa.area_id where pa.partnership_id = p.id) as areas
      from partnerships p
        join organizations o on o.id = case when p.owner_organization_id = ${organizationId}
          then p.partner_organization_id else p.owner_organization_id end
      where (p.owner_organization_id = ${organizationId} or p.partner_organization_id = ${organizationId})
        ${publicOnly ? sql`and p.owner_consent_at is not null and p.partner_consent_at is not null` : sql``}
      order by p.agreed_at desc, p.id`,
  );
}

export const areasOfPartnership = (row: PartnershipRow): AreaRef[] => parseJson<AreaRef[]>(row.areas);

// ---------- settings, recipients, digests ----------

export async function emailsEnabled(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ enabled: conversationSettings.emailsEnabled })
    .from(conversationSettings)
    .where(eq(conversationSettings.userId, userId));
  return row?.enabled ?? true;
}

export async function setEmailsEnabled(db: Db, userId: string, enabled: boolean): Promise<void> {
  await db
    .insert(conversationSettings)
    .values({ userId, emailsEnabled: enabled })
    .onConflictDoUpdate({
      target: conversationSettings.userId,
      set: { emailsEnabled: enabled, updatedAt: sql`now()` },
    });
}

export interface RecipientRow extends Record<string, unknown> {
  user_id: string;
  email: string;
  display_name: string;
  language: 'bg' | 'en';
  last_sent_at: string | null;
  /** Within the hour after the last email: wait for the next digest. */
  recently_emailed: boolean;
  next_digest_at: string | null;
}

/**
 * The representatives of `organizationId` to email about the conversation: enabled, not erased, emails
 * not turned off; with when they were last emailed about it.
 */
export async function findDigestRecipients(
  db: Db,
  conversationId: string,
  organizationId: string,
): Promise<RecipientRow[]> {
  return rowsOf<RecipientRow>(
    db,
    sql`select u.id as user_id, u.email, u.display_name, u.language,
        ${isoTimestamp(sql`d.last_sent_at`)} as last_sent_at,
        coalesce(d.last_sent_at > now() - interval '1 hour', false) as recently_emailed,
        ${isoTimestamp(sql`(d.last_sent_at + interval '1 hour')`)} as next_digest_at
      from users u
        join user_organizations uo on uo.user_id = u.id and uo.organization_id = ${organizationId}
        left join conversation_settings s on s.user_id = u.id
        left join conversation_digests d on d.conversation_id = ${conversationId} and d.user_id = u.id
      where u.disabled_at is null and u.erased_at is null and coalesce(s.emails_enabled, true)
      order by u.email`,
  );
}

/**
 * The representatives of `organizationId` to email about a step of "agreed": enabled and not erased (the
 * new-message switch does not apply, decision 036).
 */
export async function findAgreementRecipients(db: Db, organizationId: string) {
  return rowsOf<{ email: string; display_name: string; language: 'bg' | 'en' }>(
    db,
    sql`select u.email, u.display_name, u.language
      from users u join user_organizations uo on uo.user_id = u.id and uo.organization_id = ${organizationId}
      where u.disabled_at is null and u.erased_at is null
      order by u.email`,
  );
}

/**
 * The other side's messages `userId` has neither read nor been emailed about (oldest first, at most 20
 * shown in a digest), with the count.
 */
export async function findPendingMessages(
  db: Db,
  conversationId: string,
  userId: string,
  ownOrganizationId: string,
) {
  return rowsOf<{ body: string; author_name: string | null; created_at: string; total: number }>(
    db,
    sql`select m.body, case when u.erased_at is null then u.display_name end as author_name,
        ${isoTimestamp(sql`m.created_at`)} as created_at, count(*) over ()::int as total
      from conversation_messages m left join users u on u.id = m.author_user_id
      where m.conversation_id = ${conversationId} and m.author_organization_id <> ${ownOrganizationId}
        and m.created_at > greatest(
          coalesce((select last_sent_at from conversation_digests d
            where d.conversation_id = ${conversationId} and d.user_id = ${userId}), '-infinity'::timestamptz),
          coalesce((select last_read_at from conversation_reads r
            where r.conversation_id = ${conversationId} and r.user_id = ${userId}), '-infinity'::timestamptz))
      order by m.created_at, m.id limit 20`,
  );
}

export async function recordDigestSent(db: Db, conversationId: string, userId: string): Promise<void> {
  await db
    .insert(conversationDigests)
    .values({ conversationId, userId, lastSentAt: sql`now()` as unknown as Date })
    .onConflictDoUpdate({
      target: [conversationDigests.conversationId, conversationDigests.userId],
      set: { lastSentAt: sql`now()` },
    });
}

/** Is a later digest of the conversation already waiting in the outbox? */
export async function digestPending(db: Db, conversationId: string): Promise<boolean> {
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from outbox_events
      where type = 'conversation.digest' and dispatched_at is null and failed_at is null
        and payload->>'conversationId' = ${conversationId}`,
  );
  return Number(row?.n ?? 0) > 0;
}

export async function representativeIds(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userOrganizations, eq(userOrganizations.userId, users.id))
    .where(eq(userOrganizations.organizationId, organizationId));
  return rows.map((r) => r.id);
}

// ---------- moderation ----------

export interface ModeratedRow extends Record<string, unknown> {
  id: string;
  item_id: string;
  owner_organization_id: string;
  owner_name_bg: string;
  owner_name_en: string;
  interested_organization_id: string;
  interested_name_bg: string;
  interested_name_en: string;
  item_title_bg: string;
  item_title_en: string;
  status: ConversationStatus;
  created_at: string;
  last_message_at: string;
  message_count: number;
  total: number;
}

export interface ModerationFilter {
  organizationId?: string | undefined;
  status?: ConversationStatus | undefined;
  /**
   * Words matched against the two organisations' names and the item's title — never against messages,
   * so a search cannot tell an administrator what anyone wrote.
   */
  q?: string | undefined;
}

function moderationWhere(f: ModerationFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.organizationId) {
    parts.push(
      sql`(c.owner_organization_id = ${f.organizationId} or c.interested_organization_id = ${f.organizationId})`,
    );
  }
  if (f.status) parts.push(sql`c.status = ${f.status}`);
  for (const word of (f.q ?? '').split(/\s+/).filter(Boolean)) {
    const p = containsPattern(word);
    parts.push(
      sql`(oo.name_bg ilike ${p} or oo.name_en ilike ${p} or io.name_bg ilike ${p} or io.name_en ilike ${p}
        or i.title_bg ilike ${p} or i.title_en ilike ${p})`,
    );
  }
  return sql.join(parts, sql` and `);
}

/** Every conversation, without a word of its text: who, about which item, when, how many messages. */
export async function findModerationPage(
  db: Db,
  page: number,
  pageSize: number,
  filter: ModerationFilter = {},
): Promise<ModeratedRow[]> {
  return rowsOf<ModeratedRow>(
    db,
    sql`select c.id, c.item_id, c.owner_organization_id, oo.name_bg as owner_name_bg, oo.name_en as owner_name_en,
        c.interested_organization_id, io.name_bg as interested_name_bg, io.name_en as interested_name_en,
        i.title_bg as item_title_bg, i.title_en as item_title_en, c.status, ${isoTimestamp(sql`c.created_at`)} as created_at,
        ${isoTimestamp(sql`c.last_message_at`)} as last_message_at,
        (select count(*)::int from conversation_messages m where m.conversation_id = c.id) as message_count,
        count(*) over ()::int as total
      from conversations c
        join organizations oo on oo.id = c.owner_organization_id
        join organizations io on io.id = c.interested_organization_id
        join board_items i on i.id = c.item_id
      where ${moderationWhere(filter)}
      order by c.last_message_at desc, c.id
      limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
}

/** The two sides' names and the item's titles, for the digest. */
export async function findConversationForDigest(tx: Db, conversationId: string) {
  const [row] = await rowsOf<{
    owner_organization_id: string;
    interested_organization_id: string;
    owner_bg: string;
    owner_en: string;
    interested_bg: string;
    interested_en: string;
    title_bg: string;
    title_en: string;
    decline_reason: string | null;
  }>(
    tx,
    sql`select c.owner_organization_id, c.interested_organization_id, oo.name_bg as owner_bg,
        oo.name_en as owner_en, io.name_bg as interested_bg, io.name_en as interested_en,
        i.title_bg, i.title_en, c.decline_reason
      from conversations c join board_items i on i.id = c.item_id
        join organizations oo on oo.id = c.owner_organization_id
        join organizations io on io.id = c.interested_organization_id
      where c.id = ${conversationId}`,
  );
  if (!row) return null;
  return {
    owner_organization_id: row.owner_organization_id,
    interested_organization_id: row.interested_organization_id,
    owner: { nameBg: row.owner_bg, nameEn: row.owner_en },
    interested: { nameBg: row.interested_bg, nameEn: row.interested_en },
    item: { titleBg: row.title_bg, titleEn: row.title_en },
    decline_reason: row.decline_reason,
  };
}
