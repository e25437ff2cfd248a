import {
  type Application,
  ApplicationSchema,
  type DocumentInfo,
  DocumentInfoSchema,
  type DocumentKind,
  type SectionSave,
} from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod';
import { currentLanguage } from '@/i18n/index.ts';
import { applicationPath, documentUrl } from '@/lib/api/applications.ts';
import { apiSend, buildUrl, networkError, toApiError } from '@/lib/api-client.ts';
import { applicationKeys, authKeys } from '@/lib/query-keys.ts';

/**
 * Uploads a file as the raw request body (`Content-Type` is given, e.g. application/pdf) and parses the
 * answer with `schema`; `path` carries the query string. (Here, not in api-client, to keep it out of the
 * app shell's bundle: only this page uploads.)
 */
export async function apiUpload<S extends z.ZodType>(
  path: string,
  file: Blob,
  contentType: string,
  schema: S,
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        'Content-Type': contentType,
      },
      credentials: 'same-origin',
      body: file,
    });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) throw await toApiError(response);
  return schema.parse(await response.json());
}

/** Every change answers with the whole application: show it at once and let the list catch up. */
function useApplicationChange<A>(mutationFn: (args: A) => Promise<Application>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.detail(application.id), application);
      return queryClient.invalidateQueries({ queryKey: applicationKeys.mine() });
    },
  });
}

/** Starts a draft. The server makes the user an applicant, so the session's roles change too. */
export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/applications', undefined, ApplicationSchema),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.detail(application.id), application);
      void queryClient.invalidateQueries({ queryKey: authKeys.session() });
      return queryClient.invalidateQueries({ queryKey: applicationKeys.mine() });
    },
  });
}

/** Deletes a draft (issue 11 C3); its page and the list forget it. */
export function useDeleteDraft(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('DELETE', applicationPath(id)),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: applicationKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: applicationKeys.mine() });
    },
  });
}

/** Saves one section: the body is the section's own shape (`SectionSave` ties the two together). */
export function useSaveSection(id: string) {
  return useApplicationChange(({ section, value }: SectionSave) =>
    apiSend('PUT', `${applicationPath(id)}/sections/${section}`, value, ApplicationSchema),
  );
}

export type ApplicantAction = 'submit' | 'resubmit' | 'withdraw';

/** Submit, resubmit or withdraw. A refusal (e.g. sections missing) may mean our copy is stale: refetch. */
export function useApplicationAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, comment }: { action: ApplicantAction; comment?: string }) =>
      apiSend(
        'POST',
        `${applicationPath(id)}/actions/${action}`,
        comment ? { comment } : {},
        ApplicationSchema,
      ),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.detail(application.id), application);
      return queryClient.invalidateQueries({ queryKey: applicationKeys.mine() });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: applicationKeys.detail(id) }),
  });
}

/** The applicant writes to the committee only as `applicant` (a message both sides see). */
export function useReply(id: string) {
  return useApplicationChange((text: string) =>
    apiSend('POST', `${applicationPath(id)}/comments`, { text, audience: 'applicant' }, ApplicationSchema),
  );
}

/** Uploads a PDF; the answer is the document alone, so the application is fetched again. */
export function useUploadDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind }: { file: File; kind: DocumentKind }): Promise<DocumentInfo> =>
      apiUpload(
        buildUrl(`${applicationPath(id)}/documents`, { kind, filename: file.name }),
        file,
        'application/pdf',
        DocumentInfoSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationKeys.detail(id) }),
  });
}

export function useDeleteDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) => apiSend('DELETE', documentUrl(id, documentId)),
    onSuccess: (_data, documentId) => {
      queryClient.setQueryData<Application>(applicationKeys.detail(id), (old) =>
        old ? { ...old, documents: old.documents.filter((d) => d.id !== documentId) } : old,
      );
      return queryClient.invalidateQueries({ queryKey: applicationKeys.detail(id) });
    },
  });
}
