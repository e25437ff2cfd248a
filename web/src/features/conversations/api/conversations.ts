import {
  type Conversation,
  type ConversationListResponse,
  ConversationListResponseSchema,
  ConversationSchema,
  type ConversationSettings,
  ConversationSettingsSchema,
  type InterestBody,
  type PartnershipListResponse,
  PartnershipListResponseSchema,
  UnreadResponseSchema,
} from '@portal/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, isApiError } from '@/lib/api-client.ts';
import { accountKeys } from '@/lib/query-keys.ts';

/** Everything the conversation pages cache lives under the account (dropped when the user changes). */
export const conversationKeys = {
  all: [...accountKeys.all, 'conversations'] as const,
  list: (page: number) => [...conversationKeys.all, 'list', page] as const,
  unread: () => [...conversationKeys.all, 'unread'] as const,
  detail: (id: string) => [...conversationKeys.all, 'detail', id] as const,
  settings: () => [...conversationKeys.all, 'settings'] as const,
  partnerships: (organizationId: string) =>
    [...conversationKeys.all, 'partnerships', organizationId] as const,
};

/** How often the header asks for the unread count while the page is open (and on focus). */
export const UNREAD_POLL_MS = 60_000;

export const PAGE_SIZE = 20;

export function useConversations(page: number) {
  return useQuery(
    queryOptions({
      queryKey: conversationKeys.list(page),
      queryFn: ({ signal }): Promise<ConversationListResponse> =>
        apiGet('/api/conversations', ConversationListResponseSchema, {
          params: { page, pageSize: PAGE_SIZE },
          signal,
        }),
      placeholderData: keepPreviousData,
    }),
  );
}

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: conversationKeys.unread(),
    queryFn: ({ signal }) => apiGet('/api/conversations/unread', UnreadResponseSchema, { signal }),
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: conversationKeys.detail(id),
    queryFn: ({ signal }): Promise<Conversation> =>
      apiGet(`/api/conversations/${encodeURIComponent(id)}`, ConversationSchema, { signal }),
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
  });
}

/** Marks a conversation read; the counts are asked again. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('POST', `/api/conversations/${encodeURIComponent(id)}/read`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: conversationKeys.unread() });
      void queryClient.invalidateQueries({ queryKey: [...conversationKeys.all, 'list'] });
    },
  });
}

function useConversationWrite<V>(path: (id: string) => string, body: (v: V) => unknown, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => apiSend('POST', path(id), body(v), ConversationSchema),
    onSuccess: (conversation) => {
      queryClient.setQueryData(conversationKeys.detail(id), conversation);
      void queryClient.invalidateQueries({ queryKey: [...conversationKeys.all, 'list'] });
    },
    // The other side acted meanwhile (409): show what the conversation is now, beside the server's reason.
    onError: (error) => {
      if (isApiError(error, 409)) {
        void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(id) });
      }
    },
  });
}

export function useSendMessage(id: string) {
  return useConversationWrite<string>(
    (c) => `/api/conversations/${encodeURIComponent(c)}/messages`,
    (body) => ({ body }),
    id,
  );
}

export function useProposeAgreed(id: string) {
  return useConversationWrite<number>(
    (c) => `/api/conversations/${encodeURIComponent(c)}/agree`,
    (version) => ({ version }),
    id,
  );
}

export function useConfirmAgreed(id: string) {
  return useConversationWrite<number>(
    (c) => `/api/conversations/${encodeURIComponent(c)}/confirm`,
    (version) => ({ version }),
    id,
  );
}

/** The side that proposed "agreed" takes it back. */
export function useWithdrawAgreed(id: string) {
  return useConversationWrite<number>(
    (c) => `/api/conversations/${encodeURIComponent(c)}/withdraw`,
    (version) => ({ version }),
    id,
  );
}

/** The other side declines the proposal, with an optional short reason. */
export function useDeclineAgreed(id: string) {
  return useConversationWrite<{ version: number; reason: string }>(
    (c) => `/api/conversations/${encodeURIComponent(c)}/decline`,
    ({ version, reason }) => (reason.trim() ? { version, reason: reason.trim() } : { version }),
    id,
  );
}

/** "Interested": answers the new conversation, or the existing one (`created` tells which). */
export function useExpressInterest(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InterestBody) =>
      apiSend('POST', `/api/board/items/${encodeURIComponent(itemId)}/interest`, body, ConversationSchema),
    onSuccess: (conversation) => {
      queryClient.setQueryData(conversationKeys.detail(conversation.id), conversation);
      void queryClient.invalidateQueries({ queryKey: [...conversationKeys.all, 'list'] });
    },
  });
}

export function useConversationSettings() {
  return useQuery({
    queryKey: conversationKeys.settings(),
    queryFn: ({ signal }): Promise<ConversationSettings> =>
      apiGet('/api/account/conversation-settings', ConversationSettingsSchema, { signal }),
  });
}

export function useSaveConversationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ConversationSettings) =>
      apiSend('PUT', '/api/account/conversation-settings', settings, ConversationSettingsSchema),
    onSuccess: (settings) => queryClient.setQueryData(conversationKeys.settings(), settings),
  });
}

export function usePartnerships(organizationId: string) {
  return useQuery({
    queryKey: conversationKeys.partnerships(organizationId),
    queryFn: ({ signal }): Promise<PartnershipListResponse> =>
      apiGet(
        `/api/account/organizations/${encodeURIComponent(organizationId)}/partnerships`,
        PartnershipListResponseSchema,
        { signal },
      ),
  });
}

export function useSetConsent(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, shown }: { id: string; shown: boolean }) =>
      apiSend('PUT', `/api/account/partnerships/${encodeURIComponent(id)}/consent`, { shown }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: conversationKeys.partnerships(organizationId) }),
  });
}
