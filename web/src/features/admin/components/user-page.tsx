import { Anchor, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { AdminUser } from '@portal/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { AdminNav } from '@/components/admin-nav.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { Section } from '@/components/section.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { formatDateTime } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { personName } from '@/lib/person.ts';
import { useUser } from '../api/users.ts';
import { AccessSection } from './access-section.tsx';
import { EraseSection } from './erase-section.tsx';
import { HistorySection } from './history-section.tsx';
import { OrganizationsSection } from './organizations-section.tsx';
import { RolesSection } from './roles-section.tsx';
import { StatusBadge } from './status-badge.tsx';
import { isUsersReturnState } from './users-page.tsx';

function BackLink() {
  const { t } = useTranslation();
  const { state } = useLocation();
  const search = isUsersReturnState(state) ? state.usersSearch : undefined;
  return (
    <Anchor component={Link} to={paths.adminUsers.href(search)}>
      ← {t('admin.user.back')}
    </Anchor>
  );
}

/** /admin/users/:id: a user's details, roles, access, organisations and history. */
export function UserPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser(id);
  const notFound = isApiError(user.error, 404) || isApiError(user.error, 400);
  usePageTitle(
    notFound
      ? t('admin.user.notFoundTitle')
      : user.data
        ? personName(t, user.data.displayName)
        : t('admin.user.titleFallback'),
  );

  let content: ReactNode;
  if (user.isPending) {
    content = (
      <Stack gap="md" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={36} width="50%" />
        <Skeleton height={160} />
      </Stack>
    );
  } else if (user.isError) {
    content = notFound ? (
      <Stack gap="sm" align="flex-start">
        <Title order={1}>{t('admin.user.notFoundTitle')}</Title>
        <Text>{t('admin.user.notFoundText')}</Text>
      </Stack>
    ) : (
      <QueryError error={user.error} onRetry={() => void user.refetch()} />
    );
  } else {
    content = <UserDetails user={user.data} />;
  }

  return (
    <Stack gap="lg">
      <AdminNav />
      <BackLink />
      {content}
    </Stack>
  );
}

function UserDetails({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {personName(t, user.displayName)}
        </Title>
        <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {user.email}
        </Text>
      </Stack>
      <Section id="details" title={t('admin.user.details')}>
        <dl className="facts">
          <dt>{t('admin.user.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('admin.user.displayName')}</dt>
          <dd>{personName(t, user.displayName)}</dd>
          <dt>{t('admin.user.status')}</dt>
          <dd>
            <StatusBadge status={user.status} />
          </dd>
          <dt>{t('admin.user.language')}</dt>
          <dd>{t(`language.${user.language}.name`)}</dd>
          <dt>{t('admin.user.createdAt')}</dt>
          <dd>{formatDateTime(user.createdAt, language)}</dd>
          <dt>{t('admin.user.id')}</dt>
          <dd>
            <code>{user.id}</code>
          </dd>
        </dl>
      </Section>
      <RolesSection user={user} />
      <AccessSection user={user} />
      <OrganizationsSection user={user} />
      <EraseSection user={user} />
      <HistorySection userId={user.id} />
    </Stack>
  );
}
