import {
  type NewsEditorListQueryInput,
  type NewsListQueryInput,
  NewsListResponseSchema,
  type NewsPost,
  type NewsPostCreateBody,
  NewsPostListResponseSchema,
  NewsPostSchema,
  type NewsPostUpdateBody,
  type NewsProposalCreateBody,
  type NewsProposalUpdateBody,
  NewsPublicPostSchema,
} from '@portal/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod';
import { newsKeys } from '@/lib/api/news-latest.ts';
import { apiGet, apiSend, uploadImage } from '@/lib/api-client.ts';

const strip = (q: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string | number
  >;

export function useNewsList(query: NewsListQueryInput) {
  return useQuery(
    queryOptions({
      queryKey: [...newsKeys.all, 'list', query],
      queryFn: ({ signal }) =>
        apiGet('/api/news', NewsListResponseSchema, { params: strip({ ...query }), signal }),
      placeholderData: keepPreviousData,
    }),
  );
}

export function useNewsPost(slug: string) {
  return useQuery({
    queryKey: [...newsKeys.all, 'post', slug],
    queryFn: ({ signal }) =>
      apiGet(`/api/news/posts/${encodeURIComponent(slug)}`, NewsPublicPostSchema, { signal }),
    retry: false,
  });
}

export function useEditorNews(query: NewsEditorListQueryInput) {
  return useQuery({
    queryKey: [...newsKeys.all, 'editor', query],
    queryFn: ({ signal }) =>
      apiGet('/api/committee/news', NewsPostListResponseSchema, { params: strip({ ...query }), signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEditorPost(id: string | undefined) {
  return useQuery({
    queryKey: [...newsKeys.all, 'editor-post', id],
    queryFn: ({ signal }) =>
      apiGet(`/api/committee/news/${encodeURIComponent(id ?? '')}`, NewsPostSchema, { signal }),
    enabled: id !== undefined,
  });
}

const OwnNewsSchema = z.object({ items: z.array(NewsPostSchema) });

export function useOwnNews() {
  return useQuery({
    queryKey: [...newsKeys.all, 'own'],
    queryFn: ({ signal }) => apiGet('/api/account/news', OwnNewsSchema, { signal }),
  });
}

/** Every change refreshes the news everywhere (lists, the post, the home page). */
function useNewsMutation<A>(send: (args: A) => Promise<NewsPost>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (post) => {
      client.setQueryData([...newsKeys.all, 'editor-post', post.id], post);
      void client.invalidateQueries({ queryKey: newsKeys.all });
    },
  });
}

const editor = (id: string, action = '') => `/api/committee/news/${encodeURIComponent(id)}${action}`;

export const useCreatePost = () =>
  useNewsMutation((body: NewsPostCreateBody) => apiSend('POST', '/api/committee/news', body, NewsPostSchema));
export const useUpdatePost = (id: string) =>
  useNewsMutation((body: NewsPostUpdateBody) => apiSend('PUT', editor(id), body, NewsPostSchema));
export const usePublishPost = (id: string) =>
  useNewsMutation((body: { version: number; publishAt: string | null }) =>
    apiSend('POST', editor(id, '/publish'), body, NewsPostSchema),
  );
export const useArchivePost = (id: string) =>
  useNewsMutation((body: { version: number }) =>
    apiSend('POST', editor(id, '/archive'), body, NewsPostSchema),
  );
export const useReturnPost = (id: string) =>
  useNewsMutation((body: { version: number; reason: string }) =>
    apiSend('POST', editor(id, '/return'), body, NewsPostSchema),
  );

const own = (id: string, action = '') => `/api/account/news/${encodeURIComponent(id)}${action}`;

export const useCreateProposal = () =>
  useNewsMutation((body: NewsProposalCreateBody) =>
    apiSend('POST', '/api/account/news', body, NewsPostSchema),
  );
export const useUpdateProposal = () =>
  useNewsMutation(({ id, body }: { id: string; body: NewsProposalUpdateBody }) =>
    apiSend('PUT', own(id), body, NewsPostSchema),
  );
export const useSubmitProposal = () =>
  useNewsMutation(({ id, version }: { id: string; version: number }) =>
    apiSend('POST', own(id, '/submit'), { version }, NewsPostSchema),
  );

export const useUploadCover = (id: string) =>
  useNewsMutation((file: File) => uploadImage('PUT', editor(id, '/cover'), file, NewsPostSchema));
export const useRemoveCover = (id: string) =>
  useNewsMutation(() => apiSend('DELETE', editor(id, '/cover'), undefined, NewsPostSchema));
