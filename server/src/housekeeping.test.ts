/**
 * Housekeeping (decision 028): what has ended is deleted, what still counts is kept — above all pending and
 * failed email — and two servers sharing a PostgreSQL database never run it at the same time.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { addDays, todayInSofia } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type HousekeepingPolicy,
  housekeepingPolicy,
  INVITATION_RETENTION_DAYS,
  runHousekeeping,
  startHousekeeping,
} from './housekeeping.ts';
import { insertOrganization, insertUser, testConfig } from './testing.ts';

let h: DbHandle;
let userId: string;
let orgId: string;
const config = testConfig({ sessionIdleMs: 60 * 60_000, sentMailRetentionDays: 30 });
const policy: HousekeepingPolicy = housekeepingPolicy(config);

beforeAll(async () => {
  h = await createTestDb({ maxConnections: 4 });
  userId = (await insertUser(h)).id;
  orgId = await insertOrganization(h, { nameBg: 'Чистачи ООД' });
});
afterAll(async () => {
  await h?.close();
});

const ago = (interval: string) => sql.raw(`now() - interval '${interval}'`);
const ahead = (interval: string) => sql.raw(`now() + interval '${interval}'`);

/** One row of each kind on each side of its limit; each row's label says whether it must stay. */
async function insertFixtures(): Promise<void> {
  for (const table of [
    'sessions',
    'auth_tokens',
    'representative_invitations',
    'rate_limits',
    'outbox_messages',
    'outbox_events',
  ]) {
    await h.query(sql.raw(`delete from ${table}`));
  }
  const session = (label: string, lastSeen: ReturnType<typeof ago>, expires: ReturnType<typeof ago>) =>
    h.query(
      sql`insert into sessions (token_hash, user_id, last_seen_at, expires_at)
          values (${label}, ${userId}, ${lastSeen}, ${expires})`,
    );
  await session('keep-active', ago('1 minute'), ahead('2 days'));
  await session('keep-idle-within-limit', ago('50 minutes'), ahead('2 days'));
  await session('drop-idle-too-long', ago('61 minutes'), ahead('2 days'));
  await session('drop-past-absolute-timeout', ago('1 minute'), ago('1 second'));

  const token = (label: string, expires: ReturnType<typeof ago>, used: ReturnType<typeof ago> | null) =>
    h.query(
      sql`insert into auth_tokens (token_hash, user_id, purpose, expires_at, used_at)
          values (${label}, ${userId}, 'reset_password', ${expires}, ${used})`,
    );
  await token('keep-unused', ahead('1 hour'), null);
  await token('drop-used', ahead('1 hour'), ago('1 minute'));
  await token('drop-expired', ago('1 second'), null);

  const invitation = (
    label: string,
    expires: ReturnType<typeof ago>,
    accepted: ReturnType<typeof ago> | null,
    revoked: ReturnType<typeof ago> | null,
  ) =>
    h.query(
      sql`insert into representative_invitations (organization_id, email, token_hash, expires_at, accepted_at, revoked_at)
          values (${orgId}, ${`${label}@example.bg`}, ${label}, ${expires}, ${accepted}, ${revoked})`,
    );
  const limit = INVITATION_RETENTION_DAYS;
  await invitation('keep-open', ahead('3 days'), null, null);
  // Still on the organisation's list as expired, where it can be sent again.
  await invitation('keep-expired-lately', ago(`${limit - 1} days`), null, null);
  await invitation('keep-accepted-lately', ahead('1 day'), ago('2 days'), null);
  await invitation('drop-expired-long-ago', ago(`${limit + 1} days`), null, null);
  await invitation('drop-accepted-long-ago', ago(`${limit - 5} days`), ago(`${limit + 1} days`), null);
  await invitation('drop-revoked-long-ago', ago(`${limit - 5} days`), null, ago(`${limit + 1} days`));

  const window = (label: string, start: ReturnType<typeof ago>) =>
    h.query(sql`insert into rate_limits (key, window_start, hits) values (${label}, ${start}, 3)`);
  await window('keep-current', ago('1 minute'));
  // The longest window (a day: messages to one organisation through its contact form, decision 053) may
  // still be running.
  await window('keep-day-not-over', ago('23 hours 59 minutes'));
  await window('drop-over', ago('24 hours 1 minute'));

  const mail = (
    label: string,
    status: 'pending' | 'sent' | 'failed',
    created: ReturnType<typeof ago>,
    sent: ReturnType<typeof ago> | null,
  ) =>
    h.query(
      sql`insert into outbox_messages (to_email, language, template, subject, text, status, created_at, sent_at)
          values (${`${label}@example.bg`}, 'bg', 'test', ${label}, 'text', ${status}, ${created}, ${sent})`,
    );
  await mail('keep-sent-lately', 'sent', ago('29 days'), ago('29 days'));
  await mail('drop-sent-long-ago', 'sent', ago('31 days'), ago('31 days'));
  // Never deleted, however old: still to be sent, or waiting for an administrator.
  await mail('keep-pending-old', 'pending', ago('400 days'), null);
  await mail('keep-failed-old', 'failed', ago('400 days'), null);

  // Events (decision 030): dispatched ones go with their sent email; the others are still to be handled.
  const event = (
    label: string,
    dispatched: ReturnType<typeof ago> | null,
    failed: ReturnType<typeof ago> | null = null,
  ) =>
    h.query(
      sql`insert into outbox_events (type, payload, created_at, dispatched_at, failed_at)
          values (${label}, '{}'::jsonb, ${ago('400 days')}, ${dispatched}, ${failed})`,
    );
  await event('keep-dispatched-lately', ago('29 days'));
  await event('drop-dispatched-long-ago', ago('31 days'));
  await event('keep-undispatched-old', null);
  await event('keep-failed-old', null, ago('400 days'));
}

/** The labels left in each table. */
type Labels = Record<
  'sessions' | 'authTokens' | 'invitations' | 'rateLimits' | 'sentEmails' | 'dispatchedEvents',
  string[]
>;
async function remaining(): Promise<Labels> {
  const labels = async (statement: ReturnType<typeof sql>) =>
    (await h.query<{ label: string }>(statement)).map((r) => r.label).sort();
  return {
    sessions: await labels(sql`select token_hash as label from sessions`),
    authTokens: await labels(sql`select token_hash as label from auth_tokens`),
    invitations: await labels(sql`select token_hash as label from representative_invitations`),
    rateLimits: await labels(sql`select key as label from rate_limits`),
    sentEmails: await labels(sql`select subject as label from outbox_messages`),
    dispatchedEvents: await labels(sql`select type as label from outbox_events`),
  };
}

const onlyKept = (all: Labels) =>
  Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.filter((l) => l.startsWith('keep-'))]));
const droppedCount = (all: Labels) =>
  Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.filter((l) => l.startsWith('drop-')).length]));

describe(`housekeeping (${testEngine})`, () => {
  it('deletes every row past its limit and keeps the live ones, pending and failed email above all', async () => {
    await insertFixtures();
    // The board's counts (decision 038 §6): an item whose last day has passed, one still to come.
    const org = await insertOrganization(h, { nameBg: 'Отминала', areas: ['ict'] });
    await h.query(
      sql`insert into board_items (organization_id, kind, type, title_bg, status, valid_until, published_at)
          values (${org}, 'offer', 'services', 'Отминала услуга', 'published', ${addDays(todayInSofia(), -10)}, now()),
                 (${org}, 'offer', 'services', 'Идна услуга', 'published', ${addDays(todayInSofia(), 10)}, now())`,
    );
    const countRows = async () => {
      const [row] = await h.query<{ past: number; future: number }>(
        sql`select count(*) filter (where last_day < ${addDays(todayInSofia(), -1)}::date)::int as past,
              count(*) filter (where last_day >= ${todayInSofia()}::date)::int as future
            from (select last_day from board_word_counts union all select last_day from board_facet_counts) c`,
      );
      return { past: Number(row?.past), future: Number(row?.future) };
    };
    const counted = await countRows();
    expect(counted.past).toBeGreaterThan(0);
    const before = await remaining();
    const result = await runHousekeeping(h.db, policy);
    expect(result).toEqual({
      ...droppedCount(before),
      boardReminders: 0,
      committeeRoles: 0,
      meetingReminders: 0,
      callReminders: 0,
      boardCountRows: counted.past,
    });
    expect(result).toEqual({
      sessions: 2,
      authTokens: 2,
      invitations: 3,
      rateLimits: 1,
      sentEmails: 1,
      dispatchedEvents: 1,
      boardReminders: 0,
      committeeRoles: 0,
      meetingReminders: 0,
      callReminders: 0,
      boardCountRows: counted.past,
    });
    expect(await remaining()).toEqual(onlyKept(before));
    expect(await countRows()).toEqual({ past: 0, future: counted.future });
  });

  it('keeps sent email for as long as SENT_MAIL_RETENTION_DAYS says', async () => {
    await insertFixtures();
    const result = await runHousekeeping(h.db, { ...policy, sentMailRetentionDays: 60 });
    expect(result?.sentEmails).toBe(0);
    expect((await remaining()).sentEmails).toEqual([
      'drop-sent-long-ago',
      'keep-failed-old',
      'keep-pending-old',
      'keep-sent-lately',
    ]);
    const shorter = await runHousekeeping(h.db, { ...policy, sentMailRetentionDays: 1 });
    expect(shorter?.sentEmails).toBe(2);
    expect((await remaining()).sentEmails).toEqual(['keep-failed-old', 'keep-pending-old']);
    // Dispatched events follow the same retention; undispatched and failed ones stay.
    expect(result?.dispatchedEvents).toBe(0);
    expect(shorter?.dispatchedEvents).toBe(2);
    expect((await remaining()).dispatchedEvents).toEqual(['keep-failed-old', 'keep-undispatched-old']);
  });

  it('runs on the server’s schedule, and stops with the server', async () => {
    await insertFixtures();
    const logged: object[] = [];
    const log = {
      info: (o: object) => logged.push(o),
      debug: () => {},
      error: (o: object) => logged.push(o),
    };
    const housekeeper = startHousekeeping({
      db: h.db,
      config: { ...config, housekeepingIntervalMs: 3_600_000 },
      log,
      firstRunDelayMs: 0,
    });
    try {
      const deadline = Date.now() + 20_000;
      while ((await remaining()).sessions.some((l) => l.startsWith('drop-'))) {
        if (Date.now() > deadline) throw new Error('the scheduled run never happened');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await housekeeper.stop();
    }
    expect(logged).toContainEqual(expect.objectContaining({ event: 'housekeeping.done' }));
    expect(await remaining()).toEqual(onlyKept(await remaining()));
  });

  it('does not run on the server when HOUSEKEEPING_MINUTES is 0', async () => {
    await insertFixtures();
    const logged: string[] = [];
    const housekeeper = startHousekeeping({
      db: h.db,
      config: { ...config, housekeepingIntervalMs: 0 },
      log: { info: (_o, msg) => logged.push(msg ?? ''), debug: () => {}, error: () => {} },
      firstRunDelayMs: 0,
    });
    await housekeeper.stop();
    expect(logged.join()).toMatch(/housekeeping is off/);
    // A run that had started would have had to delete these (a run is one transaction).
    expect((await remaining()).sessions).toContain('drop-idle-too-long');
  });
});

describe.runIf(testEngine === 'postgres')('two servers sharing PostgreSQL (PostgreSQL)', () => {
  it('never run housekeeping at the same time: the second finds the first at it and does nothing', async () => {
    await insertFixtures();
    const before = await remaining();
    let holding!: () => void;
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first run holds the lock, mid-run, until the second has come and gone.
    const first = runHousekeeping(h.db, policy, {
      whileLocked: async () => {
        holding();
        await released;
      },
    });
    await held;
    const second = await runHousekeeping(h.db, policy);
    expect(second).toBeNull();
    expect(await remaining(), 'the second run deleted something').toEqual(before);
    release();
    expect(await first).toEqual({
      ...droppedCount(before),
      boardReminders: 0,
      committeeRoles: 0,
      meetingReminders: 0,
      callReminders: 0,
      boardCountRows: 0,
    });
    expect(await remaining()).toEqual(onlyKept(before));
    // The lock went with the first run's transaction.
    expect(await runHousekeeping(h.db, policy)).toEqual({
      sessions: 0,
      authTokens: 0,
      invitations: 0,
      rateLimits: 0,
      sentEmails: 0,
      dispatchedEvents: 0,
      boardReminders: 0,
      committeeRoles: 0,
      meetingReminders: 0,
      callReminders: 0,
      boardCountRows: 0,
    });
  });
});
