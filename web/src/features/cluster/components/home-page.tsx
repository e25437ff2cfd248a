import { Alert, SimpleGrid, Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useFlash } from '@/lib/flash.ts';
import { useHome } from '../api/home.ts';
import { BoardTeaserSection } from './board-teaser-section.tsx';
import {
  HomeAreasSection,
  HomeFiguresSection,
  HomeHero,
  HomeJoinSection,
  HomeLogosSection,
  HomeUpdatesSection,
} from './home-sections.tsx';

/**
 * The cluster's front page (issue 17 "A public face", decision 054): who the cluster is and what it does in
 * one look, its figures, its areas with their members, what is new and how to join with the fees. One
 * request (`/api/home`) answers all of it; the cooperation board's teaser follows below the fold.
 */
export function HomePage() {
  const { t } = useTranslation();
  const home = useHome();
  usePageTitle(t('home.title'));
  // After erasing their account (features/account) the user lands here, told so.
  const erased = useFlash() === 'account_erased';

  return (
    <Stack gap={56}>
      {erased ? (
        <Alert color="teal" role="status">
          {t('home.accountErased')}
        </Alert>
      ) : null}
      {home.isPending ? (
        <HomeSkeleton />
      ) : home.isError ? (
        <QueryError error={home.error} onRetry={() => void home.refetch()} />
      ) : (
        <>
          <Stack gap="xl">
            <HomeHero cluster={home.data.cluster} />
            <HomeFiguresSection figures={home.data.figures} />
          </Stack>
          <HomeAreasSection areas={home.data.areas} />
          <HomeLogosSection logos={home.data.logos} total={home.data.figures.members} />
          <HomeUpdatesSection home={home.data} />
          <BoardTeaserSection />
          <HomeJoinSection fees={home.data.fees} />
        </>
      )}
    </Stack>
  );
}

/** The page's first screen in outline, in the sizes of what replaces it (no layout shift). */
function HomeSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl" aria-busy="true">
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
      <Skeleton height={280} radius="lg" />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Skeleton height={84} />
        <Skeleton height={84} />
        <Skeleton height={84} />
        <Skeleton height={84} />
      </SimpleGrid>
      <Skeleton height={32} width="40%" />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Skeleton height={170} />
        <Skeleton height={170} />
        <Skeleton height={170} />
      </SimpleGrid>
    </Stack>
  );
}
