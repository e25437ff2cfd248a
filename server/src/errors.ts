import type { FieldError, Language, Problem } from '@portal/shared';
import { type MessageKey, translate } from './i18n/messages.ts';

/**
 * Stable problem codes. Clients and tests match on these, never on the wording, which depends on the
 * request's language.
 */
export const PROBLEM_CODES = [
  'validation.failed',
  'route.not_found',
  'organization.not_found',
  'organization.former_member',
  'user.not_found',
  'session.not_found',
  'representative.not_found',
  'representative.last',
  'representative.already',
  'invitation.not_found',
  'invitation.expired',
  'invitation.used',
  'invitation.revoked',
  'invitation.email_mismatch',
  'invitation.membership_inactive',
  'auth.required',
  'auth.forbidden',
  'auth.invalid_credentials',
  'auth.email_unverified',
  'user.self_lockout',
  'user.already_erased',
  'user.self_erase',
  'account.only_representative',
  'rate_limited',
  'application.not_found',
  'application.transition_invalid',
  'application.documents_full',
  'application.no_open_vote',
  'application.recused',
  'application.secret_vote_final',
  'application.conflict_of_interest',
  'membership.not_found',
  'membership.transition_invalid',
  'membership.stale',
  'membership.vote_open',
  'membership.no_open_vote',
  'membership.conflict_of_interest',
  'membership.inactive',
  'fees.payment_duplicate',
  'fees.payment_not_found',
  'board.item_not_found',
  'board.stale',
  'board.transition_invalid',
  'news.not_found',
  'news.stale',
  'news.transition_invalid',
  'minutes.not_found',
  'minutes.stale',
  'minutes.no_draft',
  'minutes.meeting_not_held',
  'minutes.vote_open',
  'conversation.not_found',
  'conversation.own_item',
  'conversation.stale',
  'conversation.no_proposal',
  'conversation.not_own_proposal',
  'conversation.own_proposal',
  'conversation.transition_invalid',
  'partnership.not_found',
  'suggestions.dismissal_not_found',
  'body.not_found',
  'body.stale',
  'body.position_not_found',
  'body.position_conflict',
  'body.position_erased',
  'body.position_has_account',
  'meeting.not_found',
  'meeting.stale',
  'meeting.transition_invalid',
  'meeting.item_not_found',
  'meeting.document_not_found',
  'meeting.documents_full',
  'meeting.rsvp_closed',
  'conduct.meeting_not_found',
  'conduct.item_not_found',
  'conduct.not_running',
  'conduct.not_held',
  'conduct.vote_exists',
  'conduct.no_open_vote',
  'conduct.not_ballots',
  'conduct.minutes_no_draft',
  'conduct.minutes_changed',
  'project.not_found',
  'project.lead_only',
  'project.read_only',
  'project.version_conflict',
  'project.partner_not_found',
  'project.lead_stays',
  'project.already_partner',
  'project.join_pending',
  'project.join_not_found',
  'project.join_answered',
  'project.not_forming',
  'project.closed',
  'project.task_not_found',
  'project.document_not_found',
  'resource.not_found',
  'resource.stale',
  'resource.photo_not_found',
  'resource.photo_limit',
  'resource.members_only',
  'booking.not_found',
  'calendar_feed.not_found',
  'booking.clash',
  'booking.transition_invalid',
  'booking.not_allowed',
  'booking.resource_inactive',
  'booking.owner_inactive',
  'booking.requester_inactive',
  'booking.in_past',
  'event.registration_closed',
  'organization.contact_closed',
  'event.members_only',
  'event.registration_not_found',
  'strategy.goal_not_found',
  'strategy.objective_not_found',
  'strategy.indicator_not_found',
  'strategy.not_entered',
  'call.not_found',
  'call.in_use',
  'call.closed',
  'readiness.set_not_found',
  'readiness.criterion_not_found',
  'readiness.evidence_not_found',
  'readiness.not_manual',
  'import.invalid',
  'csrf.rejected',
  'organization.has_history',
  'precondition.required',
  'precondition.failed',
  'method.not_allowed',
  'media_type.unsupported',
  'body.too_large',
  'body.invalid_json',
  'request.bad',
  'request.rejected',
  'service.unavailable',
  'internal',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

type Values = Record<string, string | number>;

/** A field-level issue of our own (not zod's): a catalogue key with its values. */
export interface FieldIssue {
  path: string;
  code: MessageKey;
  values?: Values;
}

export interface AppErrorParams {
  /** Values for the detail message's placeholders. */
  values?: Values;
  /** Field errors (400 validation problems). */
  fields?: FieldIssue[];
  /** Extra response headers, e.g. `Allow` for a 405. */
  headers?: Record<string, string>;
  /**
   * RFC 9457 extension members, written after the standard ones, e.g. a 409's `current` membership. The
   * route's response schema for the status must name them (a plain `ProblemSchema` strips them).
   */
  extensions?: Record<string, unknown>;
}

/** An expected failure with a stable code; the error handler turns it into problem+json. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ProblemCode,
    readonly status: number,
    readonly params: AppErrorParams = {},
  ) {
    super(code);
  }

  /** The same problem with extension members added (known only after the failure, e.g. the current state). */
  withExtensions(extensions: Record<string, unknown>): AppError {
    return new AppError(this.code, this.status, {
      ...this.params,
      extensions: { ...this.params.extensions, ...extensions },
    });
  }
}

/** 400 naming one field, e.g. `fieldError('area', 'area.unknown', { value: 'nope' })`. */
export function fieldError(path: string, code: MessageKey, values?: Values): AppError {
  return new AppError('validation.failed', 400, { fields: [{ path, code, ...(values ? { values } : {}) }] });
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** RFC 9457 problem details in the request's language. */
export function problem(
  lang: Language,
  code: ProblemCode,
  status: number,
  values: Values = {},
  errors?: FieldError[],
): Problem {
  return {
    type: `urn:portal:problem:${code}`,
    title: translate(lang, `${code}.title` as MessageKey),
    status,
    detail: translate(lang, `${code}.detail` as MessageKey, values),
    code,
    ...(errors ? { errors } : {}),
  };
}
