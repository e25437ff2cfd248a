import { type MailboxListResponse, MailboxListResponseSchema } from '@portal/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { MAILBOX_PAGE_SIZE, type MailboxSearch } from '../search-params.ts';
import { adminKeys } from './keys.ts';

export function getMailbox(search: MailboxSearch, signal?: AbortSignal): Promise<MailboxListResponse> {
  return apiGet('/api/admin/mailbox', MailboxListResponseSchema, {
    params: { ...search, pageSize: MAILBOX_PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}

export function getMailboxQueryOptions(search: MailboxSearch) {
  return queryOptions({
    queryKey: adminKeys.mailbox(search),
    queryFn: ({ signal }) => getMailbox(search, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMailbox(search: MailboxSearch) {
  return useQuery(getMailboxQueryOptions(search));
}
