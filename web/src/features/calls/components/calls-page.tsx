import { Anchor, Button, Card, Group, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { FUNDING_CALL_STATUSES, type FundingCallStatus } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useCan } from '@/lib/api/session.ts';
import { formatDateTime, formatMoney } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useCalls } from '../api/calls.ts';
import { CallStatusBadge } from './call-status-badge.tsx';

const PAGE_SIZE = 20;

/** `/calls` (issue 16 §3): the funding calls for everyone, by status (in the URL), paged. */
export function CallsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('calls.title'));
  const canManage = useCan('calls.manage');
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [search, setSearch] = useSearchParams();
  const raw = search.get('status');
  const status = FUNDING_CALL_STATUSES.includes(raw as FundingCallStatus)
    ? (raw as FundingCallStatus)
    : undefined;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const list = useCalls({ ...(status ? { status } : {}), page, pageSize: PAGE_SIZE });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const go = (next: { status?: string; page?: number }) => {
    const params: Record<string, string> = {};
    const s = next.status ?? status ?? '';
    if (s) params.status = s;
    if ((next.page ?? 1) > 1) params.page = String(next.page);
    setSearch(params);
  };
  return (
    <Stack gap="lg" maw={900}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{t('calls.title')}</Title>
          <Text c="dimmed">{t('calls.intro')}</Text>
        </Stack>
        {canManage ? (
          <Button component={Link} to={paths.callNew.href()}>
            {t('calls.add')}
          </Button>
        ) : null}
      </Group>
      <SegmentedControl
        aria-label={t('calls.filter')}
        value={status ?? 'all'}
        onChange={(value) => go({ status: value === 'all' ? '' : value, page: 1 })}
        data={[
          { value: 'all', label: t('calls.all') },
          ...FUNDING_CALL_STATUSES.map((s) => ({ value: s, label: t(`calls.statusFilter.${s}`) })),
        ]}
        // Four choices do not fit a phone's width side by side: one under the other there.
        orientation={phone ? 'vertical' : 'horizontal'}
        fullWidth={phone}
        style={{ alignSelf: phone ? 'stretch' : 'flex-start' }}
      />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton height={160} aria-busy="true" />
      ) : list.data.items.length === 0 ? (
        <Text>{status ? t('calls.noneFiltered') : t('calls.none')}</Text>
      ) : (
        <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.data.items.map((c) => {
            const title = pickLocalized(c.titleBg, c.titleEn, language);
            return (
              <Card component="li" key={c.id} withBorder padding="md">
                <Stack gap={6}>
                  <Group gap="xs" wrap="wrap">
                    <CallStatusBadge status={c.status} />
                    <Text size="sm" c="dimmed">
                      {c.programme}
                      {c.code ? ` · ${c.code}` : ''}
                    </Text>
                  </Group>
                  <Anchor component={Link} to={paths.call.href(c.id)} fw={600} lang={title.lang}>
                    {title.text}
                  </Anchor>
                  <Text size="sm">
                    {t('calls.opens')}: {formatDateTime(c.opensAt, language)} · {t('calls.deadline')}:{' '}
                    {formatDateTime(c.deadlineAt, language)}
                  </Text>
                  <Text size="sm">
                    {t('calls.budget')}:{' '}
                    {c.budgetCents === null ? t('calls.budgetUnknown') : formatMoney(c.budgetCents, language)}
                    {' · '}
                    {c.interestedCount > 0
                      ? t('calls.interested', { count: c.interestedCount })
                      : t('calls.interestedNone')}
                  </Text>
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
      {pages > 1 ? (
        <Group>
          <Button variant="default" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
            ←
          </Button>
          <Text size="sm">
            {page} / {pages}
          </Text>
          <Button variant="default" disabled={page >= pages} onClick={() => go({ page: page + 1 })}>
            →
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
