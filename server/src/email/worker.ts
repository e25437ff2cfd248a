import {
  and,
  asc,
  type Db,
  databaseOutage,
  eq,
  inArray,
  isNull,
  lt,
  lte,
  or,
  outboxMessages,
  sql,
} from '@portal/db';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import { dispatchDueEvents } from '../events/dispatcher.ts';
import { backoffSeconds, describeError } from '../retry.ts';
import { maskEmail, maskEmails, type WorkerLog } from './worker-log.ts';

export { backoffSeconds, maskEmail, type WorkerLog };

/**
 * Delivers the outbox (./outbox.ts) through SMTP. Rows are claimed with one UPDATE whose subquery takes
 * them FOR UPDATE SKIP LOCKED and leases them (`locked_until`), so servers sharing a PostgreSQL database
 * never claim the same message; a message whose sender died is claimed again once its lease has expired.
 * Every claim counts an attempt; a failed one is retried with exponential backoff until `maxAttempts`.
 */

/** What the worker needs of a nodemailer transporter (tests pass their own). */
/** A link's `token=` query value in an email's text (a POSIX regular expression for PostgreSQL). */
export const TOKEN_IN_LINK = '([?&]token=)[^&#[:space:]]*';
/** What replaces the token in a delivered (or abandoned) message's stored text. */
export const TOKEN_PLACEHOLDER = '\\1[removed-after-delivery]';

export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    messageId?: string;
    /** Where replies go (a visitor who wrote through a member's contact form). */
    replyTo?: string;
    headers?: Record<string, string>;
    /** nodemailer's calendar part: sent as text/calendar alternative and as an attachment. */
    icalEvent?: { method: string; filename: string; content: string };
  }): Promise<unknown>;
}

export interface DeliverOptions {
  from: string;
  /** Messages claimed per run. */
  batchSize?: number;
  /** How long a claim keeps other workers away; only half of it is used to start sends. */
  leaseSeconds?: number;
  /** After this many attempts a message is `failed` and left alone. */
  maxAttempts?: number;
  log?: WorkerLog;
  /** Stops before the next send; the messages not sent yet are handed back to the queue. */
  signal?: AbortSignal;
}

export interface DeliverResult {
  sent: number;
  failed: number;
  retried: number;
}

export const DEFAULT_BATCH_SIZE = 20;
export const DEFAULT_LEASE_SECONDS = 300;
export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Claims the due messages (at most `batchSize`): one UPDATE whose subquery takes them FOR UPDATE SKIP
 * LOCKED, leasing them and counting the attempt; returned in the order they fell due.
 */
async function claimDue(db: Db, batchSize: number, leaseSeconds: number) {
  const now = sql`now()`;
  const due = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.status, 'pending'),
        lte(outboxMessages.nextAttemptAt, now),
        or(isNull(outboxMessages.lockedUntil), lt(outboxMessages.lockedUntil, now)),
      ),
    )
    .orderBy(asc(outboxMessages.nextAttemptAt), asc(outboxMessages.createdAt))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(outboxMessages)
    .set({
      lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      attempts: sql`${outboxMessages.attempts} + 1`,
    })
    .where(inArray(outboxMessages.id, due))
    .returning({ id: outboxMessages.id });
  if (claimed.length === 0) return [];
  // UPDATE … RETURNING has no order of its own, and sorting in JavaScript would lose the database's
  // microseconds (two messages queued within one millisecond would tie): read the leased rows back in the
  // order they fell due.
  return db
    .select({
      id: outboxMessages.id,
      toEmail: outboxMessages.toEmail,
      template: outboxMessages.template,
      subject: outboxMessages.subject,
      text: outboxMessages.text,
      calendar: outboxMessages.calendar,
      replyTo: outboxMessages.replyTo,
      attempts: outboxMessages.attempts,
    })
    .from(outboxMessages)
    .where(
      inArray(
        outboxMessages.id,
        claimed.map((row) => row.id),
      ),
    )
    .orderBy(asc(outboxMessages.nextAttemptAt), asc(outboxMessages.createdAt), asc(outboxMessages.id));
}

type Claimed = Awaited<ReturnType<typeof claimDue>>[number];

/** The claim `row` made, while it is still the latest one (`attempts` fences stale workers). */
const stillClaimed = (row: Claimed) =>
  and(
    eq(outboxMessages.id, row.id),
    eq(outboxMessages.attempts, row.attempts),
    eq(outboxMessages.status, 'pending'),
  );

/** The stored text with the link's single-use token removed (decision 014). */
const withoutToken = sql`regexp_replace(${outboxMessages.text}, ${TOKEN_IN_LINK}, ${TOKEN_PLACEHOLDER}, 'g')`;

/**
 * Claims the due messages (at most `batchSize`), sends them one by one and records each outcome. Safe to
 * run concurrently from several processes: a message is sent by the worker that claimed it, and its
 * outcome is only recorded while that claim is still the latest one (`attempts` fences stale workers).
 */
export async function deliverDueEmails(
  db: Db,
  transport: MailTransport,
  options: DeliverOptions,
): Promise<DeliverResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const result: DeliverResult = { sent: 0, failed: 0, retried: 0 };

  const claimedAt = Date.now();
  const queue = await claimDue(db, batchSize, leaseSeconds);

  const messageId = messageIdDomain(options.from);
  while (queue.length > 0) {
    // Never start a send the lease might not cover, nor one after a stop: hand the rest back.
    if (options.signal?.aborted || Date.now() - claimedAt > (leaseSeconds * 1000) / 2) {
      await release(db, queue);
      break;
    }
    const row = queue.shift() as Claimed;
    const logged = { id: row.id, template: row.template, to: maskEmail(row.toEmail), attempt: row.attempts };
    try {
      await transport.sendMail({
        from: options.from,
        to: row.toEmail,
        subject: row.subject,
        text: row.text,
        ...(messageId ? { messageId: `<${row.id}@${messageId}>` } : {}),
        ...(row.replyTo ? { replyTo: row.replyTo } : {}),
        headers: { 'Auto-Submitted': 'auto-generated' },
        ...(row.calendar
          ? { icalEvent: { method: 'PUBLISH', filename: 'invitation.ics', content: row.calendar } }
          : {}),
      });
    } catch (error) {
      const reason = describeError(error);
      if (row.attempts >= maxAttempts) {
        await db
          .update(outboxMessages)
          .set({ status: 'failed', lockedUntil: null, lastError: reason, text: withoutToken })
          .where(stillClaimed(row));
        result.failed++;
        options.log?.error({ ...logged, reason: maskEmails(reason) }, 'email failed for good');
      } else {
        const wait = backoffSeconds(row.attempts);
        await db
          .update(outboxMessages)
          .set({
            nextAttemptAt: sql`now() + make_interval(secs => ${wait})`,
            lockedUntil: null,
            lastError: reason,
          })
          .where(stillClaimed(row));
        result.retried++;
        options.log?.warn({ ...logged, retryInSeconds: wait, reason: maskEmails(reason) }, 'email not sent');
      }
      continue;
    }
    // Delivered: the link's single-use token lives only in the sent email now (decision 014).
    await db
      .update(outboxMessages)
      .set({ status: 'sent', sentAt: sql`now()`, lockedUntil: null, lastError: null, text: withoutToken })
      .where(stillClaimed(row));
    result.sent++;
    options.log?.info(logged, 'email sent');
  }
  return result;
}

/** Gives claimed but unsent messages back, as if they had not been claimed. */
async function release(db: Db, rows: Claimed[]): Promise<void> {
  for (const row of rows) {
    await db
      .update(outboxMessages)
      .set({ lockedUntil: null, attempts: sql`${outboxMessages.attempts} - 1` })
      .where(stillClaimed(row));
  }
}

/** The sender's domain, for Message-IDs that name the outbox row (`<id@domain>`). */
function messageIdDomain(from: string): string | undefined {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1];
}

export interface MailWorker {
  /** Stops polling and waits for the current run (which stops before its next send). */
  stop(): Promise<void>;
}

export interface MailWorkerOptions {
  db: Db;
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>;
  log: WorkerLog;
  /** Pause between runs when the outbox had nothing more to send. */
  intervalMs?: number;
  batchSize?: number;
}

/**
 * Each run first dispatches the domain events (../events/dispatcher.ts) into the outbox, then delivers
 * the outbox through `config.smtpUrl`. Without SMTP it only dispatches: messages stay in the outbox, where
 * administrators read them on the mailbox page. Runs never overlap; a full batch is followed at once by
 * the next run, otherwise the worker waits `intervalMs`.
 */
export function startMailWorker({
  db,
  config,
  log,
  intervalMs = 5000,
  batchSize = DEFAULT_BATCH_SIZE,
}: MailWorkerOptions): MailWorker {
  if (!config.smtpUrl) {
    log.info({}, 'SMTP_URL is not set: email stays in the outbox (read it on the admin mailbox page)');
  }
  // Every wait is bounded well inside the 5 min lease, so a claimed message is never sent twice.
  const transport = config.smtpUrl
    ? nodemailer.createTransport({
        url: config.smtpUrl,
        connectionTimeout: 20_000,
        greetingTimeout: 20_000,
        socketTimeout: 30_000,
        dnsTimeout: 15_000,
      })
    : undefined;
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const schedule = (delay: number) => {
    if (stopping.signal.aborted) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = run().finally(() => {
        running = undefined;
      });
    }, delay);
    timer.unref();
  };

  /** Logs a failed run; false when the database is away (then the rest of the run is skipped). */
  const failed = (err: unknown, what: string): boolean => {
    // The database being down is an outage the requests report too (503): a warning, without a stack.
    const outage = databaseOutage(err);
    if (outage) log.warn({ outage }, `${what} skipped: the database is unreachable`);
    else log.error({ err }, `${what} failed`);
    return !outage;
  };

  const run = async () => {
    let delay = intervalMs;
    let go = true;
    try {
      const e = await dispatchDueEvents(db, {
        publicUrl: config.publicUrl,
        batchSize,
        log,
        signal: stopping.signal,
      });
      if (e.dispatched >= batchSize) delay = 0;
    } catch (err) {
      go = failed(err, 'event dispatch run');
    }
    if (go && transport && !stopping.signal.aborted) {
      try {
        const r = await deliverDueEmails(db, transport, {
          from: config.mailFrom,
          batchSize,
          log,
          signal: stopping.signal,
        });
        // More may be waiting; but when sends fail, do not burn through the queue's attempts.
        if (r.sent >= batchSize) delay = 0;
      } catch (err) {
        failed(err, 'email worker run');
      }
    }
    schedule(delay);
  };

  if (transport) log.info({ smtp: describeSmtpUrl(config.smtpUrl as string) }, 'email worker started');
  schedule(0);
  return {
    async stop() {
      stopping.abort();
      if (timer) clearTimeout(timer);
      await running;
      transport?.close();
    },
  };
}

/** The SMTP URL without its credentials, for the log. */
function describeSmtpUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}
