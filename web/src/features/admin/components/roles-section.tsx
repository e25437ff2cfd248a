import { Checkbox, Fieldset, Stack, Text } from '@mantine/core';
import { type AdminUser, ROLES, type Role } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { Section } from '@/components/section.tsx';
import { useChangeRole } from '../api/users.ts';

/**
 * The user's roles as a checklist: ticking grants a role at once; unticking asks first, then revokes it.
 * The server refuses what would lock an administrator out (revoking one's own admin role) and says why.
 */
export function RolesSection({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const change = useChangeRole(user.id);
  const [revoking, setRevoking] = useState<Role>();
  const [done, setDone] = useState('');

  const grant = (role: Role) => {
    setDone('');
    change.mutate(
      { role, grant: true },
      { onSuccess: () => setDone(t('admin.user.roles.granted', { role: t(`roles.${role}`) })) },
    );
  };
  const closeConfirm = () => {
    setRevoking(undefined);
    change.reset();
  };
  const confirmRevoke = () => {
    if (!revoking) return;
    const role = revoking;
    change.mutate(
      { role, grant: false },
      {
        onSuccess: () => {
          setRevoking(undefined);
          setDone(t('admin.user.roles.revoked', { role: t(`roles.${role}`) }));
        },
      },
    );
  };

  return (
    <Section id="roles" title={t('admin.user.roles.title')}>
      <Fieldset legend={t('admin.user.roles.intro')} variant="unstyled">
        <Stack gap="sm" mt="xs">
          {ROLES.map((role) => (
            <Checkbox
              key={role}
              label={t(`roles.${role}`)}
              description={role === 'representative' ? t('admin.user.roles.representativeHint') : undefined}
              checked={user.roles.includes(role)}
              disabled={change.isPending}
              onChange={(event) => {
                if (event.currentTarget.checked) grant(role);
                else {
                  setDone('');
                  change.reset();
                  setRevoking(role);
                }
              }}
            />
          ))}
        </Stack>
      </Fieldset>
      <Text size="sm" c="teal.9" role="status">
        {done}
      </Text>
      {change.isError && revoking === undefined ? <ProblemAlert error={change.error} /> : null}
      <ConfirmModal
        opened={revoking !== undefined}
        title={t('admin.user.roles.confirmTitle')}
        text={
          revoking
            ? t('admin.user.roles.confirmText', { role: t(`roles.${revoking}`), name: user.displayName })
            : ''
        }
        confirmLabel={t('admin.user.roles.confirm')}
        pending={change.isPending}
        error={change.isError ? change.error : undefined}
        onConfirm={confirmRevoke}
        onClose={closeConfirm}
      />
    </Section>
  );
}
