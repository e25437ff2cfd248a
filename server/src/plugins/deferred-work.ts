import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Work a route does after answering (issue 11 A12, decision 024): the forgotten-password and
 * resend-verification answers must not take longer for a registered address, so the lookup, the token
 * and the email are written after the reply has gone out.
 *
 * - `after-reply` (production, the default): each piece of work starts with `setImmediate` once the
 *   response has been sent (or the client went away); a failure is logged, never answered.
 * - `manual` (tests): work is held until `app.settle()` runs it, so a test can see the state between the
 *   answer and the work, and read the email right after settling.
 *
 * `app.settle()` resolves when no work is pending or held; the app settles before it closes, so a graceful
 * shutdown finishes the emails it promised.
 */
export type DeferWorkMode = 'after-reply' | 'manual';

type Work = () => Promise<void>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Runs `work` after this request's reply has been sent; `name` is logged if it fails. */
    defer(name: string, work: Work): void;
  }
  interface FastifyInstance {
    /** Runs held work (manual mode) and waits until no deferred work is pending. */
    settle(): Promise<void>;
  }
}

interface Queued {
  name: string;
  work: Work;
}

export function registerDeferredWork(app: FastifyInstance, mode: DeferWorkMode) {
  const pending = new Set<Promise<void>>();
  const held: { request: FastifyRequest; item: Queued }[] = [];
  /** Per request (after-reply mode): its queued work, and the function that starts it once. */
  const queues = new WeakMap<FastifyRequest, { items: Queued[]; start: () => void }>();

  const run = (request: FastifyRequest, { name, work }: Queued): Promise<void> => {
    const promise = work()
      .catch((err: unknown) => {
        request.log.error({ err, event: 'deferred_work.failed', work: name }, 'deferred work failed');
      })
      .finally(() => {
        pending.delete(promise);
      });
    pending.add(promise);
    return promise;
  };

  app.decorateRequest('defer', function (this: FastifyRequest, name: string, work: Work) {
    const item = { name, work };
    if (mode === 'manual') {
      held.push({ request: this, item });
      return;
    }
    let queue = queues.get(this);
    if (!queue) {
      // Until the work starts, settle() must still wait for it: a gate released when it does.
      let release: () => void = () => {};
      const gate: Promise<void> = new Promise<void>((resolve) => {
        release = resolve;
      }).finally(() => {
        pending.delete(gate);
      });
      pending.add(gate);
      const items: Queued[] = [];
      let started = false;
      const start = () => {
        if (started) return;
        started = true;
        setImmediate(() => {
          for (const queued of items.splice(0)) void run(this, queued);
          release();
        });
      };
      queue = { items, start };
      queues.set(this, queue);
    }
    queue.items.push(item);
  });

  // onResponse covers a sent reply, onRequestAbort a client that went away before it.
  app.addHook('onResponse', async (request) => {
    queues.get(request)?.start();
  });
  app.addHook('onRequestAbort', async (request) => {
    queues.get(request)?.start();
  });

  app.decorate('settle', async () => {
    while (held.length > 0 || pending.size > 0) {
      for (const { request, item } of held.splice(0)) void run(request, item);
      await Promise.allSettled([...pending]);
    }
  });

  // After in-flight requests are answered, and before main.ts closes the database they write to.
  app.addHook('onClose', async () => {
    await app.settle();
  });
}
