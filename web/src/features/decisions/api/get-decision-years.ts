import { DecisionYearsResponseSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { decisionKeys } from './get-decisions.ts';

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
