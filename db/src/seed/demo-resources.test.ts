import { bookingIssues, mondayOf, sofiaWallClock } from '@portal/shared';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { organizations, resourceBookings, sharedResources } from '../schema/index.ts';
import { createTestDb } from '../testing.ts';
import { DEMO_RESOURCES } from './demo-resources.ts';
import { seedDemo } from './index.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
});
afterAll(async () => {
  await h?.close();
});

const bookings = () =>
  h.db
    .select({
      id: resourceBookings.id,
      resourceId: resourceBookings.resourceId,
      startsAt: resourceBookings.startsAt,
      endsAt: resourceBookings.endsAt,
      status: resourceBookings.status,
      updatedAt: resourceBookings.updatedAt,
    })
    .from(resourceBookings)
    .orderBy(asc(resourceBookings.id));

describe('the demo shared resources', () => {
  it('shares a lab, a studio, a motion-capture stage, a meeting room and expert time, with their terms', async () => {
    const rows = await h.db
      .select({
        kind: sharedResources.kind,
        owner: organizations.nameBg,
        conditions: sharedResources.conditions,
      })
      .from(sharedResources)
      .innerJoin(organizations, eq(organizations.id, sharedResources.organizationId));
    expect(rows.map((r) => r.kind).sort()).toEqual([
      'expert_time',
      'lab',
      'meeting_space',
      'studio',
      'studio',
    ]);
    expect(rows.find((r) => r.kind === 'meeting_space')?.owner).toBe('Дигитална София');
    expect(new Set(rows.map((r) => r.conditions))).toEqual(new Set(['free', 'cost_sharing', 'fee']));
  });

  it('books this week and the next within each resource’s opening hours, and leaves one request to answer', async () => {
    const rows = await bookings();
    const monday = mondayOf(sofiaWallClock(new Date()).date);
    const weeks = new Set(rows.map((b) => mondayOf(sofiaWallClock(b.startsAt).date)));
    expect(weeks.has(monday)).toBe(true);
    expect(weeks.size).toBe(2);
    expect(rows.filter((b) => b.status === 'requested')).toHaveLength(1);
    expect(rows.filter((b) => b.status === 'confirmed').length).toBeGreaterThanOrEqual(8);
    const ids = await h.db
      .select({ id: sharedResources.id, n: sharedResources.nameEn })
      .from(sharedResources);
    for (const b of rows) {
      const name = ids.find((r) => r.id === b.resourceId)?.n;
      const rules = DEMO_RESOURCES.find((r) => r.nameEn === name)!;
      // The rules apart from notice and "in the past" (the booking may be earlier this week).
      const issues = bookingIssues(
        { startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() },
        { ...rules, minNoticeHours: 0 },
        new Date(0),
      );
      expect(issues, `${name} ${b.startsAt.toISOString()}`).toEqual([]);
    }
  });

  it('adds and changes nothing when run again', async () => {
    const before = await bookings();
    await seedDemo(h.db);
    expect(await bookings()).toEqual(before);
    expect(await h.db.select().from(sharedResources)).toHaveLength(DEMO_RESOURCES.length);
  });
});
