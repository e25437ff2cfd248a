import { and, asc, type Db, eq, isNull, lte, outboxEvents, sql } from '@portal/db';
import { maskEmails, type WorkerLog } from '../email/worker-log.ts';
import { backoffSeconds, describeError } from '../retry.ts';
import { applicationHandlers } from '../routes/applications/notifications.ts';
import { boardHandlers } from '../routes/board/board.reminders.ts';
import { callHandlers } from '../routes/calls/calls.reminders.ts';
import { conversationHandlers } from '../routes/conversations/conversations.service.ts';
import { meetingHandlers } from '../routes/meetings/meetings.events.ts';
import { membershipHandlers } from '../routes/memberships/notifications.ts';
import { newsHandlers } from '../routes/news/news.events.ts';
import { projectHandlers } from '../routes/projects/projects.events.ts';
import type { EventHandler, EventHandlers, EventType } from './events.ts';

/**
 * Dispatches the outbox's domain events (decision 030). Each event is claimed in a transaction of its
 * own with `FOR UPDATE SKIP LOCKED`, so dispatchers sharing a PostgreSQL database never take the same
 * one; its handler queues the emails (`enqueueEmail`) in that transaction, which also marks the event
 * dispatched: the emails exist if and only if the event is marked, and an event is dispatched once. A
 * handler that throws is rolled back to a savepoint, and the event is tried again after a backoff
 * (30 s, doubling, at most 1 h) until `maxAttempts`, after which it is marked failed and logged.
 */

/** Every event type's handler: a new event type fails the type check until it has one. */
export const EVENT_HANDLERS: EventHandlers = {
  ...applicationHandlers,
  ...membershipHandlers,
  ...boardHandlers,
  ...newsHandlers,
  ...conversationHandlers,
  ...meetingHandlers,
  ...callHandlers,
  ...projectHandlers,
};

export interface DispatchOptions {
  /** The origin links in emails start with (`PUBLIC_URL`). */
  publicUrl: string;
  /** Events dispatched per run. */
  batchSize?: number;
  /** After this many failed attempts an event is marked failed and left alone. */
  maxAttempts?: number;
  log?: WorkerLog;
  /** Stops before the next event. */
  signal?: AbortSignal;
  /** Replaces handlers (tests). */
  handlers?: Partial<EventHandlers>;
}

export interface DispatchResult {
  dispatched: number;
  retried: number;
  failed: number;
}

export const DEFAULT_EVENT_BATCH_SIZE = 50;
export const DEFAULT_EVENT_MAX_ATTEMPTS = 8;

type Outcome = 'none' | 'dispatched' | 'retried' | 'failed';

/** Dispatches the due events, at most `batchSize`, one transaction each. */
export async function dispatchDueEvents(db: Db, options: DispatchOptions): Promise<DispatchResult> {
  const batchSize = options.batchSize ?? DEFAULT_EVENT_BATCH_SIZE;
  const maxAttempts = options.maxAttempts ?? DEFAULT_EVENT_MAX_ATTEMPTS;
  const handlers = { ...EVENT_HANDLERS, ...options.handlers };
  const result: DispatchResult = { dispatched: 0, retried: 0, failed: 0 };
  for (let i = 0; i < batchSize && !options.signal?.aborted; i++) {
    const outcome = await db.transaction(async (tx): Promise<Outcome> => {
      const [event] = await tx
        .select({
          id: outboxEvents.id,
          type: outboxEvents.type,
          payload: outboxEvents.payload,
          attempts: outboxEvents.attempts,
        })
        .from(outboxEvents)
        .where(
          and(
            isNull(outboxEvents.dispatchedAt),
            isNull(outboxEvents.failedAt),
            lte(outboxEvents.nextAttemptAt, sql`now()`),
          ),
        )
        .orderBy(asc(outboxEvents.nextAttemptAt), asc(outboxEvents.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!event) return 'none';
      const logged = { eventId: event.id, type: event.type, attempt: event.attempts + 1 };
      try {
        const handler = Object.hasOwn(handlers, event.type)
          ? (handlers[event.type as EventType] as EventHandler<EventType>)
          : undefined;
        if (!handler) throw new Error(`no handler for the event type ${event.type}`);
        // A savepoint: a handler that fails half-way leaves none of its emails behind.
        await tx.transaction((sp) => handler(sp, event.payload as never, { publicUrl: options.publicUrl }));
      } catch (error) {
        const attempts = event.attempts + 1;
        const reason = describeError(error);
        if (attempts >= maxAttempts) {
          await tx
            .update(outboxEvents)
            .set({ attempts, failedAt: sql`now()`, lastError: reason })
            .where(eq(outboxEvents.id, event.id));
          options.log?.error({ ...logged, reason: maskEmails(reason) }, 'event failed for good');
          return 'failed';
        }
        const wait = backoffSeconds(attempts);
        await tx
          .update(outboxEvents)
          .set({ attempts, nextAttemptAt: sql`now() + make_interval(secs => ${wait})`, lastError: reason })
          .where(eq(outboxEvents.id, event.id));
        options.log?.warn(
          { ...logged, retryInSeconds: wait, reason: maskEmails(reason) },
          'event not dispatched',
        );
        return 'retried';
      }
      await tx
        .update(outboxEvents)
        .set({ dispatchedAt: sql`now()`, lastError: null })
        .where(eq(outboxEvents.id, event.id));
      return 'dispatched';
    });
    if (outcome === 'none') break;
    result[outcome]++;
  }
  return result;
}

/**
 * Dispatches every due event now (until none is left): what tests call before they read the outbox
 * after an action, since no worker runs in them.
 */
export async function drainEvents(
  db: Db,
  options: Omit<DispatchOptions, 'batchSize'>,
): Promise<DispatchResult> {
  const total: DispatchResult = { dispatched: 0, retried: 0, failed: 0 };
  for (;;) {
    const batch = await dispatchDueEvents(db, { ...options, batchSize: DEFAULT_EVENT_BATCH_SIZE });
    total.dispatched += batch.dispatched;
    total.retried += batch.retried;
    total.failed += batch.failed;
    if (batch.dispatched + batch.retried + batch.failed < DEFAULT_EVENT_BATCH_SIZE) return total;
  }
}
