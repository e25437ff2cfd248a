import { COMMITTEE_QUEUE_ROOT } from '@/lib/query-keys.ts';
import type { QueueSearch } from '../search-params.ts';

/** The committee's queue lives under `committee`; an application is cached by its resource (`applicationKeys`). */
export const committeeKeys = {
  all: ['committee'] as const,
  queues: () => COMMITTEE_QUEUE_ROOT,
  queue: (search: QueueSearch & { pageSize: number }) => [...committeeKeys.queues(), search] as const,
};
