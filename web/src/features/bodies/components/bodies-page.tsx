import { Anchor, Badge, Card, Group, List, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { Body, Position } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useCan, useSession } from '@/lib/api/session.ts';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useBodyHistory, usePublicBodies } from '../api/bodies.ts';

/**
 * "Who runs the cluster" (issue 15 §1): every body in existence, its rules and who holds which position
 * today — what cluster platforms ask a cluster to publish. Members (and the committee, administrators)
 * also see the history of every term.
 */
export function BodiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('bodies.title'));
  const bodies = usePublicBodies();
  const session = useSession();
  const member = useCan('members.view');
  const history = useBodyHistory(member);

  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Title order={1}>{t('bodies.title')}</Title>
        <Text c="dimmed">{t('bodies.intro')}</Text>
        <Anchor component={Link} to={paths.publicMinutes.href()} w="fit-content">
          {t('bodies.minutesLink')}
        </Anchor>
      </Stack>
      {bodies.isError ? (
        <QueryError error={bodies.error} onRetry={() => void bodies.refetch()} />
      ) : !bodies.data ? (
        <Stack aria-busy="true">
          <Skeleton height={120} />
          <Skeleton height={120} />
        </Stack>
      ) : bodies.data.items.length === 0 ? (
        <Text>{t('bodies.none')}</Text>
      ) : (
        bodies.data.items.map((body) => <BodyCard key={body.id} body={body} />)
      )}
      <Stack component="section" aria-labelledby="bodies-history" gap="sm">
        <Title order={2} id="bodies-history">
          {t('bodies.history')}
        </Title>
        {member ? (
          <>
            <Text c="dimmed">{t('bodies.historyIntro')}</Text>
            {history.isError ? (
              <QueryError error={history.error} onRetry={() => void history.refetch()} />
            ) : !history.data ? (
              <Skeleton height={80} aria-busy="true" />
            ) : (
              <HistoryTables bodies={history.data.items} />
            )}
          </>
        ) : session.data && !session.data.user ? (
          <Text>
            <Anchor component={Link} to={paths.login.href(paths.bodies.href())}>
              {t('bodies.historyLogin')}
            </Anchor>
          </Text>
        ) : (
          <Text c="dimmed">{t('bodies.historyLogin')}</Text>
        )}
      </Stack>
    </Stack>
  );
}

function BodyCard({ body }: { body: Body }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = pickLocalized(body.nameBg, body.nameEn, language);
  const description = pickLocalized(body.descriptionBg, body.descriptionEn, language);
  const headingId = `body-${body.id}`;
  return (
    <Card component="section" withBorder padding="lg" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h3" id={headingId} lang={name.lang}>
            {name.text}
          </Title>
          <Badge variant="light">{t(`bodies.kind.${body.kind}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {body.foundedOn
            ? t('bodies.foundedOn', { date: formatDate(body.foundedOn, language) })
            : t('bodies.toBeFounded')}
          {body.reviewsApplications ? ` · ${t('bodies.reviews')}` : ''}
        </Text>
        {description.text ? <Text lang={description.lang}>{description.text}</Text> : null}
        <div>
          <Text fw={600} size="sm">
            {t('bodies.rules')}
          </Text>
          <List size="sm" spacing={2}>
            <List.Item>{t(`bodies.quorum.${body.quorum}`)}</List.Item>
            <List.Item>{t(`bodies.majority.${body.majority}`)}</List.Item>
            {body.allowsProxy ? <List.Item>{t('bodies.proxy')}</List.Item> : null}
          </List>
        </div>
        {body.kind === 'general_assembly' ? (
          <AssemblyMembers body={body} />
        ) : body.positions.length === 0 ? (
          <Text c="dimmed">{t('bodies.noPositions')}</Text>
        ) : (
          <List listStyleType="none" spacing={4} aria-label={t('bodies.admin.positions')}>
            {body.positions.map((p) => (
              <List.Item key={p.id}>
                <Text span fw={600}>
                  {t(`bodies.position.${p.position}`)}:
                </Text>{' '}
                {p.name ?? t('bodies.erased')}{' '}
                <Text span c="dimmed" size="sm">
                  ({t('bodies.since', { date: formatDate(p.startsOn, language) })})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}

function AssemblyMembers({ body }: { body: Body }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const count = body.memberOrganizations.length;
  if (count === 0) return <Text c="dimmed">{t('bodies.assemblyNone')}</Text>;
  return (
    <Stack gap={4}>
      <Text>{t('bodies.assemblyMembers', { count })}</Text>
      <details>
        <summary>{t('bodies.assemblyList')}</summary>
        <List size="sm" spacing={2} mt="xs">
          {body.memberOrganizations.map((o) => {
            const name = pickLocalized(o.nameBg, o.nameEn, language);
            return (
              <List.Item key={o.id}>
                <Anchor component={Link} to={paths.member.href(o.id)} lang={name.lang}>
                  {name.text}
                </Anchor>
              </List.Item>
            );
          })}
        </List>
      </details>
    </Stack>
  );
}

/** A term as text: "1 October 2025 – 15 January 2026", or "from 15 January 2026" while it has no end. */
export function TermText({ position }: { position: Position }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const from = formatDate(position.startsOn, language);
  return position.endsOn
    ? t('bodies.term', { from, to: formatDate(position.endsOn, language) })
    : t('bodies.termOpen', { from });
}

function HistoryTables({ bodies }: { bodies: Body[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const withTerms = bodies.filter((b) => b.positions.length > 0);
  if (withTerms.length === 0) return <Text>{t('bodies.historyNone')}</Text>;
  return (
    <Stack gap="md">
      {withTerms.map((body) => {
        const name = pickLocalized(body.nameBg, body.nameEn, language);
        return (
          <Table.ScrollContainer key={body.id} minWidth={420}>
            <Table striped>
              <Table.Caption lang={name.lang}>{name.text}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('bodies.admin.positionLabel')}</Table.Th>
                  <Table.Th scope="col">{t('bodies.admin.holder')}</Table.Th>
                  <Table.Th scope="col">{t('bodies.admin.termLabel')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {body.positions.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{t(`bodies.position.${p.position}`)}</Table.Td>
                    <Table.Td>{p.name ?? t('bodies.erased')}</Table.Td>
                    <Table.Td>
                      <TermText position={p} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        );
      })}
    </Stack>
  );
}
