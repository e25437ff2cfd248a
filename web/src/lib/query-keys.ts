import type { QueryClient } from '@tanstack/react-query';

/**
 * The query-key families of the resources more than one feature reads or refreshes: one family per
 * resource, so a mutation in one feature invalidates exactly what another feature cached, without
 * importing it (features do not import each other). Keys a single feature alone uses stay in that
 * feature's `api/keys.ts`, built the same way.
 */

export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
};

/** Lets a protected page tell "the user logged out here" from "the session ended" (see RequireAuth). */
export const logOutMutationKey = [...authKeys.all, 'log-out'] as const;

/**
 * Drops every cached query except the session, so nothing one user loaded (account, administration)
 * is shown to whoever signs in next on this browser. Public data is simply fetched again.
 */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
}

/** Everything under `account` belongs to the signed-in user and is dropped when the user changes. */
export const accountKeys = {
  all: ['account'] as const,
  me: () => [...accountKeys.all, 'me'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
  organizations: () => [...accountKeys.all, 'organizations'] as const,
};

/**
 * Membership applications, read by their applicant and by the committee through the same keys, so a
 * change made on either side refreshes both views.
 */
export const applicationKeys = {
  all: ['applications'] as const,
  /** The signed-in user's own applications (dropped with the rest of the user's data on log-out). */
  mine: () => [...applicationKeys.all, 'mine'] as const,
  detail: (id: string) => [...applicationKeys.all, 'detail', id] as const,
};

/**
 * The root of the committee's queue (its pages and pipeline counts). Every change to an application on
 * the committee's side (a review step, a comment, a vote) asks it again; `features/committee/api/keys.ts`
 * builds its keys on it.
 */
export const COMMITTEE_QUEUE_ROOT = ['committee', 'queue'] as const;

/**
 * Memberships as the committee administers them: the member pages read them, and a membership vote
 * (the voting feature) answers the membership as it is now, so both use these keys.
 */
export const membershipKeys = {
  all: ['memberships'] as const,
  lists: () => [...membershipKeys.all, 'list'] as const,
  list: (search: Readonly<Partial<Record<string, string | number>>>) =>
    [...membershipKeys.lists(), search] as const,
  detail: (id: string) => [...membershipKeys.all, 'detail', id] as const,
};

/** The public directory of organisations (its searches). */
export const directoryKeys = {
  all: ['organizations'] as const,
  lists: () => [...directoryKeys.all, 'list'] as const,
  list: (search: Readonly<Partial<Record<string, string>>>) => [...directoryKeys.lists(), search] as const,
  /** The members-only view of the same search (under `lists()`, so a profile change refreshes it too). */
  memberList: (search: Readonly<Partial<Record<string, string>>>) =>
    [...directoryKeys.lists(), 'members', search] as const,
};

/** One organisation's public profile. */
export const organizationKeys = {
  all: ['organization'] as const,
  details: () => [...organizationKeys.all, 'detail'] as const,
  detail: (id: string) => [...organizationKeys.details(), id] as const,
  /** The profile with the contacts the viewer may see (under `detail(id)`: refreshed with it). */
  members: (id: string) => [...organizationKeys.detail(id), 'members'] as const,
};

/** The cluster's own public data (home page). */
export const clusterKeys = {
  all: ['cluster'] as const,
  detail: () => [...clusterKeys.all, 'detail'] as const,
  /** The home page's one answer (issue 17): under the cluster's root, so saving its texts refreshes it. */
  home: () => [...clusterKeys.all, 'home'] as const,
};

/**
 * The root of every fee query. A membership action changes the fees a member owes (issue 11 B3), so it
 * invalidates everything under it; `features/fees/api/keys.ts` builds its keys on the same root.
 */
export const FEES_QUERY_ROOT = ['fees'] as const;
