/**
 * Demo strategy (issue 16 §1, decision 047): Sofia's Smart Specialisation Strategy as the cluster's
 * roadmap — the horizontal goal (a stronger innovation ecosystem) and the two vertical ones (Informatics
 * and ICT; new technologies in creative and recreative industries), with objectives owned by the
 * initiative committee or a named working group, and a mix of computed and entered indicators.
 *
 * Idempotent: fixed ids, inserted with `on conflict do nothing`, never rewritten.
 */
import type { Db } from '../client.ts';
import {
  strategyGoals,
  strategyIndicators,
  strategyIndicatorValues,
  strategyObjectives,
} from '../schema/index.ts';
import { demoBodyId } from './demo-bodies.ts';

/** Fixed ids: `…-5a00-…` goals, `…-5b00-…` objectives, `…-5c00-…` indicators, `…-5d00-…` values. */
export const demoGoalId = (n: number) => `00000000-de00-5a00-8000-${String(n).padStart(12, '0')}`;
export const demoObjectiveId = (n: number) => `00000000-de00-5b00-8000-${String(n).padStart(12, '0')}`;
export const demoIndicatorId = (n: number) => `00000000-de00-5c00-8000-${String(n).padStart(12, '0')}`;
const valueId = (n: number) => `00000000-de00-5d00-8000-${String(n).padStart(12, '0')}`;

const PERIOD = { periodStart: '2026-01-01', periodEnd: '2027-12-31' };

export const DEMO_GOALS = [
  {
    id: demoGoalId(1),
    kind: 'horizontal' as const,
    areaId: null,
    titleBg: 'Укрепване на иновационната екосистема',
    titleEn: 'Strengthening the innovation ecosystem',
    descriptionBg:
      'Хоризонталната цел на стратегията: повече и по-активни членове, които споделят инфраструктура, информация и хора и работят заедно, независимо от областта си.',
    descriptionEn:
      "The strategy's horizontal aim: more and more active members who share infrastructure, information and people and work together, whatever their field.",
    position: 1,
  },
  {
    id: demoGoalId(2),
    kind: 'vertical' as const,
    areaId: 'ict',
    titleBg: 'Информатика и ИКТ',
    titleEn: 'Informatics and ICT',
    descriptionBg:
      'Първият вертикален приоритет: софтуер, изкуствен интелект и данни, киберсигурност — съвместни разработки на фирми, университети и институти.',
    descriptionEn:
      'The first vertical priority: software, artificial intelligence and data, cybersecurity — joint development by firms, universities and institutes.',
    position: 2,
  },
  {
    id: demoGoalId(3),
    kind: 'vertical' as const,
    areaId: 'creative',
    titleBg: 'Нови технологии в креативните и рекреативните индустрии',
    titleEn: 'New technologies in creative and recreative industries',
    descriptionBg:
      'Вторият вертикален приоритет: дигитално съдържание, игри, културен туризъм и събития с нови технологии.',
    descriptionEn:
      'The second vertical priority: digital content, games, cultural tourism and events with new technologies.',
    position: 3,
  },
];

export const DEMO_OBJECTIVES = [
  {
    id: demoObjectiveId(1),
    goalId: demoGoalId(1),
    titleBg: 'Клъстер с ангажирани членове от всички видове участници',
    titleEn: 'A cluster of committed members of every kind of actor',
    ownerBodyId: demoBodyId(1),
    ownerName: null,
    status: 'on_track' as const,
    position: 1,
  },
  {
    id: demoObjectiveId(2),
    goalId: demoGoalId(1),
    titleBg: 'Сътрудничество и споделени ресурси между членовете',
    titleEn: 'Cooperation and shared resources among members',
    ownerBodyId: null,
    ownerName: 'Работна група „Сътрудничество“',
    status: 'on_track' as const,
    position: 2,
  },
  {
    id: demoObjectiveId(3),
    goalId: demoGoalId(1),
    titleBg: 'Добро управление и устойчиво финансиране',
    titleEn: 'Good governance and sustainable financing',
    ownerBodyId: demoBodyId(1),
    ownerName: null,
    status: 'not_started' as const,
    position: 3,
  },
  {
    id: demoObjectiveId(4),
    goalId: demoGoalId(2),
    titleBg: 'Силна общност в информатиката и ИКТ',
    titleEn: 'A strong community in informatics and ICT',
    ownerBodyId: null,
    ownerName: 'Работна група „ИКТ“',
    status: 'on_track' as const,
    position: 1,
  },
  {
    id: demoObjectiveId(5),
    goalId: demoGoalId(3),
    titleBg: 'Нови технологии в креативните индустрии и събитията',
    titleEn: 'New technologies in the creative industries and events',
    ownerBodyId: null,
    ownerName: 'Работна група „Креативни индустрии“',
    status: 'at_risk' as const,
    position: 1,
  },
];

type DemoIndicator = typeof strategyIndicators.$inferInsert;
const computed = (
  n: number,
  objective: number,
  key: string,
  unit: DemoIndicator['unit'],
  names: [string, string],
  baseline: number,
  target: number,
  param: string | null = null,
): DemoIndicator => ({
  id: demoIndicatorId(n),
  objectiveId: demoObjectiveId(objective),
  nameBg: names[0],
  nameEn: names[1],
  unit,
  baseline,
  target,
  ...PERIOD,
  source: 'computed',
  computedKey: key,
  computedParam: param,
  position: n,
});
const entered = (
  n: number,
  objective: number,
  names: [string, string],
  baseline: number,
  target: number,
): DemoIndicator => ({
  id: demoIndicatorId(n),
  objectiveId: demoObjectiveId(objective),
  nameBg: names[0],
  nameEn: names[1],
  unit: 'count',
  baseline,
  target,
  ...PERIOD,
  source: 'entered',
  position: n,
});

export const DEMO_INDICATORS: DemoIndicator[] = [
  computed(1, 1, 'members.active_total', 'count', ['Активни членове', 'Active members'], 0, 30),
  computed(2, 1, 'members.sme_share', 'percent', ['Дял на МСП сред членовете', 'Share of SMEs among members'], 50, 70),
  computed(3, 2, 'partnerships.agreed', 'count', ['Договорени партньорства', 'Partnerships agreed'], 0, 10),
  computed(4, 2, 'resources.shared', 'count', ['Споделени ресурси', 'Shared resources'], 0, 8),
  computed(5, 3, 'meetings.held', 'count', ['Проведени заседания', 'Meetings held'], 0, 8),
  computed(6, 3, 'fees.collection_rate', 'percent', ['Събираемост на членския внос', 'Fee collection rate'], 0, 90),
  computed(7, 4, 'members.active_in_area', 'count', ['Членове в ИКТ', 'Members in ICT'], 0, 15, 'ict'),
  entered(8, 4, ['Подадени съвместни проектни предложения в ИКТ', 'Joint ICT project proposals submitted'], 0, 3),
  computed(9, 5, 'members.active_in_area', 'count', ['Членове в креативните индустрии', 'Members in the creative industries'], 0, 8, 'creative'),
  entered(10, 5, ['Съорганизирани събития с нови технологии', 'Events with new technologies co-organised'], 0, 4),
];

export const DEMO_INDICATOR_VALUES = [
  {
    id: valueId(1),
    indicatorId: demoIndicatorId(8),
    value: 1,
    source: 'Регистър на проектните предложения на клъстера',
    measuredOn: '2026-06-30',
  },
  {
    id: valueId(2),
    indicatorId: demoIndicatorId(10),
    value: 1,
    source: 'Отчет на работната група „Креативни индустрии“, първо тримесечие',
    measuredOn: '2026-03-31',
  },
  {
    id: valueId(3),
    indicatorId: demoIndicatorId(10),
    value: 2,
    source: 'Отчет на работната група „Креативни индустрии“, трето тримесечие',
    measuredOn: '2026-09-30',
  },
];

export async function seedDemoStrategy(tx: Db): Promise<void> {
  await tx.insert(strategyGoals).values(DEMO_GOALS).onConflictDoNothing();
  await tx.insert(strategyObjectives).values(DEMO_OBJECTIVES).onConflictDoNothing();
  await tx.insert(strategyIndicators).values(DEMO_INDICATORS).onConflictDoNothing();
  await tx.insert(strategyIndicatorValues).values(DEMO_INDICATOR_VALUES).onConflictDoNothing();
}
