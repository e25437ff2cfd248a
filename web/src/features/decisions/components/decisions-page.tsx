import { Anchor, Badge, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { can, type Decision } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterInput } from '@/components/filter-input.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { PagedList } from '@/components/paged-list.tsx';
import { principalOf, useSession } from '@/lib/api/session.ts';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { useDecisions, useDecisionYears } from '../api/decisions.ts';
import {
  currentPage,
  DECISION_PARAMS,
  type DecisionSearch,
  hasFilters,
  readSearch,
  withChange,
} from '../search-params.ts';

const OUTCOMES = ['approved', 'rejected'] as const;

/**
 * The years the filter offers: those holding a decision the reader may see (the server's answer, newest
 * first). The default is every year; a year from the URL outside them stays selectable, so the select
 * never shows a value it does not offer.
 */
function yearOptions(withDecisions: readonly number[], current: string | undefined): string[] {
  const years = withDecisions.map(String);
  return current && !years.includes(current) ? [current, ...years] : years;
}

/**
 * /decisions: the register of the committee's decisions. The public sees the admissions (number, date,
 * organisation, outcome); members see every decision with its tally and text, and committee members a link
 * to the application. The search, filters and page are in the URL.
 */
export function DecisionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('decisions.title'));
  const session = useSession();
  const principal = principalOf(session.data?.user);
  const full = can(principal, 'decisions.read_full');
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const search = readSearch(searchParams, DECISION_PARAMS);
  const page = currentPage(search);
  const decisions = useDecisions(search);
  const years = yearOptions(useDecisionYears().data ?? [], search.year);

  const change = (delta: DecisionSearch, options: { scrollToTop?: boolean } = {}) =>
    setSearchParams((prev) => withChange(prev, delta), { preventScrollReset: !options.scrollToTop });
  const clearFilters = () => setSearchParams(new URLSearchParams(), { preventScrollReset: true });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('decisions.title')}</Title>
        <Text c="dimmed" mt="xs">
          {full ? t('decisions.introMembers') : t('decisions.intro')}
        </Text>
      </div>
      <search aria-label={t('decisions.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
          <FilterInput
            label={t('decisions.searchLabel')}
            placeholder={t('decisions.searchPlaceholder')}
            value={search.q ?? ''}
            onCommit={(q) => change({ q })}
          />
          {/* The public register holds admissions only: an outcome filter would only ever empty it. */}
          {full ? (
            <NativeSelect
              label={t('decisions.outcomeLabel')}
              value={search.outcome ?? ''}
              onChange={(event) => change({ outcome: event.currentTarget.value })}
              data={[
                { value: '', label: t('decisions.outcomeAny') },
                ...OUTCOMES.map((outcome) => ({ value: outcome, label: t(`decisions.outcome.${outcome}`) })),
              ]}
            />
          ) : null}
          <NativeSelect
            label={t('decisions.yearLabel')}
            value={search.year ?? ''}
            onChange={(event) => change({ year: event.currentTarget.value })}
            disabled={years.length === 0}
            data={[
              { value: '', label: t('decisions.yearAny') },
              ...years.map((year) => ({ value: year, label: year })),
            ]}
          />
        </SimpleGrid>
      </search>
      <Stack gap="md" component="section" aria-labelledby="decisions-results">
        <Title order={2} size="h4" id="decisions-results" aria-live="polite">
          {decisions.data ? t('decisions.found', { count: decisions.data.total }) : t('decisions.results')}
        </Title>
        <PagedList
          query={decisions}
          page={page}
          onPage={(p) => change({ page: String(p) }, { scrollToTop: true })}
          filtered={hasFilters(search)}
          onClearFilters={clearFilters}
          emptyTitle={t('decisions.emptyTitle')}
          emptyText={t('decisions.emptyText')}
          noneTitle={t('decisions.noneTitle')}
          itemKey={(decision) => decision.number}
          renderItem={(decision) => (
            <DecisionCard decision={decision} linksToApplication={can(principal, 'application.review')} />
          )}
        />
      </Stack>
    </Stack>
  );
}

function DecisionCard({ decision, linksToApplication }: { decision: Decision; linksToApplication: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = pickLocalized(decision.organizationNameBg, decision.organizationNameEn, language);
  const text =
    decision.textBg !== null || decision.textEn !== null
      ? pickLocalized(decision.textBg ?? '', decision.textEn ?? '', language)
      : undefined;
  const { tally } = decision;

  return (
    <Card withBorder padding="md" component="article">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={3} size="h5">
            {t('decisions.number', { number: decision.number })}
          </Title>
          <Text size="sm" c="dimmed">
            <time dateTime={decision.date}>{formatDate(decision.date, language)}</time>
          </Text>
        </Stack>
        {decision.subject === 'meeting' ? (
          <Badge variant="dot" color={decision.outcome === 'approved' ? 'teal' : 'red'} tt="none">
            {t('decisions.meetingBadge')}: {t(`decisions.meetingOutcome.${decision.outcome}`)}
          </Badge>
        ) : decision.subject === 'membership' ? (
          <Badge variant="dot" color="blue" tt="none">
            {decision.membershipAction
              ? t('decisions.membership', {
                  action: t(`decisions.membershipAction.${decision.membershipAction}`),
                })
              : t('decisions.membershipOnly')}
          </Badge>
        ) : (
          <Badge variant="dot" color={decision.outcome === 'approved' ? 'teal' : 'red'} tt="none">
            {t(`decisions.outcome.${decision.outcome}`)}
          </Badge>
        )}
      </Group>
      {/* A listed member's name opens its public profile; a rejected applicant or a former member has none. */}
      <Text mt="xs" fw={500} lang={name.lang} style={{ overflowWrap: 'anywhere' }}>
        {decision.organizationListed && decision.organizationId ? (
          <Anchor component={Link} to={paths.member.href(decision.organizationId)} inherit>
            {name.text}
          </Anchor>
        ) : (
          name.text
        )}
      </Text>
      {decision.meeting ? (
        <Text
          size="sm"
          c="dimmed"
          lang={pickLocalized(decision.meeting.titleBg, decision.meeting.titleEn, language).lang}
        >
          {t('decisions.meeting', {
            title: pickLocalized(decision.meeting.titleBg, decision.meeting.titleEn, language).text,
            date: formatDate(decision.meeting.startsAt.slice(0, 10), language),
          })}
        </Text>
      ) : null}
      {tally ? (
        <Text size="sm" mt="xs">
          {t('decisions.tally', { for: tally.for, against: tally.against, abstain: tally.abstain })}
          {' · '}
          {t('decisions.eligible', { eligible: tally.eligible, recused: tally.recused })}
        </Text>
      ) : null}
      {text?.text.trim() ? (
        <details style={{ marginTop: 'var(--mantine-spacing-xs)' }}>
          <summary>{t('decisions.text')}</summary>
          <Text size="sm" mt={4} className="pre-line" lang={text.lang}>
            {text.text}
          </Text>
        </details>
      ) : null}
      {linksToApplication && decision.applicationId ? (
        <Anchor
          component={Link}
          to={paths.committeeApplication.href(decision.applicationId)}
          size="sm"
          mt="xs"
          display="inline-block"
        >
          {t('decisions.application', { number: decision.number })}
        </Anchor>
      ) : null}
    </Card>
  );
}
