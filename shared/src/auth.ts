import * as z from 'zod';
import { LANGUAGES } from './i18n.ts';
import {
  MemberStandingSchema,
  MembershipCategorySchema,
  MembershipStatusSchema,
  OrganizationKindSchema,
} from './organization.ts';

// ---------- roles ----------

/**
 * What a user may be in the cluster; a user may hold several. An applicant applies on behalf of an
 * organisation; a representative acts for the organisations they are linked to.
 */
export const ROLES = ['applicant', 'representative', 'committee_member', 'committee_chair', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

// ---------- credentials ----------

/** Password length in Unicode code points (not UTF-16 units), after NFC normalisation. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export function passwordLength(password: string): number {
  return Array.from(password.normalize('NFC')).length;
}

/**
 * A new password: 12–128 characters of any script, no composition rules, never trimmed or truncated.
 * The common-password check needs the server's list, so it happens there.
 */
export const NewPasswordSchema = z
  .string()
  .max(PASSWORD_MAX * 4)
  .refine((p) => passwordLength(p) >= PASSWORD_MIN, {
    params: { code: 'password.too_short', values: { min: PASSWORD_MIN } },
    abort: true,
  })
  .refine((p) => passwordLength(p) <= PASSWORD_MAX, {
    params: { code: 'password.too_long', values: { max: PASSWORD_MAX } },
  });

/** A password being checked (log-in, current password): any non-empty string up to the byte cap. */
export const PasswordInputSchema = z
  .string()
  .min(1)
  .max(PASSWORD_MAX * 4);

/** Emails are compared case-insensitively: trimmed and lower-cased before anything else sees them. */
export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

export const LanguageSchema = z.enum(LANGUAGES);

export const DisplayNameSchema = z.string().trim().min(1).max(120);

/** Tokens from emailed links: 32 random bytes, base64url. */
export const TokenSchema = z
  .string()
  .max(200)
  .refine((t) => /^[A-Za-z0-9_-]{43}$/.test(t), { params: { code: 'token.invalid' } });

/**
 * Whether `next` (a return address kept through log-in, sign-up and email verification) is a path of
 * this site: `/…`, not `//host` (another host), no backslash (browsers read `/\\host` as another host
 * too), no control characters, and not the log-in page itself.
 */
export function isSameSitePath(next: string): boolean {
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(next)) return false;
  const pathname = next.split(/[?#]/, 1)[0] ?? '';
  return pathname !== '/login' && pathname !== '/login/';
}

/** A return address sent with a form (sign-up): refused unless it is a path of this site. */
export const NextPathSchema = z
  .string()
  .max(2000)
  .refine(isSameSitePath, { params: { code: 'next.invalid' } });

// ---------- auth requests ----------

export const SignUpBodySchema = z.strictObject({
  email: EmailSchema,
  password: NewPasswordSchema,
  displayName: DisplayNameSchema,
  language: LanguageSchema.default('bg'),
  /** Where the user was going (`/apply`, an invitation link): the verification link carries it on. */
  next: NextPathSchema.optional(),
});
export type SignUpBody = z.infer<typeof SignUpBodySchema>;
export type SignUpInput = z.input<typeof SignUpBodySchema>;

export const LogInBodySchema = z.strictObject({ email: EmailSchema, password: PasswordInputSchema });
export type LogInBody = z.infer<typeof LogInBodySchema>;

export const TokenBodySchema = z.strictObject({ token: TokenSchema });
export type TokenBody = z.infer<typeof TokenBodySchema>;

export const ForgotPasswordBodySchema = z.strictObject({ email: EmailSchema });
export type ForgotPasswordBody = z.infer<typeof ForgotPasswordBodySchema>;

export const ResetPasswordBodySchema = z.strictObject({ token: TokenSchema, password: NewPasswordSchema });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBodySchema>;

export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: PasswordInputSchema,
  newPassword: NewPasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

export const ChangeEmailBodySchema = z.strictObject({
  currentPassword: PasswordInputSchema,
  newEmail: EmailSchema,
});
export type ChangeEmailBody = z.infer<typeof ChangeEmailBodySchema>;

/** What a user may change of their own profile (never roles, status or organisations). */
export const UpdateAccountBodySchema = z.strictObject({
  displayName: DisplayNameSchema.optional(),
  language: LanguageSchema.optional(),
});
export type UpdateAccountBody = z.infer<typeof UpdateAccountBodySchema>;

/** A generic acknowledgement that never reveals whether an email is registered. */
export const AcceptedResponseSchema = z.object({ status: z.literal('accepted') });

// ---------- the signed-in user ----------

export const OrganizationRefSchema = z.object({ id: z.uuid(), nameBg: z.string(), nameEn: z.string() });
export type OrganizationRef = z.infer<typeof OrganizationRefSchema>;

/**
 * An organisation the signed-in user represents, with its standing in the cluster right now: members-only
 * access follows it (decision 012). `candidate`: a candidate for membership now (an active membership in the
 * `candidate` category; its standing is `none`), which may book resources open to applicants (decision 034).
 */
export const MeOrganizationSchema = OrganizationRefSchema.extend({
  standing: MemberStandingSchema,
  candidate: z.boolean(),
});
export type MeOrganization = z.infer<typeof MeOrganizationSchema>;

export const MeSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  language: LanguageSchema,
  roles: z.array(RoleSchema),
  organizations: z.array(MeOrganizationSchema),
  emailVerified: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Me = z.infer<typeof MeSchema>;

/** The current session, or `user: null` for an anonymous visitor (never a 401: the app asks first). */
export const SessionResponseSchema = z.object({ user: MeSchema.nullable() });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const SessionInfoSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  lastSeenAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
export const SessionListResponseSchema = z.object({ items: z.array(SessionInfoSchema) });
export type SessionListResponse = z.infer<typeof SessionListResponseSchema>;

export const IdParamsSchema = z.object({ id: z.uuid() });

// ---------- administration ----------

export const USER_STATUSES = ['active', 'unverified', 'disabled'] as const;
export const UserStatusSchema = z.enum(USER_STATUSES);
export type UserStatus = z.infer<typeof UserStatusSchema>;

export const AdminUserListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  role: RoleSchema.optional(),
  status: UserStatusSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type AdminUserListQuery = z.infer<typeof AdminUserListQuerySchema>;

export const AdminUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  language: LanguageSchema,
  roles: z.array(RoleSchema),
  organizations: z.array(OrganizationRefSchema),
  status: UserStatusSchema,
  createdAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;

export const AdminUserListResponseSchema = z.object({
  items: z.array(AdminUserSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type AdminUserListResponse = z.infer<typeof AdminUserListResponseSchema>;

export const UserRoleParamsSchema = z.object({ id: z.uuid(), role: RoleSchema });
export const UserOrganizationParamsSchema = z.object({ id: z.uuid(), organizationId: z.uuid() });

export const AdminOrganizationQuerySchema = z.object({ q: z.string().trim().max(200).optional() });
export const AdminOrganizationListResponseSchema = z.object({ items: z.array(OrganizationRefSchema) });

/** The private view of an organisation its representatives (and administrators) see. */
export const MyOrganizationSchema = OrganizationRefSchema.extend({
  eik: z.string(),
  kind: OrganizationKindSchema,
  category: MembershipCategorySchema.nullable(),
  status: MembershipStatusSchema.nullable(),
  memberSince: z.iso.date().nullable(),
});
export type MyOrganization = z.infer<typeof MyOrganizationSchema>;
export const MyOrganizationListResponseSchema = z.object({ items: z.array(MyOrganizationSchema) });

// ---------- audit log ----------

export const AuditQuerySchema = z.object({
  actorId: z.uuid().optional(),
  entityType: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  entityId: z.string().max(100).optional(),
  action: z
    .string()
    .regex(/^[a-z_.]{1,60}$/)
    .optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime({ offset: true }),
  actorId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export const AuditListResponseSchema = z.object({
  items: z.array(AuditEventSchema),
  /**
   * The name of every record the page's events refer to by id (entity ids and ids inside the snapshots):
   * users by display name, organisations and applications by the organisation's name. Ids of deleted or
   * unknown records are absent, and then shown as they are.
   */
  names: z.record(z.string(), z.string()).default({}),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type AuditListResponse = z.infer<typeof AuditListResponseSchema>;

// ---------- mailbox (the email outbox, read by administrators) ----------

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export const MailboxQuerySchema = z.object({
  to: z.string().trim().max(254).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type MailboxQuery = z.infer<typeof MailboxQuerySchema>;

export const MailboxMessageSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  language: LanguageSchema,
  template: z.string(),
  subject: z.string(),
  /** Empty when `textHidden`: an email quoting a private conversation (decision 036). */
  text: z.string(),
  textHidden: z.boolean(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
});
export type MailboxMessage = z.infer<typeof MailboxMessageSchema>;
/**
 * Templates whose text quotes a private conversation: the mailbox shows that they were sent, to whom and
 * with what subject, never their text (nobody outside the two organisations reads a conversation).
 */
export const PRIVATE_EMAIL_TEMPLATES = ['conversation_digest'] as const;
export const MailboxListResponseSchema = z.object({
  items: z.array(MailboxMessageSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type MailboxListResponse = z.infer<typeof MailboxListResponseSchema>;
