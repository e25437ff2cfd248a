import { Alert, Card, Group, List, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { OrganizationFeeYear } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-state.tsx';
import { formatDate } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { useOrganizationFees } from '../api/organization-fees.ts';
import { formatMoney } from '../money.ts';
import { FeeStatusBadge } from './fee-status-badge.tsx';

/** An organisation's annual fees, newest year first, each with its status and the payments recorded. */
export function OrganizationFees({ id }: { id: string }) {
  const { t } = useTranslation();
  const fees = useOrganizationFees(id);
  return (
    <Stack gap="md" component="section" aria-labelledby="organization-fees-title">
      <div>
        <Title order={2} size="h3" id="organization-fees-title">
          {t('fees.member.title')}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('fees.member.intro')}
        </Text>
      </div>
      {fees.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
          <Skeleton height={120} />
        </Stack>
      ) : fees.isError ? (
        <QueryError error={fees.error} onRetry={() => void fees.refetch()} />
      ) : fees.data.years.length === 0 ? (
        <Alert color="gray" title={t('fees.member.emptyTitle')}>
          {t('fees.member.emptyText')}
        </Alert>
      ) : (
        <Stack gap="sm">
          {fees.data.years.map((year) => (
            <FeeYearCard key={year.year} year={year} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function FeeYearCard({ year }: { year: OrganizationFeeYear }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = (cents: number | null) =>
    cents === null ? t('fees.amounts.none') : formatMoney(cents, language);
  const remaining = year.dueCents === null ? 0 : year.dueCents - year.paidCents - year.creditInCents;
  const titleId = `fee-year-${year.year}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title order={3} size="h4" id={titleId}>
          {t('fees.member.yearTitle', { year: year.year })}
        </Title>
        <FeeStatusBadge status={year.status} />
      </Group>
      <dl className="facts">
        <dt>{t('fees.member.category')}</dt>
        <dd>{t(`category.${year.category}`)}</dd>
        <dt>{t('fees.amounts.due')}</dt>
        <dd>{money(year.dueCents)}</dd>
        <dt>{t('fees.amounts.paid')}</dt>
        <dd>{money(year.paidCents)}</dd>
        {year.creditInCents > 0 ? (
          <>
            <dt>{t('fees.amounts.creditIn')}</dt>
            <dd>{money(year.creditInCents)}</dd>
          </>
        ) : null}
        <dt>{t('fees.amounts.dueOn')}</dt>
        <dd>{year.dueOn ? formatDate(year.dueOn, language) : t('fees.amounts.none')}</dd>
      </dl>
      {remaining > 0 && year.status !== 'not_due' ? (
        <Text size="sm" fw={500} c={year.status === 'overdue' ? 'red.8' : undefined} mt={4}>
          {t('fees.member.remaining', { amount: money(remaining) })}
        </Text>
      ) : null}
      {year.creditCents > 0 ? (
        <Text size="sm" fw={500} c="teal.9" mt={4}>
          {t('fees.member.credit', { amount: money(year.creditCents) })}
        </Text>
      ) : null}
      <Text size="sm" fw={500} mt="xs">
        {t('fees.member.payments')}
      </Text>
      {year.payments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('fees.member.noPayments')}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {year.payments.map((p) => (
            <List.Item key={p.id} style={{ overflowWrap: 'anywhere' }}>
              {t('fees.member.paymentLine', {
                date: formatDate(p.paidOn, language),
                amount: money(p.amountCents),
                reference: p.reference,
              })}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
