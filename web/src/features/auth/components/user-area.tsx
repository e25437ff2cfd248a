import { Anchor, Button, Group, Text } from '@mantine/core';
import { type Action, can } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { principalOf, useSession } from '@/lib/api/session.ts';
import { paths } from '@/lib/paths.ts';
import { useLogOut } from '../api/auth.ts';

/** Any of these lets a user into the administration pages. */
const ADMIN_ACTIONS: readonly Action[] = ['users.manage', 'audit.read', 'mailbox.read'];

/** Should the header link to the administration pages? */
export function useShowsAdministration(): boolean {
  const session = useSession();
  const principal = principalOf(session.data?.user);
  return ADMIN_ACTIONS.some((action) => can(principal, action));
}

/**
 * The header's account corner: the signed-in user's name and roles, a link to their account and a log-out
 * button; "Log in" and "Sign up" for a visitor. Nothing while the session is loading, so the links do not
 * flicker for a signed-in user.
 */
export function UserArea() {
  const { t } = useTranslation();
  const session = useSession();
  const logOut = useLogOut();

  if (session.isPending) return null;
  const user = session.data?.user;

  if (!user) {
    return (
      <Group gap="xs" wrap="wrap">
        <Button component={Link} to={paths.login.href()} variant="subtle" size="compact-sm">
          {t('auth.header.logIn')}
        </Button>
        <Button component={Link} to={paths.signUp.href()} variant="light" size="compact-sm">
          {t('auth.header.signUp')}
        </Button>
      </Group>
    );
  }

  const roles = user.roles.map((role) => t(`roles.${role}`)).join(', ');
  return (
    <Group gap="sm" wrap="wrap" role="group" aria-label={t('auth.header.userArea')}>
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {user.displayName}
        </Text>
        {roles ? (
          <Text size="xs" c="dimmed">
            {t('auth.header.roles', { roles })}
          </Text>
        ) : null}
      </div>
      <Group gap={4} wrap="nowrap">
        <Anchor component={Link} to={paths.account.href()} size="sm">
          {t('auth.header.account')}
        </Anchor>
        <Button variant="subtle" size="compact-sm" loading={logOut.isPending} onClick={() => logOut.mutate()}>
          {t('auth.header.logOut')}
        </Button>
      </Group>
      {logOut.isError ? <ProblemAlert error={logOut.error} /> : null}
    </Group>
  );
}
