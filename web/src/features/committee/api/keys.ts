import { COMMITTEE_QUEUE_ROOT } from '@/lib/query-keys.ts';
import type { QueueSearch } from '../search-params.ts';

/** The committee's queue lives under `committee`; an application is cached by its resource (`applicationKeys`). */
export const committeeKeys = {
  all: ['committee'] as const,
  queues: () => COMMITTEE_QUEUE_ROOT,
  queue: (search: QueueSearch & { pageSize: number }) => [...committeeKeys.queues(), search] as const,
  /** The overview of cooperation and the network, by their filters. */
  cooperation: (view: 'overview' | 'network', search: Record<string, string>) =>
    [...committeeKeys.all, 'cooperation', view, search] as const,
};
