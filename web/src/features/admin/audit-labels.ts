import {
  APPLICATION_STATES,
  type ApplicationState,
  ROLES,
  type Role,
  USER_STATUSES,
  type UserStatus,
} from '@portal/shared';
import type { TFunction } from 'i18next';

/**
 * The audit actions and record types the portal records today, with labels. The log may hold others (a
 * newer server, another feature): those show their code, so nothing is ever hidden.
 */
export const KNOWN_ACTIONS = [
  'user.created',
  'user.signed_up',
  'user.verification_sent',
  'user.email_verified',
  'user.updated',
  'user.password_changed',
  'user.password_reset_requested',
  'user.password_reset',
  'user.email_change_requested',
  'user.email_changed',
  'user.role_granted',
  'user.role_revoked',
  'user.disabled',
  'user.enabled',
  'user.organization_linked',
  'user.organization_unlinked',
  'user.erased',
  'personal_data.erased',
  'session.created',
  'session.ended',
  'application.created',
  'application.section_saved',
  'application.document_added',
  'application.document_removed',
  'application.submit',
  'application.start_review',
  'application.request_changes',
  'application.resubmit',
  'application.open_vote',
  'application.withdraw',
  'application.commented',
  'vote.cast',
  'vote.recused',
  'vote.closed',
  'decision.created',
  'settings.voting_changed',
  'organizations.imported',
  'membership.change_category',
  'membership.suspend',
  'membership.reinstate',
  'membership.withdraw',
  'membership.exclude',
  'fees.rates_set',
  'fees.payment_recorded',
  'fees.payment_deleted',
  'fees.settings_set',
  'organization.profile_updated',
  'organization.representative_invited',
  'organization.invitation_revoked',
  'organization.representative_added',
  'organization.representative_removed',
  'organization.logo_updated',
  'organization.logo_removed',
] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];

export const KNOWN_ENTITY_TYPES = [
  'user',
  'application',
  'decision',
  'cluster_settings',
  'organization',
  'fee_rates',
  'fee_payment',
  'organization_import',
] as const;
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

/** A snapshot value as text: role, status, language and application state codes by name; else as JSON. */
export function formatValue(t: TFunction, field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return t('admin.audit.empty');
  if (Array.isArray(value)) {
    return value.length === 0
      ? t('admin.audit.empty')
      : value.map((v) => formatValue(t, field, v)).join(', ');
  }
  if (field === 'roles' && isOneOf<Role>(ROLES, value)) return t(`roles.${value}`);
  if (field === 'status' && isOneOf<UserStatus>(USER_STATUSES, value)) return t(`admin.status.${value}`);
  if (field === 'language' && (value === 'bg' || value === 'en')) return t(`language.${value}.name`);
  if (field === 'state' && isOneOf<ApplicationState>(APPLICATION_STATES, value))
    return t(`applicationState.${value}`);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
