/**
 * Demo funding calls (issue 16 §3, decision 049): the upcoming cluster-development call of the programme
 * „Конкурентоспособност и иновации в предприятията“ 2021–2027 (ПКИП) with its required documents and two
 * interested members (Балкан Софтуер Системс and Облачен мост — the demo representative's Дигитална София is
 * left for them to mark), plus one open and one closed call. Written in our own words; the code and dates
 * are illustrative.
 *
 * Idempotent: fixed ids and `on conflict do nothing`; the open and closed calls' dates are counted from the
 * first run, so they stay open and closed for a while.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { fundingCallDocuments, fundingCallInterests, fundingCalls } from '../schema/index.ts';
import { DEMO_ORGANIZATIONS } from './demo-data.ts';

export const demoCallId = (n: number) => `00000000-0ca1-4000-8000-${String(n).padStart(12, '0')}`;
const documentId = (call: number, n: number) =>
  `00000000-0ca2-4000-8000-${String(call * 100 + n).padStart(12, '0')}`;

/** The demo members interested in the ПКИП cluster call. */
export const DEMO_CALL_INTERESTED = ['Балкан Софтуер Системс', 'Облачен мост'] as const;

const eikOf = (nameBg: string) => {
  const org = DEMO_ORGANIZATIONS.find((o) => o.nameBg === nameBg);
  if (!org) throw new Error(`no demo organisation ${nameBg}`);
  return org.eik;
};

const PKIP = 'Програма „Конкурентоспособност и иновации в предприятията“ 2021–2027';

export async function seedDemoCalls(tx: Db, idOf: (eik: string) => string): Promise<void> {
  const daysFromNow = (n: number) => sql`date_trunc('hour', now()) + make_interval(days => ${n})`;
  await tx
    .insert(fundingCalls)
    .values([
      {
        id: demoCallId(1),
        programme: PKIP,
        code: 'BG16RFPR001-2.002',
        titleBg: 'Развитие на клъстерите в България',
        titleEn: 'Development of clusters in Bulgaria',
        summaryBg:
          'Подкрепа за развитие на капацитета на клъстерите и за съвместни проекти на членовете им: общи услуги, иновации, излизане на нови пазари. Кандидатства клъстерът с партньори от своите членове.',
        summaryEn:
          "Support for building the capacity of clusters and for their members' joint projects: shared services, innovation, entering new markets. The cluster applies with partners among its members.",
        // 1 March 2027, 10:00 and 30 June 2027, 17:30 Sofia time (EET/EEST).
        opensAt: new Date('2027-03-01T08:00:00Z'),
        deadlineAt: new Date('2027-06-30T14:30:00Z'),
        budgetCents: 30_000_000_00,
        eligibleKinds: ['company', 'sole_trader', 'university', 'research_institute', 'ngo'],
        url: 'https://eumis2020.government.bg/',
      },
      {
        id: demoCallId(2),
        programme:
          'Програма „Научни изследвания, иновации и дигитализация за интелигентна трансформация“ 2021–2027',
        code: 'BG16RFPR002-1.014',
        titleBg: 'Дигитална трансформация на малки и средни предприятия',
        titleEn: 'Digital transformation of small and medium-sized enterprises',
        summaryBg: 'Внедряване на цифрови решения в предприятията с подкрепата на научни организации.',
        summaryEn: 'Bringing digital solutions into enterprises with the support of research organisations.',
        opensAt: daysFromNow(-20),
        deadlineAt: daysFromNow(45),
        budgetCents: 12_500_000_00,
        eligibleKinds: ['company', 'research_institute', 'university'],
        url: 'https://eumis2020.government.bg/',
      },
      {
        id: demoCallId(3),
        programme: 'Програма „Развитие на човешките ресурси“ 2021–2027',
        code: 'BG05SFPR002-1.005',
        titleBg: 'Умения за цифровата икономика',
        titleEn: 'Skills for the digital economy',
        summaryBg: 'Обучения на заети лица в цифрови умения.',
        summaryEn: 'Training employees in digital skills.',
        opensAt: daysFromNow(-120),
        deadlineAt: daysFromNow(-30),
        budgetCents: null,
        eligibleKinds: [],
        url: null,
      },
    ])
    .onConflictDoNothing();
  const documents: [number, number, string, string, boolean][] = [
    [1, 1, 'Формуляр за кандидатстване (в ИСУН)', 'Application form (in the UMIS system)', false],
    [1, 2, 'Споразумение за партньорство', 'Partnership agreement', false],
    [1, 3, 'Декларация за държавни помощи и минимални помощи', 'State aid and de minimis declaration', true],
    [1, 4, 'Декларация за обстоятелствата по допустимост', 'Declaration of eligibility', true],
    [
      1,
      5,
      'Годишни финансови отчети за последните три години',
      'Annual financial statements for the last three years',
      true,
    ],
    [1, 6, 'Стратегия за развитие на клъстера', 'Development strategy of the cluster', false],
    [2, 1, 'Формуляр за кандидатстване', 'Application form', false],
    [2, 2, 'Декларация за МСП', 'SME declaration', true],
  ];
  await tx
    .insert(fundingCallDocuments)
    .values(
      documents.map(([call, n, nameBg, nameEn, perPartner]) => ({
        id: documentId(call, n),
        callId: demoCallId(call),
        nameBg,
        nameEn,
        perPartner,
        position: n - 1,
      })),
    )
    .onConflictDoNothing();
  await tx
    .insert(fundingCallInterests)
    .values(
      DEMO_CALL_INTERESTED.map((name) => ({ callId: demoCallId(1), organizationId: idOf(eikOf(name)) })),
    )
    .onConflictDoNothing();
}
