import { Anchor, Button, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useCan } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { formatDateTime, formatMoney } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useCall, useCallInterests, useDeleteCall, useToggleInterest } from '../api/calls.ts';
import { CallStatusBadge } from './call-status-badge.tsx';

/**
 * `/calls/:id` (issue 16 §3): a funding call for everyone, with the number of interested members; members
 * (representatives of active members) mark their organisation's interest and see who else is interested.
 */
export function CallPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const query = useCall(id);
  const canManage = useCan('calls.manage');
  const isMember = useCan('members.view');
  const canMark = useCan('calls.interest');
  const canStartProject = useCan('projects.work');
  const interests = useCallInterests(id, isMember);
  const toggle = useToggleInterest(id);
  const remove = useDeleteCall(id);
  const [confirming, setConfirming] = useState(false);
  const call = query.data?.call;
  const title = call ? pickLocalized(call.titleBg, call.titleEn, language) : undefined;
  usePageTitle(title?.text ?? t('calls.title'));

  if (query.isError) {
    return isApiError(query.error, 404) ? (
      <Stack>
        <Text>{t('calls.notFound')}</Text>
        <Anchor component={Link} to={paths.calls.href()}>
          {t('calls.back')}
        </Anchor>
      </Stack>
    ) : (
      <QueryError error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  if (!call || !title) return <Skeleton height={240} aria-busy="true" />;

  const summary = pickLocalized(call.summaryBg, call.summaryEn, language);
  const mine = new Set(interests.data?.mine ?? []);
  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to={paths.calls.href()} size="sm">
        {t('calls.back')}
      </Anchor>
      <Stack gap={6}>
        <Group gap="xs">
          <CallStatusBadge status={call.status} />
          <Text size="sm" c="dimmed">
            {call.programme}
            {call.code ? ` · ${call.code}` : ''}
          </Text>
        </Group>
        <Title order={1} lang={title.lang}>
          {title.text}
        </Title>
        {summary.text ? (
          <Text lang={summary.lang} style={{ whiteSpace: 'pre-line' }}>
            {summary.text}
          </Text>
        ) : null}
      </Stack>
      {canManage ? (
        <Group>
          <Button component={Link} to={paths.callEdit.href(call.id)} variant="default">
            {t('calls.edit')}
          </Button>
          <Button color="red" variant="light" onClick={() => setConfirming(true)}>
            {t('calls.delete')}
          </Button>
        </Group>
      ) : null}
      <dl className="facts">
        <Text component="dt" fw={600}>
          {t('calls.opens')}
        </Text>
        <Text component="dd">{formatDateTime(call.opensAt, language)}</Text>
        <Text component="dt" fw={600}>
          {t('calls.deadline')}
        </Text>
        <Text component="dd">{formatDateTime(call.deadlineAt, language)}</Text>
        <Text component="dt" fw={600}>
          {t('calls.budget')}
        </Text>
        <Text component="dd">
          {call.budgetCents === null ? t('calls.budgetUnknown') : formatMoney(call.budgetCents, language)}
        </Text>
        <Text component="dt" fw={600}>
          {t('calls.eligible')}
        </Text>
        <Text component="dd">
          {call.eligibleKinds.length === 0
            ? t('calls.eligibleAny')
            : call.eligibleKinds.map((k) => t(`kind.${k}`)).join(', ')}
        </Text>
      </dl>
      {call.url ? (
        <Anchor href={call.url} target="_blank" rel="noopener noreferrer">
          {t('calls.link')}
        </Anchor>
      ) : null}
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('calls.documents')}
        </Title>
        {call.documents.length === 0 ? (
          <Text c="dimmed">{t('calls.noDocuments')}</Text>
        ) : (
          <List type="ordered">
            {call.documents.map((d) => (
              <List.Item key={d.id}>
                {pickLocalized(d.nameBg, d.nameEn, language).text}
                {d.perPartner ? ` (${t('calls.perPartner')})` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('calls.interestedMembers')}
        </Title>
        <Text>
          {call.interestedCount > 0
            ? t('calls.interested', { count: call.interestedCount })
            : t('calls.interestedNone')}
        </Text>
        {canMark && interests.data
          ? interests.data.canMark.map((o) => {
              const name = pickLocalized(o.nameBg, o.nameEn, language).text;
              const marked = mine.has(o.id);
              return (
                <Group key={o.id} gap="sm">
                  {marked ? (
                    <>
                      <Text fw={600}>{t('calls.weAreInterested', { name })}</Text>
                      <Button
                        variant="default"
                        size="xs"
                        loading={toggle.isPending}
                        onClick={() => toggle.mutate({ organizationId: o.id, interested: false })}
                      >
                        {t('calls.unmark')}
                      </Button>
                    </>
                  ) : call.status === 'closed' ? (
                    <Text c="dimmed">{t('calls.closedNoInterest')}</Text>
                  ) : (
                    <Button
                      loading={toggle.isPending}
                      onClick={() => toggle.mutate({ organizationId: o.id, interested: true })}
                    >
                      {interests.data.canMark.length > 1
                        ? t('calls.markInterestFor', { name })
                        : t('calls.markInterest')}
                    </Button>
                  )}
                </Group>
              );
            })
          : null}
        {toggle.isError ? <ProblemAlert error={toggle.error} /> : null}
        {/* The count above already says when nobody is interested yet. */}
        {isMember && interests.data ? (
          interests.data.organizations.length === 0 ? null : (
            <List>
              {interests.data.organizations.map((o) => (
                <List.Item key={o.id}>
                  <Anchor component={Link} to={paths.member.href(o.id)}>
                    {pickLocalized(o.nameBg, o.nameEn, language).text}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )
        ) : null}
        {canStartProject && call.status !== 'closed' ? (
          <Anchor component={Link} to={`${paths.projects.href()}?call=${encodeURIComponent(call.id)}`}>
            {t('calls.startProject')}
          </Anchor>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('calls.deleteTitle')}
        text={t('calls.deleteText')}
        confirmLabel={t('calls.delete')}
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(query.data?.etag ?? '', {
            onSuccess: () => {
              setConfirming(false);
              void navigate(paths.calls.href());
            },
          })
        }
      />
    </Stack>
  );
}
