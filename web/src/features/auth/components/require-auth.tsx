import { Anchor, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { type Action, can } from '@portal/shared';
import { useMutationState } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { principalOf, useSession } from '@/lib/api/session.ts';
import { paths } from '@/lib/paths.ts';
import { logOutMutationKey } from '@/lib/query-keys.ts';

/**
 * Guards pages for signed-in users: an anonymous visitor goes to the log-in page (and comes back here
 * after logging in); a user who may not do `permission` sees a 403 page. Use it as a route element
 * around child routes (renders the `Outlet`) or around `children`. The server checks every request
 * anyway: this only spares the user a page that could not work.
 */
export function RequireAuth({ permission, children }: { permission?: Action; children?: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [mountedAt] = useState(Date.now);
  const loggedOutHere = useMutationState({
    filters: { mutationKey: logOutMutationKey },
    select: (mutation) => mutation.state.submittedAt,
  }).some((submittedAt) => submittedAt >= mountedAt);

  if (session.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={36} width="50%" />
        <Skeleton height={160} />
      </Stack>
    );
  }
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;

  const user = session.data.user;
  if (!user) {
    // Logged out from this very page: the log-out goes home; do not offer to log in again.
    if (loggedOutHere) return <Navigate to={paths.home.href()} replace />;
    const here = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={paths.login.href(here)} replace />;
  }
  if (permission && !can(principalOf(user), permission)) return <ForbiddenPage />;
  return children ?? <Outlet />;
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.forbidden.title'));
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>{t('auth.forbidden.title')}</Title>
      <Text>{t('auth.forbidden.text')}</Text>
      <Anchor component={Link} to={paths.home.href()}>
        {t('auth.forbidden.home')}
      </Anchor>
    </Stack>
  );
}
