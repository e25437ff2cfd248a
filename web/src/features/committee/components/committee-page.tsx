import { Anchor, Badge, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  APPLICATION_STATES,
  type ApplicationQueueResponse,
  type ApplicationState,
  type ApplicationSummary,
  can,
  ORGANIZATION_KINDS,
} from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { DateField } from '@/components/date-field.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { PagedList } from '@/components/paged-list.tsx';
import { useAreas } from '@/lib/api/areas.ts';
import { principalOf, useSession } from '@/lib/api/session.ts';
import { formatDate, formatNumber } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { useQueue } from '../api/applications.ts';
import {
  currentPage,
  hasFilters,
  QUEUE_PARAMS,
  type QueueSearch,
  readSearch,
  withChange,
} from '../search-params.ts';
import { useAreaOptions } from './area-options.ts';
import { StateBadge } from './state-badge.tsx';

/** The committee never sees drafts: the pipeline starts at submission. */
export const QUEUE_STATES = APPLICATION_STATES.filter((s) => s !== 'draft');

/** Navigation state an application's page reads to link back to the same filtered queue. */
export interface QueueReturnState {
  queueSearch: string;
}

export function isQueueReturnState(state: unknown): state is QueueReturnState {
  return (
    typeof state === 'object' &&
    state !== null &&
    typeof (state as Partial<QueueReturnState>).queueSearch === 'string'
  );
}

/** The known states first; a state from the URL the list does not know stays selectable by its code. */
function stateOptions(current: string | undefined): string[] {
  const known: string[] = [...QUEUE_STATES];
  return current && !known.includes(current) ? [...known, current] : known;
}

/** /committee: the pipeline (applications per state) and the queue, filtered and paged in the URL. */
export function CommitteePage() {
  const { t } = useTranslation();
  usePageTitle(t('committee.queue.title'));
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const search = readSearch(searchParams, QUEUE_PARAMS);
  const page = currentPage(search);
  const queue = useQueue(search);
  const session = useSession();
  const areas = useAreas();
  const areaOptions = useAreaOptions(areas.data?.items ?? []);
  const datesReversed = Boolean(search.from && search.to && search.from > search.to);
  const stateLabel = (state: string) =>
    (QUEUE_STATES as readonly string[]).includes(state)
      ? t(`applicationState.${state as ApplicationState}`)
      : state;

  const change = (delta: QueueSearch, options: { scrollToTop?: boolean } = {}) =>
    setSearchParams((prev) => withChange(prev, delta), { preventScrollReset: !options.scrollToTop });
  const clearFilters = () => setSearchParams(new URLSearchParams(), { preventScrollReset: true });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('committee.queue.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('committee.queue.intro')}
        </Text>
        {can(principalOf(session.data?.user), 'memberships.manage') ? (
          <Group component="nav" aria-label={t('committee.sections.label')} gap="md" mt="xs">
            <Anchor component={Link} to={paths.committeeMembers.href()}>
              {t('committee.sections.members')}
            </Anchor>
            <Anchor component={Link} to={paths.committeeFees.href()}>
              {t('committee.sections.fees')}
            </Anchor>
            <Anchor component={Link} to={paths.committeeCooperation.href()}>
              {t('committee.sections.cooperation')}
            </Anchor>
            <Anchor component={Link} to={paths.committeeDashboard.href()}>
              {t('committee.sections.dashboard')}
            </Anchor>
            <Anchor component={Link} to={paths.committeeStrategy.href()}>
              {t('committee.sections.strategy')}
            </Anchor>
            <Anchor component={Link} to={paths.committeeReadiness.href()}>
              {t('committee.sections.readiness')}
            </Anchor>
          </Group>
        ) : null}
      </div>
      <Pipeline counts={queue.data?.counts} current={search.state} searchParams={searchParams} />
      <search aria-label={t('committee.queue.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
          <NativeSelect
            label={t('committee.queue.stateLabel')}
            value={search.state ?? ''}
            onChange={(event) => change({ state: event.currentTarget.value })}
            data={[
              { value: '', label: t('committee.queue.stateAny') },
              ...stateOptions(search.state).map((state) => ({ value: state, label: stateLabel(state) })),
            ]}
          />
          <NativeSelect
            label={t('committee.queue.kindLabel')}
            value={search.kind ?? ''}
            onChange={(event) => change({ kind: event.currentTarget.value })}
            data={[
              { value: '', label: t('committee.queue.kindAny') },
              ...ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })),
            ]}
          />
          <NativeSelect
            label={t('committee.queue.areaLabel')}
            value={search.area ?? ''}
            onChange={(event) => change({ area: event.currentTarget.value })}
            data={
              search.area && !areas.data?.items.some((a) => a.id === search.area)
                ? [...areaOptions, { value: search.area, label: search.area }]
                : areaOptions
            }
          />
          <DateField
            label={t('committee.queue.fromLabel')}
            value={search.from ?? ''}
            maxDate={search.to}
            onChange={(from) => change({ from })}
            clearable
          />
          <DateField
            label={t('committee.queue.toLabel')}
            value={search.to ?? ''}
            minDate={search.from}
            onChange={(to) => change({ to })}
            error={datesReversed ? t('committee.queue.dateOrder') : undefined}
            clearable
          />
        </SimpleGrid>
      </search>
      <Stack gap="md" component="section" aria-labelledby="committee-queue-results">
        <Title order={2} size="h4" id="committee-queue-results" aria-live="polite">
          {queue.data
            ? t('committee.queue.found', { count: queue.data.total })
            : t('committee.queue.results')}
        </Title>
        <PagedList
          query={queue}
          page={page}
          onPage={(p) => change({ page: String(p) }, { scrollToTop: true })}
          filtered={hasFilters(search)}
          onClearFilters={clearFilters}
          emptyTitle={t('committee.queue.emptyTitle')}
          emptyText={t('committee.queue.emptyText')}
          noneTitle={t('committee.queue.noneTitle')}
          itemKey={(application) => application.id}
          renderItem={(application) => <ApplicationCard application={application} />}
        />
      </Stack>
    </Stack>
  );
}

/**
 * How many applications are at each stage (over the other filters): each stage links to the queue
 * narrowed to it, the current one marked.
 */
function Pipeline({
  counts,
  current,
  searchParams,
}: {
  counts: ApplicationQueueResponse['counts'] | undefined;
  current: string | undefined;
  searchParams: URLSearchParams;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const count = (state: ApplicationState) => counts?.[state] ?? 0;
  const all = QUEUE_STATES.reduce((sum, state) => sum + count(state), 0);
  const stages: { state: ApplicationState | ''; label: string; count: number }[] = [
    { state: '', label: t('committee.pipeline.all'), count: all },
    ...QUEUE_STATES.map((state) => ({
      state,
      label: t(`applicationState.${state}`),
      count: count(state),
    })),
  ];
  return (
    <nav aria-label={t('committee.pipeline.label')}>
      <Group component="ul" className="plain-list scroll-row" gap={4} wrap="nowrap">
        {stages.map((stage) => {
          const selected = (current ?? '') === stage.state;
          const search = withChange(searchParams, { state: stage.state }).toString();
          return (
            <li key={stage.state || 'all'}>
              <Link
                to={paths.committee.href(search)}
                className="nav-link"
                aria-current={selected ? 'page' : undefined}
                preventScrollReset
              >
                <Group gap={6} wrap="nowrap" component="span">
                  <span>{stage.label}</span>{' '}
                  <Badge
                    component="span"
                    variant={selected ? 'filled' : 'light'}
                    color="gray"
                    size="sm"
                    aria-hidden={counts === undefined ? true : undefined}
                  >
                    {counts === undefined ? '…' : formatNumber(stage.count, language)}
                  </Badge>
                </Group>
              </Link>
            </li>
          );
        })}
      </Group>
    </nav>
  );
}

function ApplicationCard({ application }: { application: ApplicationSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const location = useLocation();
  const state: QueueReturnState = { queueSearch: location.search };
  const name =
    application.nameBg || application.nameEn
      ? pickLocalized(application.nameBg ?? '', application.nameEn ?? '', language)
      : undefined;
  const details = [
    application.kind ? t(`kind.${application.kind}`) : undefined,
    application.eik ? t('committee.queue.eik', { eik: application.eik }) : undefined,
    t('committee.queue.applicant', { name: application.applicantName }),
  ].filter(Boolean);
  return (
    <Card withBorder padding="md" component="article">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title order={3} size="h5" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          <Anchor
            component={Link}
            to={paths.committeeApplication.href(application.id)}
            state={state}
            lang={name?.lang}
          >
            {name?.text ?? t('committee.queue.unnamed')}
          </Anchor>
        </Title>
        <StateBadge state={application.state} />
      </Group>
      <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
        {details.join(' · ')}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {application.submittedAt
          ? t('committee.queue.submittedAt', { date: formatDate(application.submittedAt, language) })
          : t('committee.queue.notSubmitted')}
        {' · '}
        {t('committee.queue.updatedAt', { date: formatDate(application.updatedAt, language) })}
      </Text>
    </Card>
  );
}
