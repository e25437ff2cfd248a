import { Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ProfileHistoryEntry } from '@portal/shared';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-state.tsx';
import { useAreas } from '@/lib/api/areas.ts';
import { formatDateTime } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { personName } from '@/lib/person.ts';
import { useProfileHistory } from '../api/history.ts';
import { areaNamer, fieldLabel, visibilityName } from '../field-display.ts';
import { historyChanges } from '../history-changes.ts';
import { isProfileField, isVisibilityField } from '../profile-values.ts';

/**
 * The audit actions an organisation's history can show, by their label's key (`organization.` dropped,
 * other dots as underscores). A test checks every organisation and membership action of `AUDIT_ACTIONS`
 * is here, so no raw code reaches the page.
 */
export const HISTORY_ACTIONS = {
  'organization.profile_updated': 'profile_updated',
  'organization.logo_updated': 'logo_updated',
  'organization.logo_removed': 'logo_removed',
  'organization.representative_invited': 'representative_invited',
  'organization.invitation_revoked': 'invitation_revoked',
  'organization.representative_added': 'representative_added',
  'organization.representative_removed': 'representative_removed',
  'organization.competitors_declared': 'competitors_declared',
  'organization.contacted': 'contacted',
  'organization.removed': 'removed',
  'membership.change_category': 'membership_change_category',
  'membership.suspend': 'membership_suspend',
  'membership.reinstate': 'membership_reinstate',
  'membership.withdraw': 'membership_withdraw',
  'membership.exclude': 'membership_exclude',
  'membership.vote_opened': 'membership_vote_opened',
  'membership.vote_closed': 'membership_vote_closed',
  'personal_data.erased': 'personal_data_erased',
  'fees.payment_recorded': 'fees_payment_recorded',
  'fees.payment_deleted': 'fees_payment_deleted',
} as const;

export function actionLabel(t: TFunction, action: string): string {
  const key = (HISTORY_ACTIONS as Record<string, (typeof HISTORY_ACTIONS)[keyof typeof HISTORY_ACTIONS]>)[
    action
  ];
  return key ? t(`myOrganization.history.actions.${key}`) : action;
}

/** Who changed the profile, when and what: the organisation's audit events, newest first. */
export function HistorySection({ id }: { id: string }) {
  const { t } = useTranslation();
  const history = useProfileHistory(id);

  let body: ReactNode;
  if (history.isPending) {
    body = (
      <Stack gap="sm" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={72} />
      </Stack>
    );
  } else if (history.isError) {
    body = <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  } else if (history.data.length === 0) {
    body = <Text c="dimmed">{t('myOrganization.history.empty')}</Text>;
  } else {
    body = (
      <Stack component="ol" className="plain-list" gap="sm">
        {history.data.map((entry) => (
          <HistoryItem key={entry.id} entry={entry} />
        ))}
      </Stack>
    );
  }

  return (
    <Paper component="section" withBorder p={{ base: 'md', xs: 'lg' }} aria-labelledby="history-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="history-title">
          {t('myOrganization.history.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('myOrganization.history.intro')}
        </Text>
        {body}
      </Stack>
    </Paper>
  );
}

function HistoryItem({ entry }: { entry: ProfileHistoryEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const areas = useAreas();
  const areaName = areaNamer(areas.data?.items, language);
  // Only the profile's own fields are listed; a logo event's technical details (version, bytes…) are not.
  const changes = historyChanges(entry.before, entry.after).filter((change) => isProfileField(change.key));

  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('myOrganization.history.emptyValue');
    if (isVisibilityField(key)) return visibilityName(t, value) ?? String(value);
    if (typeof value === 'boolean') return t(value ? 'myOrganization.on' : 'myOrganization.off');
    if (Array.isArray(value)) {
      if (value.length === 0) return t('myOrganization.history.emptyValue');
      return value
        .map((v) => (key === 'areaIds' && typeof v === 'string' ? areaName(v) : String(v)))
        .join(', ');
    }
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };

  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap="xs">
        <Text fw={600}>
          {actionLabel(t, entry.action)}
          {' · '}
          {entry.actorName === null
            ? t('myOrganization.history.unknownActor')
            : personName(t, entry.actorName)}
          {' · '}
          <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
        </Text>
        {changes.length > 0 ? (
          <dl className="facts" aria-label={t('myOrganization.history.changes')}>
            {changes.map((change) => (
              <HistoryChangeRow
                key={change.key}
                label={isProfileField(change.key) ? fieldLabel(t, change.key) : change.key}
                before={show(change.key, change.before)}
                after={show(change.key, change.after)}
              />
            ))}
          </dl>
        ) : null}
      </Stack>
    </Paper>
  );
}

function HistoryChangeRow({ label, before, after }: { label: string; before: string; after: string }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{label}</dt>
      <dd className="pre-line">
        <VisuallyHidden>{t('myOrganization.history.before')} </VisuallyHidden>
        <Text span c="dimmed">
          {before}
        </Text>
        <span aria-hidden="true"> → </span>
        <VisuallyHidden> {t('myOrganization.history.after')} </VisuallyHidden>
        <Text span>{after}</Text>
      </dd>
    </>
  );
}
