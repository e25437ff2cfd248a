import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, LANGUAGES } from '@portal/shared';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import '@/i18n/admin.ts';
import {
  HISTORY_ACTIONS,
  actionLabel as historyLabel,
} from '@/features/profiles/components/history-section.tsx';
import { i18n, loadLanguage } from '@/i18n/index.ts';
import '@/i18n/my-organization.ts';
import {
  actionLabel,
  entityTypeLabel,
  fieldLabel,
  formatValue,
  KNOWN_ACTIONS,
  KNOWN_ENTITY_TYPES,
} from '@/lib/audit-labels.ts';

/**
 * Every audit action the server writes today (its `recordAudit` calls: literal codes, the role and status
 * changes of admin.service.ts and `application.${action}` for the applicant's and committee's moves).
 * `recordAudit` takes only the codes and record types of the shared lists (AUDIT_ACTIONS,
 * AUDIT_ENTITY_TYPES), so the type checker holds the server to them and this test holds them to these.
 */
const SERVER_ACTIONS = [
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
  'membership.vote_opened',
  'membership.vote_closed',
  'fees.rates_set',
  'fees.payment_recorded',
  'fees.payment_deleted',
  'fees.settings_set',
  'organization.profile_updated',
  'organization.logo_updated',
  'organization.logo_removed',
  'organization.representative_invited',
  'organization.invitation_revoked',
  'organization.representative_added',
  'organization.representative_removed',
  'organization.removed',
  'organization.competitors_declared',
  'organization.contacted',
  'board.item_created',
  'board.item_updated',
  'board.item_published',
  'board.item_closed',
  'suggestion.dismissed',
  'suggestion.restored',
  'application.deleted',
  'settings.texts_changed',
  'site_page.updated',
  'resource.created',
  'resource.updated',
  'resource.photo_added',
  'resource.photo_removed',
  'resource.photos_reordered',
  'calendar_feed.reset',
  'booking.requested',
  'booking.confirmed',
  'booking.declined',
  'booking.cancelled',
  'conversation.opened',
  'conversation.message_posted',
  'conversation.agreed_proposed',
  'conversation.agreed_confirmed',
  'conversation.agreed_withdrawn',
  'conversation.agreed_declined',
  'partnership.consent_changed',
  'conversation.email_setting_changed',
  'body.created',
  'body.updated',
  'body.position_added',
  'body.position_updated',
  'body.position_ended',
  'body.holder_erased',
  'news.created',
  'news.updated',
  'news.published',
  'news.archived',
  'news.submitted',
  'news.returned',
  'minutes.draft_saved',
  'minutes.commented',
  'minutes.approved',
  'news.event_updated',
  'event.registered',
  'event.promoted',
  'event.cancelled',
  'meeting.created',
  'meeting.updated',
  'meeting.cancelled',
  'meeting.agenda_item_added',
  'meeting.agenda_item_updated',
  'meeting.agenda_item_removed',
  'meeting.agenda_reordered',
  'meeting.document_added',
  'meeting.document_removed',
  'meeting.invitations_sent',
  'meeting.rsvp_answered',
  'meeting.attendance_recorded',
  'meeting.held',
  'meeting.vote_opened',
  'meeting.ballot_cast',
  'meeting.vote_closed',
  'strategy.goal_created',
  'strategy.goal_updated',
  'strategy.goal_deleted',
  'strategy.objective_created',
  'strategy.objective_updated',
  'strategy.objective_deleted',
  'strategy.indicator_created',
  'strategy.indicator_updated',
  'strategy.indicator_deleted',
  'strategy.value_entered',
  'call.created',
  'call.updated',
  'call.deleted',
  'call.interest_marked',
  'call.interest_unmarked',
  'readiness.set_created',
  'readiness.set_updated',
  'readiness.criterion_created',
  'readiness.criterion_updated',
  'readiness.criterion_deleted',
  'readiness.manual_marked',
  'readiness.evidence_added',
  'readiness.evidence_removed',
  'readiness.check_run',
  'project.created',
  'project.updated',
  'project.partner_added',
  'project.partner_updated',
  'project.partner_removed',
  'project.budget_saved',
  'project.partner_invited',
  'project.join_requested',
  'project.join_answered',
  'project.task_saved',
  'project.task_removed',
  'project.document_added',
  'project.document_removed',
];
const SERVER_ENTITY_TYPES = [
  'user',
  'application',
  'decision',
  'cluster_settings',
  'organization',
  'fee_rates',
  'fee_payment',
  'organization_import',
  'site_page',
  'membership_vote',
  'board_item',
  'shared_resource',
  'resource_booking',
  'conversation',
  'partnership',
  'governing_body',
  'news_post',
  'event_registration',
  'meeting_minutes',
  'meeting',
  'strategy_goal',
  'strategy_objective',
  'strategy_indicator',
  'funding_call',
  'readiness_set',
  'readiness_criterion',
  'project',
];

describe('audit labels', () => {
  beforeAll(() => loadLanguage('en'));

  it('knows every action code and record type the server may record (the shared lists recordAudit accepts)', () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(20);
    expect(AUDIT_ACTIONS.filter((a) => !SERVER_ACTIONS.includes(a))).toEqual([]);
    expect(AUDIT_ENTITY_TYPES.filter((a) => !SERVER_ENTITY_TYPES.includes(a))).toEqual([]);
  });

  it.each(LANGUAGES)(
    'has a distinct %s label for every action and record type the server writes',
    (language) => {
      const t = i18n.getFixedT(language) as TFunction;
      expect(KNOWN_ACTIONS).toEqual(expect.arrayContaining(SERVER_ACTIONS));
      expect(KNOWN_ENTITY_TYPES).toEqual(expect.arrayContaining(SERVER_ENTITY_TYPES));
      const actionLabels = SERVER_ACTIONS.map((action) => actionLabel(t, action));
      const typeLabels = SERVER_ENTITY_TYPES.map((type) => entityTypeLabel(t, type));
      for (const label of [...actionLabels, ...typeLabels]) {
        expect(label).not.toMatch(/^(admin\.|[a-z_]+(\.[a-z_]+)*$)/);
      }
      expect(new Set(actionLabels).size).toBe(actionLabels.length);
      expect(new Set(typeLabels).size).toBe(typeLabels.length);
    },
  );

  it('shows an action or record type it does not know by its code', () => {
    const t = i18n.getFixedT('bg') as TFunction;
    expect(actionLabel(t, 'application.archived')).toBe('application.archived');
    expect(entityTypeLabel(t, 'invoice')).toBe('invoice');
  });

  it.each(LANGUAGES)(
    'labels in %s every action recordAudit accepts (AUDIT_ACTIONS), in the log and in an organisation’s history',
    (language) => {
      const t = i18n.getFixedT(language) as TFunction;
      for (const action of AUDIT_ACTIONS)
        expect(actionLabel(t, action), action).not.toMatch(/^(admin\.|[a-z_]+\.)/);
      const orgActions = AUDIT_ACTIONS.filter((a) => /^(organization|membership)\./.test(a));
      expect(orgActions.filter((a) => !(a in HISTORY_ACTIONS))).toEqual([]);
      for (const action of Object.keys(HISTORY_ACTIONS)) {
        expect(historyLabel(t, action), action).not.toMatch(/^(myOrganization\.|[a-z_]+\.)/);
      }
    },
  );

  it('shows snapshot fields and values as words, and ids as the names the server joined', () => {
    const t = i18n.getFixedT('en') as TFunction;
    const id = '0b9d6a2e-3c1f-4a8e-9d2b-7f1e2c3d4a5b';
    expect(fieldLabel(t, 'tally')).toBe('Result');
    expect(fieldLabel(t, 'applicationId')).toBe('Application');
    expect(formatValue(t, 'outcome', 'approved')).toBe('Approved');
    expect(formatValue(t, 'choice', 'for')).toBe('For');
    expect(formatValue(t, 'tally', { for: 3, against: 1 })).toBe('For: 3; Against: 1');
    expect(formatValue(t, 'applicationId', id, { [id]: 'Digital Sofia' })).toBe('Digital Sofia');
    expect(formatValue(t, 'resent', false)).toBe('No');
    const bg = i18n.getFixedT('bg') as TFunction;
    expect(formatValue(bg, 'toCategory', 'regular')).toBe('Редовен член');
    expect(formatValue(bg, 'outcome', 'rejected')).toBe('Отхвърлено');
  });
});
