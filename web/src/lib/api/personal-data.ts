import { AccountExportSchema, type EraseAccountBody, type SessionResponse } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { apiSend } from '@/lib/api-client.ts';
import { downloadJson } from '@/lib/download.ts';
import { setFlash } from '@/lib/flash.ts';
import { paths } from '@/lib/paths.ts';
import { authKeys, forgetUserData, logOutMutationKey } from '@/lib/query-keys.ts';

/** Saves everything the portal holds about the signed-in user as a JSON file. */
export function useDownloadMyData() {
  return useMutation({
    mutationFn: () => downloadJson('/api/account/export', AccountExportSchema, 'portal-account.json'),
  });
}

/**
 * Erases the account (password required). Like a log-out (same mutation key, so the account page's guard
 * does not send the user to the log-in page), it ends on the home page, which says the account is gone.
 */
export function useEraseAccount() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationKey: [...logOutMutationKey, 'erase'],
    mutationFn: (body: EraseAccountBody) => apiSend('POST', '/api/account/erase', body),
    onSuccess: async () => {
      setFlash('account_erased');
      await navigate(paths.home.href());
      forgetUserData(queryClient);
      queryClient.setQueryData<SessionResponse>(authKeys.session(), { user: null });
    },
  });
}
