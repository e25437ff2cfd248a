/**
 * Demo readiness checks (issue 16 §2, decision 051): three criteria sets written in our own words from
 * their public texts — a cluster profile after the European Cluster Collaboration Platform's validation
 * conditions, the eligibility of the national cluster-development call (the 2016 procedure „Развитие на
 * клъстери в България“; thresholds are demo values to verify against the call's guidelines), and the
 * indicator areas of a cluster-management excellence label (ESCA/EUCLES Bronze) as an evidence folder.
 * A mix of rules over the strategy's computed indicators and manual evidence items, marked so that the
 * demo shows green, amber and red.
 *
 * Idempotent: fixed ids, inserted with `on conflict do nothing`, never rewritten.
 */
import type { Db } from '../client.ts';
import { readinessCriteria, readinessEvidence, readinessSets } from '../schema/index.ts';

/** Fixed ids: `…-5e10-…` sets, `…-5e20-…` criteria, `…-5e30-…` evidence. */
export const demoReadinessSetId = (n: number) => `00000000-de00-5e10-8000-${String(n).padStart(12, '0')}`;
export const demoCriterionId = (n: number) => `00000000-de00-5e20-8000-${String(n).padStart(12, '0')}`;
const evidenceId = (n: number) => `00000000-de00-5e30-8000-${String(n).padStart(12, '0')}`;

export const DEMO_READINESS_SETS = [
  {
    id: demoReadinessSetId(1),
    slug: 'eccp-profile',
    titleBg: 'Профил в Европейската платформа за сътрудничество между клъстери',
    titleEn: 'Profile on the European Cluster Collaboration Platform',
    descriptionBg:
      'Дали клъстерът отговаря на условията, при които платформата потвърждава профил на клъстерна организация. Формулирано с наши думи; проверете актуалните условия на платформата.',
    descriptionEn:
      "Whether the cluster meets the conditions under which the platform validates a cluster organisation's profile. In our own words; check the platform's current conditions.",
    sourceName: 'European Cluster Collaboration Platform — profile validation',
    sourceUrl: 'https://reporting.clustercollaboration.eu/',
    position: 1,
  },
  {
    id: demoReadinessSetId(2),
    slug: 'national-cluster-call',
    titleBg: 'Допустимост по национална процедура за развитие на клъстери',
    titleEn: 'Eligibility for the national cluster-development call',
    descriptionBg:
      'По образеца на процедурата „Развитие на клъстери в България“ (2016) за клъстер в начален етап. Праговете са демонстрационни: сверете ги с условията за кандидатстване по конкретната покана.',
    descriptionEn:
      'After the 2016 procedure "Development of clusters in Bulgaria" for a cluster at its initial stage. The thresholds are demo values: verify them against the guidelines of the actual call.',
    sourceName: 'ОПИК 2014–2020, BG16RFOP002-1.004 „Развитие на клъстери в България“',
    sourceUrl: 'https://www.opic.bg/',
    position: 2,
  },
  {
    id: demoReadinessSetId(3),
    slug: 'cluster-excellence-bronze',
    titleBg: 'Етикет за качество на клъстерния мениджмънт (бронзов) — папка с доказателства',
    titleEn: 'Cluster management excellence label (Bronze) — evidence folder',
    descriptionBg:
      'Областите, които оценката за бронзовия етикет разглежда: структура, управление, финансиране, услуги, постижения и признание. Събирайте доказателствата тук преди оценката.',
    descriptionEn:
      'The areas the Bronze label assessment looks at: structure, governance, financing, services, achievements and recognition. Gather the evidence here before the assessment.',
    sourceName: 'European Secretariat for Cluster Analysis (ESCA) — EUCLES Bronze Label',
    sourceUrl: 'https://www.cluster-analysis.org/',
    position: 3,
  },
];

type Rule = { indicatorKey: string; comparison: 'gte' | 'lte'; green: number; amber: number | null };
type Manual = { manualStatus: 'missing' | 'partial' | 'complete' };
type DemoCriterion = {
  n: number;
  set: number;
  code: string;
  titleBg: string;
  titleEn: string;
  guidanceBg: string;
  guidanceEn: string;
} & ({ kind: 'rule'; rule: Rule } | { kind: 'manual'; manual: Manual });

export const DEMO_CRITERIA: DemoCriterion[] = [
  // 1. The platform profile.
  {
    n: 1,
    set: 1,
    code: 'P1',
    titleBg: 'Поне 15 ясно ангажирани членове',
    titleEn: 'At least 15 clearly committed members',
    guidanceBg: 'Привлечете още членове с подписано членство; кандидатите не се броят.',
    guidanceEn: 'Bring in more members with a signed membership; candidates do not count.',
    kind: 'rule',
    rule: { indicatorKey: 'members.active_total', comparison: 'gte', green: 15, amber: 10 },
  },
  {
    n: 2,
    set: 1,
    code: 'P2',
    titleBg: 'Поне два вида участници (тройна спирала)',
    titleEn: 'At least two kinds of actors (triple helix)',
    guidanceBg: 'Освен фирми привлечете университет, научен институт или публичен орган.',
    guidanceEn: 'Besides companies, bring in a university, a research institute or a public authority.',
    kind: 'rule',
    rule: { indicatorKey: 'members.kinds', comparison: 'gte', green: 3, amber: 2 },
  },
  {
    n: 3,
    set: 1,
    code: 'P3',
    titleBg: 'Екип за управление на клъстера поне на половин щатна бройка',
    titleEn: 'A cluster management team of at least half a full-time post',
    guidanceBg: 'Приложете длъжностна характеристика или договор на мениджъра на клъстера.',
    guidanceEn: "Attach the cluster manager's job description or contract.",
    kind: 'manual',
    manual: { manualStatus: 'partial' },
  },
  {
    n: 4,
    set: 1,
    code: 'P4',
    titleBg: 'Уебсайт на английски език',
    titleEn: 'A web presence in English',
    guidanceBg: 'Дайте връзка към английската версия на сайта.',
    guidanceEn: 'Link the English version of the website.',
    kind: 'manual',
    manual: { manualStatus: 'complete' },
  },
  {
    n: 5,
    set: 1,
    code: 'P5',
    titleBg: 'Клъстерът е активен: новини през последните 12 месеца',
    titleEn: 'The cluster is active: news in the last 12 months',
    guidanceBg: 'Публикувайте новини за дейността поне веднъж на тримесечие.',
    guidanceEn: 'Publish news about the activity at least once a quarter.',
    kind: 'rule',
    rule: { indicatorKey: 'news.published', comparison: 'gte', green: 4, amber: 1 },
  },
  {
    n: 6,
    set: 1,
    code: 'P6',
    titleBg: 'Клъстерът е активен: проведени събития през последните 12 месеца',
    titleEn: 'The cluster is active: events held in the last 12 months',
    guidanceBg: 'Организирайте събития за членовете и партньорите и ги публикувайте на портала.',
    guidanceEn: 'Hold events for members and partners and publish them on the portal.',
    kind: 'rule',
    rule: { indicatorKey: 'events.held', comparison: 'gte', green: 2, amber: 1 },
  },
  // 2. The national call's eligibility (demo thresholds).
  {
    n: 7,
    set: 2,
    code: 'E1',
    titleBg: 'Поне 7 независими юридически лица или ЕТ (демо праг)',
    titleEn: 'At least 7 independent legal entities or sole traders (demo threshold)',
    guidanceBg: 'Сверете минималния брой с условията на поканата за етапа на развитие на клъстера.',
    guidanceEn: "Check the minimum against the call's guidelines for the cluster's stage.",
    kind: 'rule',
    rule: { indicatorKey: 'members.active_total', comparison: 'gte', green: 7, amber: 5 },
  },
  {
    n: 8,
    set: 2,
    code: 'E2',
    titleBg: 'МСП са мнозинство сред членовете (демо праг 50 %)',
    titleEn: 'SMEs are the majority of members (demo threshold 50 %)',
    guidanceBg: 'Привлечете малки и средни предприятия; сверете прага с поканата.',
    guidanceEn: 'Bring in small and medium-sized enterprises; check the threshold against the call.',
    kind: 'rule',
    rule: { indicatorKey: 'members.sme_share', comparison: 'gte', green: 50, amber: 40 },
  },
  {
    n: 9,
    set: 2,
    code: 'E3',
    titleBg: 'Регистрирана правна форма и устав',
    titleEn: 'A registered legal form and statute',
    guidanceBg: 'Приложете удостоверение за актуално състояние и устава (PDF).',
    guidanceEn: 'Attach the certificate of good standing and the statute (PDF).',
    kind: 'manual',
    manual: { manualStatus: 'complete' },
  },
  {
    n: 10,
    set: 2,
    code: 'E4',
    titleBg: 'Приета стратегия за развитие на клъстера',
    titleEn: 'An adopted development strategy of the cluster',
    guidanceBg: 'Свържете решението на общото събрание, с което е приета стратегията.',
    guidanceEn: 'Link the general assembly decision that adopted the strategy.',
    kind: 'manual',
    manual: { manualStatus: 'missing' },
  },
  {
    n: 11,
    set: 2,
    code: 'E5',
    titleBg: 'Сътрудничество между членовете',
    titleEn: 'Cooperation among the members',
    guidanceBg: 'Договорете и отбележете партньорства между членове през борсата за партньорства.',
    guidanceEn: 'Agree and record partnerships between members through the partnership exchange.',
    kind: 'rule',
    rule: { indicatorKey: 'partnerships.agreed', comparison: 'gte', green: 3, amber: 1 },
  },
  // 3. The label's evidence folder.
  {
    n: 12,
    set: 3,
    code: 'L1',
    titleBg: 'Структура: състав на членовете',
    titleEn: 'Structure: the membership',
    guidanceBg: 'Списък на членовете по вид и размер; профилите в каталога са актуални.',
    guidanceEn: 'A list of members by kind and size; the directory profiles are up to date.',
    kind: 'manual',
    manual: { manualStatus: 'complete' },
  },
  {
    n: 13,
    set: 3,
    code: 'L2',
    titleBg: 'Управление: органи, заседания и решения',
    titleEn: 'Governance: bodies, meetings and decisions',
    guidanceBg: 'Приложете правилата на органите и протоколите от заседанията през последната година.',
    guidanceEn: "Attach the bodies' rules and the minutes of the last year's meetings.",
    kind: 'manual',
    manual: { manualStatus: 'partial' },
  },
  {
    n: 14,
    set: 3,
    code: 'L3',
    titleBg: 'Финансиране: събираемост на членския внос',
    titleEn: 'Financing: fee collection rate',
    guidanceBg: 'Напомнете на членовете с неплатен внос; целта е поне 90 %.',
    guidanceEn: 'Remind members with unpaid fees; the aim is at least 90 %.',
    kind: 'rule',
    rule: { indicatorKey: 'fees.collection_rate', comparison: 'gte', green: 90, amber: 70 },
  },
  {
    n: 15,
    set: 3,
    code: 'L4',
    titleBg: 'Услуги за членовете',
    titleEn: 'Services to the members',
    guidanceBg: 'Опишете услугите (споделени ресурси, обучения, застъпничество) и колко членове ги ползват.',
    guidanceEn: 'Describe the services (shared resources, training, advocacy) and how many members use them.',
    kind: 'manual',
    manual: { manualStatus: 'partial' },
  },
  {
    n: 16,
    set: 3,
    code: 'L5',
    titleBg: 'Постижения: съвместни проекти и резултати',
    titleEn: 'Achievements: joint projects and results',
    guidanceBg: 'Съберете кратки описания на съвместните проекти и резултатите им.',
    guidanceEn: 'Gather short descriptions of the joint projects and their results.',
    kind: 'manual',
    manual: { manualStatus: 'missing' },
  },
  {
    n: 17,
    set: 3,
    code: 'L6',
    titleBg: 'Признание: присъствие в медиите и мрежите',
    titleEn: 'Recognition: presence in the media and networks',
    guidanceBg: 'Свържете публикации за клъстера и членството в мрежи и платформи.',
    guidanceEn: 'Link articles about the cluster and its membership of networks and platforms.',
    kind: 'manual',
    manual: { manualStatus: 'missing' },
  },
];

export async function seedDemoReadiness(db: Db): Promise<void> {
  await db.insert(readinessSets).values(DEMO_READINESS_SETS).onConflictDoNothing();
  await db
    .insert(readinessCriteria)
    .values(
      DEMO_CRITERIA.map((c) => ({
        id: demoCriterionId(c.n),
        setId: demoReadinessSetId(c.set),
        code: c.code,
        titleBg: c.titleBg,
        titleEn: c.titleEn,
        guidanceBg: c.guidanceBg,
        guidanceEn: c.guidanceEn,
        kind: c.kind,
        position: c.n,
        ...(c.kind === 'rule' ? c.rule : c.manual),
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(readinessEvidence)
    .values([
      {
        id: evidenceId(1),
        criterionId: demoCriterionId(4),
        kind: 'link' as const,
        title: 'English version of the cluster website',
        url: 'https://example.org/en/',
      },
      {
        id: evidenceId(2),
        criterionId: demoCriterionId(9),
        kind: 'link' as const,
        title: 'Търговски регистър и регистър на ЮЛНЦ — актуално състояние',
        url: 'https://portal.registryagency.bg/',
      },
    ])
    .onConflictDoNothing();
}
