import { Alert, Anchor, Badge, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { CONVERSATION_STATUSES, type ConversationStatus } from '@portal/shared';
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
  const language = useLanguage();
  usePageTitle(t('admin.conversations.title'));
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const search = readSearch(searchParams, CONVERSATION_PARAMS);
  const page = currentPage(search);
  const conversations = useModeratedConversations(search);

  const change = (delta: ConversationSearch, options: { scrollToTop?: boolean } = {}) =>
    setSearchParams((prev) => withChange(prev, delta), { preventScrollReset: !options.scrollToTop });
  const clearFilters = () => setSearchParams(new URLSearchParams(), { preventScrollReset: true });
  const name = (o: { nameBg: string; nameEn: string }) => pickLocalized(o.nameBg, o.nameEn, language);

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
              ...CONVERSATION_STATUSES.map((s) => ({ value: s, label: t(`admin.conversations.status.${s}`) })),
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
          renderPage={(items) => (
            <Table.ScrollContainer minWidth={760}>
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
                  {items.map((c) => {
                    const owner = name(c.owner);
                    const interested = name(c.interested);
                    const item = pickLocalized(c.item.titleBg, c.item.titleEn, language);
                    return (
                      <Table.Tr key={c.id}>
                        <Table.Th scope="row" fw={400}>
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
                        </Table.Th>
                        <Table.Td>
                          <Anchor component={Link} to={paths.boardItem.href(c.item.id)} size="sm" lang={item.lang}>
                            {item.text}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="dot" color={statusColor[c.status]} tt="none">
                            {t(`admin.conversations.status.${c.status}`)}
                          </Badge>
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
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        />
      </Stack>
    </Stack>
  );
}
