import {
  Badge,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { FEE_STATUSES, type FeePayment, type MemberFee } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { usePreloadDateField } from '@/components/date-field.tsx';
import { FilterInput } from '@/components/filter-input.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { PagedList } from '@/components/paged-list.tsx';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { useDeletePayment, useMemberFees } from '../api/member-fees.ts';
import { currentYear, formatMoney } from '../money.ts';
import {
  currentPage,
  FEES_PARAMS,
  type FeesSearch,
  hasFilters,
  readSearch,
  withChange,
} from '../search-params.ts';
import { yearFrom } from './admin-fees-page.tsx';
import { FeeStatusBadge } from './fee-status-badge.tsx';
import { PaymentModal } from './payment-modal.tsx';
import { YearSelect } from './year-select.tsx';

const STATUS_FILTERS = ['overdue', 'outstanding', 'partial', 'unpaid', 'paid', 'not_due'] as const;

/** /committee/fees: who has paid the year's fee, partly, or is overdue; record and correct payments. */
export function CommitteeFeesPage() {
  const { t } = useTranslation();
  usePageTitle(t('fees.committee.title'));
  // The payment dialog's date field is ready when it opens.
  usePreloadDateField();
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const search = readSearch(searchParams, FEES_PARAMS);
  const year = yearFrom(search.year ?? null);
  const page = currentPage(search);
  const list = useMemberFees({ ...search, year });
  const [paying, setPaying] = useState<MemberFee | null>(null);
  const [deleting, setDeleting] = useState<FeePayment | null>(null);
  const [notice, setNotice] = useState('');
  const remove = useDeletePayment();
  const language = useLanguage();

  const change = (delta: FeesSearch, options: { scrollToTop?: boolean } = {}) => {
    setNotice('');
    setSearchParams((prev) => withChange(prev, delta), { preventScrollReset: !options.scrollToTop });
  };
  const { year: _year, ...filters } = search;
  const clearFilters = () =>
    setSearchParams(search.year ? { year: search.year } : new URLSearchParams(), {
      preventScrollReset: true,
    });
  const statusLabel = (s: string) =>
    s === 'outstanding'
      ? t('fees.committee.outstanding')
      : (FEE_STATUSES as readonly string[]).includes(s)
        ? t(`fees.status.${s as (typeof FEE_STATUSES)[number]}`)
        : s;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('fees.committee.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('fees.committee.intro')}
        </Text>
      </div>
      <search aria-label={t('admin.list.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
          <YearSelect
            label={t('fees.committee.yearLabel')}
            value={year}
            onChange={(y) => change({ year: y === currentYear() ? '' : String(y) })}
          />
          <NativeSelect
            label={t('fees.committee.statusLabel')}
            value={search.status ?? ''}
            onChange={(event) => change({ status: event.currentTarget.value })}
            data={[
              { value: '', label: t('fees.committee.statusAny') },
              ...STATUS_FILTERS.map((s) => ({ value: s, label: statusLabel(s) })),
            ]}
          />
          <FilterInput
            label={t('fees.committee.searchLabel')}
            placeholder={t('fees.committee.searchPlaceholder')}
            value={search.q ?? ''}
            onCommit={(q) => change({ q })}
          />
        </SimpleGrid>
      </search>
      <Text size="sm" c="teal.9" role="status">
        {notice}
      </Text>
      <Stack gap="md" component="section" aria-labelledby="fees-results">
        <Title order={2} size="h4" id="fees-results" aria-live="polite">
          {list.data ? t('fees.committee.found', { count: list.data.total }) : t('fees.committee.results')}
        </Title>
        <PagedList
          query={list}
          page={page}
          onPage={(p) => change({ page: String(p) }, { scrollToTop: true })}
          filtered={hasFilters(filters)}
          onClearFilters={clearFilters}
          emptyTitle={t('fees.committee.emptyTitle')}
          emptyText={t('fees.committee.emptyText')}
          noneTitle={t('fees.committee.noneTitle')}
          itemKey={(member) => member.organizationId}
          renderItem={(member) => (
            <MemberFeeCard
              member={member}
              onPay={() => {
                setNotice('');
                setPaying(member);
              }}
              onDelete={(payment) => {
                remove.reset();
                setDeleting(payment);
              }}
            />
          )}
        />
      </Stack>
      <PaymentModal
        member={paying}
        year={year}
        onClose={() => setPaying(null)}
        onRecorded={() => {
          setPaying(null);
          setNotice(t('fees.committee.recorded'));
        }}
      />
      <ConfirmModal
        opened={deleting !== null}
        title={t('fees.committee.deleteTitle')}
        text={
          deleting
            ? t('fees.committee.deleteText', {
                reference: deleting.reference,
                amount: formatMoney(deleting.amountCents, language),
                date: formatDate(deleting.paidOn, language),
              })
            : ''
        }
        confirmLabel={t('fees.committee.deleteConfirm')}
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              setNotice(t('fees.committee.deleted'));
            },
          });
        }}
      />
    </Stack>
  );
}

function MemberFeeCard({
  member,
  onPay,
  onDelete,
}: {
  member: MemberFee;
  onPay: () => void;
  onDelete: (payment: FeePayment) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = pickLocalized(member.nameBg, member.nameEn, language);
  const money = (cents: number | null) =>
    cents === null ? t('fees.amounts.none') : formatMoney(cents, language);
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`fee-${member.organizationId}`}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title
          order={3}
          size="h5"
          id={`fee-${member.organizationId}`}
          lang={name.lang}
          style={{ minWidth: 0, overflowWrap: 'anywhere' }}
        >
          {name.text}
        </Title>
        <Group gap={6}>
          {member.membershipStatus === 'suspended' ? (
            <Badge color="gray" variant="outline">
              {t('fees.committee.suspended')}
            </Badge>
          ) : null}
          <FeeStatusBadge status={member.status} />
        </Group>
      </Group>
      <Text size="sm" mt={4}>
        {t(`category.${member.category}`)} · {t('fees.committee.eik', { eik: member.eik })}
      </Text>
      <dl className="facts">
        <dt>{t('fees.amounts.due')}</dt>
        <dd>{money(member.dueCents)}</dd>
        <dt>{t('fees.amounts.paid')}</dt>
        <dd>{money(member.paidCents)}</dd>
        {member.creditInCents > 0 ? (
          <>
            <dt>{t('fees.amounts.creditIn')}</dt>
            <dd>{money(member.creditInCents)}</dd>
          </>
        ) : null}
        {member.creditCents > 0 ? (
          <>
            <dt>{t('fees.amounts.credit')}</dt>
            <dd>{money(member.creditCents)}</dd>
          </>
        ) : null}
        <dt>{t('fees.amounts.dueOn')}</dt>
        <dd>{member.dueOn ? formatDate(member.dueOn, language) : t('fees.amounts.none')}</dd>
      </dl>
      <Text size="sm" fw={500} mt="xs">
        {t('fees.committee.payments')}
      </Text>
      {member.payments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('fees.committee.noPayments')}
        </Text>
      ) : (
        <List size="sm" listStyleType="none" spacing={4}>
          {member.payments.map((p) => (
            <List.Item key={p.id}>
              <Group gap="xs" wrap="wrap">
                <span style={{ overflowWrap: 'anywhere' }}>
                  {t('fees.member.paymentLine', {
                    date: formatDate(p.paidOn, language),
                    amount: formatMoney(p.amountCents, language),
                    reference: p.reference,
                  })}
                </span>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('fees.committee.deleteLabel', { reference: p.reference })}
                  onClick={() => onDelete(p)}
                >
                  {t('fees.committee.delete')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Group mt="sm">
        <Button
          size="xs"
          variant="light"
          onClick={onPay}
          aria-label={t('fees.committee.recordFor', { name: name.text })}
        >
          {t('fees.committee.record')}
        </Button>
      </Group>
    </Card>
  );
}
