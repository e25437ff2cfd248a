/**
 * The record of the committee's first official meeting (issue 15 §2–§3): everyone present, four numbered
 * decisions in the register (subject "meeting": the Smart Specialisation Strategy as the roadmap, the
 * municipality's accession, institutional building to international standards, preparing for the ОПИК
 * call) and the approved, public minutes. Our own words.
 *
 * Idempotent: fixed ids with `on conflict do nothing`; decision numbers are taken from the year's
 * counter only for decisions not yet in the register.
 */
import { formatDecisionNumber } from '@portal/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  bodyPositions,
  decisionCounters,
  decisions,
  meetingItemVotes,
  meetingMinutes,
  meetingParticipants,
  meetings,
} from '../schema/index.ts';
import { demoBodyId } from './demo-bodies.ts';
import { demoAgendaItemId, demoMeetingId } from './demo-meetings.ts';

const decisionId = (n: number) => `00000000-de00-4c00-8000-${String(n).padStart(12, '0')}`;
const minutesId = `00000000-de00-4d00-8000-000000000001`;

/** Items 2–5 of the first meeting's agenda and what the committee decided on each. */
const MOTIONS: [item: number, bg: string, en: string][] = [
  [
    2,
    'Комитетът приема Стратегията за интелигентна специализация на София за пътна карта на клъстера: информатика и ИКТ, нови технологии в креативните и рекреативните индустрии и по-силна иновационна екосистема.',
    "The committee adopts Sofia's Smart Specialisation Strategy as the cluster's roadmap: informatics and ICT, new technologies in the creative and recreative industries, and a stronger innovation ecosystem.",
  ],
  [
    3,
    'Председателят отправя покана до Столична община да се присъедини към клъстера и предлага обща работна среща.',
    'The chair invites the Sofia Municipality to join the cluster and proposes a joint working meeting.',
  ],
  [
    4,
    'Комитетът започва институционалното изграждане на клъстера по международните стандарти за управление, прозрачност и отчетност.',
    "The committee starts building the cluster's institutions to international standards of governance, transparency and accountability.",
  ],
  [
    5,
    'Създава се работен екип, който до края на месеца да предложи график и първи идеи за проекти по поканата по ОПИК.',
    'A working team is set up to propose, by the end of the month, a timetable and first project ideas for the ОПИК call.',
  ],
];

const DAY = '2026-02-05';
const CLOSED_AT = new Date('2026-02-05T10:20:00Z');

export async function seedDemoMeetingRecord(tx: Db): Promise<void> {
  const meetingId = demoMeetingId(1);
  const [meeting] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) return;
  await tx
    .update(meetingParticipants)
    .set({ attendance: 'present' })
    .where(and(eq(meetingParticipants.meetingId, meetingId), isNull(meetingParticipants.attendance)));
  const [{ seats }] = (await tx
    .select({ seats: sql<number>`count(*)::int` })
    .from(meetingParticipants)
    .where(eq(meetingParticipants.meetingId, meetingId))) as [{ seats: number }];
  const [chair] = await tx
    .select({ userId: bodyPositions.userId })
    .from(bodyPositions)
    .where(and(eq(bodyPositions.bodyId, demoBodyId(1)), eq(bodyPositions.position, 'chair')));

  const numbers: string[] = [];
  for (const [n, [item, motionBg, motionEn]] of MOTIONS.entries()) {
    const agendaItemId = demoAgendaItemId(item);
    await tx
      .insert(meetingItemVotes)
      .values({
        agendaItemId,
        meetingId,
        mode: 'tally',
        motionBg,
        motionEn,
        votesFor: seats,
        votesAgainst: 0,
        abstentions: 0,
        eligible: seats,
        outcome: 'approved',
        openedAt: CLOSED_AT,
        closedAt: CLOSED_AT,
        recordedBy: chair?.userId ?? null,
      })
      .onConflictDoNothing();
    const [existing] = await tx
      .select({ number: decisions.number })
      .from(decisions)
      .where(eq(decisions.agendaItemId, agendaItemId));
    if (existing) {
      numbers.push(existing.number);
      continue;
    }
    const [counter] = await tx
      .insert(decisionCounters)
      .values({ year: 2026, last: 1 })
      .onConflictDoUpdate({ target: decisionCounters.year, set: { last: sql`${decisionCounters.last} + 1` } })
      .returning({ last: decisionCounters.last });
    const sequence = counter!.last;
    const number = formatDecisionNumber(2026, sequence);
    numbers.push(number);
    await tx.insert(decisions).values({
      id: decisionId(n + 1),
      year: 2026,
      sequence,
      number,
      decidedOn: DAY,
      body: 'committee',
      subject: 'meeting',
      outcome: 'approved',
      meetingId,
      agendaItemId,
      organizationNameBg: 'Инициативен комитет',
      organizationNameEn: 'Initiative committee',
      textBg: motionBg,
      textEn: motionEn,
      tally: { eligible: seats, recused: 0, for: seats, against: 0, abstain: 0 },
      createdAt: CLOSED_AT,
    });
  }

  const tallyBg = `„за“ ${seats}, „против“ 0, „въздържал се“ 0. Прието.`;
  const tallyEn = `for ${seats}, against 0, abstaining 0. Carried.`;
  const textBg = [
    '# Протокол от първото официално заседание на Инициативния комитет',
    '',
    '- Дата и час: 5 февруари 2026 г., 10:00 – 12:30',
    '- Място: София Тех Парк, зала „Лазер“',
    `- Присъстват всички ${seats} членове на комитета — има кворум.`,
    '',
    '## 1. Визия и цели на клъстера',
    '',
    'Членовете обсъдиха какво искат да постигнат заедно: споделена инфраструктура, обмен на информация и хора, общи проекти — и как ще мерят напредъка. Без гласуване.',
    ...MOTIONS.flatMap(([item, motionBg], i) => [
      '',
      `## ${item}. ${['Стратегия за интелигентна специализация', 'Присъединяване на Столична община', 'Институционално изграждане', 'Подготовка за поканата по ОПИК'][i]}`,
      '',
      `**Решение № ${numbers[i]}:** ${motionBg}`,
      '',
      tallyBg,
    ]),
  ].join('\n');
  const textEn = [
    '# Minutes of the first official meeting of the initiative committee',
    '',
    '- Date and time: 5 February 2026, 10:00 – 12:30',
    '- Place: Sofia Tech Park, "Laser" hall',
    `- All ${seats} members of the committee present — the quorum is met.`,
    '',
    "## 1. The cluster's vision and goals",
    '',
    'The members discussed what they want to achieve together: shared infrastructure, exchanging information and people, joint projects — and how they will measure progress. No vote.',
    ...MOTIONS.flatMap(([item, , motionEn], i) => [
      '',
      `## ${item}. ${['Smart Specialisation Strategy', "The municipality's accession", 'Institutional building', 'Preparing for the ОПИК call'][i]}`,
      '',
      `**Decision No. ${numbers[i]}:** ${motionEn}`,
      '',
      tallyEn,
    ]),
  ].join('\n');
  await tx
    .insert(meetingMinutes)
    .values({
      id: minutesId,
      meetingId,
      revision: 1,
      status: 'approved',
      textBg,
      textEn,
      draftedBy: chair?.userId ?? null,
      approvedBy: chair?.userId ?? null,
      approvedAt: new Date('2026-02-12T09:00:00Z'),
    })
    .onConflictDoNothing();
  await tx
    .update(meetings)
    .set({ status: 'minutes_approved' })
    .where(and(eq(meetings.id, meetingId), eq(meetings.status, 'held')));
}
