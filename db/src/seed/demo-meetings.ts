/**
 * Demo meetings (issue 15 §2, decision 041): the initiative committee's first official meeting, held, with
 * its agenda and participants (the conduct adds attendance and the decisions), and an upcoming general
 * assembly with the invitations sent and some answers. Our own words.
 *
 * Idempotent: fixed ids, inserted with `on conflict do nothing`, never rewritten.
 */
import { addDays, sofiaInstant, todayInSofia } from '@portal/shared';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  bodyPositions,
  meetingAgendaItems,
  meetingParticipants,
  meetings,
  memberships,
  organizations,
  users,
} from '../schema/index.ts';
import { demoBodyId } from './demo-bodies.ts';

/** Fixed ids: `…-4900-…` meetings, `…-4a00-…` agenda items, `…-4b00-…` participants. */
export const demoMeetingId = (n: number) => `00000000-de00-4900-8000-${String(n).padStart(12, '0')}`;
export const demoAgendaItemId = (n: number) => `00000000-de00-4a00-8000-${String(n).padStart(12, '0')}`;
const seatId = (n: number) => `00000000-de00-4b00-8000-${String(n).padStart(12, '0')}`;

const FIRST_AGENDA = [
  [
    'Визия и цели на клъстера',
    "The cluster's vision and goals",
    'Какво искаме да постигнем заедно през следващите години и как ще мерим напредъка.',
    'What we want to achieve together in the coming years and how we will measure progress.',
  ],
  [
    'Приемане на Стратегията за интелигентна специализация на София за пътна карта на клъстера',
    "Adopting Sofia's Smart Specialisation Strategy as the cluster's roadmap",
    'Приоритетните области на града стават рамка на нашите инициативи.',
    "The city's priority areas become the frame of our initiatives.",
  ],
  [
    'Покана към Столична община да се присъедини към клъстера',
    'Inviting the Sofia Municipality to join the cluster',
    'Писмо до кмета и обща работна среща с общинската администрация.',
    "A letter to the mayor and a joint working meeting with the municipality's administration.",
  ],
  [
    'Институционално изграждане по международните стандарти за клъстери',
    'Institutional building to international cluster standards',
    'Управление, прозрачност и отчетност, каквито очакват европейските платформи за клъстери.',
    'Governance, transparency and accountability as the European cluster platforms expect them.',
  ],
  [
    'Подготовка за поканата по ОПИК',
    'Preparing for the ОПИК call',
    'Екип, график и първи идеи за проектни предложения.',
    'A team, a timetable and first ideas for project proposals.',
  ],
] as const;

export async function seedDemoMeetings(tx: Db, today = todayInSofia()): Promise<void> {
  const start = new Date(sofiaInstant('2026-02-05', '10:00'));
  await tx
    .insert(meetings)
    .values({
      id: demoMeetingId(1),
      bodyId: demoBodyId(1),
      titleBg: 'Първо официално заседание на инициативния комитет',
      titleEn: 'First official meeting of the initiative committee',
      startsAt: start,
      endsAt: new Date(sofiaInstant('2026-02-05', '12:30')),
      place: 'София Тех Парк, зала „Лазер“',
      status: 'held',
      quorum: 'more_than_half',
      majority: 'simple',
      allowsProxy: false,
      minutesVisibility: 'public',
      invitedAt: new Date(sofiaInstant('2026-01-26', '09:00')),
      heldAt: start,
    })
    .onConflictDoNothing();
  await tx
    .insert(meetingAgendaItems)
    .values(
      FIRST_AGENDA.map(([titleBg, titleEn, notesBg, notesEn], i) => ({
        id: demoAgendaItemId(i + 1),
        meetingId: demoMeetingId(1),
        position: i + 1,
        titleBg,
        titleEn,
        notesBg,
        notesEn,
      })),
    )
    .onConflictDoNothing();
  // The committee's positions held on the day of the meeting.
  const held = await tx
    .select({ id: bodyPositions.id, userId: bodyPositions.userId, name: users.displayName })
    .from(bodyPositions)
    .innerJoin(users, eq(users.id, bodyPositions.userId))
    .where(eq(bodyPositions.bodyId, demoBodyId(1)));
  const positions = await tx
    .select()
    .from(bodyPositions)
    .where(
      inArray(
        bodyPositions.id,
        held.map((h) => h.id),
      ),
    );
  const onDay = held.filter((h) => {
    const p = positions.find((x) => x.id === h.id)!;
    return p.startsOn <= '2026-02-05' && (p.endsOn === null || '2026-02-05' < p.endsOn);
  });
  if (onDay.length > 0) {
    await tx
      .insert(meetingParticipants)
      .values(
        onDay.map((h, i) => ({
          id: seatId(i + 1),
          meetingId: demoMeetingId(1),
          positionId: h.id,
          userId: h.userId,
          name: h.name,
          invitedAt: new Date(sofiaInstant('2026-01-26', '09:00')),
          rsvp: 'yes' as const,
          rsvpAt: new Date(sofiaInstant('2026-01-27', '12:00')),
        })),
      )
      .onConflictDoNothing();
  }

  // The general assembly three weeks on, invitations sent, two answers in.
  const day = addDays(today, 21);
  await tx
    .insert(meetings)
    .values({
      id: demoMeetingId(2),
      bodyId: demoBodyId(2),
      titleBg: 'Учредително общо събрание',
      titleEn: 'Founding general assembly',
      startsAt: new Date(sofiaInstant(day, '14:00')),
      endsAt: new Date(sofiaInstant(day, '17:00')),
      place: 'София Тех Парк, Форум',
      onlineUrl: 'https://meet.example.bg/klaster-obshto-sabranie',
      status: 'invited',
      quorum: 'more_than_half',
      majority: 'simple',
      allowsProxy: true,
      invitedAt: new Date(),
    })
    .onConflictDoNothing();
  // Its agenda: the statute, the roadmap's priority area (a strategy item) and the first management board.
  await tx
    .insert(meetingAgendaItems)
    .values([
      {
        id: demoAgendaItemId(11),
        meetingId: demoMeetingId(2),
        position: 1,
        titleBg: 'Приемане на устава на клъстера',
        titleEn: "Adopting the cluster's statute",
      },
      {
        id: demoAgendaItemId(12),
        meetingId: demoMeetingId(2),
        position: 2,
        kind: 'strategy' as const,
        areaId: 'ict',
        titleBg: 'Пътна карта: информатика и ИКТ — първите съвместни проекти',
        titleEn: 'Roadmap: informatics and ICT — the first joint projects',
      },
      {
        id: demoAgendaItemId(13),
        meetingId: demoMeetingId(2),
        position: 3,
        titleBg: 'Избор на управителен съвет',
        titleEn: 'Electing the management board',
      },
    ])
    .onConflictDoNothing();
  const members = await tx
    .select({ id: organizations.id, name: organizations.nameBg })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.status, 'active'), ne(memberships.category, 'candidate')))
    .orderBy(organizations.nameBg);
  if (members.length > 0) {
    await tx
      .insert(meetingParticipants)
      .values(
        members.map((o, i) => ({
          id: seatId(100 + i),
          meetingId: demoMeetingId(2),
          organizationId: o.id,
          name: o.name,
          invitedAt: new Date(),
          ...(i === 0 ? { rsvp: 'yes' as const, rsvpAt: new Date() } : {}),
          ...(i === 1 ? { rsvp: 'no' as const, rsvpAt: new Date() } : {}),
        })),
      )
      .onConflictDoNothing();
  }
}
