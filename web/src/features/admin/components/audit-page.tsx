import { NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '@/components/admin-nav.tsx';
import { DateField } from '@/components/date-field.tsx';
import { FilterInput } from '@/components/filter-input.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { PagedList } from '@/components/paged-list.tsx';
import { actionLabel, entityTypeLabel, KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from '@/lib/audit-labels.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { useAudit } from '../api/audit.ts';
import {
  AUDIT_PARAMS,
  type AuditSearch,
  currentPage,
  hasFilters,
  readSearch,
  withChange,
} from '../search-params.ts';
import { ActorFilter } from './actor-filter.tsx';
import { AuditEventItem } from './audit-event-item.tsx';

/** The known values first; a value from the URL the list does not know stays selectable by its code. */
function withCurrent(known: readonly string[], current: string | undefined): string[] {
  return current && !known.includes(current) ? [...known, current] : [...known];
}

/** /admin/audit: the audit log, newest first, filtered by actor, record, action and dates (in the URL). */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.audit.title'));
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const search = readSearch(searchParams, AUDIT_PARAMS);
  const page = currentPage(search);
  const events = useAudit(search);
  const datesReversed = Boolean(search.from && search.to && search.from > search.to);

  const change = (delta: AuditSearch, options: { scrollToTop?: boolean } = {}) =>
    setSearchParams((prev) => withChange(prev, delta), { preventScrollReset: !options.scrollToTop });
  const clearFilters = () => setSearchParams(new URLSearchParams(), { preventScrollReset: true });

  return (
    <Stack gap="lg">
      <AdminNav />
      <div>
        <Title order={1}>{t('admin.audit.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('admin.audit.intro')}
        </Text>
      </div>
      <search aria-label={t('admin.list.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
          <ActorFilter value={search.actorId ?? ''} onChange={(actorId) => change({ actorId })} />
          <NativeSelect
            label={t('admin.audit.actionLabel')}
            value={search.action ?? ''}
            onChange={(event) => change({ action: event.currentTarget.value })}
            data={[
              { value: '', label: t('admin.audit.actionAny') },
              ...withCurrent(KNOWN_ACTIONS, search.action).map((action) => ({
                value: action,
                label: actionLabel(t, action),
              })),
            ]}
          />
          <NativeSelect
            label={t('admin.audit.entityTypeLabel')}
            value={search.entityType ?? ''}
            onChange={(event) => change({ entityType: event.currentTarget.value })}
            data={[
              { value: '', label: t('admin.audit.entityTypeAny') },
              ...withCurrent(KNOWN_ENTITY_TYPES, search.entityType).map((type) => ({
                value: type,
                label: entityTypeLabel(t, type),
              })),
            ]}
          />
          <FilterInput
            label={t('admin.audit.entityIdLabel')}
            value={search.entityId ?? ''}
            onCommit={(entityId) => change({ entityId })}
            type="text"
            maxLength={100}
            withSubmit={false}
          />
          <DateField
            label={t('admin.audit.fromLabel')}
            value={search.from ?? ''}
            maxDate={search.to}
            onChange={(from) => change({ from })}
            clearable
          />
          <DateField
            label={t('admin.audit.toLabel')}
            value={search.to ?? ''}
            minDate={search.from}
            onChange={(to) => change({ to })}
            error={datesReversed ? t('admin.audit.dateOrder') : undefined}
            clearable
          />
        </SimpleGrid>
      </search>
      <Stack gap="md" component="section" aria-labelledby="admin-audit-results">
        <Title order={2} size="h4" id="admin-audit-results" aria-live="polite">
          {events.data ? t('admin.audit.found', { count: events.data.total }) : t('admin.list.results')}
        </Title>
        <PagedList
          query={events}
          page={page}
          onPage={(p) => change({ page: String(p) }, { scrollToTop: true })}
          filtered={hasFilters(search)}
          onClearFilters={clearFilters}
          emptyTitle={t('admin.audit.emptyTitle')}
          emptyText={t('admin.audit.emptyText')}
          noneTitle={t('admin.audit.noEventsTitle')}
          itemKey={(event) => event.id}
          renderItem={(event) => <AuditEventItem event={event} names={events.data?.names} />}
        />
      </Stack>
    </Stack>
  );
}
