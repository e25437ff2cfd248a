import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, makeApplication, makeVote } from '@/testing/mocks/fixtures/committee.ts';
import {
  getApplicationQueryOptions,
  getQueueQueryOptions,
  OPEN_VOTE_REFRESH_MS,
  QUEUE_REFRESH_MS,
} from './api/applications.ts';

// The committee's reads keep themselves fresh while a vote is open (decision 020); the vote panel
// itself is the voting feature's (features/voting/vote.test.tsx).
const inVote = (vote = makeVote()) => makeApplication({ state: 'in_vote', vote });

describe('a vote closed elsewhere', () => {
  it('asks again by itself while a vote is open, and the queue keeps itself fresh', () => {
    const open = getApplicationQueryOptions(APPLICATION_ID);
    const interval = open.refetchInterval as (q: unknown) => number | false;
    expect(interval({ state: { data: inVote() } })).toBe(OPEN_VOTE_REFRESH_MS);
    expect(OPEN_VOTE_REFRESH_MS).toBeLessThanOrEqual(10_000);
    expect(QUEUE_REFRESH_MS).toBeGreaterThan(0);
    expect(getQueueQueryOptions({}).refetchInterval).toBe(QUEUE_REFRESH_MS);
  });
});
