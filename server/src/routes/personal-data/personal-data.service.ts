import type { Db, SQL } from '@portal/db';
import {
  type AccountExport,
  type AdminUser,
  type EraseAccountBody,
  erasedEmailFor,
  type OrganizationExport,
} from '@portal/shared';
import { type Actor, recordAudit, SYSTEM_ACTOR } from '../../audit.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import { clearRateLimit, hitRateLimit, type RateLimits } from '../../auth/rate-limit.ts';
import { tokenHash } from '../../auth/tokens.ts';
import { AppError, fieldError } from '../../errors.ts';
import { loadAdminUser } from '../../users.ts';
import { endPositionsOfErasedUser } from '../bodies/bodies.service.ts';
import { eraseRegistrationsOf } from '../news/events.service.ts';
import {
  anonymizeUser,
  applicationsOfOrganization,
  auditOfOrganization,
  clearContactsOfPerson,
  clearOrganizationContact,
  deleteAccessOf,
  deletePendingMailTo,
  deleteRateLimits,
  deleteSessionsOfUser,
  detachBoardItemsOf,
  detachCallInterestsOf,
  detachCommitteeRecordsOf,
  detachFromConversations,
  detachFromMeetings,
  detachFromProjects,
  dropContactsNaming,
  dropContactsOfApplicant,
  type ErasedUser,
  eraseInvitationsTo,
  eventsOfOrganizationApplications,
  findAccountExport,
  findOrganizationExport,
  findOrganizationsRepresentedAlone,
  findPasswordHash,
  findPhonesOf,
  findRowsMentioning,
  lockOrganizationContact,
  lockOrganizationsOf,
  lockUser as lockUserRow,
  redactMailTo,
  type Scrubbed,
  scrubbed,
  updateScrubbedRow,
} from './personal-data.repository.ts';

// ---------------------------------------------------------------------------------------------------
// Exports: plain JSON of the rows, with camelCase names chosen column by column, so nothing secret (a
// password hash, a session or token hash) or bulky (a document's or logo's bytes) can slip in (the
// sections are in personal-data.repository.ts).
// ---------------------------------------------------------------------------------------------------

export async function exportAccount(db: Db, userId: string): Promise<AccountExport> {
  const data = await findAccountExport(db, userId);
  if (!data) throw new AppError('user.not_found', 404);
  const { account, ...sections } = data;
  return {
    kind: 'account',
    exportedAt: new Date().toISOString(),
    account: account as AccountExport['account'],
    ...sections,
  };
}

export async function exportOrganization(db: Db, organizationId: string): Promise<OrganizationExport | null> {
  const data = await findOrganizationExport(db, organizationId);
  if (!data) return null;
  return { kind: 'organization', exportedAt: new Date().toISOString(), ...data };
}

/** `portal-account-2026-11-27.json`: what the download is saved as. */
export function exportFilename(what: string, now = new Date()): string {
  return `portal-${what}-${now.toISOString().slice(0, 10)}.json`;
}

// ---------------------------------------------------------------------------------------------------
// Erasure: the person's data is removed or overwritten; rows that record what the cluster decided
// (decisions, votes, audit events, application timelines) stay and point to the anonymous user row.
// ---------------------------------------------------------------------------------------------------

export const ERASED = '[erased]';

/**
 * What to scrub: values replaced where they are a whole string (as written; emails in any case), and the
 * ones also replaced wherever they appear in a text (an email, a name of two words or more, in any case).
 * A one-word value ("Admin", a position, a phone) is replaced only where it is the whole value, so a role
 * `admin` in a snapshot is never taken for a user called "Admin".
 */
interface Scrub {
  exact: string[];
  within: string[];
}

function scrubOf(values: (string | null | undefined)[]): Scrub {
  const exact = [
    ...new Set(
      values
        .map((v) => v?.trim() ?? '')
        .filter((v) => v.length >= 2)
        .map((v) => (v.includes('@') ? v.toLowerCase() : v)),
    ),
  ];
  const within = exact.filter((v) => v.includes('@') || (/\s/.test(v) && v.length >= 5));
  return { exact, within };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function scrubText(text: string, s: Scrub): string {
  const trimmed = text.trim();
  if (s.exact.includes(trimmed) || (trimmed.includes('@') && s.exact.includes(trimmed.toLowerCase()))) {
    return ERASED;
  }
  let out = text;
  for (const v of s.within) out = out.replace(new RegExp(escapeRegExp(v), 'gi'), ERASED);
  return out;
}

function scrubJson(value: unknown, s: Scrub): unknown {
  if (typeof value === 'string') return scrubText(value, s);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, s));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, s)]));
  }
  return value;
}

/**
 * Scrubs the values from the columns of `target` (json or text) in the rows `where` picks that mention
 * them. Returns how many rows changed.
 */
async function scrubColumns(tx: Db, target: Scrubbed, where: SQL | undefined, s: Scrub): Promise<number> {
  const rows = await findRowsMentioning(tx, target, where, s.exact);
  let changed = 0;
  for (const row of rows) {
    const after: Record<string, unknown> = {};
    for (const [column, before] of Object.entries(row.values)) {
      if (before === null || before === undefined) continue;
      const value = scrubJson(before, s);
      if (JSON.stringify(value) !== JSON.stringify(before)) after[column] = value;
    }
    if (Object.keys(after).length === 0) continue;
    await updateScrubbedRow(tx, target, row.id, after);
    changed++;
  }
  return changed;
}

/** Locks the user row (two erasures, or an erasure and an edit, serialise); refuses an erased one. */
async function lockUser(tx: Db, userId: string): Promise<ErasedUser> {
  const user = await lockUserRow(tx, userId);
  if (!user) throw new AppError('user.not_found', 404);
  if (user.erasedAt) throw new AppError('user.already_erased', 409);
  return user;
}

/**
 * Refuses when the user is the only representative of an organisation: it would be left with nobody to
 * act for it. The organisations are locked first, so a colleague removed at the same moment is seen.
 */
async function assertNotOnlyRepresentative(tx: Db, userId: string): Promise<void> {
  await lockOrganizationsOf(tx, userId);
  const alone = await findOrganizationsRepresentedAlone(tx, userId);
  if (alone.length > 0) {
    throw new AppError('account.only_representative', 409, {
      values: { names: alone.map((o) => `„${o.nameBg}“ (${o.nameEn})`).join(', ') },
    });
  }
}

/** What an erasure changed, for the audit event (counts only: no personal data). */
interface ErasureCounts {
  sessionsEnded: number;
  applicationsScrubbed: number;
  organizationContactsCleared: number;
  emailsDeleted: number;
  emailsRedacted: number;
  invitationsDeleted: number;
  boardItemsDetached: number;
  positionsEnded: number;
  eventRegistrationsDeleted: number;
}

/** Erases one user's personal data inside `tx` (the user row is already locked). */
async function eraseUserInTransaction(tx: Db, user: ErasedUser): Promise<ErasureCounts> {
  const email = user.email.toLowerCase();
  const placeholder = erasedEmailFor(user.id);
  // Their phone numbers, as given in their applications' contact sections and as their organisations'
  // contact person, are scrubbed with their name and address.
  const phones = await findPhonesOf(tx, user.id, email);
  const s = scrubOf([email, user.displayName, ...phones]);

  // The organisations whose contact person they are: the contact fields go.
  const contacts = await clearContactsOfPerson(tx, {
    userId: user.id,
    email,
    name: user.displayName.trim().toLowerCase(),
  });

  // Their applications keep the organisation's answers, not the contact person's.
  const apps = await dropContactsOfApplicant(tx, user.id);
  const scrubbedElsewhere = await scrubColumns(tx, scrubbed.applicationData, undefined, s);
  await scrubColumns(tx, scrubbed.applicationChanges, undefined, s);
  await scrubColumns(tx, scrubbed.applicationTexts, undefined, s);
  await scrubColumns(tx, scrubbed.auditSnapshots, undefined, s);
  await scrubColumns(tx, scrubbed.membershipReasons, undefined, s);
  await scrubColumns(tx, scrubbed.bookingReasons, undefined, s);
  // Board items keep the organisation's offer or request, not who wrote it (nor a name in their text).
  await scrubColumns(tx, scrubbed.boardItemTexts, undefined, s);
  await scrubColumns(tx, scrubbed.boardItemRevisions, undefined, s);
  const boardItemsDetached = await detachBoardItemsOf(tx, user.id);
  await detachCallInterestsOf(tx, user.id);
  await detachCommitteeRecordsOf(tx, user.id);
  // Their conversation messages stay readable for the other side, their name and address scrubbed from
  // every message (theirs and the others'), the author shown as an erased person.
  await scrubColumns(tx, scrubbed.conversationMessages, undefined, s);
  await scrubColumns(tx, scrubbed.declineReasons, undefined, s);
  await detachFromConversations(tx, user.id);

  // Mail to them: queued messages are dropped, sent ones kept as a record without their content.
  const dropped = await deletePendingMailTo(tx, email);
  const redacted = await redactMailTo(tx, email, placeholder, ERASED);
  await scrubColumns(tx, scrubbed.mails, undefined, s);

  // Invitations to their address: open ones go; settled ones keep the record under the placeholder.
  const invitations = await eraseInvitationsTo(tx, email, placeholder);

  // Their terms in the cluster's bodies end today and stay in the history, nameless with the account
  // (decision 039); the committee roles go with every other role just below.
  const positionsEnded = await endPositionsOfErasedUser(tx, user.id);
  await detachFromMeetings(tx, user.id, ERASED);
  await scrubColumns(tx, scrubbed.projectJoinMessages, undefined, s);
  await detachFromProjects(tx, user.id);

  // Their event registrations go; a seat they held goes to the waiting list (decision 042).
  const eventRegistrationsDeleted = await eraseRegistrationsOf(tx, SYSTEM_ACTOR, user.id, email);

  const sessions = await deleteSessionsOfUser(tx, user.id);
  await deleteAccessOf(tx, user.id);
  // Rate-limit counters are keyed by a hash of the address.
  const hashed = ['log-in', 'sign-up', 'reset'].map((kind) => `${kind}:account:${tokenHash(email)}`);
  await deleteRateLimits(tx, hashed);

  // The row stays (decisions, votes and audit events point to it), holding nothing personal: the
  // placeholder address can never log in or receive mail and frees the real one for a new sign-up.
  await anonymizeUser(tx, user.id, placeholder);
  return {
    sessionsEnded: sessions,
    applicationsScrubbed: apps + scrubbedElsewhere,
    organizationContactsCleared: contacts,
    emailsDeleted: dropped,
    emailsRedacted: redacted,
    invitationsDeleted: invitations,
    boardItemsDetached,
    positionsEnded,
    eventRegistrationsDeleted,
  };
}

export interface EraseContext {
  db: Db;
  actor: Actor & { userId: string };
  limits: RateLimits;
  ip: string;
}

/**
 * A user erases their own account: the password again (rate-limited like a log-in), refused while they
 * are the only representative of an organisation.
 */
export async function eraseOwnAccount(ctx: EraseContext, body: EraseAccountBody): Promise<void> {
  const userId = ctx.actor.userId;
  await hitRateLimit(ctx.db, `erase:ip:${ctx.ip}`, ctx.limits.logInPerIp);
  await hitRateLimit(ctx.db, `erase:account:${userId}`, ctx.limits.logInPerAccount);
  const passwordHash = await findPasswordHash(ctx.db, userId);
  if (passwordHash === undefined || !(await verifyPassword(passwordHash, body.password))) {
    throw fieldError('body.password', 'password.wrong');
  }
  await ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    await assertNotOnlyRepresentative(tx, userId);
    const counts = await eraseUserInTransaction(tx, user);
    await recordAudit(tx, ctx.actor, {
      action: 'user.erased',
      entityType: 'user',
      entityId: userId,
      after: counts,
    });
  });
  await clearRateLimit(ctx.db, `erase:account:${userId}`);
}

/**
 * An administrator erases a former user. The only-representative rule does not apply: the committee and
 * administrators are whom a member asks about its representatives, and an administrator can link a new
 * one. Administrators erase their own account on the account page, like everyone.
 */
export async function adminEraseUser(db: Db, actor: Actor, userId: string): Promise<AdminUser> {
  if (userId === actor.userId) throw new AppError('user.self_erase', 409);
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    const counts = await eraseUserInTransaction(tx, user);
    await recordAudit(tx, actor, {
      action: 'personal_data.erased',
      entityType: 'user',
      entityId: userId,
      after: counts,
    });
    return (await loadAdminUser(tx, userId))!;
  });
}

/**
 * An administrator erases an organisation's (former) contact person: the contact fields are cleared and
 * their values scrubbed from the organisation's audit snapshots and its applications' contact sections.
 */
export async function eraseOrganizationContact(db: Db, actor: Actor, organizationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const org = await lockOrganizationContact(tx, organizationId);
    if (!org) throw new AppError('organization.not_found', 404);
    const fields = (
      [
        ['contactName', org.contactName],
        ['contactPosition', org.contactPosition],
        ['contactEmail', org.contactEmail],
        ['contactPhone', org.contactPhone],
      ] as const
    )
      .filter(([, v]) => v)
      .map(([k]) => k);
    const s = scrubOf([org.contactName, org.contactPosition, org.contactEmail, org.contactPhone]);
    await clearOrganizationContact(tx, organizationId);
    const email = org.contactEmail?.toLowerCase() ?? '';
    const name = org.contactName?.trim().toLowerCase() ?? '';
    // Its applications' contact sections naming that person go whole.
    await dropContactsNaming(tx, organizationId, { email, name });
    await scrubColumns(tx, scrubbed.applicationData, applicationsOfOrganization(organizationId), s);
    await scrubColumns(
      tx,
      scrubbed.applicationChanges,
      eventsOfOrganizationApplications(tx, organizationId),
      s,
    );
    await scrubColumns(tx, scrubbed.auditSnapshots, auditOfOrganization(organizationId), s);
    await recordAudit(tx, actor, {
      action: 'personal_data.erased',
      entityType: 'organization',
      entityId: organizationId,
      after: { fields },
    });
  });
}
