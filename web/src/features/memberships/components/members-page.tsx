import { Anchor, Badge, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  type CommitteeMemberListItem,
  MEMBERSHIP_CATEGORIES,
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
} from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterInput } from '@/components/filter-input.tsx';
import { MemberExportButton } from '@/components/member-export-button.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { PagedList } from '@/components/paged-list.tsx';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { useMembers } from '../api/memberships.ts';
import {
  currentPage,
  hasFilters,
  MEMBER_PARAMS,
  type MemberSearch,
  readSearch,
  withChange,
} from '../search-params.ts';

export const STATUS_COLORS: Record<MembershipStatus, string> = {
  active: 'teal',
  suspended: 'orange',
  withdrawn: 'gray',
  excluded: 'red',
};

/** A value from the URL the list does not know stays selectable by its code (the server answers a 400). */
function options(known: readonly string[], current: string | undefined): string[] {
  return current && !known.includes(current) ? [...known, current] : [...known];
}

/** /committee/members: every organisation with a membership, searched, filtered and paged in the URL. */
export function MembersPage() {
  const { t } = useTranslation();
  usePageTitle(t('memberships.list.title'));
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const search = readSearch(searchParams, MEMBER_PARAMS);
  const page = currentPage(search);
  const members = useMembers(search);
  const label = (kind: 'status' | 'category', value: string) =>
    ((kind === 'status' ? MEMBERSHIP_STATUSES : MEMBERSHIP_CATEGORIES) as readonly string[]).includes(value)
      ? t(`memberships.${kind}.${value}` as 'memberships.status.active')
      : value;

  const change = (delta: MemberSearch, opts: { scrollToTop?: boolean } = {}) =>
    setSearchParams((prev) => withChange(prev, delta), { preventScrollReset: !opts.scrollToTop });
  const clearFilters = () => setSearchParams(new URLSearchParams(), { preventScrollReset: true });

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={paths.committee.href()} size="sm">
          {t('committee.queue.title')}
        </Anchor>
        <Title order={1} mt="xs">
          {t('memberships.list.title')}
        </Title>
        <Text c="dimmed" mt="xs">
          {t('memberships.list.intro')}
        </Text>
        <Group mt="sm">
          <MemberExportButton />
        </Group>
      </div>
      <search aria-label={t('memberships.list.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
          <FilterInput
            label={t('memberships.list.searchLabel')}
            placeholder={t('memberships.list.searchPlaceholder')}
            value={search.q ?? ''}
            onCommit={(q) => change({ q })}
          />
          <NativeSelect
            label={t('memberships.list.statusLabel')}
            value={search.status ?? ''}
            onChange={(event) => change({ status: event.currentTarget.value })}
            data={[
              { value: '', label: t('memberships.list.statusAny') },
              ...options(MEMBERSHIP_STATUSES, search.status).map((s) => ({
                value: s,
                label: label('status', s),
              })),
            ]}
          />
          <NativeSelect
            label={t('memberships.list.categoryLabel')}
            value={search.category ?? ''}
            onChange={(event) => change({ category: event.currentTarget.value })}
            data={[
              { value: '', label: t('memberships.list.categoryAny') },
              ...options(MEMBERSHIP_CATEGORIES, search.category).map((c) => ({
                value: c,
                label: label('category', c),
              })),
            ]}
          />
        </SimpleGrid>
      </search>
      <Stack gap="md" component="section" aria-labelledby="members-results">
        <Title order={2} size="h4" id="members-results" aria-live="polite">
          {members.data
            ? t('memberships.list.found', { count: members.data.total })
            : t('memberships.list.results')}
        </Title>
        <PagedList
          query={members}
          page={page}
          onPage={(p) => change({ page: String(p) }, { scrollToTop: true })}
          filtered={hasFilters(search)}
          onClearFilters={clearFilters}
          emptyTitle={t('memberships.list.emptyTitle')}
          emptyText={t('memberships.list.emptyText')}
          noneTitle={t('memberships.list.noneTitle')}
          itemKey={(member) => member.id}
          renderItem={(member) => <MemberCard member={member} />}
        />
      </Stack>
    </Stack>
  );
}

function MemberCard({ member }: { member: CommitteeMemberListItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = pickLocalized(member.nameBg, member.nameEn, language);
  const details = [
    t(`memberships.category.${member.category}`),
    t(`kind.${member.kind}`),
    t('memberships.list.eik', { eik: member.eik }),
    member.memberSince
      ? t('memberships.list.since', { date: formatDate(member.memberSince, language) })
      : null,
  ].filter(Boolean);
  return (
    <Card withBorder padding="md" component="article">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title order={3} size="h5" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={paths.committeeMember.href(member.id)} lang={name.lang}>
            {name.text}
          </Anchor>
        </Title>
        <Badge variant="light" color={STATUS_COLORS[member.status]} tt="none">
          {t(`memberships.status.${member.status}`)}
        </Badge>
      </Group>
      <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
        {details.join(' · ')}
      </Text>
    </Card>
  );
}
