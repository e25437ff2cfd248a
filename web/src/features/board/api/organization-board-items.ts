import {
  type BoardItem,
  type BoardItemCloseBody,
  type BoardItemCreateBody,
  BoardItemSchema,
  type BoardItemUpdateBody,
  type OwnBoardItemsResponse,
  OwnBoardItemsResponseSchema,
} from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { boardTeaserKeys } from '@/lib/api/board-teaser.ts';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { boardKeys } from './keys.ts';

const base = (organizationId: string) =>
  `/api/account/organizations/${encodeURIComponent(organizationId)}/board-items`;

export function getOrganizationBoardItems(
  organizationId: string,
  signal?: AbortSignal,
): Promise<OwnBoardItemsResponse> {
  return apiGet(base(organizationId), OwnBoardItemsResponseSchema, signal ? { signal } : {});
}

export function getOrganizationBoardItemsQueryOptions(organizationId: string) {
  return queryOptions({
    queryKey: boardKeys.organization(organizationId),
    queryFn: ({ signal }) => getOrganizationBoardItems(organizationId, signal),
  });
}

export function useOrganizationBoardItems(organizationId: string) {
  return useQuery(getOrganizationBoardItemsQueryOptions(organizationId));
}

/** After any change the organisation's list, the board, the item and the teaser are stale. */
function useInvalidateBoard(organizationId: string) {
  const queryClient = useQueryClient();
  return (item: BoardItem) =>
    Promise.all([
      queryClient.invalidateQueries({
        queryKey: getOrganizationBoardItemsQueryOptions(organizationId).queryKey,
      }),
      queryClient.invalidateQueries({ queryKey: boardKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: boardKeys.item(item.id) }),
      queryClient.invalidateQueries({ queryKey: boardTeaserKeys.all }),
    ]);
}

export function useCreateBoardItem(organizationId: string) {
  const invalidate = useInvalidateBoard(organizationId);
  return useMutation({
    mutationFn: (body: BoardItemCreateBody) => apiSend('POST', base(organizationId), body, BoardItemSchema),
    onSuccess: invalidate,
  });
}

export function useUpdateBoardItem(organizationId: string) {
  const invalidate = useInvalidateBoard(organizationId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BoardItemUpdateBody }) =>
      apiSend('PUT', `${base(organizationId)}/${encodeURIComponent(id)}`, body, BoardItemSchema),
    onSuccess: invalidate,
  });
}

export function usePublishBoardItem(organizationId: string) {
  const invalidate = useInvalidateBoard(organizationId);
  return useMutation({
    mutationFn: (item: Pick<BoardItem, 'id' | 'version'>) =>
      apiSend(
        'POST',
        `${base(organizationId)}/${encodeURIComponent(item.id)}/publish`,
        { version: item.version },
        BoardItemSchema,
      ),
    onSuccess: invalidate,
  });
}

export function useCloseBoardItem(organizationId: string) {
  const invalidate = useInvalidateBoard(organizationId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BoardItemCloseBody }) =>
      apiSend('POST', `${base(organizationId)}/${encodeURIComponent(id)}/close`, body, BoardItemSchema),
    onSuccess: invalidate,
  });
}
