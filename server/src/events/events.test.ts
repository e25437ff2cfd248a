/**
 * Domain events in the outbox (decision 030): recorded in the transaction of the change, dispatched into
 * emails once, by one dispatcher, with a failing handler retried after a backoff.
 */
import { type DbHandle, memberships, outboxEvents, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueEmail } from '../email/outbox.ts';
import { startMailWorker } from '../email/worker.ts';
import type { WorkerLog } from '../email/worker-log.ts';
import { buildTestApp, dispatchEvents, insertOrganization, insertUser, logIn } from '../testing.ts';
import { dispatchDueEvents, drainEvents } from './dispatcher.ts';
import { type DomainEvent, recordEvent } from './events.ts';

const PUBLIC_URL = 'https://portal.test';
const TODAY = new Date().toISOString().slice(0, 10);

let h: DbHandle;
let orgId: string;
let reps: { email: string }[];

beforeAll(async () => {
  h = await createTestDb({ maxConnections: 10 });
  orgId = await insertOrganization(h, { nameBg: 'Събития ООД', nameEn: 'Events Ltd' });
  reps = [
    await insertUser(h, { email: 'rep.bg@example.bg', organizationIds: [orgId], language: 'bg' }),
    await insertUser(h, { email: 'rep.en@example.bg', organizationIds: [orgId], language: 'en' }),
  ];
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.query(sql`delete from outbox_events`);
  await h.query(sql`delete from outbox_messages`);
});

function suspended(organizationId = orgId): DomainEvent {
  return {
    type: 'membership.changed',
    payload: {
      organizationId,
      action: 'suspend',
      status: 'suspended',
      category: 'regular',
      effectiveOn: TODAY,
      decisionNumber: '7/2026',
    },
  };
}

interface EventRow extends Record<string, unknown> {
  id: number;
  type: string;
  attempts: number;
  dispatched: boolean;
  failed: boolean;
  last_error: string | null;
  /** Seconds from the database's now() to next_attempt_at. */
  due_in: number;
}

async function events(): Promise<EventRow[]> {
  const rows = await h.query<EventRow>(
    sql`select id, type, attempts, dispatched_at is not null as dispatched, failed_at is not null as failed,
          last_error, extract(epoch from next_attempt_at - now())::float8 as due_in
        from outbox_events order by id`,
  );
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    attempts: Number(r.attempts),
    due_in: Number(r.due_in),
  }));
}

async function mails() {
  return h.query<{ to_email: string; template: string; subject: string; text: string }>(
    sql`select to_email, template, subject, text from outbox_messages order by to_email, created_at`,
  );
}

const makeDue = () => h.query(sql`update outbox_events set next_attempt_at = now()`);

function recordingLog(): WorkerLog & { lines: { level: string; msg?: string }[] } {
  const lines: { level: string; msg?: string }[] = [];
  const write = (level: string) => (obj: object, msg?: string) => lines.push({ level, ...obj, msg });
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}

describe('recording an event', () => {
  it('leaves no event and no email when the change rolls back, and one event when it commits', async () => {
    await expect(
      h.db.transaction(async (tx) => {
        await tx.update(memberships).set({ status: 'suspended' }).where(sql`organization_id = ${orgId}`);
        await recordEvent(tx, suspended());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await events()).toEqual([]);
    expect(await drainEvents(h.db, { publicUrl: PUBLIC_URL })).toEqual({
      dispatched: 0,
      retried: 0,
      failed: 0,
    });
    expect(await mails()).toEqual([]);
    const [membership] = await h.query<{ status: string }>(
      sql`select status from memberships where organization_id = ${orgId}`,
    );
    expect(membership?.status).toBe('active');

    await h.db.transaction(async (tx) => {
      await recordEvent(tx, suspended());
    });
    // Recorded, not rendered: the emails appear when the event is dispatched.
    expect(await events()).toMatchObject([{ type: 'membership.changed', dispatched: false, attempts: 0 }]);
    expect(await mails()).toEqual([]);
  });

  it('is what a service writes instead of emails: the API change records it, the dispatcher mails it once', async () => {
    const app = await buildTestApp(h);
    try {
      const committee = await logIn(app, (await insertUser(h, { roles: ['committee_member'] })).email);
      const id = await insertOrganization(h, { nameBg: 'Оттеглени ООД', nameEn: 'Withdrawn Ltd' });
      const rep = await insertUser(h, { organizationIds: [id], language: 'en' });
      const detail = await app.inject({
        method: 'GET',
        url: `/api/committee/members/${id}`,
        headers: { cookie: committee },
      });
      const res = await app.inject({
        method: 'POST',
        url: `/api/committee/members/${id}/actions`,
        headers: { cookie: committee },
        payload: {
          action: 'withdraw',
          effectiveOn: TODAY,
          reason: '',
          decision: null,
          version: detail.json().version,
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(await events()).toMatchObject([{ type: 'membership.changed', dispatched: false }]);
      expect(await mails()).toEqual([]);

      expect(await dispatchEvents(h.db)).toEqual({ dispatched: 1, retried: 0, failed: 0 });
      expect(await events()).toMatchObject([{ dispatched: true, attempts: 0, last_error: null }]);
      expect(await mails()).toMatchObject([
        {
          to_email: rep.email,
          template: 'membership_changed',
          subject: 'A change in the membership of Withdrawn Ltd',
        },
      ]);
      expect((await mails())[0]?.text).toContain(`${app.config.publicUrl}/my/organizations/${id}`);

      // Dispatched once: a second run finds nothing.
      expect(await dispatchEvents(h.db)).toEqual({ dispatched: 0, retried: 0, failed: 0 });
      expect(await mails()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});

describe('dispatching', () => {
  it('turns an event into each recipient’s email in their language, and marks it dispatched', async () => {
    await recordEvent(h.db, suspended());
    expect(await dispatchDueEvents(h.db, { publicUrl: PUBLIC_URL })).toEqual({
      dispatched: 1,
      retried: 0,
      failed: 0,
    });
    const sent = await mails();
    expect(sent.map((m) => [m.to_email, m.subject])).toEqual([
      [reps[0]?.email, 'Промяна в членството на Събития ООД'],
      [reps[1]?.email, 'A change in the membership of Events Ltd'],
    ]);
    expect(sent[0]?.text).toContain('(решение № 7/2026)');
    expect(sent[1]?.text).toContain('(decision No 7/2026)');
    expect(sent[1]?.text).toContain(`${PUBLIC_URL}/my/organizations/${orgId}`);
    expect(await events()).toMatchObject([{ dispatched: true }]);
  });

  it('retries a failing handler with backoff, leaving none of its emails, until it succeeds', async () => {
    await recordEvent(h.db, suspended());
    const log = recordingLog();
    let calls = 0;
    const failing = {
      async 'membership.changed'(tx: Parameters<typeof enqueueEmail>[0]) {
        calls++;
        // Half-way through: an email is queued, then the handler fails; the email must not stay.
        await enqueueEmail(tx, {
          to: 'half.way@example.bg',
          language: 'bg',
          template: 'membership_changed',
          values: {},
        });
        throw new Error('the template service is away for rep.bg@example.bg');
      },
    };
    expect(await dispatchDueEvents(h.db, { publicUrl: PUBLIC_URL, handlers: failing, log })).toEqual({
      dispatched: 0,
      retried: 1,
      failed: 0,
    });
    expect(calls).toBe(1);
    expect(await mails()).toEqual([]);
    const [first] = await events();
    expect(first).toMatchObject({
      dispatched: false,
      failed: false,
      attempts: 1,
      last_error: 'the template service is away for rep.bg@example.bg',
    });
    expect(first?.due_in).toBeGreaterThan(25);
    expect(first?.due_in).toBeLessThanOrEqual(30);
    // The log names the event and masks addresses.
    expect(log.lines).toMatchObject([{ level: 'warn', msg: 'event not dispatched', retryInSeconds: 30 }]);
    expect(JSON.stringify(log.lines)).not.toContain('rep.bg@');

    // Not due yet: nothing happens.
    expect(await dispatchDueEvents(h.db, { publicUrl: PUBLIC_URL, handlers: failing })).toMatchObject({
      retried: 0,
    });
    expect(calls).toBe(1);

    // Due again and failing again: the wait doubles.
    await makeDue();
    await dispatchDueEvents(h.db, { publicUrl: PUBLIC_URL, handlers: failing });
    const [second] = await events();
    expect(second).toMatchObject({ attempts: 2, dispatched: false });
    expect(second?.due_in).toBeGreaterThan(55);
    expect(second?.due_in).toBeLessThanOrEqual(60);

    // Due again with the real handler: dispatched, the emails once.
    await makeDue();
    expect(await dispatchDueEvents(h.db, { publicUrl: PUBLIC_URL })).toMatchObject({ dispatched: 1 });
    expect((await mails()).map((m) => m.to_email)).toEqual([reps[0]?.email, reps[1]?.email]);
    expect(await events()).toMatchObject([{ attempts: 2, dispatched: true, last_error: null }]);
  });

  it('gives up after maxAttempts, and retries an event type it has no handler for', async () => {
    await h.db.insert(outboxEvents).values({ type: 'from.a.newer.release', payload: {} });
    await recordEvent(h.db, suspended());
    const log = recordingLog();
    const failing = {
      async 'membership.changed'() {
        throw new Error('broken');
      },
    };
    const run = () =>
      dispatchDueEvents(h.db, { publicUrl: PUBLIC_URL, handlers: failing, maxAttempts: 2, log });
    expect(await run()).toEqual({ dispatched: 0, retried: 2, failed: 0 });
    await makeDue();
    expect(await run()).toEqual({ dispatched: 0, retried: 0, failed: 2 });
    expect(await events()).toMatchObject([
      {
        type: 'from.a.newer.release',
        attempts: 2,
        failed: true,
        last_error: expect.stringMatching(/no handler/),
      },
      { type: 'membership.changed', attempts: 2, failed: true, last_error: 'broken' },
    ]);
    expect(log.lines.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual([
      'event failed for good',
      'event failed for good',
    ]);
    // Failed for good: left alone.
    await makeDue();
    expect(await run()).toEqual({ dispatched: 0, retried: 0, failed: 0 });
  });

  it('runs in the mail worker’s loop, also without SMTP_URL (the mail then waits in the outbox)', async () => {
    const log = recordingLog();
    const worker = startMailWorker({
      db: h.db,
      config: { smtpUrl: undefined, mailFrom: 'portal@example.bg', publicUrl: PUBLIC_URL },
      log,
      intervalMs: 10,
    });
    try {
      await recordEvent(h.db, suspended());
      await expect.poll(async () => (await mails()).length, { timeout: 10_000 }).toBe(2);
    } finally {
      await worker.stop();
    }
    expect(await events()).toMatchObject([{ dispatched: true }]);
    expect(log.lines.map((l) => l.level)).toEqual(['info']);
  });
});

describe('several dispatchers at once', () => {
  // PGlite runs one transaction at a time, so only PostgreSQL can race.
  it.runIf(testEngine === 'postgres')('dispatch every event exactly once', async () => {
    const count = 40;
    for (let i = 0; i < count; i++) {
      await recordEvent(h.db, {
        type: 'application.message',
        payload: { applicationId: '00000000-0000-0000-0000-000000000000', text: `m${i}` },
      });
    }
    const handled: string[] = [];
    const slow = {
      async 'application.message'(tx: Parameters<typeof enqueueEmail>[0], payload: { text: string }) {
        handled.push(payload.text);
        await enqueueEmail(tx, {
          to: `${payload.text}@example.bg`,
          language: 'bg',
          template: 'membership_changed',
          values: {},
        });
        // Hold the claim for a moment, so the other dispatchers run into it.
        await tx.execute(sql`select pg_sleep(0.01)`);
      },
    };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => drainEvents(h.db, { publicUrl: PUBLIC_URL, handlers: slow })),
    );
    expect(results.reduce((sum, r) => sum + r.dispatched, 0)).toBe(count);
    // More than one dispatcher did some of the work, and no event was handled twice.
    expect(results.filter((r) => r.dispatched > 0).length).toBeGreaterThan(1);
    expect(handled).toHaveLength(count);
    expect(new Set(handled).size).toBe(count);
    const [row] = await h.query<{ n: number; distinct_to: number }>(
      sql`select count(*)::int as n, count(distinct to_email)::int as distinct_to from outbox_messages`,
    );
    expect(row).toEqual({ n: count, distinct_to: count });
    expect((await events()).every((e) => e.dispatched && e.attempts === 0)).toBe(true);
  });
});
