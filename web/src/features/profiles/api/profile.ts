import {
  etagOf,
  type ProfileEditBody,
  type StoredProfile,
  StoredProfileSchema,
  versionFromEtag,
} from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGetResponse, apiSendResponse } from '@/lib/api-client.ts';
import { accountKeys, organizationKeys } from '@/lib/query-keys.ts';
import { myOrganizationKeys } from './keys.ts';

/** A profile with the ETag it was read with: the version a save must name in `If-Match`. */
export interface VersionedProfile {
  profile: StoredProfile;
  etag: string;
}

const profilePath = (id: string) => `/api/account/organizations/${encodeURIComponent(id)}/profile`;

/** The response's ETag; a server that sent none is taken at the body's version (the same value). */
function versioned(profile: StoredProfile, headers: Headers): VersionedProfile {
  const etag = headers.get('etag');
  return { profile, etag: etag && versionFromEtag(etag) !== null ? etag : etagOf(profile.version) };
}

export async function getEditableProfile(id: string, signal?: AbortSignal): Promise<VersionedProfile> {
  const { data, headers } = await apiGetResponse(
    profilePath(id),
    StoredProfileSchema,
    signal ? { signal } : {},
  );
  return versioned(data, headers);
}

export function getEditableProfileQueryOptions(id: string) {
  return queryOptions({
    queryKey: myOrganizationKeys.profile(id),
    queryFn: ({ signal }) => getEditableProfile(id, signal),
    // The editor always opens on the version saved now, never on one cached by an earlier visit.
    staleTime: 0,
    gcTime: 0,
  });
}

export function useEditableProfile(id: string) {
  return useQuery(getEditableProfileQueryOptions(id));
}

/** Saves the profile only if it is still at `etag`: a 412 ApiError means someone saved in between. */
export async function saveProfile(
  id: string,
  body: ProfileEditBody,
  etag: string,
): Promise<VersionedProfile> {
  const { data, headers } = await apiSendResponse('PUT', profilePath(id), body, StoredProfileSchema, {
    headers: { 'If-Match': etag },
  });
  return versioned(data, headers);
}

export function useSaveProfile(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: ProfileEditBody; etag: string }) => saveProfile(id, body, etag),
    onSuccess: (saved) => {
      queryClient.setQueryData(myOrganizationKeys.profile(id), saved);
      // The history has a new entry; the account's list and the public profile show the new name and data.
      void queryClient.invalidateQueries({ queryKey: myOrganizationKeys.history(id) });
      void queryClient.invalidateQueries({ queryKey: accountKeys.organizations() });
      void queryClient.invalidateQueries({ queryKey: organizationKeys.detail(id) });
    },
  });
}

/** The version saved now, read afresh (after a 412), whatever the cache holds. */
export function useFetchCurrentProfile(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.fetchQuery({ ...getEditableProfileQueryOptions(id), staleTime: 0 });
}
