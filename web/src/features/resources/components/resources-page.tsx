import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Pagination,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { RESOURCE_KINDS, type ResourceKind, seesResourcesAsCandidate } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterInput } from '@/components/filter-input.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { principalOf, useSession } from '@/lib/api/session.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { useResources } from '../api/resources.ts';
import { useConditionsText } from './resource-facts.tsx';

export const RESOURCES_PAGE_SIZE = 12;

const isKind = (value: string | null): value is ResourceKind =>
  (RESOURCE_KINDS as readonly string[]).includes(value ?? '');

/**
 * /resources: what members share, for members. Search (name, owner, description, location, in both
 * languages) and the kind filter are in the URL with the page; the list is small, so it is filtered here.
 */
export function ResourcesPage() {
  const { t } = useTranslation();
  usePageTitle(t('resources.title'));
  const language = useLanguage();
  const conditions = useConditionsText();
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const q = searchParams.get('q') ?? '';
  const kind = isKind(searchParams.get('kind')) ? (searchParams.get('kind') as ResourceKind) : undefined;
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const resources = useResources();
  const session = useSession();
  const asCandidate = seesResourcesAsCandidate(principalOf(session.data?.user));

  const change = (delta: Record<string, string | undefined>) =>
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(delta)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in delta)) next.delete('page');
        return next;
      },
      { preventScrollReset: true },
    );

  const needle = q.trim().toLocaleLowerCase();
  const matching = (resources.data?.items ?? []).filter(
    (r) =>
      (!kind || r.kind === kind) &&
      (!needle ||
        [
          r.nameBg,
          r.nameEn,
          r.organizationNameBg,
          r.organizationNameEn,
          r.descriptionBg,
          r.descriptionEn,
          r.location,
        ]
          .join(' ')
          .toLocaleLowerCase()
          .includes(needle)),
  );
  const pages = Math.max(1, Math.ceil(matching.length / RESOURCES_PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = matching.slice((current - 1) * RESOURCES_PAGE_SIZE, current * RESOURCES_PAGE_SIZE);
  const filtered = Boolean(needle || kind);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('resources.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('resources.intro')}
        </Text>
        {asCandidate ? (
          <Alert color="blue" mt="sm">
            {t('resources.candidate.listNote')}
          </Alert>
        ) : null}
      </div>
      <search aria-label={t('resources.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ alignItems: 'end' }}>
          <FilterInput
            label={t('resources.searchLabel')}
            placeholder={t('resources.searchPlaceholder')}
            value={q}
            onCommit={(value) => change({ q: value })}
          />
          <NativeSelect
            label={t('resources.kindLabel')}
            value={kind ?? ''}
            onChange={(event) => change({ kind: event.currentTarget.value })}
            data={[
              { value: '', label: t('resources.kindAny') },
              ...RESOURCE_KINDS.map((k) => ({ value: k, label: t(`resources.kind.${k}`) })),
            ]}
          />
        </SimpleGrid>
      </search>
      {resources.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={90} />
          <Skeleton height={90} />
        </Stack>
      ) : resources.isError ? (
        <QueryError error={resources.error} onRetry={() => resources.refetch()} />
      ) : matching.length === 0 ? (
        <Card withBorder>
          <Stack gap="xs" align="flex-start">
            <Text>{filtered ? t('resources.noneMatching') : t('resources.none')}</Text>
            {filtered ? (
              <Button variant="light" onClick={() => setSearchParams(new URLSearchParams())}>
                {t('resources.clearFilters')}
              </Button>
            ) : null}
          </Stack>
        </Card>
      ) : (
        <>
          <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" className="plain-list">
            {shown.map((r) => (
              <Card component="li" key={r.id} withBorder padding="md">
                <Stack gap={6}>
                  <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                    <Title order={2} size="h4">
                      <Anchor component={Link} to={paths.resource.href(r.id)}>
                        {pickLocalized(r.nameBg, r.nameEn, language).text}
                      </Anchor>
                    </Title>
                    <Badge variant="light">{t(`resources.kind.${r.kind}`)}</Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('resources.owner', {
                      name: pickLocalized(r.organizationNameBg, r.organizationNameEn, language).text,
                    })}
                  </Text>
                  <Text size="sm">{conditions(r)}</Text>
                  {r.location ? (
                    <Text size="sm" c="dimmed">
                      {r.location}
                    </Text>
                  ) : null}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
          {pages > 1 ? (
            <nav aria-label={t('directory.pagination')}>
              <Pagination
                total={pages}
                value={current}
                onChange={(p) => change({ page: String(p) })}
                siblings={1}
                getItemProps={(p) => ({ 'aria-label': t('directory.page', { page: p }) })}
                getControlProps={(control) => ({ 'aria-label': t(`directory.${control}Page`) })}
              />
            </nav>
          ) : null}
        </>
      )}
    </Stack>
  );
}
