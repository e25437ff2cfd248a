import { type Db, outboxEvents, sql } from '@portal/db';
import {
  type AgreeBody,
  type AgreementStep,
  type Conversation,
  type ConversationListQuery,
  type ConversationListResponse,
  type ConversationSummary,
  canPostToBoard,
  type DeclineBody,
  EMAILED_PAGES,
  type InterestBody,
  isOnBoard,
  type ModeratedConversationListResponse,
  type ModerationQuery,
  type PartnershipListResponse,
  type Principal,
  type PublicPartner,
  todayInSofia,
} from '@portal/shared';
import type { SignedInActor } from '../../audit.ts';
import { recordAudit } from '../../audit.ts';
import { enqueueEmail } from '../../email/outbox.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { EventHandlers } from '../../events/events.ts';
import { recordEvent } from '../../events/events.ts';
import { findItem, findMembership } from '../board/board.repository.ts';
import {
  areasOfPartnership,
  type ConversationRow,
  countUnread,
  digestPending,
  emailsEnabled,
  findAgreementRecipients,
  findConversation,
  findConversationForDigest,
  findConversationIdFor,
  findConversationPage,
  findDigestRecipients,
  findMessages,
  findModerationPage,
  findPartnershipOfConversation,
  findPartnerships,
  findPendingMessages,
  insertConversationIfAbsent,
  insertMessage,
  insertPartnership,
  lockConversation,
  lockPartnership,
  markRead,
  recordDigestSent,
  type StoredConversation,
  setEmailsEnabled,
  updateConversation,
  updatePartnership,
} from './conversations.repository.ts';

/**
 * Private conversations about board items (issue 14 §2, decision 036). Only representatives of the two
 * organisations read or write them: every read goes through `findConversation`, which answers nothing
 * for anyone else (the committee and administrators included — they get `moderationList`, with no text).
 * Writing (a message, "agreed") needs the writer's side to be an active member now, checked in the
 * transaction on its membership row, as the board does.
 */

const notFound = () => new AppError('conversation.not_found', 404);

type Reader = Pick<Principal, 'id' | 'organizationIds' | 'memberOrganizationIds'>;

function summaryOf(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    item: { id: row.item_id, titleBg: row.item_title_bg, titleEn: row.item_title_en, kind: row.item_kind },
    owner: { id: row.owner_organization_id, nameBg: row.owner_name_bg, nameEn: row.owner_name_en },
    interested: {
      id: row.interested_organization_id,
      nameBg: row.interested_name_bg,
      nameEn: row.interested_name_en,
    },
    mySide: row.my_side,
    status: row.status,
    lastMessageAt: row.last_message_at,
    createdAt: row.created_at,
    unread: Number(row.unread),
  };
}

const sideOrg = (c: { owner_organization_id: string; interested_organization_id: string }, side: string) =>
  side === 'owner' ? c.owner_organization_id : c.interested_organization_id;

// ---------- reading ----------

export async function listConversations(
  db: Db,
  reader: Reader,
  q: ConversationListQuery,
): Promise<ConversationListResponse> {
  const rows = await findConversationPage(db, reader.id, reader.organizationIds, q.page, q.pageSize);
  return {
    items: rows.map(summaryOf),
    total: rows[0] ? Number(rows[0].total) : 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function unreadTotal(db: Db, reader: Reader): Promise<number> {
  return countUnread(db, reader.id, reader.organizationIds);
}

export async function getConversation(db: Db, reader: Reader, id: string): Promise<Conversation> {
  const row = await findConversation(db, reader.id, reader.organizationIds, id);
  if (!row) throw notFound();
  const [messages, partnership] = await Promise.all([
    findMessages(db, id),
    findPartnershipOfConversation(db, id),
  ]);
  const mine = row.my_side === 'owner';
  return {
    ...summaryOf(row),
    agreedProposedByOrganizationId: row.agreed_proposed_by_organization_id,
    agreedProposedAt: row.agreed_proposed_at,
    agreedConfirmedAt: row.agreed_confirmed_at,
    proposalEnded:
      row.proposal_ended && row.proposal_ended_at
        ? {
            action: row.proposal_ended,
            byOrganizationId: row.proposal_ended_by_organization_id,
            at: row.proposal_ended_at,
            reason: row.decline_reason,
          }
        : null,
    partnership: partnership
      ? {
          id: partnership.id,
          myConsent: (mine ? partnership.ownerConsentAt : partnership.partnerConsentAt) !== null,
          otherConsent: (mine ? partnership.partnerConsentAt : partnership.ownerConsentAt) !== null,
          agreedAt: partnership.agreedAt.toISOString(),
        }
      : null,
    messages: messages.map((m) => ({
      id: m.id,
      authorName: m.author_name,
      authorOrganizationId: m.author_organization_id,
      mine: m.author_user_id === reader.id,
      body: m.body,
      createdAt: m.created_at,
    })),
    version: Number(row.version),
  };
}

// ---------- writing ----------

/** The side of `stored` the reader writes for, which must be an active member now (locked). */
async function writerSide(tx: Db, reader: Reader, stored: StoredConversation) {
  const side = reader.organizationIds.includes(stored.ownerOrganizationId)
    ? 'owner'
    : reader.organizationIds.includes(stored.interestedOrganizationId)
      ? 'interested'
      : null;
  if (!side) throw notFound();
  const organizationId = side === 'owner' ? stored.ownerOrganizationId : stored.interestedOrganizationId;
  if (!canPostToBoard(await findMembership(tx, organizationId, true))) {
    throw new AppError('membership.inactive', 403);
  }
  return { side, organizationId } as const;
}

/**
 * "Interested" with a first message: opens the conversation between the item's organisation and the
 * reader's, or answers the one that exists (`created: false`; the message is then not added — the
 * client shows the conversation, where it can be sent). Concurrent presses meet at the unique index
 * (item, interested organisation): one insert wins, the others find its row.
 */
export async function expressInterest(
  db: Db,
  actor: SignedInActor,
  reader: Reader,
  itemId: string,
  body: InterestBody,
  today = todayInSofia(),
): Promise<{ conversation: Conversation; created: boolean }> {
  const item = await findItem(db, itemId);
  if (
    !item ||
    !isOnBoard(
      { status: item.status, validUntil: item.valid_until },
      await findMembership(db, item.organization_id),
      today,
    )
  ) {
    // Own items in other states are not on the board either: the same answer as the board's.
    if (!item || !reader.organizationIds.includes(item.organization_id)) {
      throw new AppError('board.item_not_found', 404);
    }
  }
  const candidates = reader.memberOrganizationIds.filter((id) => id !== item!.organization_id);
  let organizationId = body.organizationId;
  if (organizationId === undefined) {
    if (candidates.length === 0) {
      if (reader.organizationIds.includes(item!.organization_id))
        throw new AppError('conversation.own_item', 409);
      throw new AppError('membership.inactive', 403);
    }
    if (candidates.length > 1) throw fieldError('body.organizationId', 'conversation.organization_required');
    organizationId = candidates[0]!;
  } else if (organizationId === item!.organization_id) {
    throw new AppError('conversation.own_item', 409);
  } else if (!reader.memberOrganizationIds.includes(organizationId)) {
    throw fieldError('body.organizationId', 'conversation.organization_not_yours');
  }
  const interestedId = organizationId;

  const result = await db.transaction(async (tx) => {
    if (!canPostToBoard(await findMembership(tx, interestedId, true))) {
      throw new AppError('membership.inactive', 403);
    }
    // The item's organisation must still be on the board (its membership read under a share lock).
    const ownerMembership = await findMembership(tx, item!.organization_id, true);
    if (!isOnBoard({ status: item!.status, validUntil: item!.valid_until }, ownerMembership, today)) {
      throw new AppError('board.item_not_found', 404);
    }
    const id = await insertConversationIfAbsent(tx, {
      itemId,
      ownerOrganizationId: item!.organization_id,
      interestedOrganizationId: interestedId,
      openedBy: actor.userId,
    });
    if (!id) {
      const existing = await findConversationIdFor(tx, itemId, interestedId);
      return { id: existing!, created: false };
    }
    const message = await insertMessage(tx, {
      conversationId: id,
      authorUserId: actor.userId,
      authorOrganizationId: interestedId,
      body: body.body,
    });
    await markRead(tx, id, actor.userId, message.createdAt);
    await recordEvent(tx, { type: 'conversation.message', payload: { conversationId: id } });
    await recordAudit(tx, actor, {
      action: 'conversation.opened',
      entityType: 'conversation',
      entityId: id,
      // Never the text: the audit log is read by administrators, who must not read conversations.
      after: {
        itemId,
        ownerOrganizationId: item!.organization_id,
        interestedOrganizationId: interestedId,
        status: 'open',
        messageId: message.id,
      },
    });
    return { id, created: true };
  });
  return { conversation: await getConversation(db, reader, result.id), created: result.created };
}

export async function postMessage(
  db: Db,
  actor: SignedInActor,
  reader: Reader,
  id: string,
  text: string,
): Promise<Conversation> {
  await db.transaction(async (tx) => {
    const stored = await lockConversation(tx, id);
    if (!stored) throw notFound();
    const { organizationId } = await writerSide(tx, reader, stored);
    const message = await insertMessage(tx, {
      conversationId: id,
      authorUserId: actor.userId,
      authorOrganizationId: organizationId,
      body: text,
    });
    await markRead(tx, id, actor.userId, message.createdAt);
    await recordEvent(tx, { type: 'conversation.message', payload: { conversationId: id } });
    await recordAudit(tx, actor, {
      action: 'conversation.message_posted',
      entityType: 'conversation',
      entityId: id,
      after: { messageId: message.id, authorOrganizationId: organizationId, length: text.length },
    });
  });
  return getConversation(db, reader, id);
}

/** Marks the conversation read up to now for the reader (not audited: it changes nothing shared). */
export async function readConversation(db: Db, reader: Reader, id: string): Promise<void> {
  const row = await findConversation(db, reader.id, reader.organizationIds, id);
  if (!row) throw notFound();
  await markRead(db, id, reader.id);
}

/**
 * The prelude of proposing and confirming "agreed": the conversation locked, the reader one of its sides
 * that may write, and the version they read still the current one.
 */
async function lockForAgreement(tx: Db, reader: Reader, id: string, version: number) {
  const stored = await lockConversation(tx, id);
  if (!stored) throw notFound();
  const { organizationId } = await writerSide(tx, reader, stored);
  if (stored.version !== version) throw new AppError('conversation.stale', 409);
  return { stored, organizationId };
}

/** One side says "agreed: a partnership formed"; the other side confirms. */
export async function proposeAgreed(
  db: Db,
  actor: SignedInActor,
  reader: Reader,
  id: string,
  body: AgreeBody,
): Promise<Conversation> {
  await db.transaction(async (tx) => {
    const { stored, organizationId } = await lockForAgreement(tx, reader, id, body.version);
    if (stored.status !== 'open') {
      throw new AppError('conversation.transition_invalid', 409, { values: { status: stored.status } });
    }
    await updateConversation(tx, id, body.version, {
      status: 'agreed_proposed',
      agreedProposedByOrganizationId: organizationId,
      agreedProposedBy: actor.userId,
      agreedProposedAt: sql`now()` as unknown as Date,
      ...NO_ENDING,
    });
    await recordEvent(tx, {
      type: 'conversation.agreement',
      payload: { conversationId: id, action: 'proposed', byOrganizationId: organizationId },
    });
    await recordAudit(tx, actor, {
      action: 'conversation.agreed_proposed',
      entityType: 'conversation',
      entityId: id,
      before: { status: stored.status },
      after: { status: 'agreed_proposed', proposedByOrganizationId: organizationId },
    });
  });
  return getConversation(db, reader, id);
}

export async function confirmAgreed(
  db: Db,
  actor: SignedInActor,
  reader: Reader,
  id: string,
  body: AgreeBody,
): Promise<Conversation> {
  await db.transaction(async (tx) => {
    const { stored, organizationId } = await lockForAgreement(tx, reader, id, body.version);
    // Only the other side confirms what one side proposed.
    if (stored.status !== 'agreed_proposed' || stored.agreedProposedByOrganizationId === organizationId) {
      throw new AppError('conversation.transition_invalid', 409, { values: { status: stored.status } });
    }
    const at = new Date();
    await updateConversation(tx, id, body.version, {
      status: 'agreed',
      agreedConfirmedBy: actor.userId,
      agreedConfirmedAt: at,
    });
    const partnershipId = await insertPartnership(
      tx,
      {
        conversationId: id,
        ownerOrganizationId: stored.ownerOrganizationId,
        partnerOrganizationId: stored.interestedOrganizationId,
        agreedAt: at,
      },
      stored.itemId,
    );
    await recordEvent(tx, {
      type: 'conversation.agreement',
      payload: { conversationId: id, action: 'confirmed', byOrganizationId: organizationId },
    });
    await recordAudit(tx, actor, {
      action: 'conversation.agreed_confirmed',
      entityType: 'conversation',
      entityId: id,
      before: { status: stored.status },
      after: { status: 'agreed', partnershipId },
    });
  });
  return getConversation(db, reader, id);
}

const NO_ENDING = {
  proposalEnded: null,
  proposalEndedByOrganizationId: null,
  proposalEndedBy: null,
  proposalEndedAt: null,
  declineReason: null,
} as const;

/**
 * The proposal of "agreed" ends without a partnership and the conversation is open again: `withdrawn` by
 * the side that proposed it, `declined` (with an optional short reason) by the other side. Both take the
 * same lock and version check as proposing and confirming, so a proposal confirmed, withdrawn or declined
 * meanwhile answers 409 (`conversation.stale` for an old version; `conversation.no_proposal` when there
 * is nothing to end any more).
 */
async function endProposal(
  db: Db,
  actor: SignedInActor,
  reader: Reader,
  id: string,
  action: 'withdrawn' | 'declined',
  body: AgreeBody & { reason?: string | undefined },
): Promise<Conversation> {
  await db.transaction(async (tx) => {
    const { stored, organizationId } = await lockForAgreement(tx, reader, id, body.version);
    if (stored.status !== 'agreed_proposed') {
      throw new AppError('conversation.no_proposal', 409, { values: { status: stored.status } });
    }
    const ours = stored.agreedProposedByOrganizationId === organizationId;
    if (action === 'withdrawn' && !ours) throw new AppError('conversation.not_own_proposal', 409);
    if (action === 'declined' && ours) throw new AppError('conversation.own_proposal', 409);
    const reason = action === 'declined' ? (body.reason ?? null) : null;
    await updateConversation(tx, id, body.version, {
      status: 'open',
      agreedProposedByOrganizationId: null,
      agreedProposedBy: null,
      agreedProposedAt: null,
      proposalEnded: action,
      proposalEndedByOrganizationId: organizationId,
      proposalEndedBy: actor.userId,
      proposalEndedAt: sql`now()` as unknown as Date,
      declineReason: reason,
    });
    await recordEvent(tx, {
      type: 'conversation.agreement',
      payload: { conversationId: id, action, byOrganizationId: organizationId },
    });
    await recordAudit(tx, actor, {
      action: action === 'withdrawn' ? 'conversation.agreed_withdrawn' : 'conversation.agreed_declined',
      entityType: 'conversation',
      entityId: id,
      before: {
        status: stored.status,
        proposedByOrganizationId: stored.agreedProposedByOrganizationId,
        proposedAt: stored.agreedProposedAt?.toISOString() ?? null,
      },
      // Never the reason's text (administrators read the audit log): only whether there was one.
      after: {
        status: 'open',
        endedByOrganizationId: organizationId,
        ...(action === 'declined' ? { reasonLength: reason?.length ?? 0 } : {}),
      },
    });
  });
  return getConversation(db, reader, id);
}

/** The side that proposed "agreed" takes its proposal back. */
export function withdrawAgreed(db: Db, actor: SignedInActor, reader: Reader, id: string, body: AgreeBody) {
  return endProposal(db, actor, reader, id, 'withdrawn', body);
}

/** The other side declines the proposal, optionally saying why. */
export function declineAgreed(db: Db, actor: SignedInActor, reader: Reader, id: string, body: DeclineBody) {
  return endProposal(db, actor, reader, id, 'declined', body);
}

/** One side's consent to show the partnership on the public profiles ("partners in the cluster"). */
export async function setPartnershipConsent(
  db: Db,
  actor: SignedInActor,
  reader: Reader,
  partnershipId: string,
  shown: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await lockPartnership(tx, partnershipId);
    if (!p) throw new AppError('partnership.not_found', 404);
    const side = reader.organizationIds.includes(p.ownerOrganizationId)
      ? 'owner'
      : reader.organizationIds.includes(p.partnerOrganizationId)
        ? 'partner'
        : null;
    if (!side) throw new AppError('partnership.not_found', 404);
    const field = side === 'owner' ? 'ownerConsentAt' : 'partnerConsentAt';
    const before = p[field] !== null;
    if (before === shown) return;
    await updatePartnership(tx, partnershipId, { [field]: shown ? new Date() : null });
    await recordAudit(tx, actor, {
      action: 'partnership.consent_changed',
      entityType: 'partnership',
      entityId: partnershipId,
      before: { side, shown: before },
      after: { side, shown },
    });
  });
}

export async function organizationPartnerships(
  db: Db,
  organizationId: string,
): Promise<PartnershipListResponse> {
  const rows = await findPartnerships(db, organizationId, false);
  return {
    items: rows.map((r) => ({
      id: r.id,
      conversationId: r.conversation_id,
      partner: { id: r.partner_id, nameBg: r.partner_name_bg, nameEn: r.partner_name_en },
      agreedAt: r.agreed_at,
      areas: areasOfPartnership(r),
      myConsent: Boolean(r.my_consent),
      otherConsent: Boolean(r.other_consent),
    })),
  };
}

/** "Partners in the cluster" for a public profile: only partnerships both sides consented to show. */
export async function publicPartners(db: Db, organizationId: string): Promise<PublicPartner[]> {
  const rows = await findPartnerships(db, organizationId, true);
  return rows.map((r) => ({
    organization: { id: r.partner_id, nameBg: r.partner_name_bg, nameEn: r.partner_name_en },
    agreedAt: r.agreed_at,
    areas: areasOfPartnership(r),
  }));
}

// ---------- settings ----------

export async function conversationSettingsOf(db: Db, userId: string) {
  return { emailsEnabled: await emailsEnabled(db, userId) };
}

export async function changeConversationSettings(db: Db, actor: SignedInActor, enabled: boolean) {
  await db.transaction(async (tx) => {
    const before = await emailsEnabled(tx, actor.userId);
    if (before === enabled) return;
    await setEmailsEnabled(tx, actor.userId, enabled);
    await recordAudit(tx, actor, {
      action: 'conversation.email_setting_changed',
      entityType: 'user',
      entityId: actor.userId,
      before: { conversationEmails: before },
      after: { conversationEmails: enabled },
    });
  });
  return { emailsEnabled: enabled };
}

// ---------- moderation ----------

export async function moderationList(db: Db, q: ModerationQuery): Promise<ModeratedConversationListResponse> {
  const rows = await findModerationPage(db, q.page, q.pageSize, {
    organizationId: q.organizationId,
    status: q.status,
    q: q.q,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      itemId: r.item_id,
      item: { id: r.item_id, titleBg: r.item_title_bg, titleEn: r.item_title_en },
      owner: { id: r.owner_organization_id, nameBg: r.owner_name_bg, nameEn: r.owner_name_en },
      interested: {
        id: r.interested_organization_id,
        nameBg: r.interested_name_bg,
        nameEn: r.interested_name_en,
      },
      status: r.status,
      createdAt: r.created_at,
      lastMessageAt: r.last_message_at,
      messageCount: Number(r.message_count),
    })),
    total: rows[0] ? Number(rows[0].total) : 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

// ---------- emails: the digest ----------

/** Shortens a message for the digest email (the whole text is in the portal). */
function excerpt(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Emails the representatives of each side about the other side's messages they have neither read nor
 * been emailed about — at most one email per conversation and recipient per hour. A recipient emailed
 * within the hour gets nothing now; a `conversation.digest` event is then scheduled for when the hour is
 * over (one per conversation), and it sends whatever is still unread then.
 */
export async function sendConversationDigests(
  tx: Db,
  conversationId: string,
  publicUrl: string,
): Promise<void> {
  // One digest run per conversation at a time: two dispatchers handling two messages of the same
  // conversation would otherwise both see "not emailed within the hour" and both send.
  if (!(await lockConversation(tx, conversationId))) return;
  const row = await findConversationForDigest(tx, conversationId);
  if (!row) return;
  let nextDigestAt: string | null = null;
  for (const side of ['owner', 'interested'] as const) {
    const own = sideOrg(row, side);
    const other = side === 'owner' ? row.interested : row.owner;
    for (const r of await findDigestRecipients(tx, conversationId, own)) {
      const pending = await findPendingMessages(tx, conversationId, r.user_id, own);
      if (!pending.length) continue;
      if (r.recently_emailed) {
        if (!nextDigestAt || (r.next_digest_at && r.next_digest_at < nextDigestAt))
          nextDigestAt = r.next_digest_at;
        continue;
      }
      const lang = r.language;
      const unnamed = lang === 'en' ? 'erased person' : 'изтрито лице';
      await enqueueEmail(tx, {
        to: r.email,
        language: lang,
        template: 'conversation_digest',
        values: {
          name: r.display_name,
          organization: lang === 'en' ? other.nameEn : other.nameBg,
          item:
            (lang === 'en' ? row.item.titleEn || row.item.titleBg : row.item.titleBg || row.item.titleEn) ||
            '—',
          count: String(pending[0]!.total),
          messages: pending.map((m) => `— ${m.author_name ?? unnamed}:\n${excerpt(m.body)}`).join('\n\n'),
          link: `${publicUrl}${EMAILED_PAGES.conversation.href(conversationId)}`,
          settingsLink: `${publicUrl}${EMAILED_PAGES.accountNotifications.href()}`,
        },
      });
      await recordDigestSent(tx, conversationId, r.user_id);
    }
  }
  if (nextDigestAt && !(await digestPending(tx, conversationId))) {
    await tx.insert(outboxEvents).values({
      type: 'conversation.digest',
      payload: { conversationId },
      nextAttemptAt: new Date(nextDigestAt),
    });
  }
}

/**
 * Emails a step of "agreed" to the side that has to hear it: a proposal or its withdrawal to the other
 * side, a confirmation or a decline to the side that proposed. Every enabled, not erased representative
 * of that side, in their language — whatever their new-message switch says (decision 036: these are
 * rare and ask for, or report, a decision of the organisation). The decline reason is not quoted: the
 * email says whether there is one, to be read in the portal.
 */
export async function sendAgreementEmails(
  tx: Db,
  event: { conversationId: string; action: AgreementStep; byOrganizationId: string },
  publicUrl: string,
): Promise<void> {
  const row = await findConversationForDigest(tx, event.conversationId);
  if (!row) return;
  const actorSide = event.byOrganizationId === row.owner_organization_id ? 'owner' : 'interested';
  const actorOrg = actorSide === 'owner' ? row.owner : row.interested;
  const recipientsOrg = sideOrg(row, actorSide === 'owner' ? 'interested' : 'owner');
  for (const r of await findAgreementRecipients(tx, recipientsOrg)) {
    const lang = r.language;
    const reasonNote =
      event.action === 'declined' && row.decline_reason
        ? lang === 'en'
          ? '\n\nThey gave a reason; you can read it on the conversation page.'
          : '\n\nТе посочиха причина; можете да я прочетете на страницата на разговора.'
        : '';
    await enqueueEmail(tx, {
      to: r.email,
      language: lang,
      template: `conversation_agreement_${event.action}`,
      values: {
        name: r.display_name,
        organization: lang === 'en' ? actorOrg.nameEn : actorOrg.nameBg,
        item:
          (lang === 'en' ? row.item.titleEn || row.item.titleBg : row.item.titleBg || row.item.titleEn) ||
          '—',
        reasonNote,
        link: `${publicUrl}${EMAILED_PAGES.conversation.href(event.conversationId)}`,
      },
    });
  }
}

export const conversationHandlers: EventHandlers<
  'conversation.message' | 'conversation.digest' | 'conversation.agreement'
> = {
  async 'conversation.agreement'(tx, event, { publicUrl }) {
    await sendAgreementEmails(tx, event, publicUrl);
  },
  async 'conversation.message'(tx, event, { publicUrl }) {
    await sendConversationDigests(tx, event.conversationId, publicUrl);
  },
  async 'conversation.digest'(tx, event, { publicUrl }) {
    await sendConversationDigests(tx, event.conversationId, publicUrl);
  },
};
