import { type VotingSettings, VotingSettingsSchema } from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { adminKeys } from './keys.ts';

const VOTING_PATH = '/api/admin/settings/voting';

export function getVotingSettings(signal?: AbortSignal): Promise<VotingSettings> {
  return apiGet(VOTING_PATH, VotingSettingsSchema, signal ? { signal } : {});
}

export function getVotingSettingsQueryOptions() {
  return queryOptions({
    queryKey: [...adminKeys.all, 'settings', 'voting'] as const,
    queryFn: ({ signal }) => getVotingSettings(signal),
  });
}

export function useVotingSettings() {
  return useQuery(getVotingSettingsQueryOptions());
}

/** Saves the voting rules; the answer (the rules as stored) replaces the cached ones. */
export function useSaveVotingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: VotingSettings) => apiSend('PUT', VOTING_PATH, settings, VotingSettingsSchema),
    onSuccess: (settings) => {
      queryClient.setQueryData(getVotingSettingsQueryOptions().queryKey, settings);
    },
  });
}
