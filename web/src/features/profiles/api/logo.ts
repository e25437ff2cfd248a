import { type LogoInfo, LogoInfoSchema } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend, uploadImage } from '@/lib/api-client.ts';
import { directoryKeys, organizationKeys } from '@/lib/query-keys.ts';
import { myOrganizationKeys } from './keys.ts';

const logoPath = (id: string) => `/api/account/organizations/${encodeURIComponent(id)}/logo`;

/** Uploads the file as the raw request body (`uploadImage`). */
export function uploadLogo(id: string, file: Blob): Promise<LogoInfo> {
  return uploadImage('PUT', logoPath(id), file, LogoInfoSchema);
}

/** The profile (and its version), the public profile and the directory cards all show the logo. */
function useRefreshAfterLogoChange(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: myOrganizationKeys.profile(id) }),
      queryClient.invalidateQueries({ queryKey: myOrganizationKeys.history(id) }),
      queryClient.invalidateQueries({ queryKey: organizationKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: directoryKeys.lists() }),
    ]);
  };
}

export function useUploadLogo(id: string) {
  const refresh = useRefreshAfterLogoChange(id);
  return useMutation({ mutationFn: (file: File) => uploadLogo(id, file), onSuccess: refresh });
}

export function useRemoveLogo(id: string) {
  const refresh = useRefreshAfterLogoChange(id);
  return useMutation({ mutationFn: () => apiSend('DELETE', logoPath(id)), onSuccess: refresh });
}
