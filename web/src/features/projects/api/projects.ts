import {
  type ProjectBudgetBody,
  type ProjectCreateBody,
  type ProjectExternalPartnerBody,
  ProjectListResponseSchema,
  ProjectSchema,
  type ProjectTaskBody,
} from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod';
import { apiGet, apiSend, buildUrl, uploadPdf } from '@/lib/api-client.ts';

/** Joint projects and consortia (issue 16 §4, decision 050). */
export const projectKeys = {
  all: ['projects'] as const,
  list: (scope: string) => [...projectKeys.all, 'list', scope] as const,
  invitations: () => [...projectKeys.all, 'invitations'] as const,
  detail: (id: string) => [...projectKeys.all, 'detail', id] as const,
};

export type ProjectScope = 'mine' | 'forming' | 'all';
export function getProjectsQueryOptions(scope: ProjectScope) {
  return queryOptions({
    queryKey: projectKeys.list(scope),
    queryFn: ({ signal }) =>
      apiGet('/api/projects', ProjectListResponseSchema, { params: { scope }, signal }),
  });
}
export const useProjects = (scope: ProjectScope, enabled = true) =>
  useQuery({ ...getProjectsQueryOptions(scope), enabled });

const InvitationsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      projectId: z.string(),
      titleBg: z.string(),
      titleEn: z.string(),
      organizationId: z.string(),
      message: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export function getInvitationsQueryOptions() {
  return queryOptions({
    queryKey: projectKeys.invitations(),
    queryFn: ({ signal }) => apiGet('/api/projects/invitations', InvitationsSchema, { signal }),
  });
}
export const useProjectInvitations = (enabled = true) =>
  useQuery({ ...getInvitationsQueryOptions(), enabled });

export function getProjectQueryOptions(id: string) {
  return queryOptions({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => apiGet(`/api/projects/${encodeURIComponent(id)}`, ProjectSchema, { signal }),
  });
}
export const useProject = (id: string) => useQuery(getProjectQueryOptions(id));

function useProjectMutation<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

const base = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export const useCreateProject = () =>
  useProjectMutation((body: ProjectCreateBody) => apiSend('POST', '/api/projects', body, ProjectSchema));

/** Saves the whole budget against the version read (412 when a partner saved meanwhile). */
export const useSaveBudget = (id: string) =>
  useProjectMutation(({ version, body }: { version: number; body: ProjectBudgetBody }) =>
    apiSend('PUT', `${base(id)}/budget`, body, ProjectSchema, { headers: { 'If-Match': `"${version}"` } }),
  );

export const useInvitePartner = (id: string) =>
  useProjectMutation((body: { organizationId: string; message: string }) =>
    apiSend('POST', `${base(id)}/invitations`, body, ProjectSchema),
  );
export const useAskToJoin = (id: string) =>
  useProjectMutation((body: { organizationId: string; message: string }) =>
    apiSend('POST', `${base(id)}/join-requests`, body),
  );
export const useAnswerJoin = () =>
  useProjectMutation(
    ({ projectId, joinId, accept }: { projectId: string; joinId: string; accept: boolean }) =>
      apiSend('POST', `${base(projectId)}/joins/${encodeURIComponent(joinId)}/answer`, { accept }),
  );
export const useAddExternalPartner = (id: string) =>
  useProjectMutation((body: ProjectExternalPartnerBody) =>
    apiSend('POST', `${base(id)}/partners`, body, ProjectSchema),
  );
export const useRemovePartner = (id: string) =>
  useProjectMutation((partnerId: string) =>
    apiSend('DELETE', `${base(id)}/partners/${partnerId}`, undefined, ProjectSchema),
  );
export const useMoveProject = (id: string) =>
  useProjectMutation((body: Record<string, unknown>) => apiSend('PUT', base(id), body, ProjectSchema));
export const useAddTask = (id: string) =>
  useProjectMutation((body: ProjectTaskBody) => apiSend('POST', `${base(id)}/tasks`, body, ProjectSchema));
export const useSaveTask = (id: string) =>
  useProjectMutation(({ taskId, body }: { taskId: string; body: ProjectTaskBody & { version: number } }) =>
    apiSend('PUT', `${base(id)}/tasks/${taskId}`, body, ProjectSchema),
  );
export const useRemoveDocument = (id: string) =>
  useProjectMutation((documentId: string) =>
    apiSend('DELETE', `${base(id)}/documents/${documentId}`, undefined, ProjectSchema),
  );

/** Uploads a PDF as the raw body for a checklist item (and partner); the server checks it again. */
async function uploadDocument(id: string, file: File, callDocumentId: string, partnerId: string | null) {
  const url = buildUrl(`${base(id)}/documents`, {
    callDocumentId,
    partnerId: partnerId ?? undefined,
    filename: file.name,
  });
  return uploadPdf(url, file, ProjectSchema);
}
export const useUploadDocument = (id: string) =>
  useProjectMutation(
    ({ file, callDocumentId, partnerId }: { file: File; callDocumentId: string; partnerId: string | null }) =>
      uploadDocument(id, file, callDocumentId, partnerId),
  );
