import {
  etagOf,
  type ReadinessCriterionInput,
  type ReadinessEvidenceInput,
  type ReadinessManualStatus,
  type ReadinessSet,
  type ReadinessSetInput,
  ReadinessSetListSchema,
  ReadinessSetSchema,
} from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, buildUrl, uploadPdf } from '@/lib/api-client.ts';

export const readinessKeys = {
  all: ['readiness'] as const,
  list: () => [...readinessKeys.all, 'list'] as const,
  set: (slug: string) => [...readinessKeys.all, 'set', slug] as const,
};

const base = '/api/committee/readiness';
const adminBase = '/api/admin/readiness';
const ifMatch = (version: number) => ({ headers: { 'If-Match': etagOf(version) } });

export const readinessListQueryOptions = () =>
  queryOptions({
    queryKey: readinessKeys.list(),
    queryFn: ({ signal }) => apiGet(base, ReadinessSetListSchema, { signal }),
  });

/** The criteria sets with their counts (the committee, administrators). */
export function useReadinessSets() {
  return useQuery(readinessListQueryOptions());
}

/** A set with its criteria (live statuses), evidence and history. */
export function useReadinessSet(slug: string) {
  return useQuery({
    queryKey: readinessKeys.set(slug),
    queryFn: ({ signal }) => apiGet(`${base}/${encodeURIComponent(slug)}`, ReadinessSetSchema, { signal }),
  });
}

/** The set's PDF (statuses in words, figures, evidence, history) in `lang`. */
export const readinessPdfUrl = (slug: string, lang: 'bg' | 'en') =>
  buildUrl(`${base}/${encodeURIComponent(slug)}/export.pdf`, { lang });

export const evidenceDocumentUrl = (evidenceId: string) => `${base}/evidence/${evidenceId}/document`;

async function uploadEvidencePdf(criterionId: string, file: File): Promise<ReadinessSet> {
  const url = buildUrl(`${base}/criteria/${criterionId}/documents`, { filename: file.name });
  return uploadPdf(url, file, ReadinessSetSchema);
}

/** A change to a set: the answer is the set as it now stands (a removal or delete answers nothing). */
export type ReadinessChange =
  | { kind: 'run'; slug: string }
  | { kind: 'mark'; criterionId: string; status: ReadinessManualStatus }
  | { kind: 'addEvidence'; criterionId: string; body: ReadinessEvidenceInput }
  | { kind: 'uploadEvidence'; criterionId: string; file: File }
  | { kind: 'removeEvidence'; evidenceId: string }
  | { kind: 'createSet'; body: ReadinessSetInput }
  | { kind: 'updateSet'; id: string; version: number; body: ReadinessSetInput }
  | { kind: 'createCriterion'; setId: string; body: ReadinessCriterionInput }
  | { kind: 'updateCriterion'; id: string; version: number; body: ReadinessCriterionInput }
  | { kind: 'deleteCriterion'; id: string; version: number };

export async function changeReadiness(change: ReadinessChange): Promise<ReadinessSet | null> {
  const S = ReadinessSetSchema;
  switch (change.kind) {
    case 'run':
      return apiSend('POST', `${base}/${encodeURIComponent(change.slug)}/runs`, undefined, S);
    case 'mark':
      return apiSend('PUT', `${base}/criteria/${change.criterionId}/manual`, { status: change.status }, S);
    case 'addEvidence':
      return apiSend('POST', `${base}/criteria/${change.criterionId}/evidence`, change.body, S);
    case 'uploadEvidence':
      return uploadEvidencePdf(change.criterionId, change.file);
    case 'removeEvidence':
      await apiSend('DELETE', `${base}/evidence/${change.evidenceId}`);
      return null;
    case 'createSet':
      return apiSend('POST', `${adminBase}/sets`, change.body, S);
    case 'updateSet':
      return apiSend('PUT', `${adminBase}/sets/${change.id}`, change.body, S, ifMatch(change.version));
    case 'createCriterion':
      return apiSend('POST', `${adminBase}/sets/${change.setId}/criteria`, change.body, S);
    case 'updateCriterion':
      return apiSend('PUT', `${adminBase}/criteria/${change.id}`, change.body, S, ifMatch(change.version));
    case 'deleteCriterion':
      await apiSend(
        'DELETE',
        `${adminBase}/criteria/${change.id}`,
        undefined,
        undefined,
        ifMatch(change.version),
      );
      return null;
  }
}

/**
 * Changes readiness data: the answered set goes into the cache under its slug, the list refetches (its
 * counts); an answer without a body refetches every set.
 */
export function useChangeReadiness() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeReadiness,
    onSuccess: (set) => {
      if (set) queryClient.setQueryData(readinessKeys.set(set.slug), set);
      else void queryClient.invalidateQueries({ queryKey: [...readinessKeys.all, 'set'] });
      void queryClient.invalidateQueries({ queryKey: readinessKeys.list() });
    },
  });
}

/** Reloads a set (after a 412: someone saved in between). */
export function useReloadReadiness() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: readinessKeys.all });
}
