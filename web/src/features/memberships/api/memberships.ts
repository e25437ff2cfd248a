import {
  type CommitteeMemberListResponse,
  CommitteeMemberListResponseSchema,
  type MembershipActionBody,
  type MembershipDetail,
  MembershipDetailSchema,
  type MembershipVoteOpenBody,
} from '@portal/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { membershipPath, membershipsPath, useMembershipVoteChange } from '@/lib/api/memberships.ts';
import { apiGet, apiSend, isApiError } from '@/lib/api-client.ts';
import { FEES_QUERY_ROOT, membershipKeys } from '@/lib/query-keys.ts';
import { MEMBERS_PAGE_SIZE, type MemberSearch } from '../search-params.ts';

/** The URL's values go to the API as they are: the server judges them (a bad one is a 400). */
export function getMembersQueryOptions(search: MemberSearch, pageSize = MEMBERS_PAGE_SIZE) {
  return queryOptions({
    queryKey: membershipKeys.list({ ...search, pageSize }),
    queryFn: ({ signal }): Promise<CommitteeMemberListResponse> =>
      apiGet(membershipsPath, CommitteeMemberListResponseSchema, {
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
      apiGet(membershipPath(id), MembershipDetailSchema, signal ? { signal } : {}),
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
      apiSend('POST', `${membershipPath(id)}/actions`, body, MembershipDetailSchema),
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

/** The chair opens a committee vote on a proposed change (issue 11 B1); voting and closing are the voting feature's. */
export function useOpenMembershipVote(id: string) {
  return useMembershipVoteChange(id, (body: MembershipVoteOpenBody) =>
    apiSend('POST', `${membershipPath(id)}/votes`, body, MembershipDetailSchema),
  );
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
