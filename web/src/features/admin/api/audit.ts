import { type AuditListResponse, AuditListResponseSchema } from '@portal/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { AUDIT_PAGE_SIZE, type AuditSearch } from '../search-params.ts';
import { adminKeys } from './keys.ts';

export function getAudit(
  search: AuditSearch,
  pageSize: number,
  signal?: AbortSignal,
): Promise<AuditListResponse> {
  return apiGet('/api/admin/audit', AuditListResponseSchema, {
    params: { ...search, pageSize },
    ...(signal ? { signal } : {}),
  });
}

export function getAuditQueryOptions(search: AuditSearch, pageSize = AUDIT_PAGE_SIZE) {
  return queryOptions({
    queryKey: adminKeys.auditList({ ...search, pageSize }),
    queryFn: ({ signal }) => getAudit(search, pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAudit(search: AuditSearch, pageSize = AUDIT_PAGE_SIZE) {
  return useQuery(getAuditQueryOptions(search, pageSize));
}
