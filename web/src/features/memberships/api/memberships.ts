import {
  type CommitteeMemberListResponse,
  CommitteeMemberListResponseSchema,
  type MembershipActionBody,
  type MembershipDetail,
  MembershipDetailSchema,
  type MembershipVoteOpenBody,
  type VoteChoice,
} from '@portal/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, isApiError } from '@/lib/api-client.ts';
import { FEES_QUERY_ROOT } from '@/lib/query-keys.ts';
import { MEMBERS_PAGE_SIZE, type MemberSearch } from '../search-params.ts';

/** Everything the membership pages cache lives under `memberships`. */
export const membershipKeys = {
  all: ['memberships'] as const,
  lists: () => [...membershipKeys.all, 'list'] as const,
  list: (search: MemberSearch & { pageSize: number }) => [...membershipKeys.lists(), search] as const,
  detail: (id: string) => [...membershipKeys.all, 'detail', id] as const,
};

const membersPath = '/api/committee/members';
const memberPath = (id: string) => `${membersPath}/${encodeURIComponent(id)}`;

/** The URL's values go to the API as they are: the server judges them (a bad one is a 400). */
export function getMembersQueryOptions(search: MemberSearch, pageSize = MEMBERS_PAGE_SIZE) {
  return queryOptions({
    queryKey: membershipKeys.list({ ...search, pageSize }),
    queryFn: ({ signal }): Promise<CommitteeMemberListResponse> =>
      apiGet(membersPath, CommitteeMemberListResponseSchema, {
        params: { ...search, pageSize },
        ...(signal ? { signal } : {}),
      }),
    placeholderData: keepPreviousData,
  });
}

export function useMembers(search: MemberSearch) {
  return useQuery(getMembersQueryOptions(search));
}

export function getMembershipQueryOptions(id: string) {
  return queryOptions({
    queryKey: membershipKeys.detail(id),
    queryFn: ({ signal }): Promise<MembershipDetail> =>
      apiGet(memberPath(id), MembershipDetailSchema, signal ? { signal } : {}),
  });
}

export function useMembership(id: string) {
  return useQuery(getMembershipQueryOptions(id));
}

/**
 * Takes an action. Success answers the membership as it is now; a 409 (someone changed it meanwhile, or
 * the action is no longer open) makes the page read it again, so the committee member sees the current
 * state before trying again. The list is asked again either way.
 */
export function useMembershipAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MembershipActionBody) =>
      apiSend('POST', `${memberPath(id)}/actions`, body, MembershipDetailSchema),
    onSuccess: async (membership) => {
      queryClient.setQueryData(membershipKeys.detail(id), membership);
      await queryClient.invalidateQueries({ queryKey: membershipKeys.lists() });
      // A category change (or suspension) changes what the member owes: the fee pages read again.
      await queryClient.invalidateQueries({ queryKey: FEES_QUERY_ROOT });
    },
    onError: async (error) => {
      if (isApiError(error, 409)) {
        await queryClient.invalidateQueries({ queryKey: membershipKeys.detail(id) });
        await queryClient.invalidateQueries({ queryKey: membershipKeys.lists() });
      }
    },
  });
}

/**
 * A membership vote (issue 11 B1): the chair opens it on a proposed change or closes it, a committee
 * member votes. Each answers the membership as it is now (an adopted change already applied); a 409 reads
 * it again.
 */
export function useMembershipVote(id: string) {
  const queryClient = useQueryClient();
  const options = {
    onSuccess: async (membership: MembershipDetail) => {
      queryClient.setQueryData(membershipKeys.detail(id), membership);
      await queryClient.invalidateQueries({ queryKey: membershipKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: FEES_QUERY_ROOT });
    },
    onError: async (error: Error) => {
      if (isApiError(error, 409))
        await queryClient.invalidateQueries({ queryKey: membershipKeys.detail(id) });
    },
  };
  return {
    open: useMutation({
      mutationFn: (body: MembershipVoteOpenBody) =>
        apiSend('POST', `${memberPath(id)}/votes`, body, MembershipDetailSchema),
      ...options,
    }),
    ballot: useMutation({
      mutationFn: (choice: VoteChoice) =>
        apiSend('POST', `${memberPath(id)}/votes/current/ballot`, { choice }, MembershipDetailSchema),
      ...options,
    }),
    close: useMutation({
      mutationFn: () =>
        apiSend('POST', `${memberPath(id)}/votes/current/close`, undefined, MembershipDetailSchema),
      ...options,
    }),
  };
}

/** An administrator erases the organisation's contact person's data everywhere (profile, history, applications). */
export function useEraseContact(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiSend('POST', `/api/admin/organizations/${encodeURIComponent(organizationId)}/erase-contact`),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** Administrators: remove an organisation entered by mistake (the server refuses one with a history). */
export function useRemoveOrganization(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('DELETE', `/api/admin/organizations/${encodeURIComponent(organizationId)}`),
    // Lists, the directory and counts all lose it.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
