import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { addDays, BoardItemSchema, todayInSofia } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { housekeepingPolicy, runHousekeeping } from '../../housekeeping.ts';
import {
  buildTestApp,
  dispatchEvents,
  insertOrganization,
  insertUser,
  lastEmail,
  logIn,
  testConfig,
} from '../../testing.ts';

/** The board's "expires soon" reminder (decision 033), with housekeeping run on injected days. */

const today = todayInSofia();
const policy = housekeepingPolicy(testConfig());
let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
});

afterAll(async () => {
  await app?.close();
  await h?.close();
});

/** An active member with two representatives; the first posts an item valid for `days` days. */
async function postedItem(days: number, language: 'bg' | 'en' = 'bg') {
  const organizationId = await insertOrganization(h, { nameBg: 'Лаборатория Омега', nameEn: 'Omega Lab' });
  const author = await insertUser(h, {
    roles: ['representative'],
    organizationIds: [organizationId],
    language,
  });
  const colleague = await insertUser(h, { roles: ['representative'], organizationIds: [organizationId] });
  const cookie = await logIn(app, author.email);
  const base = `/api/account/organizations/${organizationId}/board-items`;
  const created = await app.inject({
    method: 'POST',
    url: base,
    headers: { cookie },
    payload: {
      kind: 'offer',
      type: 'infrastructure',
      titleBg: 'Споделена GPU и тестова лаборатория',
      titleEn: 'Shared GPU and test lab',
      descriptionBg: 'Осем GPU сървъра.',
      descriptionEn: 'Eight GPU servers.',
      areaIds: ['ict-software'],
      validUntil: addDays(today, days),
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const draft = BoardItemSchema.parse(created.json());
  const published = await app.inject({
    method: 'POST',
    url: `${base}/${draft.id}/publish`,
    headers: { cookie },
    payload: { version: draft.version },
  });
  expect(published.statusCode, published.body).toBe(200);
  return { organizationId, author, colleague, cookie, base, item: BoardItemSchema.parse(published.json()) };
}

const eventsOf = (itemId: string) =>
  h.query<{ payload: { validUntil: string } }>(
    sql`select payload from outbox_events where type = 'board.item_expiring' and payload->>'itemId' = ${itemId}
        order by id`,
  );

const emailsTo = (email: string) =>
  h.query<{ subject: string }>(sql`select subject from outbox_messages where to_email = ${email}`);

describe('the reminder before a board item expires', () => {
  it('emails the author once, 7 days before the last day, however often housekeeping runs', async () => {
    const { item, author, colleague } = await postedItem(10);
    const day = (n: number) => addDays(today, n);
    // Eight days before: too early.
    await runHousekeeping(h.db, policy, { today: day(2) });
    expect(await eventsOf(item.id)).toEqual([]);
    // Seven days before: one event, the date noted on the item.
    await runHousekeeping(h.db, policy, { today: day(3) });
    await runHousekeeping(h.db, policy, { today: day(3) });
    await runHousekeeping(h.db, policy, { today: day(4) });
    expect((await eventsOf(item.id)).map((e) => e.payload.validUntil)).toEqual([item.validUntil]);
    const [row] = await h.query<{ reminded_for: string }>(
      sql`select reminded_for::text from board_items where id = ${item.id}`,
    );
    expect(row?.reminded_for).toBe(item.validUntil);

    const email = await lastEmail(h, author.email);
    const [y, m, d] = (item.validUntil ?? '').split('-');
    expect(email.subject).toBe(
      `Обявлението „Споделена GPU и тестова лаборатория“ изтича на ${d}.${m}.${y} г.`,
    );
    expect(email.text).toContain('Лаборатория Омега');
    expect(email.text).toContain(`/my/organizations/${item.organization.id}/board`);
    // The author hears of it; the other representatives do not.
    expect(await emailsTo(colleague.email)).toEqual([]);
  });

  it('reminds again when the item is given a new date, and writes English to an English-speaking author', async () => {
    const { item, author, cookie, base } = await postedItem(5, 'en');
    await runHousekeeping(h.db, policy, { today });
    expect(await eventsOf(item.id)).toHaveLength(1);
    const edited = await app.inject({
      method: 'PUT',
      url: `${base}/${item.id}`,
      headers: { cookie },
      payload: {
        kind: 'offer',
        type: 'infrastructure',
        titleBg: 'Споделена GPU и тестова лаборатория',
        titleEn: 'Shared GPU and test lab',
        descriptionBg: 'Осем GPU сървъра.',
        descriptionEn: 'Eight GPU servers.',
        areaIds: ['ict-software'],
        validUntil: addDays(today, 20),
        version: item.version,
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await runHousekeeping(h.db, policy, { today: addDays(today, 13) });
    expect((await eventsOf(item.id)).map((e) => e.payload.validUntil)).toEqual([
      addDays(today, 5),
      addDays(today, 20),
    ]);
    const email = await lastEmail(h, author.email);
    expect(email.subject).toMatch(/^The item "Shared GPU and test lab" expires on \d{1,2} \w+ \d{4}$/);
  });

  it("writes to the organisation's representatives when the author no longer represents it", async () => {
    const { item, author, colleague } = await postedItem(7);
    await h.query(sql`delete from user_organizations where user_id = ${author.id}`);
    await runHousekeeping(h.db, policy, { today });
    await dispatchEvents(h.db);
    expect(await emailsTo(author.email)).toEqual([]);
    expect((await lastEmail(h, colleague.email)).subject).toContain('изтича на');
    expect(await eventsOf(item.id)).toHaveLength(1);
  });

  it('does not remind of an item that left the board: closed, or of a suspended member', async () => {
    const closed = await postedItem(6);
    const res = await app.inject({
      method: 'POST',
      url: `${closed.base}/${closed.item.id}/close`,
      headers: { cookie: closed.cookie },
      payload: { version: closed.item.version, outcome: 'no_longer_needed' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const suspended = await postedItem(6);
    await h.query(
      sql`update memberships set status = 'suspended' where organization_id = ${suspended.organizationId}`,
    );
    await runHousekeeping(h.db, policy, { today });
    expect(await eventsOf(closed.item.id)).toEqual([]);
    expect(await eventsOf(suspended.item.id)).toEqual([]);
  });
});
