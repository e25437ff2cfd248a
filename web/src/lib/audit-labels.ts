import {
  APPLICATION_STATES,
  type ApplicationState,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditAction,
  MEMBERSHIP_CATEGORIES,
  MEMBERSHIP_STATUSES,
  type MembershipCategory,
  type MembershipStatus,
  ROLES,
  type Role,
  USER_STATUSES,
  type UserStatus,
  VOTE_CHOICES,
  type VoteChoice,
} from '@portal/shared';
import type { TFunction } from 'i18next';

/**
 * The audit actions: `AUDIT_ACTIONS` of the shared package, the only codes the server records, each with a
 * label in both languages (audit-labels.test.ts). The log may hold older codes: those show their code.
 */
export const KNOWN_ACTIONS = AUDIT_ACTIONS;
type KnownAction = AuditAction;

/** The record types the audit log names: `AUDIT_ENTITY_TYPES` of the shared package, each with a label. */
export const KNOWN_ENTITY_TYPES = AUDIT_ENTITY_TYPES;
type KnownEntityType = (typeof KNOWN_ENTITY_TYPES)[number];

const SNAPSHOT_FIELDS = [
  'email',
  'displayName',
  'language',
  'roles',
  'organizations',
  'status',
  'version',
  'state',
  'comment',
  'text',
  'filename',
  'round',
  'reason',
  'number',
  'tally',
  'outcome',
  'applicationId',
  'organizationId',
  'organization',
  'userId',
  'invitationId',
  'sessionId',
  'sessionsEnded',
  'newEmail',
  'resent',
  'expiresAt',
  'roleRevoked',
  'logoVersion',
  'count',
  'eiks',
  'year',
  'rates',
  'choice',
  'category',
  'toCategory',
  'toStatus',
  'membershipAction',
  'decisionId',
  'kind',
  'size',
  'subject',
  'fields',
  'name',
  'for',
  'against',
  'abstain',
  'voted',
  'eligible',
  'amount',
  'reference',
  'paidOn',
  'date',
] as const;
type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

export function actionLabel(t: TFunction, action: string): string {
  return isOneOf<KnownAction>(KNOWN_ACTIONS, action) ? t(`admin.audit.action.${action}`) : action;
}

export function entityTypeLabel(t: TFunction, type: string): string {
  return isOneOf<KnownEntityType>(KNOWN_ENTITY_TYPES, type) ? t(`admin.audit.entityType.${type}`) : type;
}

export function fieldLabel(t: TFunction, field: string): string {
  return isOneOf<SnapshotField>(SNAPSHOT_FIELDS, field) ? t(`admin.audit.fields.${field}`) : field;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A snapshot value as readable text: codes (roles, statuses, states, categories, outcomes, votes) by name,
 * ids by the record's name when `names` has it, yes/no for flags, and a nested record as "label: value"
 * pairs instead of JSON.
 */
export function formatValue(
  t: TFunction,
  field: string,
  value: unknown,
  names: Record<string, string> = {},
): string {
  if (value === undefined || value === null || value === '') return t('admin.audit.empty');
  if (Array.isArray(value)) {
    return value.length === 0
      ? t('admin.audit.empty')
      : value.map((v) => formatValue(t, field, v, names)).join(', ');
  }
  if (typeof value === 'boolean') return value ? t('admin.audit.values.yes') : t('admin.audit.values.no');
  if (typeof value === 'string' && UUID.test(value)) return names[value.toLowerCase()] ?? value;
  if (field === 'roles' && isOneOf<Role>(ROLES, value)) return t(`roles.${value}`);
  if (field === 'status' && isOneOf<UserStatus>(USER_STATUSES, value)) return t(`admin.status.${value}`);
  if ((field === 'status' || field === 'toStatus') && isOneOf<MembershipStatus>(MEMBERSHIP_STATUSES, value))
    return t(`admin.audit.values.membershipStatus.${value}`);
  if (field === 'language' && (value === 'bg' || value === 'en')) return t(`language.${value}.name`);
  if (field === 'state' && isOneOf<ApplicationState>(APPLICATION_STATES, value))
    return t(`applicationState.${value}`);
  if (
    (field === 'category' || field === 'toCategory') &&
    isOneOf<MembershipCategory>(MEMBERSHIP_CATEGORIES, value)
  )
    return t(`category.${value}`);
  if (field === 'outcome' && (value === 'approved' || value === 'rejected'))
    return t(`admin.audit.values.outcome.${value}`);
  if (field === 'choice' && isOneOf<VoteChoice>(VOTE_CHOICES, value))
    return t(`admin.audit.values.choice.${value}`);
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${fieldLabel(t, key)}: ${formatValue(t, key, v, names)}`)
      .join('; ');
  }
  return String(value);
}
