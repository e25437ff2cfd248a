import { LOGO_TYPES, type ResourcePhoto, ResourcePhotoListSchema, ResourcePhotoSchema } from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { currentLanguage } from '@/i18n/index.ts';
import { apiGet, apiSend, networkError, toApiError } from '@/lib/api-client.ts';
import { resourceKeys } from './resources.ts';

const photosPath = (id: string) => `/api/resources/${encodeURIComponent(id)}/photos`;
const photoKey = (id: string) => [...resourceKeys.detail(id), 'photos'] as const;

export function getPhotosQueryOptions(resourceId: string) {
  return queryOptions({
    queryKey: photoKey(resourceId),
    queryFn: ({ signal }) => apiGet(photosPath(resourceId), ResourcePhotoListSchema, { signal }),
  });
}
export const usePhotos = (resourceId: string) => useQuery(getPhotosQueryOptions(resourceId));

/** Uploads a photo as the raw body, like a logo: the server decides what it is by its bytes. */
export async function uploadPhoto(resourceId: string, file: Blob): Promise<ResourcePhoto> {
  const type = (LOGO_TYPES as readonly string[]).includes(file.type) ? file.type : 'application/octet-stream';
  let response: Response;
  try {
    response = await fetch(photosPath(resourceId), {
      method: 'POST',
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage(), 'Content-Type': type },
      credentials: 'same-origin',
      body: file,
    });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) throw await toApiError(response);
  return ResourcePhotoSchema.parse(await response.json());
}

function useRefreshPhotos(resourceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: photoKey(resourceId) });
}

export function useUploadPhoto(resourceId: string) {
  const refresh = useRefreshPhotos(resourceId);
  return useMutation({ mutationFn: (file: File) => uploadPhoto(resourceId, file), onSuccess: refresh });
}

export function useRemovePhoto(resourceId: string) {
  const refresh = useRefreshPhotos(resourceId);
  return useMutation({
    mutationFn: (photoId: string) =>
      apiSend('DELETE', `${photosPath(resourceId)}/${encodeURIComponent(photoId)}`),
    onSuccess: refresh,
  });
}

export function useReorderPhotos(resourceId: string) {
  const refresh = useRefreshPhotos(resourceId);
  return useMutation({
    mutationFn: (ids: string[]) =>
      apiSend('PUT', `${photosPath(resourceId)}/order`, { ids }, ResourcePhotoListSchema),
    onSuccess: refresh,
  });
}
