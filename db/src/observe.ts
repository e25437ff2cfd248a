/**
 * Watching the statements the application sends, whichever the engine: the server counts the ones in
 * flight (its `/metrics`) and logs slow ones. drizzle's logger is told a statement before it runs and
 * never how long it took, so the driver client drizzle is given is wrapped instead: postgres.js's `unsafe`
 * (every statement drizzle sends, inside transactions too) and PGlite's `query`/`exec`. Observers see a
 * statement's SQL text and its duration, never its parameters (issue 11 A5).
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type postgres from 'postgres';

export interface QueryEvent {
  /** The statement's SQL text as sent, with `$1`-style placeholders: never the parameters' values. */
  sql: string;
  /**
   * Milliseconds from handing the statement to the driver to its answer, including any wait for a free
   * pool connection (postgres.js) or for the single connection (PGlite).
   */
  durationMs: number;
  failed: boolean;
}

export interface QueryObserver {
  /** A statement was handed to the driver. */
  started?(): void;
  /** It answered or failed. Every `started` is followed by exactly one `finished`. */
  finished?(event: QueryEvent): void;
}

const noop = () => {};

/** The observers of one database handle. A throwing observer never breaks the statement it watches. */
export class QueryObservers {
  readonly #observers = new Set<QueryObserver>();

  /** Adds an observer; the returned function removes it. */
  add(observer: QueryObserver): () => void {
    this.#observers.add(observer);
    return () => {
      this.#observers.delete(observer);
    };
  }

  /** Tells the observers a statement starts; the returned function tells them it settled. */
  begin(text: string): (failed: boolean) => void {
    if (this.#observers.size === 0) return noop;
    // The observers present at the start get the end too, even if one is removed meanwhile.
    const observers = [...this.#observers];
    for (const o of observers) safely(() => o.started?.());
    const startedAt = performance.now();
    let done = false;
    return (failed) => {
      if (done) return;
      done = true;
      const event: QueryEvent = { sql: text, durationMs: performance.now() - startedAt, failed };
      for (const o of observers) safely(() => o.finished?.(event));
    };
  }
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // Metrics and logs are never worth a failed statement.
  }
}

type AnyFunction = (...args: unknown[]) => unknown;

/** Callbacks among `args` (postgres.js `begin`/`savepoint`, PGlite `transaction`) get a wrapped client. */
function wrapCallbacks(args: unknown[], wrap: (client: never) => unknown): unknown[] {
  return args.map((a) =>
    typeof a === 'function' ? (client: never, ...rest: unknown[]) => a(wrap(client), ...rest) : a,
  );
}

/**
 * A postgres.js client whose statements the observers see. postgres.js starts a query when it is first
 * awaited (`then`), and `unsafe(...).values()` returns the same query, so timing runs from that first
 * `then` to the answer.
 */
export function observePostgres(sql: postgres.Sql, observers: QueryObservers): postgres.Sql {
  const timed = (query: PromiseLike<unknown>, text: string) => {
    const then = query.then;
    let seen = false;
    Object.defineProperty(query, 'then', {
      configurable: true,
      writable: true,
      value(this: PromiseLike<unknown>, onFulfilled?: AnyFunction | null, onRejected?: AnyFunction | null) {
        if (seen) return then.call(this, onFulfilled, onRejected);
        seen = true;
        const end = observers.begin(text);
        return then.call(
          this,
          (value) => {
            end(false);
            return onFulfilled ? onFulfilled(value) : value;
          },
          (error) => {
            end(true);
            if (onRejected) return onRejected(error);
            throw error;
          },
        );
      },
    });
    return query;
  };
  const wrap = (client: postgres.Sql | postgres.TransactionSql): postgres.Sql =>
    new Proxy(client, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'unsafe') {
          return (text: string, ...rest: unknown[]) =>
            timed((value as AnyFunction).call(target, text, ...rest) as PromiseLike<unknown>, text);
        }
        if (prop === 'begin' || prop === 'savepoint') {
          return (...args: unknown[]) => (value as AnyFunction).apply(target, wrapCallbacks(args, wrap));
        }
        return value;
      },
    }) as postgres.Sql;
  return wrap(sql);
}

/** A PGlite client (and the transactions it opens) whose statements the observers see. */
export function observePglite(pg: PGlite, observers: QueryObservers): PGlite {
  const wrap = <T extends PGlite | Transaction>(client: T): T =>
    new Proxy(client, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'query' || prop === 'exec') {
          return async (text: string, ...rest: unknown[]) => {
            const end = observers.begin(text);
            try {
              const result = await (value as AnyFunction).call(target, text, ...rest);
              end(false);
              return result;
            } catch (error) {
              end(true);
              throw error;
            }
          };
        }
        if (prop === 'transaction') {
          return (...args: unknown[]) => (value as AnyFunction).apply(target, wrapCallbacks(args, wrap));
        }
        // PGlite keeps its state in private fields: its methods must run on the instance itself.
        return (value as AnyFunction).bind(target);
      },
    });
  return wrap(pg);
}
