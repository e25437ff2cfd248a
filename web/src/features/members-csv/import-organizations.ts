import { type ImportResult, ImportResultSchema } from '@portal/shared';
import { useMutation } from '@tanstack/react-query';
import { currentLanguage } from '@/i18n/index.ts';
import { networkError, toApiError } from '@/lib/api-client.ts';

export const IMPORT_PATH = '/api/admin/organizations/import';
export const IMPORT_TEMPLATE_URL = '/api/admin/organizations/import/template.csv';

/**
 * Sends a CSV file's text to the import (as text/csv, the one body type that route takes). A dry run
 * only checks it. A bad file is an ApiError whose field errors name `line N › column`.
 */
export async function importOrganizations(csv: string, dryRun: boolean): Promise<ImportResult> {
  let response: Response;
  try {
    response = await fetch(dryRun ? `${IMPORT_PATH}?dryRun=true` : IMPORT_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        'Content-Type': 'text/csv; charset=utf-8',
      },
      body: csv,
    });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) throw await toApiError(response);
  return ImportResultSchema.parse(await response.json());
}

export function useImportOrganizations() {
  return useMutation({
    mutationFn: ({ csv, dryRun }: { csv: string; dryRun: boolean }) => importOrganizations(csv, dryRun),
  });
}
