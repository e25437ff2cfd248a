import { Anchor, Badge, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type AdminUser, ROLES, USER_STATUSES } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { AdminNav } from '@/components/admin-nav.tsx';
import { FilterInput } from '@/components/filter-input.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { PagedList } from '@/components/paged-list.tsx';
import { formatDate } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { personName } from '@/lib/person.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { useUsers } from '../api/users.ts';
import {
  currentPage,
  hasFilters,
  readSearch,
  USER_PARAMS,
  type UserSearch,
  withChange,
} from '../search-params.ts';
import { StatusBadge } from './status-badge.tsx';

/** Navigation state a user's page reads to link back to the same filtered list. */
export interface UsersReturnState {
  usersSearch: string;
}

export function isUsersReturnState(state: unknown): state is UsersReturnState {
  return (
    typeof state === 'object' &&
    state !== null &&
    typeof (state as Partial<UsersReturnState>).usersSearch === 'string'
  );
}

/** /admin/users: search, role and status filters and pages, all in the URL. */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.users.title'));
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const search = readSearch(searchParams, USER_PARAMS);
  const page = currentPage(search);
  const users = useUsers(search);
  const filtered = hasFilters(search);

  const change = (delta: UserSearch, options: { scrollToTop?: boolean } = {}) =>
    setSearchParams((prev) => withChange(prev, delta), { preventScrollReset: !options.scrollToTop });
  const clearFilters = () => setSearchParams(new URLSearchParams(), { preventScrollReset: true });

  return (
    <Stack gap="lg">
      <AdminNav />
      <div>
        <Title order={1}>{t('admin.users.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('admin.users.intro')}
        </Text>
      </div>
      <search aria-label={t('admin.list.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
          <FilterInput
            label={t('admin.users.searchLabel')}
            placeholder={t('admin.users.searchPlaceholder')}
            value={search.q ?? ''}
            onCommit={(q) => change({ q })}
          />
          <NativeSelect
            label={t('admin.users.roleLabel')}
            value={search.role ?? ''}
            onChange={(event) => change({ role: event.currentTarget.value })}
            data={[
              { value: '', label: t('admin.users.roleAny') },
              ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })),
            ]}
          />
          <NativeSelect
            label={t('admin.users.statusLabel')}
            value={search.status ?? ''}
            onChange={(event) => change({ status: event.currentTarget.value })}
            data={[
              { value: '', label: t('admin.users.statusAny') },
              ...USER_STATUSES.map((status) => ({ value: status, label: t(`admin.status.${status}`) })),
            ]}
          />
        </SimpleGrid>
      </search>
      <Stack gap="md" component="section" aria-labelledby="admin-users-results">
        <Title order={2} size="h4" id="admin-users-results" aria-live="polite">
          {users.data ? t('admin.users.found', { count: users.data.total }) : t('admin.list.results')}
        </Title>
        <PagedList
          query={users}
          page={page}
          onPage={(p) => change({ page: String(p) }, { scrollToTop: true })}
          filtered={filtered}
          onClearFilters={clearFilters}
          emptyTitle={t('admin.users.emptyTitle')}
          emptyText={t('admin.users.emptyText')}
          noneTitle={t('admin.users.noUsersTitle')}
          itemKey={(user) => user.id}
          renderItem={(user) => <UserCard user={user} />}
        />
      </Stack>
    </Stack>
  );
}

function UserCard({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const location = useLocation();
  const state: UsersReturnState = { usersSearch: location.search };
  return (
    <Card withBorder padding="md" component="article">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={3} size="h5">
            <Anchor component={Link} to={paths.adminUser.href(user.id)} state={state}>
              {personName(t, user.displayName)}
            </Anchor>
          </Title>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {user.email}
          </Text>
        </Stack>
        <StatusBadge status={user.status} />
      </Group>
      <Group gap={6} mt="xs" component="ul" className="plain-list" aria-label={t('admin.user.roles.title')}>
        {user.roles.length === 0 ? (
          <Text component="li" size="sm" c="dimmed">
            {t('admin.users.noRoles')}
          </Text>
        ) : (
          user.roles.map((role) => (
            <Badge component="li" key={role} variant="outline" tt="none">
              {t(`roles.${role}`)}
            </Badge>
          ))
        )}
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        {t('admin.users.createdAt', { date: formatDate(user.createdAt, language) })}
        {user.organizations.length > 0
          ? ` · ${t('admin.users.organizations', { count: user.organizations.length })}`
          : ''}
      </Text>
    </Card>
  );
}
