import {
  type CooperationNetwork,
  CooperationNetworkSchema,
  type CooperationOverview,
  CooperationOverviewSchema,
} from '@portal/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { committeeKeys } from './keys.ts';

/** The overview's and the network's filters as the URL holds them (the server judges the values). */
export interface CooperationSearch {
  from?: string;
  to?: string;
  area?: string;
}

export const COOPERATION_OVERVIEW_URL = '/api/committee/cooperation/overview';
export const COOPERATION_CSV_URL = '/api/committee/cooperation/overview.csv';
export const COOPERATION_NETWORK_URL = '/api/committee/cooperation/network';

const paramsOf = (search: CooperationSearch) =>
  Object.fromEntries(Object.entries(search).filter(([, v]) => v)) as Record<string, string>;

/** The CSV download's address for the same filters. */
export function cooperationCsvHref(search: CooperationSearch): string {
  const query = new URLSearchParams(paramsOf(search)).toString();
  return query ? `${COOPERATION_CSV_URL}?${query}` : COOPERATION_CSV_URL;
}

export function getCooperationOverview(
  search: CooperationSearch,
  signal?: AbortSignal,
): Promise<CooperationOverview> {
  return apiGet(COOPERATION_OVERVIEW_URL, CooperationOverviewSchema, {
    params: paramsOf(search),
    ...(signal ? { signal } : {}),
  });
}

export function getCooperationOverviewQueryOptions(search: CooperationSearch) {
  return queryOptions({
    queryKey: committeeKeys.cooperation('overview', paramsOf(search)),
    queryFn: ({ signal }) => getCooperationOverview(search, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCooperationOverview(search: CooperationSearch) {
  return useQuery(getCooperationOverviewQueryOptions(search));
}

export function getCooperationNetwork(
  search: CooperationSearch,
  signal?: AbortSignal,
): Promise<CooperationNetwork> {
  return apiGet(COOPERATION_NETWORK_URL, CooperationNetworkSchema, {
    params: paramsOf(search),
    ...(signal ? { signal } : {}),
  });
}

export function getCooperationNetworkQueryOptions(search: CooperationSearch) {
  return queryOptions({
    queryKey: committeeKeys.cooperation('network', paramsOf(search)),
    queryFn: ({ signal }) => getCooperationNetwork(search, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCooperationNetwork(search: CooperationSearch) {
  return useQuery(getCooperationNetworkQueryOptions(search));
}
