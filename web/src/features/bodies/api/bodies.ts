import {
  AdminUserListResponseSchema,
  type Body,
  type BodyCreateBody,
  type BodyListResponse,
  BodyListResponseSchema,
  BodySchema,
  type PositionCreateBody,
  type PositionEndBody,
  type PositionUpdateBody,
} from '@portal/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';

export const bodyKeys = {
  all: ['bodies'] as const,
  public: () => [...bodyKeys.all, 'public'] as const,
  history: () => [...bodyKeys.all, 'history'] as const,
  admin: () => [...bodyKeys.all, 'admin'] as const,
  users: (q: string) => [...bodyKeys.all, 'users', q] as const,
};

/** "Who runs the cluster": the bodies in existence and the positions held today (public). */
export function usePublicBodies() {
  return useQuery({
    queryKey: bodyKeys.public(),
    queryFn: ({ signal }) => apiGet('/api/bodies', BodyListResponseSchema, { signal }),
  });
}

/** Every term of every body (members, the committee, administrators); `enabled` when the user may. */
export function useBodyHistory(enabled: boolean) {
  return useQuery({
    queryKey: bodyKeys.history(),
    queryFn: ({ signal }) => apiGet('/api/bodies/history', BodyListResponseSchema, { signal }),
    enabled,
  });
}

export function useAdminBodies() {
  return useQuery({
    queryKey: bodyKeys.admin(),
    queryFn: ({ signal }) => apiGet('/api/admin/bodies', BodyListResponseSchema, { signal }),
    staleTime: 0,
  });
}

/** Users matching `q` for the position holder picker (the administration's user search). */
export function useUserSearch(q: string) {
  return useQuery({
    queryKey: bodyKeys.users(q),
    queryFn: ({ signal }) =>
      apiGet('/api/admin/users', AdminUserListResponseSchema, { params: { q, pageSize: 10 }, signal }),
    enabled: q.trim().length >= 2,
  });
}

/** Puts a changed body into the administration's list and refreshes the public views. */
function useBodyChanged() {
  const queryClient = useQueryClient();
  return (body: Body) => {
    queryClient.setQueryData<BodyListResponse>(bodyKeys.admin(), (list) => {
      if (!list) return list;
      const known = list.items.some((b) => b.id === body.id);
      return { items: known ? list.items.map((b) => (b.id === body.id ? body : b)) : [...list.items, body] };
    });
    void queryClient.invalidateQueries({ queryKey: bodyKeys.public() });
    void queryClient.invalidateQueries({ queryKey: bodyKeys.history() });
  };
}

export function useSaveBody() {
  const changed = useBodyChanged();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string | null; body: BodyCreateBody; version?: number }) =>
      id
        ? apiSend('PUT', `/api/admin/bodies/${id}`, { ...body, version }, BodySchema)
        : apiSend('POST', '/api/admin/bodies', body, BodySchema),
    onSuccess: changed,
  });
}

export function useAddPosition(bodyId: string) {
  const changed = useBodyChanged();
  return useMutation({
    mutationFn: (body: PositionCreateBody) =>
      apiSend('POST', `/api/admin/bodies/${bodyId}/positions`, body, BodySchema),
    onSuccess: changed,
  });
}

export function useCorrectPosition(bodyId: string) {
  const changed = useBodyChanged();
  return useMutation({
    mutationFn: ({ positionId, body }: { positionId: string; body: PositionUpdateBody }) =>
      apiSend('PUT', `/api/admin/bodies/${bodyId}/positions/${positionId}`, body, BodySchema),
    onSuccess: changed,
  });
}

export function useEndPosition(bodyId: string) {
  const changed = useBodyChanged();
  return useMutation({
    mutationFn: ({ positionId, body }: { positionId: string; body: PositionEndBody }) =>
      apiSend('POST', `/api/admin/bodies/${bodyId}/positions/${positionId}/end`, body, BodySchema),
    onSuccess: changed,
  });
}

export function useEraseHolder(bodyId: string) {
  const changed = useBodyChanged();
  return useMutation({
    mutationFn: (positionId: string) =>
      apiSend(
        'POST',
        `/api/admin/bodies/${bodyId}/positions/${positionId}/erase-holder`,
        undefined,
        BodySchema,
      ),
    onSuccess: changed,
  });
}
