import { LOGO_TYPES, type LogoInfo, LogoInfoSchema } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { currentLanguage } from '@/i18n/index.ts';
import { apiSend, networkError, toApiError } from '@/lib/api-client.ts';
import { directoryKeys, organizationKeys } from '@/lib/query-keys.ts';
import { myOrganizationKeys } from './keys.ts';

const logoPath = (id: string) => `/api/account/organizations/${encodeURIComponent(id)}/logo`;

/**
 * Uploads the file as the raw request body. The declared type is the file's own when it is one the server
 * takes, else application/octet-stream: the server decides what it is by its bytes either way.
 */
export async function uploadLogo(id: string, file: Blob): Promise<LogoInfo> {
  const type = (LOGO_TYPES as readonly string[]).includes(file.type) ? file.type : 'application/octet-stream';
  let response: Response;
  try {
    response = await fetch(logoPath(id), {
      method: 'PUT',
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage(), 'Content-Type': type },
      credentials: 'same-origin',
      body: file,
    });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) throw await toApiError(response);
  return LogoInfoSchema.parse(await response.json());
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
