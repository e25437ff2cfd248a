import { Anchor, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  BOARD_ITEM_KINDS,
  BOARD_ITEM_TYPES,
  BOARD_SORTS,
  type BoardItemSummary,
  ORGANIZATION_KINDS,
} from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterInput } from '@/components/filter-input.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { PagedList } from '@/components/paged-list.tsx';
import { useAreas } from '@/lib/api/areas.ts';
import { useSession } from '@/lib/api/session.ts';
import { useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { currentPage, withChange } from '@/lib/search-params.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { useBoardItems } from '../api/board-items.ts';
import { areaOptionsOf } from '../area-options.ts';
import { type BoardSearch, hasBoardFilters, readBoardSearch } from '../search-params.ts';
import { BoardItemCard } from './board-item-card.tsx';

/** /board — the members' cooperation board: search, filters, sort and pages, all kept in the URL. */
export function BoardPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('board.list.title'));
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const search = readBoardSearch(searchParams);
  const page = currentPage(search);
  const items = useBoardItems(search);
  const areas = useAreas();
  const session = useSession();
  const ownOrganization = session.data?.user?.organizations.find((o) => o.standing === 'active');

  const change = (delta: BoardSearch, options: { scrollToTop?: boolean } = {}) =>
    setSearchParams((prev) => withChange(prev, delta), { preventScrollReset: !options.scrollToTop });
  const clearFilters = () => change({ q: '', kind: '', type: '', area: '', organizationKind: '' });
  const any = { value: '', label: t('board.list.any') };
  const areaOptions = areaOptionsOf(areas.data?.items ?? [], language);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('board.list.heading')}</Title>
        <Text c="dimmed" mt="xs">
          {t('board.list.intro')}
        </Text>
        {ownOrganization ? (
          <Anchor
            component={Link}
            to={paths.myOrganizationBoard.href(ownOrganization.id)}
            mt="xs"
            display="block"
          >
            {t('board.list.myItems')}
          </Anchor>
        ) : null}
      </div>
      <search>
        <Stack gap="md">
          <FilterInput
            label={t('board.list.searchLabel')}
            placeholder={t('board.list.searchPlaceholder')}
            value={search.q ?? ''}
            onCommit={(q) => change({ q })}
            submitLabel={t('board.list.searchSubmit')}
            submitVariant="filled"
          />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <NativeSelect
              label={t('board.list.kindLabel')}
              data={[
                { value: '', label: t('board.kindFilter.all') },
                ...BOARD_ITEM_KINDS.map((k) => ({ value: k, label: t(`board.kindFilter.${k}`) })),
              ]}
              value={search.kind ?? ''}
              onChange={(e) => change({ kind: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('board.list.typeLabel')}
              data={[any, ...BOARD_ITEM_TYPES.map((v) => ({ value: v, label: t(`board.type.${v}`) }))]}
              value={search.type ?? ''}
              onChange={(e) => change({ type: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('board.list.areaLabel')}
              data={[any, ...areaOptions]}
              value={search.area ?? ''}
              onChange={(e) => change({ area: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('board.list.organizationKindLabel')}
              data={[any, ...ORGANIZATION_KINDS.map((v) => ({ value: v, label: t(`kind.${v}`) }))]}
              value={search.organizationKind ?? ''}
              onChange={(e) => change({ organizationKind: e.currentTarget.value })}
            />
          </SimpleGrid>
        </Stack>
      </search>
      <Stack gap="md" component="section" aria-labelledby="board-results">
        <Group justify="space-between" align="flex-end" gap="sm">
          <div>
            <Title order={2} size="h4" id="board-results" aria-live="polite">
              {!items.data
                ? t('board.list.results')
                : items.data.totalIsLowerBound
                  ? t('board.list.foundMore', { limit: items.data.total })
                  : t('board.list.found', { count: items.data.total })}
            </Title>
            {items.data?.totalIsLowerBound ? (
              <Text c="dimmed" size="sm" mt={4}>
                {t('board.list.foundMoreHint', { limit: items.data.total })}
              </Text>
            ) : null}
          </div>
          <NativeSelect
            label={t('board.list.sortLabel')}
            data={BOARD_SORTS.map((value) => ({ value, label: t(`board.list.sort.${value}`) }))}
            value={search.sort ?? 'newest'}
            onChange={(e) => {
              const value = e.currentTarget.value;
              change({ sort: value === 'newest' ? '' : value });
            }}
          />
        </Group>
        <PagedList<BoardItemSummary>
          query={items}
          page={page}
          onPage={(p) => change({ page: String(p) }, { scrollToTop: true })}
          filtered={hasBoardFilters(search)}
          onClearFilters={clearFilters}
          emptyTitle={t('board.list.emptyTitle')}
          emptyText={t('board.list.emptyText')}
          noneTitle={t('board.list.noneTitle')}
          itemKey={(item) => item.id}
          renderItem={(item) => <BoardItemCard item={item} />}
        />
      </Stack>
    </Stack>
  );
}
