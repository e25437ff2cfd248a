/**
 * Prometheus metrics at `GET /metrics` (issue 12, decision 028): request durations by route pattern,
 * method and status class; the process's own metrics; the database pool; the outbox.
 *
 * Who may read them: a caller on this host (loopback) that came straight to the server, or anyone with
 * `Authorization: Bearer <METRICS_TOKEN>`. A request carrying a proxy's forwarding headers is never taken
 * for a local one — behind a reverse proxy on the same host every request arrives from loopback — and the
 * socket's own address is read, never `request.ip` (which trusts those headers when TRUST_PROXY is set).
 * Everyone else gets the 404 of a path that does not exist.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { and, count, eq, isNotNull, isNull, outboxEvents, outboxMessages, sql } from '@portal/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { AppError } from '../errors.ts';

export const METRICS_PATH = '/metrics';

/** Process and Node.js metrics are the process's, however many apps it builds (tests build many). */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

/** A request that reached this server straight from this host (never through a proxy). */
export function isDirectLoopback(request: FastifyRequest): boolean {
  if (FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  const address = request.raw.socket?.remoteAddress ?? '';
  return address === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address);
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** `Authorization: Bearer <token>` with the configured token, compared in constant time. */
export function hasMetricsToken(request: FastifyRequest, token: string | undefined): boolean {
  if (!token) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(String(request.headers.authorization ?? ''));
  if (!match) return false;
  // Equal-length digests: neither the comparison's time nor its length check tells anything of the token.
  return timingSafeEqual(digest(match[1]!), digest(token));
}

export function registerMetrics(app: FastifyInstance) {
  const registry = new Registry();

  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by route pattern (not the raw URL), method and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    requestDuration.observe(
      {
        method: request.method,
        // The pattern (`/api/organizations/:id`): one series per route, never one per id or typed URL.
        // No route matched: a 404, or a page of the web app served by its history fallback.
        route: request.routeOptions.url ?? 'unmatched',
        status_class: `${Math.floor(reply.statusCode / 100)}xx`,
      },
      reply.elapsedTime / 1000,
    );
  });

  const handle = app.db;
  new Gauge({
    name: 'portal_db_pool_max_connections',
    help: 'Connections the database pool may open (PGlite: its single connection)',
    registers: [registry],
  }).set(handle.sql?.options.max ?? 1);
  const inFlight = new Gauge({
    name: 'portal_db_statements_in_flight',
    help: 'Statements sent and not yet answered, including those waiting for a free pool connection',
    registers: [registry],
  });
  const statementDuration = new Histogram({
    name: 'portal_db_statement_duration_seconds',
    help: 'Time from sending a statement to its answer, including any wait for a pool connection',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const unobserve = handle.observe({
    started: () => inFlight.inc(),
    finished: (event) => {
      inFlight.dec();
      statementDuration.observe(event.durationMs / 1000);
    },
  });
  app.addHook('onClose', async () => {
    unobserve();
  });

  const outboxPending = new Gauge({
    name: 'portal_outbox_pending_messages',
    help: 'Email waiting in the outbox to be sent',
    registers: [registry],
  });
  const outboxFailed = new Gauge({
    name: 'portal_outbox_failed_messages',
    help: 'Email the outbox gave up on (administrators see it on the mailbox page)',
    registers: [registry],
  });
  const outboxOldest = new Gauge({
    name: 'portal_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest email still waiting to be sent (0 when none waits)',
    registers: [registry],
  });
  const eventsWaiting = new Gauge({
    name: 'portal_outbox_undispatched_events',
    help: 'Domain events not yet turned into email (decision 030), failed ones excluded',
    registers: [registry],
  });
  const eventsFailed = new Gauge({
    name: 'portal_outbox_failed_events',
    help: 'Domain events whose handler failed for good (their email was never queued; see the log)',
    registers: [registry],
  });
  const outboxUp = new Gauge({
    name: 'portal_outbox_scrape_ok',
    help: '1 when the outbox figures of this scrape could be read from the database, else 0',
    registers: [registry],
  });

  /** One statement at scrape time; the pending part uses the outbox's partial index of pending email. */
  async function readOutbox(): Promise<void> {
    try {
      const db = handle.db;
      const [row] = await db
        .select({
          pending: count(),
          failed: db.$count(outboxMessages, eq(outboxMessages.status, 'failed')),
          eventsWaiting: db.$count(
            outboxEvents,
            and(isNull(outboxEvents.dispatchedAt), isNull(outboxEvents.failedAt)),
          ),
          eventsFailed: db.$count(outboxEvents, isNotNull(outboxEvents.failedAt)),
          oldestPendingSeconds: sql<
            number | null
          >`extract(epoch from now() - min(${outboxMessages.createdAt}))::float8`,
        })
        .from(outboxMessages)
        .where(eq(outboxMessages.status, 'pending'));
      outboxPending.set(Number(row?.pending ?? 0));
      outboxFailed.set(Number(row?.failed ?? 0));
      outboxOldest.set(Math.max(0, Number(row?.oldestPendingSeconds ?? 0)));
      eventsWaiting.set(Number(row?.eventsWaiting ?? 0));
      eventsFailed.set(Number(row?.eventsFailed ?? 0));
      outboxUp.set(1);
    } catch (err) {
      // The rest of the metrics still answer; stale outbox figures must not pass for current ones.
      app.log.warn({ err, event: 'metrics.outbox_failed' }, 'metrics: outbox figures unavailable');
      outboxPending.reset();
      outboxFailed.reset();
      outboxOldest.reset();
      eventsWaiting.reset();
      eventsFailed.reset();
      outboxUp.set(0);
    }
  }

  app.get(
    METRICS_PATH,
    {
      // Not part of the public API description; who may read it is decided below, not by a role.
      schema: { hide: true },
      config: { permission: 'operations' },
    },
    async (request, reply) => {
      if (!isDirectLoopback(request) && !hasMetricsToken(request, app.config.metricsToken)) {
        throw new AppError('route.not_found', 404, { values: { path: METRICS_PATH } });
      }
      await readOutbox();
      const text = `${await processMetrics().metrics()}\n${await registry.metrics()}`;
      return reply.header('cache-control', 'no-store').type(registry.contentType).send(text);
    },
  );
}
