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
import { OrganizationAvatar } from '@/components/organization-logo.tsx';
import { usePageMeta } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useCan } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { safeHttpUrl } from '@/lib/contact-links.ts';
import { formatDate, formatNumber } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { isDirectoryReturnState, paths } from '@/lib/paths.ts';
import { useMemberOrganization, useOrganization } from '../api/organizations.ts';
import { ContactForm } from './contact-form.tsx';

/** The profile header's logo box (px): reserved before the picture loads, the same for the initials. */
const PROFILE_LOGO_SIZE = 112;

/** The first sentence of a description (up to ~240 characters), for the profile's header. */
export function leadOf(text: string): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  const end = clean.search(/[.!?](\s|$)/);
  const sentence = end >= 0 ? clean.slice(0, end + 1) : clean;
  return sentence.length > 240 ? `${sentence.slice(0, 239).replace(/\s+\S*$/, '')}…` : sentence;
}

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

/** The first `max` characters of a text on one line, cut at a word, for a description tag. */
function shortText(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length)}…`;
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
  // 410: a member whose membership has ended (the server says nothing more about it).
  const gone = isApiError(organization.error, 410);
  const profile = organization.data;
  const summary = profile
    ? shortText(pickLocalized(profile.descriptionBg, profile.descriptionEn, language).text, 200)
    : undefined;
  // Search engines and link previews (issue 17): the member's name, summary and logo, and an Organization.
  usePageMeta({
    title: gone
      ? t('profile.goneTitle')
      : notFound
        ? t('profile.notFoundTitle')
        : (name ?? t('profile.titleFallback')),
    ...(summary ? { description: summary } : {}),
    ...(profile?.logoUrl ? { image: profile.logoUrl } : {}),
    type: 'profile',
    ...(profile && name
      ? {
          jsonLd: {
            '@context': 'https://schema.org',
            '@type': 'Organization',
            name,
            ...(summary ? { description: summary } : {}),
            ...(profile.logoUrl ? { logo: profile.logoUrl } : {}),
            ...(profile.website ? { url: profile.website } : {}),
            ...(profile.city
              ? { address: { '@type': 'PostalAddress', addressLocality: profile.city, addressCountry: 'BG' } }
              : {}),
            ...(profile.foundedYear ? { foundingDate: String(profile.foundedYear) } : {}),
          },
        }
      : {}),
  });

  if (organization.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={16} width={160} />
        <Card withBorder padding="lg">
          <Group gap="lg" wrap="nowrap" align="flex-start">
            <Skeleton height={PROFILE_LOGO_SIZE} width={PROFILE_LOGO_SIZE} radius="md" />
            <Stack gap={10} style={{ flex: 1 }}>
              <Skeleton height={36} width="60%" />
              <Skeleton height={14} width="30%" />
              <Skeleton height={14} />
              <Skeleton height={22} width={200} radius="xl" />
            </Stack>
          </Group>
        </Card>
        <Skeleton height={160} />
      </Stack>
    );
  }

  if (organization.isError) {
    if (gone) {
      return (
        <Stack gap="md" align="flex-start">
          <Title order={1}>{t('profile.goneTitle')}</Title>
          <Text>{t('profile.goneText')}</Text>
          <Anchor component={Link} to={paths.members.href()}>
            {t('profile.toDirectory')}
          </Anchor>
        </Stack>
      );
    }
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
  // The header's lead: the description's first sentence (the whole text is under "About").
  const lead = leadOf(description.text);
  // Only when it is shorter than the description (a one-sentence description is just "About").
  const summary = lead.length < description.text.trim().length ? lead : '';
  const facts = [o.sizeClass ? t(`size.${o.sizeClass}`) : null, o.city].filter(Boolean);
  const website = o.website ? safeHttpUrl(o.website) : undefined;
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
      <Card withBorder padding="lg" component="header" className="profile-header">
        <Group gap="lg" wrap="nowrap" align="flex-start" className="profile-header-row">
          <OrganizationAvatar url={o.logoUrl} name={name.text} size={PROFILE_LOGO_SIZE} eager />
          <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
            <Title order={1} lang={name.lang}>
              {name.text}
            </Title>
            {otherName && otherName !== name.text ? (
              <Text size="lg" c="dimmed" lang={name.lang === 'bg' ? 'en' : 'bg'}>
                {otherName}
              </Text>
            ) : null}
            <Text c="dimmed">{facts.join(' · ')}</Text>
            {summary ? (
              <Text lineClamp={3} lang={description.lang}>
                {summary}
              </Text>
            ) : null}
            <Group gap="xs">
              <Badge variant="light" tt="none">
                {t(`kind.${o.kind}`)}
              </Badge>
              <Badge variant="outline" tt="none">
                {t(`category.${o.category}`)}
              </Badge>
            </Group>
            {o.areas.length > 0 ? (
              <>
                <Title order={2} size="h6" mt={4}>
                  {t('profile.areas')}
                </Title>
                <Group gap={6} component="ul" className="plain-list">
                  {o.areas.map((area) => (
                    <li key={area.id}>
                      <Badge
                        component={Link}
                        to={paths.members.href({ area: area.id })}
                        variant="light"
                        tt="none"
                        size="lg"
                        style={{ cursor: 'pointer' }}
                      >
                        {pickLocalized(area.nameBg, area.nameEn, language).text}
                      </Badge>
                    </li>
                  ))}
                </Group>
              </>
            ) : null}
            {website ? (
              <Group gap="sm" mt={4}>
                <Button
                  component="a"
                  href={website}
                  target="_blank"
                  rel="noopener noreferrer"
                  variant="light"
                >
                  {t('profile.visitWebsite')}
                  <VisuallyHidden> {t('profile.websiteNewTab')}</VisuallyHidden>
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Group>
      </Card>

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
