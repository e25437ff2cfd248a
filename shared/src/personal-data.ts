import * as z from 'zod';
import { PasswordInputSchema } from './auth.ts';

/**
 * Personal data (issue 5): a representative downloads what the portal holds about them and their
 * organisation as JSON; a user erases their account (anonymised: the row stays so decisions, votes and
 * audit events keep an anonymous reference); administrators erase a former user or contact person.
 */

/** The domain of an erased account's placeholder address (`.invalid` can never receive mail, RFC 2606). */
export const ERASED_EMAIL_DOMAIN = 'erased.invalid';

/** The unusable, unique address an erased account keeps (the users table needs one). */
export function erasedEmailFor(userId: string): string {
  return `erased-${userId}@${ERASED_EMAIL_DOMAIN}`;
}

/** Is this the placeholder address of an erased account? */
export function isErasedEmail(email: string | null | undefined): boolean {
  return !!email && email.toLowerCase().endsWith(`@${ERASED_EMAIL_DOMAIN}`);
}

/** Erasing one's own account: the password again (re-authentication). */
export const EraseAccountBodySchema = z.strictObject({ password: PasswordInputSchema });
export type EraseAccountBody = z.infer<typeof EraseAccountBodySchema>;

/** A row of an export: the table's own fields (camelCase), never a hash, token or file's bytes. */
const ExportRowSchema = z.record(z.string(), z.unknown());
const Rows = z.array(ExportRowSchema);

export const AccountExportSchema = z.object({
  kind: z.literal('account'),
  exportedAt: z.string(),
  account: z.object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    language: z.string(),
    emailVerifiedAt: z.string().nullable(),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  roles: Rows,
  /** Their positions in the cluster's bodies, every term (issue 15 §1). */
  bodyPositions: Rows,
  sessions: Rows,
  organizations: Rows,
  applications: Rows,
  votes: Rows,
  /** Their ballots at meetings of the bodies: cast by them or for their seat (decision 043). */
  meetingBallots: Rows,
  /** Their answers to meeting invitations, for their seat or given by them (decision 041). */
  meetingRsvps: Rows,
  invitationsSent: Rows,
  invitationsReceived: Rows,
  emails: Rows,
  /** Board items the person created (issue 14 §1), with the revisions of each. */
  boardItems: Rows,
  /**
   * News posts they wrote or member news they proposed (issue 15 §4, decision 040). Erasing the account
   * keeps the posts, shown as by a former user.
   */
  newsPosts: Rows,
  /** Interest in funding calls they marked for an organisation (issue 16 §3); erasure forgets who marked it. */
  fundingCallInterests: Rows,
  /**
   * The committee's records they made (issue 16 §1–2): values they entered for the strategy's indicators,
   * readiness evidence they added, manual readiness items they marked and checks they ran. Erasure keeps
   * the records, without who made them.
   */
  strategyValues: Rows,
  readinessEvidence: Rows,
  readinessMarks: Rows,
  readinessRuns: Rows,
  /**
   * Their comments on draft minutes of meetings (issue 15 §3, decision 045). Erasing the account keeps
   * them in the meeting's record, shown as by a former user.
   */
  minutesComments: Rows,
  /** Their registrations for events, by account or by address (decision 042); erasure deletes them. */
  eventRegistrations: Rows,
  /**
   * Joint projects (issue 16 §4, decision 050): requests to join and invitations they made or answered,
   * with their messages; checklist documents they uploaded. Erasure keeps them for the consortium, without
   * the person, their name and address scrubbed from the messages.
   */
  projectJoins: Rows,
  projectDocuments: Rows,
  /** Resource bookings they asked for or decided (issue 14 §3). */
  bookings: Rows,
  /** The messages they wrote in conversations about board items, and their email setting (issue 14 §2). */
  conversationMessages: Rows,
  conversationSettings: Rows,
  auditEvents: Rows,
});
export type AccountExport = z.infer<typeof AccountExportSchema>;

export const OrganizationExportSchema = z.object({
  kind: z.literal('organization'),
  exportedAt: z.string(),
  organization: ExportRowSchema,
  areas: Rows,
  logo: ExportRowSchema.nullable(),
  membership: ExportRowSchema.nullable(),
  membershipEvents: Rows,
  feePayments: Rows,
  /** The organisation's board items (issue 14 §1), with the revisions of each. */
  boardItems: Rows,
  /** The resources it shares, and the bookings it asked for or received (issue 14 §3). */
  sharedResources: Rows,
  resourceBookings: Rows,
  /** Its resources' photos (what and when, not the image bytes) and its calendar feeds (never the token). */
  resourcePhotos: Rows,
  calendarFeeds: Rows,
  /**
   * Its conversations about board items (issue 14 §2): the other side, the item, the status and the
   * "agreed" dates, with every message of both sides (author's name, text, time) — and its partnerships.
   */
  conversations: Rows,
  partnerships: Rows,
  representatives: Rows,
  invitations: Rows,
  applications: Rows,
  decisions: Rows,
  auditEvents: Rows,
});
export type OrganizationExport = z.infer<typeof OrganizationExportSchema>;
