import { Anchor, Button, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { CONTACT_FIELDS, type MembershipDetail } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useConfirmedAction } from '@/components/use-confirmed-action.ts';
import { useCan } from '@/lib/api/session.ts';
import { paths } from '@/lib/paths.ts';
import { useRemoveOrganization } from '../api/memberships.ts';

/**
 * How the committee reaches a member (issue 11 C13): its representatives and every contact field, and for
 * administrators a link to edit the profile (an imported organisation has no representative to do it).
 */
export function MemberContacts({ membership: m }: { membership: MembershipDetail }) {
  const { t } = useTranslation();
  // Administrators edit any organisation's profile (organization.edit); representatives edit their own elsewhere.
  const canEdit = useCan('users.manage');
  const contacts = CONTACT_FIELDS.filter((field) => m.contacts[field]);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="membership-contacts">
      <Title order={2} size="h4" id="membership-contacts" mb="sm">
        {t('memberships.contacts.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('memberships.contacts.representatives')}
          </Text>
          {m.representatives.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('memberships.contacts.noRepresentatives')}
            </Text>
          ) : (
            <List spacing={4} size="sm">
              {m.representatives.map((r) => (
                <List.Item key={r.id}>
                  {r.name} · <Anchor href={`mailto:${r.email}`}>{r.email}</Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('memberships.contacts.organization')}
          </Text>
          {contacts.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('memberships.contacts.none')}
            </Text>
          ) : (
            <Stack component="dl" gap={4} m={0}>
              {contacts.map((field) => (
                <div key={field}>
                  <Text component="dt" size="xs" c="dimmed">
                    {t(`memberships.contacts.field.${field}`)}
                  </Text>
                  <Text component="dd" m={0} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {m.contacts[field]}
                  </Text>
                </div>
              ))}
            </Stack>
          )}
        </div>
      </SimpleGrid>
      {canEdit ? (
        <Anchor
          component={Link}
          to={paths.myOrganization.href(m.id)}
          size="sm"
          mt="sm"
          display="inline-block"
        >
          {t('memberships.contacts.editProfile')}
        </Anchor>
      ) : null}
    </Card>
  );
}

/** Administrators: remove an organisation entered by mistake, after a confirmation. */
export function RemoveOrganizationSection({
  membership: m,
  name,
}: {
  membership: MembershipDetail;
  name: string;
}) {
  const { t } = useTranslation();
  const allowed = useCan('organizations.remove');
  const navigate = useNavigate();
  const remove = useRemoveOrganization(m.id);
  const action = useConfirmedAction(remove);
  if (!allowed) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="remove-organization" align="flex-start">
      <Title order={2} size="h4" id="remove-organization">
        {t('memberships.remove.title')}
      </Title>
      <Text size="sm">{t('memberships.remove.intro')}</Text>
      <Button variant="outline" color="red" onClick={action.ask}>
        {t('memberships.remove.button')}
      </Button>
      <ConfirmModal
        opened={action.confirming}
        title={t('memberships.remove.confirmTitle')}
        text={t('memberships.remove.confirmText', { name })}
        confirmLabel={t('memberships.remove.confirm')}
        pending={remove.isPending}
        error={remove.isError ? remove.error : undefined}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => navigate(paths.committeeMembers.href()),
          })
        }
        onClose={action.close}
      />
      {remove.isError && !action.confirming ? <ProblemAlert error={remove.error} /> : null}
    </Stack>
  );
}
