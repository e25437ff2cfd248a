import {
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type Invitation, InviteBodySchema, type Representative } from '@portal/shared';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useOrganizationStanding } from '@/lib/api/session.ts';
import { useSchemaForm } from '@/lib/form.tsx';
import { formatDateTime } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { personName } from '@/lib/person.ts';
import {
  useInvite,
  useRemoveRepresentative,
  useRepresentatives,
  useRevokeInvitation,
} from '../api/representatives.ts';

function InviteForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const form = useSchemaForm({ initialValues: { email: '' }, schema: InviteBodySchema });
  const invite = useInvite(id);
  const [sent, setSent] = useState<string>();

  const submit = form.onSubmit(
    (body) => {
      setSent(undefined);
      invite.mutate(body.email, {
        onSuccess: (result) => {
          setSent(
            t(
              result.resent
                ? 'myOrganization.representatives.invite.resent'
                : 'myOrganization.representatives.invite.sent',
              { email: result.invitation.email },
            ),
          );
          form.reset();
        },
        onError: (error) => form.showServerErrors(error),
      });
    },
    () => setSent(undefined),
  );
  const rest = form.alertFor(invite.error);

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h4" id="invite-title">
          {t('myOrganization.representatives.invite.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('myOrganization.representatives.invite.intro')}
        </Text>
        {invite.isError && rest !== undefined ? (
          <ProblemAlert error={invite.error} fieldErrors={rest} />
        ) : null}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('myOrganization.representatives.invite.email')}
            type="email"
            autoComplete="off"
            required
            style={{ flex: '1 1 16rem' }}
            {...form.field('email')}
          />
          <Button type="submit" loading={invite.isPending} mt={{ base: 0, xs: 25 }}>
            {t('myOrganization.representatives.invite.submit')}
          </Button>
        </Group>
        <Text size="sm" c="teal.9" role="status">
          {sent ?? ''}
        </Text>
      </Stack>
    </form>
  );
}

/** /my/organizations/:id/representatives — who represents the organisation, invitations, removal. */
export function RepresentativesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const list = useRepresentatives(id);
  const standing = useOrganizationStanding(id);
  const remove = useRemoveRepresentative(id);
  const revoke = useRevokeInvitation(id);
  const [removing, setRemoving] = useState<Representative>();
  const [revoking, setRevoking] = useState<Invitation>();
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const closeRemove = () => {
    setRemoving(undefined);
    remove.reset();
  };
  const closeRevoke = () => {
    setRevoking(undefined);
    revoke.reset();
  };
  const confirmRemove = () => {
    if (!removing) return;
    const who = removing;
    remove.mutate(
      { userId: who.userId, isMe: who.isMe },
      {
        onSuccess: () => {
          setRemoving(undefined);
          if (who.isMe) {
            void navigate(paths.account.href('organizations'));
            return;
          }
          setStatus(t('myOrganization.representatives.removed', { name: who.displayName }));
          heading.current?.focus();
        },
      },
    );
  };
  const confirmRevoke = () => {
    if (!revoking) return;
    const email = revoking.email;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        setRevoking(undefined);
        setStatus(t('myOrganization.representatives.invitations.revoked', { email }));
        heading.current?.focus();
      },
    });
  };

  let content: ReactNode;
  if (list.isPending) {
    content = (
      <Stack gap="sm" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={64} />
        <Skeleton height={64} />
      </Stack>
    );
  } else if (list.isError) {
    content = <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  } else {
    const { representatives, invitations } = list.data;
    const last = representatives.length <= 1;
    content = (
      <Stack gap="lg">
        <Stack component="ul" className="plain-list" gap="sm">
          {representatives.map((rep) => (
            <Card component="li" withBorder padding="md" key={rep.userId}>
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{rep.displayName}</Text>
                    {rep.isMe ? (
                      <Badge variant="filled" color="teal.9">
                        {t('myOrganization.representatives.you')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {rep.email}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('myOrganization.representatives.linkedSince', {
                      date: formatDateTime(rep.linkedSince, language),
                    })}
                  </Text>
                </Stack>
                {last ? null : (
                  <Button
                    variant="light"
                    color="red"
                    size="compact-sm"
                    aria-label={
                      rep.isMe
                        ? t('myOrganization.representatives.leave')
                        : t('myOrganization.representatives.removeNamed', { name: rep.displayName })
                    }
                    onClick={() => {
                      setStatus('');
                      setRemoving(rep);
                    }}
                  >
                    {rep.isMe
                      ? t('myOrganization.representatives.leave')
                      : t('myOrganization.representatives.remove')}
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
        {last ? (
          <Text size="sm" c="dimmed">
            {t('myOrganization.representatives.lastOne')}
          </Text>
        ) : null}

        {/* Only an active member takes new representatives (decision 012; the server refuses too). */}
        {standing === undefined || standing === 'active' ? (
          <InviteForm id={id} />
        ) : (
          <Text size="sm">{t('myOrganization.representatives.invite.unavailable')}</Text>
        )}

        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('myOrganization.representatives.invitations.title')}
          </Title>
          {invitations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('myOrganization.representatives.invitations.empty')}
            </Text>
          ) : (
            <Stack
              component="ul"
              className="plain-list"
              gap="sm"
              aria-label={t('myOrganization.representatives.invitations.title')}
            >
              {invitations.map((inv) => (
                <Card component="li" withBorder padding="md" key={inv.id}>
                  <Group justify="space-between" align="flex-start" gap="sm">
                    <Stack gap={4} style={{ minWidth: 0 }}>
                      <Group gap="xs">
                        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                          {inv.email}
                        </Text>
                        {inv.expired ? (
                          <Badge variant="light" color="gray">
                            {t('myOrganization.representatives.invitations.expiredBadge')}
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="sm" c="dimmed">
                        {inv.invitedBy
                          ? t('myOrganization.representatives.invitations.sentBy', {
                              name: personName(t, inv.invitedBy.displayName),
                              date: formatDateTime(inv.createdAt, language),
                            })
                          : t('myOrganization.representatives.invitations.sentOn', {
                              date: formatDateTime(inv.createdAt, language),
                            })}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {t(
                          inv.expired
                            ? 'myOrganization.representatives.invitations.expired'
                            : 'myOrganization.representatives.invitations.expires',
                          { date: formatDateTime(inv.expiresAt, language) },
                        )}
                      </Text>
                    </Stack>
                    <Button
                      variant="light"
                      color="red"
                      size="compact-sm"
                      aria-label={t('myOrganization.representatives.invitations.revokeNamed', {
                        email: inv.email,
                      })}
                      onClick={() => {
                        setStatus('');
                        setRevoking(inv);
                      }}
                    >
                      {t('myOrganization.representatives.invitations.revoke')}
                    </Button>
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
        </Stack>
      </Stack>
    );
  }

  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'md', xs: 'lg' }}
      aria-labelledby="representatives-title"
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="representatives-title" ref={heading} tabIndex={-1}>
          {t('myOrganization.representatives.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('myOrganization.representatives.intro')}
        </Text>
        <Text size="sm" c="teal.9" role="status">
          {status}
        </Text>
        {content}
      </Stack>
      <ConfirmModal
        opened={removing !== undefined}
        title={
          removing?.isMe
            ? t('myOrganization.representatives.leaveTitle')
            : t('myOrganization.representatives.removeTitle')
        }
        text={
          removing?.isMe
            ? t('myOrganization.representatives.leaveText')
            : removing
              ? t('myOrganization.representatives.removeText', {
                  name: removing.displayName,
                  email: removing.email,
                })
              : ''
        }
        confirmLabel={
          removing?.isMe
            ? t('myOrganization.representatives.leaveConfirm')
            : t('myOrganization.representatives.removeConfirm')
        }
        pending={remove.isPending}
        error={remove.error}
        onConfirm={confirmRemove}
        onClose={closeRemove}
      />
      <ConfirmModal
        opened={revoking !== undefined}
        title={t('myOrganization.representatives.invitations.revokeTitle')}
        text={
          revoking
            ? t('myOrganization.representatives.invitations.revokeText', { email: revoking.email })
            : ''
        }
        confirmLabel={t('myOrganization.representatives.invitations.revokeConfirm')}
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={confirmRevoke}
        onClose={closeRevoke}
      />
    </Paper>
  );
}
