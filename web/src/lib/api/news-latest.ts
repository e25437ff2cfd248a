import { NEWS_LATEST, NewsListResponseSchema } from '@portal/shared';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';

// The latest news is read by the home page (features/cluster) and the news pages (features/news);
// features may not import each other, so the endpoint and the cache keys live here.
export const newsKeys = {
  all: ['news'] as const,
  latest: () => [...newsKeys.all, 'latest'] as const,
};

export function useLatestNews() {
  return useQuery({
    queryKey: newsKeys.latest(),
    queryFn: ({ signal }) =>
      apiGet('/api/news', NewsListResponseSchema, { params: { pageSize: NEWS_LATEST }, signal }),
    staleTime: 60_000,
  });
}
