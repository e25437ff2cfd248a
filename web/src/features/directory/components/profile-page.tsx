import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import {
  type ContactField,
  type MemberOrganizationProfile,
  type OrganizationProfile,
  type PublicPartner,
  SHARING_KINDS,
  type Sharing as SharingTexts,
} from '@portal/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ContactFacts, Fact } from '@/components/contact-facts.tsx';
import { OrganizationLogo } from '@/components/organization-logo.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useCan } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { formatDate, formatNumber } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { isDirectoryReturnState, paths } from '@/lib/paths.ts';
import { useMemberOrganization, useOrganization } from '../api/organizations.ts';
import { ContactForm } from './contact-form.tsx';

function BackLink() {
  const { t } = useTranslation();
  const { state } = useLocation();
  const search = isDirectoryReturnState(state) ? state.directorySearch : undefined;
  return (
    <Anchor component={Link} to={paths.members.href(search)}>
      ← {t('profile.back')}
    </Anchor>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const organization = useOrganization(id);
  // Users who may see members' contacts get them from the members endpoint, next to the public profile.
  const members = useMemberOrganization(id, useCan('members.view'));
  const language = useLanguage();
  const name = organization.data
    ? pickLocalized(organization.data.nameBg, organization.data.nameEn, language).text
    : undefined;
  const notFound = isApiError(organization.error, 404) || isApiError(organization.error, 400);
  usePageTitle(notFound ? t('profile.notFoundTitle') : (name ?? t('profile.titleFallback')));

  if (organization.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={16} width={160} />
        <Skeleton height={36} width="60%" />
        <Skeleton height={160} />
      </Stack>
    );
  }

  if (organization.isError) {
    if (notFound) {
      return (
        <Stack gap="md" align="flex-start">
          <Title order={1}>{t('profile.notFoundTitle')}</Title>
          <Text>{t('profile.notFoundText')}</Text>
          <Anchor component={Link} to={paths.members.href()}>
            {t('profile.toDirectory')}
          </Anchor>
        </Stack>
      );
    }
    return (
      <Stack gap="md" align="flex-start">
        <BackLink />
        <QueryError error={organization.error} onRetry={() => void organization.refetch()} />
      </Stack>
    );
  }

  return <Profile organization={organization.data} members={members} />;
}

function Profile({
  organization: o,
  members,
}: {
  organization: OrganizationProfile;
  members: UseQueryResult<MemberOrganizationProfile>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = pickLocalized(o.nameBg, o.nameEn, language);
  const otherName = name.lang === 'bg' ? o.nameEn : o.nameBg;
  const description = pickLocalized(o.descriptionBg, o.descriptionEn, language);
  // The contacts the viewer may see; a field they see beyond the public profile says who else may.
  const m = members.data;
  const note = (field: ContactField) =>
    m?.[field] && !o[field]
      ? m.level === 'members'
        ? t('membersView.note.members')
        : t('membersView.note.restricted')
      : null;

  return (
    <Stack gap="xl">
      <BackLink />
      <Stack gap={4}>
        {o.logoUrl ? <OrganizationLogo url={o.logoUrl} name={name.text} size={128} /> : null}
        <Title order={1} lang={name.lang}>
          {name.text}
        </Title>
        {otherName && otherName !== name.text ? (
          <Text size="lg" c="dimmed" lang={name.lang === 'bg' ? 'en' : 'bg'}>
            {otherName}
          </Text>
        ) : null}
        <Group gap="xs" mt="xs">
          <Badge variant="light" tt="none">
            {t(`kind.${o.kind}`)}
          </Badge>
          <Badge variant="outline" tt="none">
            {t(`category.${o.category}`)}
          </Badge>
        </Group>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="profile-about">
        <Title order={2} size="h3" id="profile-about">
          {t('profile.about')}
        </Title>
        {description.text ? (
          <>
            {description.lang !== language ? (
              <Text size="sm" c="dimmed">
                {t('profile.descriptionInOtherLanguage')}
              </Text>
            ) : null}
            <Text className="pre-line" lang={description.lang}>
              {description.text}
            </Text>
          </>
        ) : (
          <Text c="dimmed">{t('profile.noDescription')}</Text>
        )}
        {o.areas.length > 0 ? (
          <>
            <Title order={3} size="h5" mt="sm">
              {t('profile.areas')}
            </Title>
            <Group gap={6} component="ul" className="plain-list">
              {o.areas.map((area) => (
                <Badge key={area.id} component="li" variant="light" tt="none">
                  {pickLocalized(area.nameBg, area.nameEn, language).text}
                </Badge>
              ))}
            </Group>
          </>
        ) : null}
      </Stack>

      <Sharing offers={o.offers} seeks={o.seeks} />

      <Partners partners={o.partners ?? []} />

      <Group align="stretch" gap="lg" grow preventGrowOverflow={false} wrap="wrap">
        <Card withBorder padding="lg" component="section" aria-labelledby="profile-details" miw={280}>
          <Title order={2} size="h4" id="profile-details" mb="sm">
            {t('profile.details')}
          </Title>
          <dl className="facts">
            <Fact label={t('profile.nameBg')}>
              <span lang="bg">{o.nameBg}</span>
            </Fact>
            <Fact label={t('profile.nameEn')}>
              <span lang="en">{o.nameEn || t('common.notProvided')}</span>
            </Fact>
            <Fact label={t('profile.eik')}>{o.eik}</Fact>
            <Fact label={t('profile.kind')}>{t(`kind.${o.kind}`)}</Fact>
            {o.sizeClass ? <Fact label={t('profile.size')}>{t(`size.${o.sizeClass}`)}</Fact> : null}
            {o.employees !== null ? (
              <Fact label={t('profile.employees')}>{formatNumber(o.employees, language)}</Fact>
            ) : null}
            {o.foundedYear !== null ? <Fact label={t('profile.founded')}>{o.foundedYear}</Fact> : null}
            {o.naceCodes.length > 0 ? <Fact label={t('profile.nace')}>{o.naceCodes.join(', ')}</Fact> : null}
          </dl>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="profile-contacts" miw={280}>
          <Title order={2} size="h4" id="profile-contacts" mb="sm">
            {t('profile.contacts')}
          </Title>
          <dl className="facts">
            {o.city ? <Fact label={t('profile.city')}>{o.city}</Fact> : null}
            <ContactFacts values={m ?? o} note={note} />
          </dl>
          {members.isLoading ? (
            <Stack gap={6} mt="sm" aria-busy="true">
              <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
              <Skeleton height={12} width="70%" />
              <Skeleton height={12} width="50%" />
            </Stack>
          ) : null}
          {members.isError ? (
            <Group gap="xs" mt="sm" role="alert">
              <Text size="sm" c="red">
                {t('common.loadError')}
              </Text>
              <Button size="compact-sm" variant="subtle" onClick={() => void members.refetch()}>
                {t('common.retry')}
              </Button>
            </Group>
          ) : null}
          <Title order={2} size="h4" mt="lg" mb="sm">
            {t('profile.membership')}
          </Title>
          <dl className="facts">
            <Fact label={t('profile.category')}>{t(`category.${o.category}`)}</Fact>
            {o.memberSince ? (
              <Fact label={t('profile.memberSince')}>{formatDate(o.memberSince, language)}</Fact>
            ) : null}
          </dl>
        </Card>
      </Group>

      {o.acceptsContact ? <ContactForm organizationId={o.id} name={name.text} /> : null}
    </Stack>
  );
}

/** What the member offers to and seeks from the cluster, per kind of sharing (public: it is there to find partners). */
function Sharing({ offers, seeks }: { offers: SharingTexts; seeks: SharingTexts }) {
  const { t } = useTranslation();
  const filled = (sharing: SharingTexts) => SHARING_KINDS.filter((kind) => sharing[kind]);
  const side = (id: 'offers' | 'seeks', sharing: SharingTexts) =>
    filled(sharing).length > 0 ? (
      <Card withBorder padding="lg" component="section" aria-labelledby={`profile-${id}`} miw={280}>
        <Title order={3} size="h5" id={`profile-${id}`} mb="sm">
          {t(`profile.${id}`)}
        </Title>
        <dl className="facts">
          {filled(sharing).map((kind) => (
            <Fact key={kind} label={t(`profile.sharingKind.${kind}`)}>
              <span className="pre-line">{sharing[kind]}</span>
            </Fact>
          ))}
        </dl>
      </Card>
    ) : null;
  const empty = filled(offers).length === 0 && filled(seeks).length === 0;
  return (
    <Stack gap="sm" component="section" aria-labelledby="profile-sharing">
      <Title order={2} size="h3" id="profile-sharing">
        {t('profile.sharing')}
      </Title>
      {empty ? (
        <Text c="dimmed">{t('profile.nothingOffered')}</Text>
      ) : (
        <Group align="stretch" gap="lg" grow preventGrowOverflow={false} wrap="wrap">
          {side('offers', offers)}
          {side('seeks', seeks)}
        </Group>
      )}
    </Stack>
  );
}

/**
 * "Partners in the cluster": partnerships agreed in conversations about board items that both sides
 * consented to show (issue 14 §2); nothing when there are none.
 */
function Partners({ partners }: { partners: PublicPartner[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (partners.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="profile-partners">
      <Title order={2} size="h3" id="profile-partners">
        {t('profile.partners')}
      </Title>
      <Stack component="ul" gap={6} className="plain-list">
        {partners.map((p) => {
          const name = pickLocalized(p.organization.nameBg, p.organization.nameEn, language);
          return (
            <li key={p.organization.id}>
              <Anchor component={Link} to={paths.member.href(p.organization.id)} lang={name.lang}>
                {name.text}
              </Anchor>
              <Text span size="sm" c="dimmed">
                {' · '}
                {formatDate(p.agreedAt.slice(0, 10), language)}
                {p.areas.length
                  ? ` · ${p.areas.map((a) => pickLocalized(a.nameBg, a.nameEn, language).text).join(', ')}`
                  : ''}
              </Text>
            </li>
          );
        })}
      </Stack>
    </Stack>
  );
}
