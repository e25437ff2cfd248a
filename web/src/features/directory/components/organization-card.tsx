import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { OrganizationSummary, SharingKind } from '@portal/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrganizationAvatar } from '@/components/organization-logo.tsx';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { type DirectoryReturnState, paths } from '@/lib/paths.ts';
import { withDirectoryChange } from '../search-params.ts';

/** The logo box of a card (px): reserved before the picture loads, the same for the initials. */
export const CARD_LOGO_SIZE = 56;
/** How many area chips a card shows before "+N". */
export const CARD_AREAS = 3;

export function OrganizationCard({
  organization: o,
  search,
  eagerLogo = false,
  children,
}: {
  organization: OrganizationSummary;
  search: string;
  /** The card is on the first screen: its logo loads at once, not lazily. */
  eagerLogo?: boolean;
  /** More about the organisation at the end of the card (the members view's contacts). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = pickLocalized(o.nameBg, o.nameEn, language);
  const summary = pickLocalized(o.summaryBg, o.summaryEn, language);
  const facts = [t(`kind.${o.kind}`), o.sizeClass ? t(`size.${o.sizeClass}`) : null, o.city].filter(Boolean);
  const state: DirectoryReturnState = { directorySearch: search };
  const kindList = (kinds: SharingKind[]) =>
    kinds.map((kind) => t(`profile.sharingKind.${kind}`).toLocaleLowerCase(language)).join(', ');
  const areaName = (a: { nameBg: string; nameEn: string }) =>
    pickLocalized(a.nameBg, a.nameEn, language).text;
  // A chip filters the directory by its area (the other filters stay; back to page 1).
  const areaHref = (id: string) =>
    paths.members.href(withDirectoryChange(new URLSearchParams(search), { area: id }).toString());
  const shownAreas = o.areas.slice(0, CARD_AREAS);
  const moreAreas = o.areas.slice(CARD_AREAS);
  const offerTitles = o.boardOffers.map((offer) => pickLocalized(offer.titleBg, offer.titleEn, language));

  return (
    <Card withBorder padding="lg" component="article" h="100%">
      <Stack gap="xs">
        <Group gap="md" wrap="nowrap" align="center">
          <OrganizationAvatar url={o.logoUrl} name={name.text} size={CARD_LOGO_SIZE} eager={eagerLogo} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={3} size="h4" lang={name.lang}>
              <Anchor component={Link} to={paths.member.href(o.id)} state={state}>
                {name.text}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {facts.join(' · ')}
            </Text>
          </Stack>
        </Group>
        {summary.text ? (
          <Text size="sm" lineClamp={2} lang={summary.lang}>
            {summary.text}
          </Text>
        ) : null}
        {o.areas.length > 0 ? (
          <Group gap={6} component="ul" className="plain-list" aria-label={t('directory.cardAreas')}>
            {shownAreas.map((area) => (
              <li key={area.id} style={{ maxWidth: '100%' }}>
                <Badge
                  component={Link}
                  to={areaHref(area.id)}
                  variant="light"
                  size="md"
                  tt="none"
                  maw="100%"
                  style={{ cursor: 'pointer' }}
                  title={t('directory.filterByArea', { name: areaName(area) })}
                >
                  {areaName(area)}
                </Badge>
              </li>
            ))}
            {moreAreas.length > 0 ? (
              <li>
                <Badge
                  variant="outline"
                  color="gray"
                  size="md"
                  tt="none"
                  title={moreAreas.map(areaName).join(', ')}
                  aria-label={t('directory.moreAreas', {
                    count: moreAreas.length,
                    names: moreAreas.map(areaName).join(', '),
                  })}
                >
                  +{moreAreas.length}
                </Badge>
              </li>
            ) : null}
          </Group>
        ) : null}
        {offerTitles.length > 0 ? (
          <div>
            <Text size="xs" fw={600} c="dimmed" id={`offers-${o.id}`}>
              {t('directory.boardOffers')}
            </Text>
            <ul className="card-offers" aria-labelledby={`offers-${o.id}`}>
              {offerTitles.map((title, i) => (
                <Text component="li" size="sm" key={o.boardOffers[i]?.id} lang={title.lang} lineClamp={1}>
                  {title.text}
                </Text>
              ))}
            </ul>
          </div>
        ) : null}
        {o.offers.length > 0 || o.seeks.length > 0 ? (
          <Text size="xs">
            {[
              o.offers.length > 0 ? t('directory.offers', { kinds: kindList(o.offers) }) : null,
              o.seeks.length > 0 ? t('directory.seeks', { kinds: kindList(o.seeks) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        ) : null}
        {o.memberSince ? (
          <Text size="xs" c="dimmed">
            {t('directory.memberSince', { date: formatDate(o.memberSince, language) })}
          </Text>
        ) : null}
        {children}
      </Stack>
    </Card>
  );
}
