import { type ResourcePhoto, ResourcePhotoListSchema, ResourcePhotoSchema } from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, uploadImage } from '@/lib/api-client.ts';
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
export function uploadPhoto(resourceId: string, file: Blob): Promise<ResourcePhoto> {
  return uploadImage('POST', photosPath(resourceId), file, ResourcePhotoSchema);
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
