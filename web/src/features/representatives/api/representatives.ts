import {
  AcceptInvitationResponseSchema,
  InvitationPreviewSchema,
  InviteResponseSchema,
  RepresentativesResponseSchema,
} from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { accountKeys, authKeys } from '@/lib/query-keys.ts';
import { representativeKeys } from './keys.ts';

const base = (id: string) => `/api/account/organizations/${encodeURIComponent(id)}`;

export function getRepresentativesQueryOptions(id: string) {
  return queryOptions({
    queryKey: representativeKeys.list(id),
    queryFn: ({ signal }) => apiGet(`${base(id)}/representatives`, RepresentativesResponseSchema, { signal }),
  });
}

export function useRepresentatives(id: string) {
  return useQuery(getRepresentativesQueryOptions(id));
}

/** After a change the list is read again. */
function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: representativeKeys.list(id) });
}

export function useInvite(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (email: string) =>
      apiSend('POST', `${base(id)}/invitations`, { email }, InviteResponseSchema),
    onSuccess: () => refresh(),
  });
}

export function useRevokeInvitation(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (invitationId: string) =>
      apiSend('DELETE', `${base(id)}/invitations/${encodeURIComponent(invitationId)}`),
    onSuccess: () => refresh(),
  });
}

/** Removes a representative; removing oneself also changes one's own session (organisations, maybe role). */
export function useRemoveRepresentative(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: ({ userId }: { userId: string; isMe: boolean }) =>
      apiSend('DELETE', `${base(id)}/representatives/${encodeURIComponent(userId)}`),
    onSuccess: async (_data, { isMe }) => {
      if (isMe) {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: authKeys.session() }),
          queryClient.invalidateQueries({ queryKey: accountKeys.all }),
        ]);
        return;
      }
      await refresh();
    },
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: representativeKeys.invitation(token),
    queryFn: () => apiSend('POST', '/api/invitations/preview', { token }, InvitationPreviewSchema),
    enabled: token !== '',
    retry: false,
  });
}

/** Accepting makes the user a representative: the session (roles, organisations) and account lists change. */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      apiSend('POST', '/api/invitations/accept', { token }, AcceptInvitationResponseSchema),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: authKeys.session() }),
        queryClient.invalidateQueries({ queryKey: accountKeys.organizations() }),
      ]),
  });
}
