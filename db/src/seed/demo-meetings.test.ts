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
    // Held, and its minutes approved since (demo-meeting-record.ts).
    expect(m?.status).toBe('minutes_approved');
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
    // Its agenda has a strategy item on the roadmap's ICT area.
    const agenda = await h.query<{ kind: string; area_id: string | null }>(
      sql`select kind, area_id from meeting_agenda_items where meeting_id = ${demoMeetingId(2)} order by position`,
    );
    expect(agenda).toEqual([
      { kind: 'text', area_id: null },
      { kind: 'strategy', area_id: 'ict' },
      { kind: 'text', area_id: null },
    ]);
  });

  it('has the first meeting’s record: attendance, four numbered decisions in the register, approved minutes', async () => {
    const absent = await h.query<{ n: number }>(
      sql`select count(*)::int as n from meeting_participants
          where meeting_id = ${demoMeetingId(1)} and attendance is distinct from 'present'`,
    );
    expect(absent[0]!.n).toBe(0);
    const register = await h.query<{ number: string; subject: string; text_en: string }>(
      sql`select d.number, d.subject, d.text_en from decisions d
          join meeting_agenda_items i on i.id = d.agenda_item_id
          where d.meeting_id = ${demoMeetingId(1)} order by i.position`,
    );
    expect(register.map((d) => d.subject)).toEqual(['meeting', 'meeting', 'meeting', 'meeting']);
    expect(register.map((d) => d.text_en).join(' ')).toMatch(
      /Smart Specialisation.*Municipality.*international.*ОПИК/s,
    );
    expect(new Set(register.map((d) => d.number)).size).toBe(4);
    const minutes = await h.query<{ status: string; text_bg: string }>(
      sql`select status, text_bg from meeting_minutes where meeting_id = ${demoMeetingId(1)}`,
    );
    expect(minutes).toHaveLength(1);
    expect(minutes[0]?.status).toBe('approved');
    for (const d of register) expect(minutes[0]?.text_bg).toContain(`Решение № ${d.number}`);
  });
});
