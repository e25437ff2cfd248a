import { type Dashboard, DashboardSchema, type PublicDashboard, PublicDashboardSchema } from '@portal/shared';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';

export const DASHBOARD_URL = '/api/committee/dashboard';
export const PUBLIC_DASHBOARD_URL = '/api/public/dashboard';

export const dashboardKeys = {
  committee: ['dashboard', 'committee'] as const,
  public: ['dashboard', 'public'] as const,
};

export function useDashboard() {
  return useQuery({
    queryKey: dashboardKeys.committee,
    queryFn: ({ signal }): Promise<Dashboard> => apiGet(DASHBOARD_URL, DashboardSchema, { signal }),
  });
}

export function usePublicDashboard() {
  return useQuery({
    queryKey: dashboardKeys.public,
    queryFn: ({ signal }): Promise<PublicDashboard> =>
      apiGet(PUBLIC_DASHBOARD_URL, PublicDashboardSchema, { signal }),
  });
}
