import type { AddressInfo } from 'node:net';
import { type DbHandle, outboxMessages, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueEmail } from './outbox.ts';
import {
  backoffSeconds,
  deliverDueEmails,
  type MailTransport,
  startMailWorker,
  type WorkerLog,
} from './worker.ts';

const FROM = 'Портал на клъстера <no-reply@portal.test>';
const TOKEN = 'tok_4f9d2c81b7e6a0355d1e';
const LINK = `https://portal.test/verify-email?token=${TOKEN}`;

let handle: DbHandle;
let smtp: { server: SMTPServer; port: number; received: Received[] };

beforeAll(async () => {
  handle = await createTestDb({ maxConnections: 10 });
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  await handle.close();
});
beforeEach(async () => {
  await handle.query(sql`delete from outbox_messages`);
  smtp.received.length = 0;
});

interface Row extends Record<string, unknown> {
  id: string;
  to_email: string;
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: unknown;
  locked_until: unknown;
  /** Seconds from the database's now() to next_attempt_at. */
  due_in: number;
}

async function rows(): Promise<Row[]> {
  const result = await handle.query<Row>(
    sql`select id, to_email, status, attempts, last_error, sent_at, locked_until,
          extract(epoch from next_attempt_at - now())::float8 as due_in
        from outbox_messages order by created_at, to_email`,
  );
  return result.map((r) => ({ ...r, attempts: Number(r.attempts), due_in: Number(r.due_in) }));
}

function verifyEmail(to: string, language: 'bg' | 'en' = 'bg') {
  return { to, language, template: 'verify_email' as const, values: { name: 'Мария', link: LINK } };
}

/** A pino-like logger that keeps every line, to check what the worker writes. */
function recordingLog(): WorkerLog & { lines: unknown[] } {
  const lines: unknown[] = [];
  const write = (level: string) => (obj: object, msg?: string) => lines.push({ level, ...obj, msg });
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('deliverDueEmails through a real SMTP server', () => {
  it('delivers the subject, recipient and text, and marks the message sent once', async () => {
    await enqueueEmail(handle.db, verifyEmail('maria.ivanova@example.bg'));
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    });
    const log = recordingLog();

    expect(await deliverDueEmails(handle.db, transport, { from: FROM, log })).toEqual({
      sent: 1,
      failed: 0,
      retried: 0,
    });

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0] as Received;
    expect(mail.rcptTo).toEqual(['maria.ivanova@example.bg']);
    expect(mail.mailFrom).toBe('no-reply@portal.test');
    expect(mail.subject).toBe('Потвърдете имейла си за портала на клъстера');
    expect(mail.text).toContain('Здравейте, Мария!');
    expect(mail.text).toContain(LINK);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    const [row] = await rows();
    expect(mail.headers.get('message-id')).toBe(`<${row?.id}@portal.test>`);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null, locked_until: null });
    expect(row?.sent_at).not.toBeNull();

    // A second run finds nothing to do.
    expect(await deliverDueEmails(handle.db, transport, { from: FROM })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    });
    expect(smtp.received).toHaveLength(1);

    // The log names the message, never its text (a token) nor the full address.
    const logged = JSON.stringify(log.lines);
    expect(logged).toContain(row?.id);
    expect(logged).toContain('m…@example.bg');
    expect(logged).not.toContain('maria.ivanova');
    expect(logged).not.toContain(TOKEN);
  });

  it('keeps no usable token in the outbox once the email is delivered, only in the sent email', async () => {
    await enqueueEmail(handle.db, verifyEmail('token.owner@example.bg'));
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    });
    expect((await deliverDueEmails(handle.db, transport, { from: FROM })).sent).toBe(1);
    expect(smtp.received[0]?.text).toContain(LINK);
    const [stored] = await handle.query<{ text: string; status: string }>(
      sql`select text, status from outbox_messages where to_email = 'token.owner@example.bg'`,
    );
    expect(stored?.status).toBe('sent');
    expect(stored?.text).not.toContain(TOKEN);
    expect(stored?.text).toContain('https://portal.test/verify-email?token=[removed-after-delivery]');
    expect(stored?.text).toContain('Здравейте, Мария!');
  });

  it('startMailWorker polls the outbox over SMTP_URL until stopped', async () => {
    const log = recordingLog();
    const worker = startMailWorker({
      db: handle.db,
      config: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: FROM, publicUrl: 'https://portal.test' },
      log,
      intervalMs: 20,
    });
    try {
      await enqueueEmail(handle.db, verifyEmail('first@example.bg', 'en'));
      await enqueueEmail(handle.db, verifyEmail('second@example.bg'));
      await expect
        .poll(async () => (await rows()).map((r) => r.status), { timeout: 10_000 })
        .toEqual(['sent', 'sent']);
    } finally {
      await worker.stop();
    }
    expect(smtp.received.map((m) => m.rcptTo[0]).sort()).toEqual(['first@example.bg', 'second@example.bg']);
    expect(smtp.received.find((m) => m.rcptTo[0] === 'first@example.bg')?.subject).toBe(
      'Confirm your email for the cluster portal',
    );

    // Stopped: nothing more is sent.
    await enqueueEmail(handle.db, verifyEmail('third@example.bg'));
    await sleep(150);
    expect(smtp.received).toHaveLength(2);
    expect((await rows()).map((r) => r.status)).toEqual(['sent', 'sent', 'pending']);
  });
});

describe('a message with a Reply-To address (decision 053)', () => {
  it('hands the stored Reply-To to the transport, and none for other messages', async () => {
    await enqueueEmail(handle.db, { ...verifyEmail('member@example.bg'), replyTo: 'visitor@example.bg' });
    await enqueueEmail(handle.db, verifyEmail('plain@example.bg'));
    const sent: Parameters<MailTransport['sendMail']>[0][] = [];
    await deliverDueEmails(
      handle.db,
      {
        async sendMail(message) {
          sent.push(message);
        },
      },
      { from: FROM },
    );
    expect(sent.find((m) => m.to === 'member@example.bg')?.replyTo).toBe('visitor@example.bg');
    expect(sent.find((m) => m.to === 'plain@example.bg')).not.toHaveProperty('replyTo');
  });
});

describe('a message with a calendar entry', () => {
  const meeting = {
    uid: 'meeting-7@portal.test',
    start: new Date('2027-01-14T08:00:00Z'),
    end: new Date('2027-01-14T10:00:00Z'),
    stamp: new Date('2026-12-07T08:00:00Z'),
    summary: 'Общо събрание; покана',
    location: 'София, бул. „Цариградско шосе“ 125',
    sequence: 2,
  };

  it('stores the iCalendar with the message and hands it to the transport as its calendar part', async () => {
    await enqueueEmail(handle.db, { ...verifyEmail('invited@example.bg'), calendar: { event: meeting } });
    await enqueueEmail(handle.db, verifyEmail('plain@example.bg'));
    const [stored] = await handle.query<{ calendar: string }>(
      sql`select calendar from outbox_messages where to_email = 'invited@example.bg'`,
    );
    expect(stored?.calendar).toContain('METHOD:PUBLISH\r\n');
    expect(stored?.calendar).toContain('UID:meeting-7@portal.test\r\n');
    expect(stored?.calendar).toContain('DTSTART:20270114T080000Z\r\n');
    expect(stored?.calendar).toContain('SEQUENCE:2\r\n');
    expect(stored?.calendar).toContain('SUMMARY:Общо събрание\\; покана\r\n');

    const sent: Parameters<MailTransport['sendMail']>[0][] = [];
    await deliverDueEmails(
      handle.db,
      {
        async sendMail(message) {
          sent.push(message);
        },
      },
      { from: FROM },
    );
    const invited = sent.find((m) => m.to === 'invited@example.bg');
    expect(invited?.icalEvent).toEqual({
      method: 'PUBLISH',
      filename: 'invitation.ics',
      content: stored?.calendar,
    });
    expect(sent.find((m) => m.to === 'plain@example.bg')?.icalEvent).toBeUndefined();
  });

  it('reaches a real SMTP server as a text/calendar part and an .ics attachment', async () => {
    await enqueueEmail(handle.db, {
      ...verifyEmail('invited@example.bg'),
      calendar: { event: { ...meeting, status: 'CANCELLED' } },
    });
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    });
    await deliverDueEmails(handle.db, transport, { from: FROM });
    expect(smtp.received).toHaveLength(1);
    const raw = smtp.received[0]?.raw ?? '';
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/i);
    expect(raw).toMatch(/filename=invitation\.ics/);
    expect(raw).toContain('multipart/');
  });
});

describe('startMailWorker without SMTP_URL', () => {
  it('says once that email stays in the outbox, and leaves it there', async () => {
    const log = recordingLog();
    await enqueueEmail(handle.db, verifyEmail('maria@example.bg'));
    const worker = startMailWorker({
      db: handle.db,
      config: { smtpUrl: undefined, mailFrom: FROM, publicUrl: 'https://portal.test' },
      log,
      intervalMs: 10,
    });
    await sleep(100);
    await worker.stop();
    expect(log.lines).toEqual([
      expect.objectContaining({ level: 'info', msg: expect.stringMatching(/outbox/) }),
    ]);
    expect(await rows()).toMatchObject([{ status: 'pending', attempts: 0 }]);
    expect(smtp.received).toHaveLength(0);
  });
});

describe('failures', () => {
  /** A transport whose server refuses the recipient, as nodemailer reports it. */
  function refusingTransport() {
    const calls: string[] = [];
    const transport: MailTransport = {
      async sendMail(message) {
        calls.push(message.to);
        const error = new Error(
          `Can't send mail - all recipients were rejected: 450 4.2.1 <${message.to}>: Mailbox busy, try later`,
        );
        Object.assign(error, { code: 'EENVELOPE', responseCode: 450 });
        throw error;
      },
    };
    return { transport, calls };
  }

  it('retries with exponential backoff, then gives up after maxAttempts', async () => {
    await enqueueEmail(handle.db, verifyEmail('busy.person@example.bg'));
    const { transport, calls } = refusingTransport();
    const log = recordingLog();
    const options = { from: FROM, maxAttempts: 3, log };

    expect(await deliverDueEmails(handle.db, transport, options)).toEqual({ sent: 0, failed: 0, retried: 1 });
    let [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, locked_until: null, sent_at: null });
    expect(row?.last_error).toContain('450 4.2.1');
    expect(row?.last_error).toContain('EENVELOPE');
    expect(row?.due_in).toBeGreaterThan(25);
    expect(row?.due_in).toBeLessThanOrEqual(30);

    // Not due yet: another run leaves it alone.
    expect(await deliverDueEmails(handle.db, transport, options)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(calls).toHaveLength(1);

    // Time passes: the second attempt fails too and waits twice as long.
    await handle.query(sql`update outbox_messages set next_attempt_at = now() - interval '1 second'`);
    expect(await deliverDueEmails(handle.db, transport, options)).toEqual({ sent: 0, failed: 0, retried: 1 });
    [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row?.due_in).toBeGreaterThan(55);
    expect(row?.due_in).toBeLessThanOrEqual(60);

    // The third and last attempt fails: the message is failed for good.
    await handle.query(sql`update outbox_messages set next_attempt_at = now() - interval '1 second'`);
    expect(await deliverDueEmails(handle.db, transport, options)).toEqual({ sent: 0, failed: 1, retried: 0 });
    [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: 3, locked_until: null, sent_at: null });
    expect(row?.last_error).toContain('450 4.2.1');

    await handle.query(sql`update outbox_messages set next_attempt_at = now() - interval '1 second'`);
    expect(await deliverDueEmails(handle.db, transport, options)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(calls).toHaveLength(3);

    // The log carries the SMTP reason, but not the full address.
    const logged = JSON.stringify(log.lines);
    expect(logged).toContain('450 4.2.1');
    expect(logged).not.toContain('busy.person');
    expect(logged).not.toContain(TOKEN);
  });

  it('delivers a message on a later attempt once the server accepts it', async () => {
    await enqueueEmail(handle.db, verifyEmail('later@example.bg'));
    const { transport } = refusingTransport();
    await deliverDueEmails(handle.db, transport, { from: FROM });
    await handle.query(sql`update outbox_messages set next_attempt_at = now()`);
    const sent: string[] = [];
    const working: MailTransport = {
      async sendMail(message) {
        sent.push(message.to);
      },
    };
    expect(await deliverDueEmails(handle.db, working, { from: FROM })).toEqual({
      sent: 1,
      failed: 0,
      retried: 0,
    });
    expect(sent).toEqual(['later@example.bg']);
    expect(await rows()).toMatchObject([{ status: 'sent', attempts: 2, last_error: null }]);
  });

  it('truncates a long error', async () => {
    await enqueueEmail(handle.db, verifyEmail('long@example.bg'));
    const transport: MailTransport = {
      async sendMail() {
        throw new Error(`421 ${'x'.repeat(5000)}`);
      },
    };
    await deliverDueEmails(handle.db, transport, { from: FROM });
    const [row] = await rows();
    expect(row?.last_error?.length).toBeLessThanOrEqual(500);
    expect(row?.last_error).toMatch(/^421 x+…$/);
  });

  it('backs off 30 s, doubling, at most an hour', () => {
    expect([1, 2, 3, 4, 8, 20].map(backoffSeconds)).toEqual([30, 60, 120, 240, 3600, 3600]);
  });
});

describe('what is due', () => {
  function countingTransport() {
    const sent: string[] = [];
    const transport: MailTransport = {
      async sendMail(message) {
        sent.push(message.to);
      },
    };
    return { transport, sent };
  }

  it('does not send a message that is not due yet, nor one another worker holds', async () => {
    await handle.db.insert(outboxMessages).values([
      {
        toEmail: 'future@example.bg',
        language: 'bg',
        template: 'verify_email',
        subject: 's',
        text: 't',
        nextAttemptAt: new Date(Date.now() + 3_600_000),
      },
      {
        toEmail: 'leased@example.bg',
        language: 'bg',
        template: 'verify_email',
        subject: 's',
        text: 't',
        attempts: 1,
        lockedUntil: new Date(Date.now() + 300_000),
      },
    ]);
    const { transport, sent } = countingTransport();
    expect(await deliverDueEmails(handle.db, transport, { from: FROM })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    });
    expect(sent).toEqual([]);
    expect(await rows()).toMatchObject([
      { status: 'pending', attempts: 0 },
      { status: 'pending', attempts: 1 },
    ]);
  });

  it('takes over a message whose worker died once its lease has expired', async () => {
    await handle.db.insert(outboxMessages).values({
      toEmail: 'orphan@example.bg',
      language: 'bg',
      template: 'verify_email',
      subject: 's',
      text: 't',
      attempts: 1,
      lockedUntil: new Date(Date.now() - 1000),
    });
    const { transport, sent } = countingTransport();
    expect(await deliverDueEmails(handle.db, transport, { from: FROM })).toEqual({
      sent: 1,
      failed: 0,
      retried: 0,
    });
    expect(sent).toEqual(['orphan@example.bg']);
    expect(await rows()).toMatchObject([{ status: 'sent', attempts: 2 }]);
  });

  it('sends the oldest first and at most batchSize per run', async () => {
    for (const to of ['a@example.bg', 'b@example.bg', 'c@example.bg']) {
      await enqueueEmail(handle.db, verifyEmail(to));
    }
    const { transport, sent } = countingTransport();
    expect(await deliverDueEmails(handle.db, transport, { from: FROM, batchSize: 2 })).toMatchObject({
      sent: 2,
    });
    expect(sent).toEqual(['a@example.bg', 'b@example.bg']);
    expect(await deliverDueEmails(handle.db, transport, { from: FROM, batchSize: 2 })).toMatchObject({
      sent: 1,
    });
    expect(sent).toEqual(['a@example.bg', 'b@example.bg', 'c@example.bg']);
  });

  it('hands back what it has not sent when stopped or when half the lease has passed', async () => {
    for (const to of ['a@example.bg', 'b@example.bg', 'c@example.bg']) {
      await enqueueEmail(handle.db, verifyEmail(to));
    }
    const { transport, sent } = countingTransport();
    const stopped = new AbortController();
    stopped.abort();
    expect(
      await deliverDueEmails(handle.db, transport, { from: FROM, signal: stopped.signal }),
    ).toMatchObject({
      sent: 0,
    });
    expect(await rows()).toMatchObject([
      { status: 'pending', attempts: 0, locked_until: null },
      { status: 'pending', attempts: 0, locked_until: null },
      { status: 'pending', attempts: 0, locked_until: null },
    ]);

    // A 1 s lease and a 600 ms send: the second send would start past half the lease.
    const slow: MailTransport = {
      async sendMail(message) {
        await sleep(600);
        sent.push(message.to);
      },
    };
    expect(await deliverDueEmails(handle.db, slow, { from: FROM, leaseSeconds: 1 })).toMatchObject({
      sent: 1,
    });
    expect(sent).toEqual(['a@example.bg']);
    expect(await rows()).toMatchObject([
      { status: 'sent', attempts: 1 },
      { status: 'pending', attempts: 0, locked_until: null },
      { status: 'pending', attempts: 0, locked_until: null },
    ]);
  });
});

describe('the outbox follows the transaction of its event', () => {
  it('has no message from a rolled-back transaction, and the message of a committed one', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await enqueueEmail(tx, verifyEmail('rolled.back@example.bg'));
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(await rows()).toEqual([]);

    await handle.db.transaction(async (tx) => {
      await enqueueEmail(tx, verifyEmail('committed@example.bg'));
    });
    expect((await rows()).map((r) => r.to_email)).toEqual(['committed@example.bg']);
  });
});

describe('several workers at once', () => {
  // PGlite runs one transaction at a time, so only PostgreSQL can race.
  it.runIf(testEngine === 'postgres')('send every message exactly once', async () => {
    const count = 50;
    await handle.db.insert(outboxMessages).values(
      Array.from({ length: count }, (_, i) => ({
        toEmail: `member${i}@example.bg`,
        language: 'bg' as const,
        template: 'verify_email',
        subject: `s${i}`,
        text: 't',
      })),
    );
    const sends: string[] = [];
    // Slow enough that workers overlap: several claims are in flight while others send.
    const slow: MailTransport = {
      async sendMail(message) {
        sends.push(message.to);
        await sleep(5 + Math.random() * 10);
      },
    };
    const worker = async () => {
      let total = 0;
      for (;;) {
        const r = await deliverDueEmails(handle.db, slow, { from: FROM, batchSize: 4 });
        total += r.sent;
        if (r.sent === 0) return total;
      }
    };
    const totals = await Promise.all(Array.from({ length: 6 }, worker));

    expect(sends).toHaveLength(count);
    expect(new Set(sends).size).toBe(count);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(count);
    // The work was shared, not done by one worker while the others waited.
    expect(totals.filter((t) => t > 0).length).toBeGreaterThan(1);
    const all = await rows();
    expect(all.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});

// --- a local SMTP server that keeps what it receives -------------------------------------------------

interface Received {
  mailFrom: string | undefined;
  rcptTo: string[];
  headers: Map<string, string>;
  subject: string;
  text: string;
  /** The whole message as received (multipart ones are checked here). */
  raw: string;
}

async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        received.push({
          mailFrom: mailFrom ? mailFrom.address : undefined,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('latin1'),
          ...parseMessage(Buffer.concat(chunks).toString('latin1')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, received };
}

/** Just enough MIME for a single-part text message: headers, encoded words, QP or base64 body. */
function parseMessage(raw: string): { headers: Map<string, string>; subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const subject = (headers.get('subject') ?? '')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQp(data.replace(/_/g, ' ')),
    );
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQp(body.replace(/=\r\n/g, ''))
        : Buffer.from(body, 'latin1').toString('utf8');
  return { headers, subject, text: text.replace(/\r\n/g, '\n') };
}

function decodeQp(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(s.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
