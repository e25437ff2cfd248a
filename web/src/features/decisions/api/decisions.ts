import { DecisionListResponseSchema, DecisionYearsResponseSchema } from '@portal/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type * as z from 'zod';
import { apiGet } from '@/lib/api-client.ts';
import { DECISIONS_PAGE_SIZE, type DecisionSearch } from '../search-params.ts';

export type DecisionListResponse = z.infer<typeof DecisionListResponseSchema>;

export const decisionKeys = {
  all: ['decisions'] as const,
  list: (search: DecisionSearch & { pageSize: number }) => [...decisionKeys.all, 'list', search] as const,
  years: () => [...decisionKeys.all, 'years'] as const,
};

/**
 * The register as the caller may see it: the server answers the public with admissions only and without
 * tallies, members with every decision in full. The URL's values go as they are (a bad one is a 400).
 */
export function getDecisions(
  search: DecisionSearch,
  pageSize: number,
  signal?: AbortSignal,
): Promise<DecisionListResponse> {
  return apiGet('/api/decisions', DecisionListResponseSchema, {
    params: { ...search, pageSize },
    ...(signal ? { signal } : {}),
  });
}

export function getDecisionsQueryOptions(search: DecisionSearch, pageSize = DECISIONS_PAGE_SIZE) {
  return queryOptions({
    queryKey: decisionKeys.list({ ...search, pageSize }),
    queryFn: ({ signal }) => getDecisions(search, pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

/** Logging in or out drops this cache (forgetUserData), so one view never shows the other's answer. */
export function useDecisions(search: DecisionSearch) {
  return useQuery(getDecisionsQueryOptions(search));
}
/** The years holding a decision the caller may see, newest first (the public: admissions only). */
export function getDecisionYears(signal?: AbortSignal): Promise<number[]> {
  return apiGet('/api/decisions/years', DecisionYearsResponseSchema, signal ? { signal } : {}).then(
    (r) => r.years,
  );
}

export function getDecisionYearsQueryOptions() {
  return queryOptions({
    queryKey: decisionKeys.years(),
    queryFn: ({ signal }) => getDecisionYears(signal),
  });
}

/** Logging in or out drops this cache with the register's (forgetUserData): the years differ by reader. */
export function useDecisionYears() {
  return useQuery(getDecisionYearsQueryOptions());
}
