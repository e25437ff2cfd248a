import { OrganizationExportSchema } from '@portal/shared';
import { useMutation } from '@tanstack/react-query';
import { downloadJson } from '@/lib/download.ts';

/** Saves everything the portal holds about an organisation the user represents as a JSON file. */
export function useDownloadOrganizationData(id: string) {
  return useMutation({
    mutationFn: () =>
      downloadJson(
        `/api/account/organizations/${encodeURIComponent(id)}/export`,
        OrganizationExportSchema,
        'portal-organization.json',
      ),
  });
}
