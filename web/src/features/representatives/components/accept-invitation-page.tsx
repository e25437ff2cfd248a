import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useSession } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { formatDateTime } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useAcceptInvitation, useInvitationPreview } from '../api/representatives.ts';

/**
 * /invitations/accept?token=… — an emailed invitation to represent an organisation. Signed in only (the
 * router sends a visitor to log in and back): shows who invites to what organisation, then accepts it and
 * links to the organisation's pages.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const session = useSession();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  usePageTitle(t('myOrganization.representatives.accept.pageTitle'));

  const links = (id: string) => (
    <Group gap="md">
      <Anchor component={Link} to={paths.myOrganization.href(id)}>
        {t('myOrganization.representatives.accept.openProfile')}
      </Anchor>
      <Anchor component={Link} to={paths.myOrganizationRepresentatives.href(id)}>
        {t('myOrganization.representatives.accept.openRepresentatives')}
      </Anchor>
    </Group>
  );

  let body: ReactNode;
  if (!token) {
    body = (
      <Alert color="red" role="alert" title={t('myOrganization.representatives.accept.errorTitle')}>
        {t('myOrganization.representatives.accept.missingToken')}
      </Alert>
    );
  } else if (preview.isPending) {
    body = (
      <Stack gap="sm" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={24} width="70%" />
        <Skeleton height={64} />
      </Stack>
    );
  } else if (preview.isError) {
    // A mangled link (a token cut short by a mail program) is refused as invalid data: say what is wrong
    // with the link, not "see the field errors" with no field on the page.
    const tokenError = isApiError(preview.error)
      ? preview.error.fieldErrors.find((e) => e.path.split('.').at(-1) === 'token')?.message
      : undefined;
    body = (
      <ProblemAlert error={preview.error} title={t('myOrganization.representatives.accept.errorTitle')}>
        {tokenError ? <Text size="sm">{tokenError}</Text> : undefined}
      </ProblemAlert>
    );
  } else {
    const invitation = preview.data;
    const organization = pickLocalized(
      invitation.organization.nameBg,
      invitation.organization.nameEn,
      language,
    ).text;
    const done = accept.data ?? (invitation.accepted ? { alreadyAccepted: true } : undefined);
    body = (
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('myOrganization.representatives.accept.title', { organization })}
        </Title>
        <Text>
          {invitation.invitedBy
            ? t('myOrganization.representatives.accept.text', { inviter: invitation.invitedBy, organization })
            : t('myOrganization.representatives.accept.textNoInviter', { organization })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('myOrganization.representatives.accept.sentTo', {
            email: invitation.email,
            date: formatDateTime(invitation.expiresAt, language),
          })}
        </Text>
        {done ? (
          <Stack gap="sm">
            <Text c="teal.9" role="status" fw={600}>
              {done.alreadyAccepted
                ? t('myOrganization.representatives.accept.alreadyAccepted')
                : t('myOrganization.representatives.accept.accepted', { organization })}
            </Text>
            {links(invitation.organization.id)}
          </Stack>
        ) : invitation.emailMatches ? (
          <Stack gap="sm" align="flex-start">
            {accept.isError ? (
              <ProblemAlert
                error={accept.error}
                title={t('myOrganization.representatives.accept.errorTitle')}
              />
            ) : null}
            <Button loading={accept.isPending} onClick={() => accept.mutate(token)}>
              {t('myOrganization.representatives.accept.submit')}
            </Button>
          </Stack>
        ) : (
          <Alert color="yellow" role="alert" title={t('myOrganization.representatives.accept.errorTitle')}>
            {t('myOrganization.representatives.accept.mismatch', {
              me: session.data?.user?.email ?? '',
              email: invitation.email,
            })}
          </Alert>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('myOrganization.representatives.accept.pageTitle')}</Title>
      <Paper withBorder p={{ base: 'md', xs: 'lg' }}>
        {body}
      </Paper>
    </Stack>
  );
}
