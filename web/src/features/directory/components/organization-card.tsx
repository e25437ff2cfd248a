import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { OrganizationSummary, SharingKind } from '@portal/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrganizationLogo } from '@/components/organization-logo.tsx';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { type DirectoryReturnState, paths } from '@/lib/paths.ts';

export function OrganizationCard({
  organization: o,
  search,
  children,
}: {
  organization: OrganizationSummary;
  search: string;
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

  return (
    <Card withBorder padding="lg" component="article" h="100%">
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap" align="center">
          {o.logoUrl ? <OrganizationLogo url={o.logoUrl} name={name.text} size={48} /> : null}
          <Title order={3} size="h4" lang={name.lang} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={paths.member.href(o.id)} state={state}>
              {name.text}
            </Anchor>
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {facts.join(' · ')}
        </Text>
        {summary.text ? (
          <Text size="sm" lineClamp={3} lang={summary.lang}>
            {summary.text}
          </Text>
        ) : null}
        {o.areas.length > 0 ? (
          <Group gap={6} component="ul" className="plain-list">
            {o.areas.map((area) => (
              <Badge key={area.id} component="li" variant="light" size="sm" tt="none">
                {pickLocalized(area.nameBg, area.nameEn, language).text}
              </Badge>
            ))}
          </Group>
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
