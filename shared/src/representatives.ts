import * as z from 'zod';
import { EmailSchema, OrganizationRefSchema, TokenSchema } from './auth.ts';

/**
 * An organisation's representatives and the invitations they send colleagues (issue 5). A representative
 * invites by email; the invitee accepts, signed in with that address, through the emailed link. An
 * organisation always keeps at least one representative.
 */

/** How long an emailed invitation stays valid. */
export const INVITATION_LIFETIME_DAYS = 7;

const timestamp = z.iso.datetime({ offset: true });

export const RepresentativeSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  /** When the user was linked to the organisation. */
  linkedSince: timestamp,
  /** The signed-in user themselves. */
  isMe: z.boolean(),
});
export type Representative = z.infer<typeof RepresentativeSchema>;

/** An invitation not yet accepted nor revoked (it may have expired: `expired`, and can then be re-sent). */
export const InvitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  invitedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  createdAt: timestamp,
  expiresAt: timestamp,
  expired: z.boolean(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const RepresentativesResponseSchema = z.object({
  representatives: z.array(RepresentativeSchema),
  invitations: z.array(InvitationSchema),
});
export type RepresentativesResponse = z.infer<typeof RepresentativesResponseSchema>;

export const InviteBodySchema = z.strictObject({ email: EmailSchema });
export type InviteBody = z.infer<typeof InviteBodySchema>;
export type InviteInput = z.input<typeof InviteBodySchema>;

/** The answer to an invitation: the invitation, and whether an open one to that address was re-sent. */
export const InviteResponseSchema = z.object({ invitation: InvitationSchema, resent: z.boolean() });
export type InviteResponse = z.infer<typeof InviteResponseSchema>;

export const InvitationParamsSchema = z.object({ id: z.uuid(), invitationId: z.uuid() });
export const RepresentativeParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });

export const InvitationTokenBodySchema = z.strictObject({ token: TokenSchema });
export type InvitationTokenBody = z.infer<typeof InvitationTokenBodySchema>;

/** What the accept page shows before the user accepts. */
export const InvitationPreviewSchema = z.object({
  organization: OrganizationRefSchema,
  /** The invited address. */
  email: z.string(),
  invitedBy: z.string().nullable(),
  expiresAt: timestamp,
  /** The signed-in account's email is the invited one (only then can it accept). */
  emailMatches: z.boolean(),
  /** Already accepted by the signed-in user (accepting again changes nothing). */
  accepted: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

/**
 * The answer to accepting. Accepting an invitation one has already accepted is harmless: 200 again with
 * `alreadyAccepted: true`, and nothing changes.
 */
export const AcceptInvitationResponseSchema = z.object({
  organization: OrganizationRefSchema,
  alreadyAccepted: z.boolean(),
});
export type AcceptInvitationResponse = z.infer<typeof AcceptInvitationResponseSchema>;
