import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { createTestDb } from '../testing.ts';
import { demoMeetingId } from './demo-meetings.ts';
import { seedDemo } from './index.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
  await seedDemo(h.db); // idempotent
});
afterAll(async () => {
  await h?.close();
});

describe('demo meetings (issue 15 §2)', () => {
  it('has the committee’s first meeting held with its five-item agenda and its officers as participants', async () => {
    const [m] = await h.query<{ status: string }>(
      sql`select status from meetings where id = ${demoMeetingId(1)}`,
    );
    expect(m?.status).toBe('held');
    const items = await h.query<{ title_en: string }>(
      sql`select title_en from meeting_agenda_items where meeting_id = ${demoMeetingId(1)} order by position`,
    );
    expect(items).toHaveLength(5);
    expect(items[1]?.title_en).toContain('Smart Specialisation');
    const seats = await h.query<{ n: number }>(
      sql`select count(*)::int as n from meeting_participants where meeting_id = ${demoMeetingId(1)}`,
    );
    expect(seats[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('has an upcoming general assembly with invitations sent to the member organisations and some answers', async () => {
    const [m] = await h.query<{ status: string; upcoming: boolean }>(
      sql`select status, starts_at > now() as upcoming from meetings where id = ${demoMeetingId(2)}`,
    );
    expect(m).toEqual({ status: 'invited', upcoming: true });
    const seats = await h.query<{ rsvp: string | null; org: string | null }>(
      sql`select rsvp, organization_id as org from meeting_participants where meeting_id = ${demoMeetingId(2)}`,
    );
    expect(seats.length).toBeGreaterThan(1);
    expect(seats.every((s) => s.org !== null)).toBe(true);
    expect(seats.filter((s) => s.rsvp !== null).length).toBe(2);
  });
});
