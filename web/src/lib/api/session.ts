import {
  type Action,
  can,
  type Me,
  type MemberStanding,
  type Principal,
  type SessionResponse,
  SessionResponseSchema,
} from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { authKeys } from '@/lib/query-keys.ts';

export function getSession(signal?: AbortSignal): Promise<SessionResponse> {
  return apiGet('/api/auth/session', SessionResponseSchema, signal ? { signal } : {});
}

export function getSessionQueryOptions() {
  return queryOptions({
    queryKey: authKeys.session(),
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 60_000,
  });
}

/** Who is signed in: `data.user` is the user, or null for an anonymous visitor. */
export function useSession() {
  return useQuery(getSessionQueryOptions());
}

/** The permission policy's view of a user (shared `can()` decides with it). */
export function principalOf(user: Me | null | undefined): Principal | null {
  if (!user) return null;
  return {
    id: user.id,
    roles: user.roles,
    organizationIds: user.organizations.map((o) => o.id),
    memberOrganizationIds: user.organizations.filter((o) => o.standing === 'active').map((o) => o.id),
    candidateOrganizationIds: user.organizations.filter((o) => o.candidate).map((o) => o.id),
  };
}

/**
 * The standing in the cluster of an organisation the signed-in user represents, or undefined (not theirs,
 * e.g. an administrator's look, or still loading).
 */
export function useOrganizationStanding(id: string): MemberStanding | undefined {
  const session = useSession();
  return session.data?.user?.organizations.find((o) => o.id === id)?.standing;
}

/** May the signed-in user (if any) do `action`? False while the session is loading. */
export function useCan(action: Action): boolean {
  const session = useSession();
  return can(principalOf(session.data?.user), action);
}
