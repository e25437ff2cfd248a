/**
 * Demo events (issue 15 §4, decision 042): the open day with partner matchmaking (demo news 6) two weeks
 * ahead, public registration for four, four registered and one on the waiting list — among them the demo
 * representative with their account; and the working meeting on governance (demo news 5) with its date
 * and place, members only. Written in our own words.
 *
 * Idempotent: fixed ids and `on conflict do nothing`; the dates are counted from the first run. The
 * registrations' cancellation tokens are not known to anyone (only a hash of a fixed text is stored).
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { eventRegistrations, newsEvents } from '../schema/index.ts';
import { demoNewsId } from './demo-news.ts';

export const demoRegistrationId = (n: number) => `00000000-0e06-4000-8000-${String(n).padStart(12, '0')}`;

const REPRESENTATIVE = 'predstavitel@demo.klaster.bg';

export const OPEN_DAY_CAPACITY = 4;

export const DEMO_REGISTRATIONS: readonly {
  n: number;
  name: string;
  email: string;
  organizationName: string;
  status: 'confirmed' | 'waiting';
  language: 'bg' | 'en';
}[] = [
  {
    n: 1,
    name: 'Елена Димитрова',
    email: REPRESENTATIVE,
    organizationName: 'Дигитална София',
    status: 'confirmed',
    language: 'bg',
  },
  {
    n: 2,
    name: 'Ралица Маринова',
    email: 'ralitsa.marinova@example.bg',
    organizationName: 'Студио Светлина',
    status: 'confirmed',
    language: 'bg',
  },
  {
    n: 3,
    name: 'Georgi Dimitrov',
    email: 'g.dimitrov@example.com',
    organizationName: 'Data Bridge Ltd',
    status: 'confirmed',
    language: 'en',
  },
  {
    n: 4,
    name: 'Надя Колева',
    email: 'nadya.koleva@example.bg',
    organizationName: '',
    status: 'confirmed',
    language: 'bg',
  },
  {
    n: 5,
    name: 'Христо Ангелов',
    email: 'hristo.angelov@example.bg',
    organizationName: 'Музей на играчките',
    status: 'waiting',
    language: 'bg',
  },
];

/** At `days` from today, at `hour` o'clock in Sofia. */
const sofiaAt = (days: number, hour: number) =>
  sql`(date_trunc('day', now() at time zone 'Europe/Sofia') + make_interval(days => ${days}, hours => ${hour}))
    at time zone 'Europe/Sofia'`;

export async function seedDemoEvents(tx: Db, userIdOf: (email: string) => string): Promise<void> {
  const openDay = demoNewsId(6);
  await tx
    .insert(newsEvents)
    .values([
      {
        postId: openDay,
        startsAt: sofiaAt(14, 10),
        endsAt: sofiaAt(14, 16),
        place: 'Зала „Знание“, бул. „Цариградско шосе“ 125, София',
        registrationEnabled: true,
        registrationOpenTo: 'public',
        capacity: OPEN_DAY_CAPACITY,
        registrationClosesAt: sofiaAt(13, 18),
      },
      {
        postId: demoNewsId(5),
        startsAt: sofiaAt(21, 14),
        endsAt: sofiaAt(21, 17),
        place: 'Заседателна зала на клъстера, София',
        onlineUrl: 'https://meet.example.bg/klaster-upravlenie',
        registrationEnabled: true,
        registrationOpenTo: 'members',
        capacity: null,
      },
    ])
    .onConflictDoNothing();
  for (const r of DEMO_REGISTRATIONS) {
    await tx
      .insert(eventRegistrations)
      .values({
        id: demoRegistrationId(r.n),
        postId: openDay,
        userId: r.email === REPRESENTATIVE ? userIdOf(REPRESENTATIVE) : null,
        name: r.name,
        email: r.email,
        organizationName: r.organizationName,
        language: r.language,
        status: r.status,
        cancelTokenHash: createHash('sha256').update(`demo-event-registration-${r.n}`).digest('base64url'),
        createdAt: sql`now() - make_interval(days => ${10 - r.n})`,
        confirmedAt: r.status === 'confirmed' ? sql`now() - make_interval(days => ${10 - r.n})` : null,
      })
      .onConflictDoNothing();
  }
}
