import {
  type ClusterTexts,
  type ClusterTextsEditBody,
  ClusterTextsSchema,
  etagOf,
  type SitePage,
  type SitePageEditBody,
  SitePageSchema,
  type SitePageSlug,
} from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { clusterKeys } from '@/lib/query-keys.ts';

export const sitePageKeys = {
  all: ['site-pages'] as const,
  page: (slug: SitePageSlug) => [...sitePageKeys.all, slug] as const,
  texts: () => [...sitePageKeys.all, 'cluster-texts'] as const,
};

export function getSitePageQueryOptions(slug: SitePageSlug) {
  return queryOptions({
    queryKey: sitePageKeys.page(slug),
    queryFn: ({ signal }) => apiGet(`/api/pages/${slug}`, SitePageSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSitePage(slug: SitePageSlug) {
  return useQuery(getSitePageQueryOptions(slug));
}

/** Saves a page only if it is still at the version the editor opened (a 412 ApiError otherwise). */
export function useSaveSitePage(slug: SitePageSlug) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: SitePageEditBody; version: number }) =>
      apiSend('PUT', `/api/admin/pages/${slug}`, body, SitePageSchema, {
        headers: { 'If-Match': etagOf(version) },
      }),
    onSuccess: (page: SitePage) => queryClient.setQueryData(sitePageKeys.page(slug), page),
  });
}

export function useClusterTexts() {
  return useQuery({
    queryKey: sitePageKeys.texts(),
    queryFn: ({ signal }) => apiGet('/api/admin/settings/texts', ClusterTextsSchema, { signal }),
    // The editor always opens on the version saved now.
    staleTime: 0,
  });
}

export function useSaveClusterTexts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: ClusterTextsEditBody; version: number }) =>
      apiSend('PUT', '/api/admin/settings/texts', body, ClusterTextsSchema, {
        headers: { 'If-Match': etagOf(version) },
      }),
    onSuccess: (texts: ClusterTexts) => {
      queryClient.setQueryData(sitePageKeys.texts(), texts);
      // The header and the home page show the new name and texts.
      void queryClient.invalidateQueries({ queryKey: clusterKeys.all });
    },
  });
}
