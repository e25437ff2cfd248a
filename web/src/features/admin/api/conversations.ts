import {
  type ModeratedConversationListResponse,
  ModeratedConversationListResponseSchema,
} from '@portal/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { CONVERSATIONS_PAGE_SIZE, type ConversationSearch } from '../search-params.ts';
import { adminKeys } from './keys.ts';

/** The moderation list: which conversations exist, between whom, when — never a word of them. */
export function useModeratedConversations(search: ConversationSearch) {
  return useQuery({
    queryKey: adminKeys.conversations(search),
    queryFn: ({ signal }): Promise<ModeratedConversationListResponse> =>
      apiGet('/api/admin/conversations', ModeratedConversationListResponseSchema, {
        params: { ...search, pageSize: CONVERSATIONS_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
