import {
  Alert,
  Box,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  Pagination,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { can, ORGANIZATION_SORTS, type OrganizationSort } from '@portal/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { FilterInput } from '@/components/filter-input.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useAreas } from '@/lib/api/areas.ts';
import { principalOf, useSession } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { type DirectoryData, useOrganizations } from '../api/organizations.ts';
import {
  currentPage,
  DIRECTORY_PAGE_SIZE,
  type DirectorySearch,
  hasActiveFilters,
  readDirectorySearch,
  withDirectoryChange,
  withKnownArea,
} from '../search-params.ts';
import { DirectoryFilters } from './directory-filters.tsx';
import { CARD_LOGO_SIZE, OrganizationCard } from './organization-card.tsx';

/** The first cards' logos load at once (they are on the first screen); the rest lazily. */
const EAGER_LOGOS = 4;

const DEFAULT_SORT: OrganizationSort = 'name';

/** `?view=members`: the members view, for users with members.view (anyone else gets the public one). */
const VIEW_PARAM = 'view';

// The members view's code and texts load only for users who may use it.
const ViewSwitch = lazy(() => import('./members-view.tsx').then((m) => ({ default: m.ViewSwitch })));
const MemberContacts = lazy(() => import('./members-view.tsx').then((m) => ({ default: m.MemberContacts })));

export function DirectoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.title'));
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const areas = useAreas();
  const search = withKnownArea(
    readDirectorySearch(searchParams),
    areas.data?.items.map((a) => a.id),
  );
  const page = currentPage(search);
  const session = useSession();
  const canViewMembers = can(principalOf(session.data?.user), 'members.view');
  const wantsMembers = searchParams.get(VIEW_PARAM) === 'members';
  const membersView = wantsMembers && canViewMembers;
  // A members-view URL waits for the session (not to fetch the public list first for nothing).
  const organizations = useOrganizations(search, {
    members: membersView,
    enabled: !(wantsMembers && session.isPending),
  });

  const change = (delta: DirectorySearch, options: { scrollToTop?: boolean } = {}) =>
    setSearchParams((prev) => withDirectoryChange(prev, delta), { preventScrollReset: !options.scrollToTop });
  const clearFilters = () => change({ q: '', area: '', kind: '', size: '' });
  // After a 400 any param may be the culprit (a hand-edited sort or page too), so start over (in the view).
  const resetSearch = () =>
    setSearchParams(new URLSearchParams(membersView ? { [VIEW_PARAM]: 'members' } : {}), {
      preventScrollReset: true,
    });
  const changeView = (members: boolean) =>
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (members) next.set(VIEW_PARAM, 'members');
        else next.delete(VIEW_PARAM);
        return next;
      },
      { preventScrollReset: true },
    );

  const sort = search.sort ?? DEFAULT_SORT;
  const canClear = hasActiveFilters(search);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('directory.heading')}</Title>
        <Text c="dimmed" mt="xs">
          {t('directory.intro')}
        </Text>
        {canViewMembers ? (
          <Suspense fallback={null}>
            <Box mt="md">
              <ViewSwitch members={membersView} onChange={changeView} />
            </Box>
          </Suspense>
        ) : null}
      </div>
      <search>
        <FilterInput
          label={t('directory.searchLabel')}
          placeholder={t('directory.searchPlaceholder')}
          value={search.q ?? ''}
          onCommit={(q) => change({ q })}
          submitLabel={t('directory.searchSubmit')}
          submitVariant="filled"
        />
      </search>
      <div className="directory-layout">
        <DirectoryFilters
          search={search}
          areas={areas.data?.items ?? []}
          onChange={change}
          onClear={clearFilters}
          canClear={canClear}
        />
        <Stack gap="md" component="section" aria-labelledby="directory-results">
          <Group justify="space-between" align="flex-end" gap="sm">
            <Title order={2} size="h4" id="directory-results" aria-live="polite">
              {organizations.data
                ? t('directory.found', { count: organizations.data.total })
                : t('directory.results')}
            </Title>
            <NativeSelect
              label={t('directory.sortLabel')}
              data={ORGANIZATION_SORTS.map((value) => ({ value, label: t(`directory.sort.${value}`) }))}
              value={sort}
              onChange={(event) => {
                const value = event.currentTarget.value;
                change({ sort: value === DEFAULT_SORT ? '' : value });
              }}
            />
          </Group>
          <DirectoryResults
            query={organizations}
            contacts={membersView}
            page={page}
            search={location.search}
            canClear={canClear}
            onClear={clearFilters}
            onReset={resetSearch}
            onPage={(p) => change({ page: String(p) }, { scrollToTop: true })}
          />
        </Stack>
      </div>
    </Stack>
  );
}

function DirectoryResults({
  query,
  contacts,
  page,
  search,
  canClear,
  onClear,
  onReset,
  onPage,
}: {
  query: UseQueryResult<DirectoryData>;
  /** The members view: each card shows the contacts the answer carries. */
  contacts: boolean;
  page: number;
  search: string;
  canClear: boolean;
  onClear: () => void;
  onReset: () => void;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();

  // Pending also while a members-view URL waits for the session (the query is not enabled yet).
  if (query.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        {[1, 2, 3, 4].map((i) => (
          <Card withBorder padding="lg" key={i}>
            {/* The card's shape: the logo box and name, two lines of summary, the area chips. */}
            <Group gap="md" wrap="nowrap" mb="xs">
              <Skeleton height={CARD_LOGO_SIZE} width={CARD_LOGO_SIZE} radius="md" />
              <Stack gap={8} style={{ flex: 1 }}>
                <Skeleton height={20} width="60%" />
                <Skeleton height={12} width="40%" />
              </Stack>
            </Group>
            <Skeleton height={12} mb={8} />
            <Skeleton height={12} width="80%" mb="sm" />
            <Group gap={6}>
              <Skeleton height={22} width={96} radius="xl" />
              <Skeleton height={22} width={120} radius="xl" />
            </Group>
          </Card>
        ))}
      </Stack>
    );
  }

  if (query.isError) {
    if (isApiError(query.error, 400)) {
      return (
        <Alert color="red" title={t('directory.badRequestTitle')} role="alert">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('directory.badRequestText')}</Text>
            {query.error.fieldErrors.length > 0 ? (
              <List size="sm">
                {query.error.fieldErrors.map((e) => (
                  <List.Item key={`${e.path}:${e.message}`}>{e.message}</List.Item>
                ))}
              </List>
            ) : null}
            <Button variant="light" color="red" onClick={onReset}>
              {t('directory.clearFilters')}
            </Button>
          </Stack>
        </Alert>
      );
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }

  const { items, total } = query.data;
  const pages = Math.max(1, Math.ceil(total / (query.data.pageSize || DIRECTORY_PAGE_SIZE)));

  if (total === 0) {
    return (
      <Card withBorder padding="xl">
        <Stack gap="sm" align="flex-start">
          <Title order={3} size="h5">
            {t('directory.emptyTitle')}
          </Title>
          <Text c="dimmed">{t('directory.emptyText')}</Text>
          {canClear ? <Button onClick={onClear}>{t('directory.clearFilters')}</Button> : null}
        </Stack>
      </Card>
    );
  }

  return (
    <Stack gap="lg">
      {items.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack gap="sm" align="flex-start">
            <Text>{t('directory.pageOutOfRange')}</Text>
            <Group gap="sm">
              <Button onClick={() => onPage(1)}>{t('directory.firstPage')}</Button>
              {pages > 1 ? (
                <Button variant="default" onClick={() => onPage(pages)}>
                  {t('directory.lastPage')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Card>
      ) : (
        <Stack
          component="ul"
          className="plain-list"
          gap="md"
          aria-busy={query.isPlaceholderData}
          style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
        >
          {items.map((organization, index) => (
            <li key={organization.id}>
              <OrganizationCard organization={organization} search={search} eagerLogo={index < EAGER_LOGOS}>
                {contacts ? (
                  <Suspense fallback={null}>
                    <MemberContacts organization={organization} />
                  </Suspense>
                ) : null}
              </OrganizationCard>
            </li>
          ))}
        </Stack>
      )}
      {/* Past the last page (`?page=99`) no page is current: the card above offers the first and the last. */}
      {pages > 1 && page <= pages ? (
        <nav aria-label={t('directory.pagination')}>
          <Pagination
            total={pages}
            value={page}
            onChange={onPage}
            siblings={1}
            getItemProps={(p) => ({ 'aria-label': t('directory.page', { page: p }) })}
            getControlProps={(control) => ({ 'aria-label': t(`directory.${control}Page`) })}
          />
        </nav>
      ) : null}
    </Stack>
  );
}
