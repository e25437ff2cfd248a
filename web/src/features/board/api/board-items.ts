import {
  type BoardItem,
  BoardItemSchema,
  type BoardListResponse,
  BoardListResponseSchema,
} from '@portal/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { BOARD_PAGE_SIZE, type BoardSearch } from '../search-params.ts';
import { boardKeys } from './keys.ts';

/** A page of the members' board; the URL's values go as they are (the server judges them: a 400). */
export function getBoardItems(search: BoardSearch, signal?: AbortSignal): Promise<BoardListResponse> {
  return apiGet('/api/board/items', BoardListResponseSchema, {
    params: { ...search, pageSize: BOARD_PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}

export function getBoardItemsQueryOptions(search: BoardSearch) {
  return queryOptions({
    queryKey: boardKeys.list(search),
    queryFn: ({ signal }) => getBoardItems(search, signal),
    // Keep the previous page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useBoardItems(search: BoardSearch) {
  return useQuery(getBoardItemsQueryOptions(search));
}

export function getBoardItem(id: string, signal?: AbortSignal): Promise<BoardItem> {
  return apiGet(`/api/board/items/${encodeURIComponent(id)}`, BoardItemSchema, signal ? { signal } : {});
}

export function getBoardItemQueryOptions(id: string) {
  return queryOptions({
    queryKey: boardKeys.item(id),
    queryFn: ({ signal }) => getBoardItem(id, signal),
  });
}

export function useBoardItem(id: string) {
  return useQuery(getBoardItemQueryOptions(id));
}
