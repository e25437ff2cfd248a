import type { QueueSearch } from '../search-params.ts';

/** Everything the committee pages cache lives under `committee`. */
export const committeeKeys = {
  all: ['committee'] as const,
  queues: () => [...committeeKeys.all, 'queue'] as const,
  queue: (search: QueueSearch & { pageSize: number }) => [...committeeKeys.queues(), search] as const,
  applications: () => [...committeeKeys.all, 'application'] as const,
  application: (id: string) => [...committeeKeys.applications(), id] as const,
};
