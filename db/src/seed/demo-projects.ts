/**
 * A demo joint project (issue 16 §4, decision 050): a consortium forming for the ОПИК cluster call, led by
 * the demo representative's Дигитална София with two members and a foreign research partner, a budget split
 * to the cent, the call's checklist with one document uploaded, tasks, and a member's request to join
 * waiting for the lead's answer.
 *
 * The call is the funding calls' demo ПКИП call (`demo-calls.ts`, seeded first), found by its code.
 * Idempotent: fixed ids and `on conflict do nothing`; a second run adds and changes nothing.
 */
import { eik9CheckDigit } from '@portal/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  fundingCallDocuments,
  fundingCalls,
  projectDocuments,
  projectJoins,
  projectPartners,
  projects,
  projectTasks,
} from '../schema/index.ts';
import { demoPdf } from './demo-applications.ts';

const eik = (first8: string) => `${first8}${eik9CheckDigit(first8)}`;
/** Fixed ids: `…-4f00-…` (the other demos use 41..4d). */
const id = (n: number) => `00000000-de00-4f00-8000-${String(n).padStart(12, '0')}`;

/** The ОПИК cluster call's code (written by `demo-calls.ts`), by which the consortium finds it. */
export const DEMO_CALL_CODE = 'BG16RFPR001-2.002';
export const DEMO_PROJECT_ID = id(21);

const LEAD = eik('20345678'); // Дигитална София
const MEMBER_1 = eik('13127540'); // Балкан Софтуер Системс
const MEMBER_2 = eik('20502916'); // Данни и смисъл
const ASKER = eik('20411873'); // Облачен мост

/** The budget: €480,000.00 in all, split to the cent. */
export const DEMO_BUDGET = {
  totalCents: 48_000_000,
  shares: { lead: 21_600_000, member1: 12_000_000, member2: 9_600_000, external: 4_800_000 },
};

export async function seedDemoProjects(tx: Db, idOf: (eik: string) => string): Promise<void> {
  const [existing] = await tx
    .select({ id: fundingCalls.id })
    .from(fundingCalls)
    .where(eq(fundingCalls.code, DEMO_CALL_CODE));
  // The calls' demo (seeded first) writes the call; the consortium forms for it.
  if (!existing) throw new Error(`the demo call ${DEMO_CALL_CODE} is missing: seed the calls first`);
  const callId = existing.id;
  const documents = await tx
    .select({ id: fundingCallDocuments.id, perPartner: fundingCallDocuments.perPartner })
    .from(fundingCallDocuments)
    .where(eq(fundingCallDocuments.callId, callId))
    .orderBy(fundingCallDocuments.position);

  const [written] = await tx
    .insert(projects)
    .values({
      id: DEMO_PROJECT_ID,
      titleBg: 'Отворена платформа за цифрови двойници на градската инфраструктура',
      titleEn: 'An open platform for digital twins of urban infrastructure',
      summaryBg:
        'Четирима партньори изграждат отворена платформа, която свързва данни от сензори, ГИС и сградни модели в цифрови двойници за общините и операторите на мрежи.',
      summaryEn:
        'Four partners build an open platform that joins sensor data, GIS and building models into digital twins for municipalities and network operators.',
      callId,
      leadOrganizationId: idOf(LEAD),
      status: 'forming',
      totalCents: DEMO_BUDGET.totalCents,
    })
    .onConflictDoNothing()
    .returning({ id: projects.id });
  if (!written) return; // Seeded before: leave it as people have changed it since.

  const s = DEMO_BUDGET.shares;
  await tx.insert(projectPartners).values([
    {
      id: id(31),
      projectId: DEMO_PROJECT_ID,
      organizationId: idOf(LEAD),
      role: 'Водещ партньор, управление и платформа',
      shareCents: s.lead,
      position: 0,
    },
    {
      id: id(32),
      projectId: DEMO_PROJECT_ID,
      organizationId: idOf(MEMBER_1),
      role: 'Интеграция на данни от сензори',
      shareCents: s.member1,
      position: 1,
    },
    {
      id: id(33),
      projectId: DEMO_PROJECT_ID,
      organizationId: idOf(MEMBER_2),
      role: 'Анализ на данни и визуализация',
      shareCents: s.member2,
      position: 2,
    },
    {
      id: id(34),
      projectId: DEMO_PROJECT_ID,
      externalName: 'Instituto Tecnológico de Ejemplo',
      externalNameEn: 'Example Institute of Technology',
      externalCountry: 'ES',
      externalKind: 'research_institute',
      role: 'Methodology and validation',
      shareCents: s.external,
      position: 3,
    },
  ]);
  await tx.insert(projectTasks).values([
    {
      id: id(41),
      projectId: DEMO_PROJECT_ID,
      title: 'Попълване на формуляра за кандидатстване',
      ownerPartnerId: id(31),
      dueOn: '2027-05-15',
    },
    {
      id: id(42),
      projectId: DEMO_PROJECT_ID,
      title: 'Декларации за МСП от всички партньори',
      ownerPartnerId: id(32),
      dueOn: '2027-05-08',
    },
    {
      id: id(43),
      projectId: DEMO_PROJECT_ID,
      title: 'Първа среща на консорциума',
      ownerPartnerId: id(31),
      dueOn: '2027-03-03',
      done: true,
    },
  ]);
  const form = documents.find((d) => !d.perPartner);
  if (form) {
    const content = demoPdf(['Application form (draft)', 'Digital twins of urban infrastructure']);
    await tx
      .insert(projectDocuments)
      .values({
        id: id(51),
        projectId: DEMO_PROJECT_ID,
        callDocumentId: form.id,
        filename: 'formulyar-chernova.pdf',
        size: content.length,
        sha256: 'demo',
        content,
      })
      .onConflictDoNothing();
  }
  await tx
    .insert(projectJoins)
    .values({
      id: id(61),
      projectId: DEMO_PROJECT_ID,
      organizationId: idOf(ASKER),
      kind: 'request',
      message: 'Можем да поемем облачната инфраструктура на платформата.',
    })
    .onConflictDoNothing();
}
