import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  CONVERSATION_STATUSES,
  type ConversationStatus,
  type ModeratedConversationListResponse,
} from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AdminNav } from '@/components/admin-nav.tsx';
import { FilterInput } from '@/components/filter-input.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { PagedList } from '@/components/paged-list.tsx';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { useModeratedConversations } from '../api/conversations.ts';
import {
  CONVERSATION_PARAMS,
  type ConversationSearch,
  currentPage,
  hasFilters,
  readSearch,
  withChange,
} from '../search-params.ts';

const statusColor: Record<ConversationStatus, string> = {
  open: 'gray',
  agreed_proposed: 'yellow',
  agreed: 'teal',
};

/**
 * /admin/conversations: moderation on a complaint (decision 036). Which conversations exist, between
 * which organisations, about which item, when and how many messages — never a word of what was written.
 * Search over the names and the item's title, a status filter and pages, all in the URL.
 */
export function ConversationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.conversations.title'));
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const search = readSearch(searchParams, CONVERSATION_PARAMS);
  const page = currentPage(search);
  const conversations = useModeratedConversations(search);

  const change = (delta: ConversationSearch, options: { scrollToTop?: boolean } = {}) =>
    setSearchParams((prev) => withChange(prev, delta), { preventScrollReset: !options.scrollToTop });
  const clearFilters = () => setSearchParams(new URLSearchParams(), { preventScrollReset: true });

  return (
    <Stack gap="lg">
      <AdminNav />
      <div>
        <Title order={1}>{t('admin.conversations.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('admin.conversations.intro')}
        </Text>
      </div>
      <Alert color="blue" variant="light">
        {t('admin.conversations.privacy')}
      </Alert>
      <search aria-label={t('admin.list.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ alignItems: 'end', maxWidth: '48rem' }}>
          <FilterInput
            label={t('admin.conversations.searchLabel')}
            placeholder={t('admin.conversations.searchPlaceholder')}
            value={search.q ?? ''}
            onCommit={(q) => change({ q })}
            maxLength={200}
          />
          <NativeSelect
            label={t('admin.conversations.statusLabel')}
            value={search.status ?? ''}
            onChange={(event) => change({ status: event.currentTarget.value })}
            data={[
              { value: '', label: t('admin.conversations.statusAny') },
              ...CONVERSATION_STATUSES.map((s) => ({
                value: s,
                label: t(`admin.conversations.status.${s}`),
              })),
            ]}
          />
        </SimpleGrid>
      </search>
      <Stack gap="md" component="section" aria-labelledby="admin-conversations-results">
        <Title order={2} size="h4" id="admin-conversations-results" aria-live="polite">
          {conversations.data
            ? t('admin.conversations.found', { count: conversations.data.total })
            : t('admin.list.results')}
        </Title>
        <PagedList
          query={conversations}
          page={page}
          onPage={(p) => change({ page: String(p) }, { scrollToTop: true })}
          filtered={hasFilters(search)}
          onClearFilters={clearFilters}
          emptyTitle={t('admin.conversations.emptyTitle')}
          emptyText={t('admin.conversations.emptyText')}
          noneTitle={t('admin.conversations.noneTitle')}
          itemKey={(c) => c.id}
          renderItem={() => null}
          renderPage={(items) => <ConversationTable items={items} />}
        />
      </Stack>
    </Stack>
  );
}

type Row = ModeratedConversationListResponse['items'][number];

function StatusBadge({ status }: { status: ConversationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="dot"
      color={statusColor[status]}
      tt="none"
      styles={{ root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } }}
    >
      {t(`admin.conversations.status.${status}`)}
    </Badge>
  );
}

/** The two sides, the item's organisation first. */
function Sides({ row }: { row: Row }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const owner = pickLocalized(row.owner.nameBg, row.owner.nameEn, language);
  const interested = pickLocalized(row.interested.nameBg, row.interested.nameEn, language);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} lang={owner.lang}>
        {owner.text}
      </Text>
      <Text size="xs" c="dimmed">
        {t('admin.conversations.itemSide')}
      </Text>
      <Text size="sm" fw={600} lang={interested.lang} mt={4}>
        {interested.text}
      </Text>
      <Text size="xs" c="dimmed">
        {t('admin.conversations.interestedSide')}
      </Text>
    </Stack>
  );
}

function ItemLink({ row }: { row: Row }) {
  const language = useLanguage();
  const item = pickLocalized(row.item.titleBg, row.item.titleEn, language);
  return (
    <Anchor component={Link} to={paths.boardItem.href(row.item.id)} size="sm" lang={item.lang}>
      {item.text}
    </Anchor>
  );
}

/** A table on wider screens; on a phone, one card per conversation with the same facts. */
function ConversationTable({ items }: { items: Row[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  if (phone) {
    return (
      <Stack component="ul" className="plain-list" gap="sm">
        {items.map((c) => (
          <li key={c.id}>
            <Card withBorder padding="md" component="article">
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Title order={3} size="h5" style={{ minWidth: 0 }}>
                    <ItemLink row={c} />
                  </Title>
                  <StatusBadge status={c.status} />
                </Group>
                <Sides row={c} />
                <Text size="xs" c="dimmed">
                  {t('admin.conversations.openedOn', { date: formatDate(c.createdAt, language) })} ·{' '}
                  {t('admin.conversations.lastOn', { date: formatDateTime(c.lastMessageAt, language) })} ·{' '}
                  {t('admin.conversations.messageCount', { count: c.messageCount })}
                </Text>
              </Stack>
            </Card>
          </li>
        ))}
      </Stack>
    );
  }
  return (
    <Table striped verticalSpacing="sm" aria-labelledby="admin-conversations-results">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('admin.conversations.columns.organizations')}</Table.Th>
          <Table.Th scope="col">{t('admin.conversations.columns.item')}</Table.Th>
          <Table.Th scope="col">{t('admin.conversations.columns.status')}</Table.Th>
          <Table.Th scope="col">{t('admin.conversations.columns.opened')}</Table.Th>
          <Table.Th scope="col">{t('admin.conversations.columns.lastActivity')}</Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'end' }}>
            {t('admin.conversations.columns.messages')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Th scope="row" fw={400}>
              <Sides row={c} />
            </Table.Th>
            <Table.Td>
              <ItemLink row={c} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <StatusBadge status={c.status} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                <time dateTime={c.createdAt}>{formatDate(c.createdAt, language)}</time>
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                <time dateTime={c.lastMessageAt}>{formatDateTime(c.lastMessageAt, language)}</time>
              </Text>
            </Table.Td>
            <Table.Td style={{ textAlign: 'end' }}>
              <Text size="sm">{formatNumber(c.messageCount, language)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
