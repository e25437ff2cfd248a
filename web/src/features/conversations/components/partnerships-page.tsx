import { Anchor, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import type { Partnership } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { formatDateTime } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { usePartnerships, useSetConsent } from '../api/conversations.ts';
import '@/i18n/conversations.ts';

/**
 * /my/organizations/:id/partners — the organisation's partnerships agreed in conversations, each with a
 * switch: show it on the public profile ("partners in the cluster", shown once both sides agree).
 */
export function PartnershipsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const partnerships = usePartnerships(id);
  return (
    <Stack gap="md" component="section" aria-labelledby="partnerships-title">
      <Title order={2} id="partnerships-title">
        {t('conversations.partnerships.title')}
      </Title>
      <Text>{t('conversations.partnerships.intro')}</Text>
      {partnerships.isPending ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : partnerships.isError ? (
        <QueryError error={partnerships.error} onRetry={() => void partnerships.refetch()} />
      ) : partnerships.data.items.length === 0 ? (
        <Text c="dimmed">{t('conversations.partnerships.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" className="plain-list">
          {partnerships.data.items.map((p) => (
            <li key={p.id}>
              <PartnershipCard organizationId={id} partnership={p} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function PartnershipCard({
  organizationId,
  partnership: p,
}: {
  organizationId: string;
  partnership: Partnership;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const consent = useSetConsent(organizationId);
  const name = pickLocalized(p.partner.nameBg, p.partner.nameEn, language);
  const checked = consent.isPending ? (consent.variables?.shown ?? p.myConsent) : p.myConsent;
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4" lang={name.lang}>
            {name.text}
          </Title>
          <Anchor component={Link} to={paths.conversation.href(p.conversationId)} size="sm">
            {t('conversations.partnerships.open')}
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed">
          {t('conversations.partnerships.since', { date: formatDateTime(p.agreedAt, language) })}
          {p.areas.length
            ? ` · ${p.areas.map((a) => pickLocalized(a.nameBg, a.nameEn, language).text).join(', ')}`
            : ''}
        </Text>
        <Switch
          label={t('conversations.consent.label')}
          description={`${t('conversations.consent.hint')} ${
            p.otherConsent ? t('conversations.consent.theirs') : t('conversations.consent.notTheirs')
          }`}
          checked={checked}
          disabled={consent.isPending}
          onChange={(e) => consent.mutate({ id: p.id, shown: e.currentTarget.checked })}
        />
        {consent.isError ? <ProblemAlert error={consent.error} /> : null}
      </Stack>
    </Card>
  );
}
