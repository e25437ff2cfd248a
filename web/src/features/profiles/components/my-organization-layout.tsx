import { Alert, Anchor, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useOrganizationStanding, useSession } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { formatDateTime } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useEditableProfile } from '../api/profile.ts';
import { MyOrganizationNav } from './my-organization-nav.tsx';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={paths.account.href('organizations')}>
      ← {t('myOrganization.back')}
    </Anchor>
  );
}

/**
 * /my/organizations/:id/* — the pages of an organisation the user represents: the header and the tabs
 * (profile, representatives, history, fees, data), with the current tab's page below. The tab pages read
 * the same cached profile query, so they render only once it has loaded here.
 */
export function MyOrganizationLayout() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const language = useLanguage();
  const profile = useEditableProfile(id);
  const standing = useOrganizationStanding(id);
  const session = useSession();
  const candidate = session.data?.user?.organizations.find((o) => o.id === id)?.candidate ?? false;
  const name = profile.data
    ? pickLocalized(profile.data.profile.nameBg, profile.data.profile.nameEn, language)
    : undefined;
  const notFound = isApiError(profile.error, 404) || isApiError(profile.error, 400);
  usePageTitle(
    notFound
      ? t('myOrganization.notFoundTitle')
      : name
        ? t('myOrganization.title', { name: name.text })
        : t('myOrganization.titleFallback'),
  );

  if (profile.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={16} width={160} />
        <Skeleton height={36} width="60%" />
        <Skeleton height={320} />
      </Stack>
    );
  }
  if (profile.isError) {
    return (
      <Stack gap="md" align="flex-start">
        <BackLink />
        {notFound ? (
          <>
            <Title order={1}>{t('myOrganization.notFoundTitle')}</Title>
            <Text>{t('myOrganization.notFoundText')}</Text>
          </>
        ) : (
          <>
            <Title order={1}>{t('myOrganization.titleFallback')}</Title>
            <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
          </>
        )}
      </Stack>
    );
  }

  const { profile: saved } = profile.data;
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <BackLink />
        <Text c="dimmed" fw={500}>
          {t('myOrganization.eyebrow')}
        </Text>
        <Title order={1} lang={name?.lang}>
          {name?.text}
        </Title>
        <Text>{t('myOrganization.intro')}</Text>
        <dl className="facts">
          <dt>{t('myOrganization.facts.eik')}</dt>
          <dd>{saved.eik}</dd>
          <dt>{t('myOrganization.facts.kind')}</dt>
          <dd>{t(`kind.${saved.kind}`)}</dd>
          <dt>{t('myOrganization.facts.updatedAt')}</dt>
          <dd>
            <time dateTime={saved.updatedAt}>{formatDateTime(saved.updatedAt, language)}</time>
          </dd>
        </dl>
        {standing && standing !== 'active' ? (
          <Alert color="yellow" title={t(`myOrganization.standing.${standing}`)}>
            {t('myOrganization.standing.text')}
            {candidate ? (
              <Text mt="xs" size="sm">
                {t('myOrganization.standing.candidate')}
              </Text>
            ) : null}
          </Alert>
        ) : null}
      </Stack>
      <MyOrganizationNav id={id} />
      <Outlet />
    </Stack>
  );
}
