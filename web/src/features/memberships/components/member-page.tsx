import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { MembershipAction, MembershipDetail } from '@portal/shared';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePreloadDateField } from '@/components/date-field.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { formatDate, formatDateTime } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { personName } from '@/lib/person.ts';
import { useMembership } from '../api/memberships.ts';
import { EraseContactSection } from './erase-contact-section.tsx';
import { MemberContacts, RemoveOrganizationSection } from './member-contacts.tsx';
import { STATUS_COLORS } from './members-page.tsx';
import { MembershipActionModal } from './membership-action-modal.tsx';

/** /committee/members/:id: a membership's facts, its history and the actions open now. */
/**
 * The sections other features own (the member's fees, the profile's change history, the committee's
 * vote on a change), passed in by the app's route (`app/routes/committee-member-page.tsx`) since
 * features do not import each other.
 */
export type MemberPageSections = {
  Fees: ComponentType<{ id: string }>;
  History: ComponentType<{ id: string }>;
  Vote: ComponentType<{ membership: MembershipDetail }>;
};

export function MemberPage({ Fees, History: ProfileHistory, Vote }: MemberPageSections) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const membership = useMembership(id);
  // The membership change dialog's date field is ready when it opens.
  usePreloadDateField();
  const language = useLanguage();
  const name = membership.data
    ? pickLocalized(membership.data.nameBg, membership.data.nameEn, language)
    : undefined;
  usePageTitle(name?.text ?? t('memberships.list.title'));
  const [action, setAction] = useState<MembershipAction | null>(null);
  const [done, setDone] = useState(false);

  const back = (
    <Anchor component={Link} to={paths.committeeMembers.href()} size="sm">
      {t('memberships.detail.back')}
    </Anchor>
  );
  if (membership.isPending) {
    return (
      <Stack gap="md">
        {back}
        <Loader aria-label={t('memberships.list.results')} />
      </Stack>
    );
  }
  if (membership.isError) {
    return (
      <Stack gap="md">
        {back}
        {isApiError(membership.error, 404) ? (
          <Alert color="gray" role="status">
            {t('memberships.detail.notFound')}
          </Alert>
        ) : (
          <ProblemAlert error={membership.error} />
        )}
      </Stack>
    );
  }
  const m = membership.data;
  return (
    <Stack gap="lg">
      <div>
        {back}
        <Group gap="sm" mt="xs" align="center" wrap="wrap">
          <Title order={1} lang={name?.lang} style={{ overflowWrap: 'anywhere' }}>
            {name?.text}
          </Title>
          <Badge variant="light" color={STATUS_COLORS[m.status]} tt="none" size="lg">
            {t(`memberships.status.${m.status}`)}
          </Badge>
        </Group>
      </div>
      {done ? (
        <Alert color="teal" role="status" withCloseButton onClose={() => setDone(false)}>
          {t('memberships.form.done')}
        </Alert>
      ) : null}
      <Facts membership={m} />
      <MemberContacts membership={m} />
      <Vote membership={m} />
      <Stack gap="sm" component="section" aria-labelledby="membership-actions">
        <Title order={2} size="h4" id="membership-actions">
          {t('memberships.detail.actions')}
        </Title>
        {m.availableActions.length === 0 ? (
          <Text c="dimmed">{t('memberships.detail.noActions')}</Text>
        ) : (
          <Group gap="sm" wrap="wrap">
            {m.availableActions.map((a) => (
              <Button
                key={a}
                variant={a === 'exclude' ? 'outline' : 'default'}
                color={a === 'exclude' ? 'red' : undefined}
                onClick={() => {
                  setDone(false);
                  setAction(a);
                }}
              >
                {t(`memberships.action.${a}`)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      <History membership={m} />
      <Fees id={id} />
      {/* The profile's change history (the committee may read every organisation's). */}
      <ProfileHistory id={id} />
      <EraseContactSection organizationId={id} name={name?.text ?? ''} />
      <RemoveOrganizationSection membership={m} name={name?.text ?? ''} />
      {action ? (
        <MembershipActionModal
          membership={m}
          initialAction={action}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            setDone(true);
          }}
        />
      ) : null}
    </Stack>
  );
}

function Facts({ membership: m }: { membership: MembershipDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const facts: [string, string][] = [
    [t('memberships.detail.status'), t(`memberships.status.${m.status}`)],
    [t('memberships.detail.category'), t(`memberships.category.${m.category}`)],
    [
      t('memberships.detail.memberSince'),
      m.memberSince ? formatDate(m.memberSince, language) : t('memberships.detail.memberSinceNone'),
    ],
    [t('memberships.detail.kind'), t(`kind.${m.kind}`)],
    [t('memberships.detail.eik'), m.eik],
  ];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="membership-facts">
      <Title order={2} size="h4" id="membership-facts" mb="sm">
        {t('memberships.detail.facts')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" m={0}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function History({ membership: m }: { membership: MembershipDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="sm" component="section" aria-labelledby="membership-history">
      <Title order={2} size="h4" id="membership-history">
        {t('memberships.detail.history')}
      </Title>
      {m.events.length === 0 ? (
        <Text c="dimmed">{t('memberships.detail.historyEmpty')}</Text>
      ) : (
        <Stack component="ol" className="plain-list" gap="sm">
          {m.events.map((e) => {
            const [from, to] =
              e.action === 'change_category'
                ? [t(`memberships.category.${e.fromCategory}`), t(`memberships.category.${e.toCategory}`)]
                : [t(`memberships.status.${e.fromStatus}`), t(`memberships.status.${e.toStatus}`)];
            return (
              <Card key={e.id} component="li" withBorder padding="sm">
                <Text fw={500}>
                  {t('memberships.detail.event', { action: t(`memberships.action.${e.action}`), from, to })}
                </Text>
                <Text size="sm">
                  {t('memberships.detail.effectiveOn', { date: formatDate(e.effectiveOn, language) })}
                  {' · '}
                  {e.decisionNumber ? (
                    <Anchor component={Link} to={paths.decisions.href({ q: e.decisionNumber })}>
                      {t('memberships.detail.decision', { number: e.decisionNumber })}
                    </Anchor>
                  ) : (
                    t('memberships.detail.noDecision')
                  )}
                </Text>
                {e.reason ? (
                  <Text size="sm" className="pre-line" mt={4}>
                    {e.reason}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed" mt={4}>
                  {t('memberships.detail.by', {
                    name: e.actorName === null ? '—' : personName(t, e.actorName),
                    date: formatDateTime(e.at, language),
                  })}
                </Text>
              </Card>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
