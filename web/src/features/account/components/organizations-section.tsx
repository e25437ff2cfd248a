import { Anchor, Card, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import {
  isPubliclyListed,
  MEMBERSHIP_CATEGORIES,
  MEMBERSHIP_STATUSES,
  type MembershipCategory,
  type MembershipStatus,
  type MyOrganization,
  ORGANIZATION_KINDS,
  type OrganizationKind,
} from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MemberExportButton } from '@/components/member-export-button.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useMyOrganizations } from '../api/account.ts';

const isKind = (v: string): v is OrganizationKind => (ORGANIZATION_KINDS as readonly string[]).includes(v);
const isCategory = (v: string | null): v is MembershipCategory =>
  v !== null && (MEMBERSHIP_CATEGORIES as readonly string[]).includes(v);
const isStatus = (v: string | null): v is MembershipStatus =>
  v !== null && (MEMBERSHIP_STATUSES as readonly string[]).includes(v);

/** The organisations the user represents, with their membership at a glance. */
export function OrganizationsSection() {
  const { t } = useTranslation();
  const organizations = useMyOrganizations();

  if (organizations.isPending) {
    return (
      <Stack gap="sm" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={96} />
      </Stack>
    );
  }
  if (organizations.isError) {
    return <QueryError error={organizations.error} onRetry={() => void organizations.refetch()} />;
  }
  if (organizations.data.length === 0) {
    return (
      <Stack gap="sm">
        <Text c="dimmed">{t('account.organizations.empty')}</Text>
        <MemberExportButton hint />
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('account.organizations.intro')}
      </Text>
      <Stack component="ul" className="plain-list" gap="sm">
        {organizations.data.map((organization) => (
          <Card component="li" withBorder padding="md" key={organization.id}>
            <OrganizationFacts organization={organization} />
          </Card>
        ))}
      </Stack>
      <MemberExportButton hint />
    </Stack>
  );
}

function OrganizationFacts({ organization: o }: { organization: MyOrganization }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = pickLocalized(o.nameBg, o.nameEn, language);
  const status = isStatus(o.status) ? t(`account.organizations.membershipStatus.${o.status}`) : o.status;
  const category = isCategory(o.category) ? t(`category.${o.category}`) : o.category;
  const listed =
    isStatus(o.status) &&
    isCategory(o.category) &&
    isPubliclyListed({ status: o.status, category: o.category });
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" lang={name.lang}>
        {name.text}
      </Title>
      <dl className="facts">
        <dt>{t('account.organizations.eik')}</dt>
        <dd>{o.eik}</dd>
        <dt>{t('account.organizations.kind')}</dt>
        <dd>{isKind(o.kind) ? t(`kind.${o.kind}`) : o.kind}</dd>
        <dt>{t('account.organizations.status')}</dt>
        <dd>{status ?? t('account.organizations.notMember')}</dd>
        {category ? (
          <>
            <dt>{t('account.organizations.category')}</dt>
            <dd>{category}</dd>
          </>
        ) : null}
        {o.memberSince ? (
          <>
            <dt>{t('account.organizations.memberSince')}</dt>
            <dd>{formatDate(o.memberSince, language)}</dd>
          </>
        ) : null}
      </dl>
      <Group gap="md">
        <Anchor component={Link} to={paths.myOrganization.href(o.id)} size="sm">
          {t('account.organizations.editProfile')}
        </Anchor>
        {listed ? (
          <Anchor component={Link} to={paths.member.href(o.id)} size="sm">
            {t('account.organizations.publicProfile')}
          </Anchor>
        ) : null}
      </Group>
    </Stack>
  );
}
