import { type BoardItemRevisionsResponse, BoardItemRevisionsResponseSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { boardKeys } from './keys.ts';

export function getBoardItemRevisions(
  organizationId: string,
  itemId: string,
  signal?: AbortSignal,
): Promise<BoardItemRevisionsResponse> {
  return apiGet(
    `/api/account/organizations/${encodeURIComponent(organizationId)}/board-items/${encodeURIComponent(itemId)}/revisions`,
    BoardItemRevisionsResponseSchema,
    signal ? { signal } : {},
  );
}

export function getBoardItemRevisionsQueryOptions(organizationId: string, itemId: string) {
  return queryOptions({
    queryKey: boardKeys.revisions(organizationId, itemId),
    queryFn: ({ signal }) => getBoardItemRevisions(organizationId, itemId, signal),
  });
}

/** An item's earlier versions, loaded when its history is opened (`enabled`). */
export function useBoardItemRevisions(organizationId: string, itemId: string, enabled = true) {
  return useQuery({ ...getBoardItemRevisionsQueryOptions(organizationId, itemId), enabled });
}
