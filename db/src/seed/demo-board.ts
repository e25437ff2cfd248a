/**
 * Demo offers and requests on the cooperation board (issue 14 §1, decision 033) among the demo members, so
 * the board, an item's page, the teaser and "my organisation's items" have something to show on first
 * start: published offers and requests (some public, most members-only), one draft, one closed with its
 * outcome, and one item edited after publishing (a revision). Other demo data (conversations) finds items
 * by their English titles, so those titles are part of the contract (DEMO_BOARD_TITLES).
 *
 * Idempotent: fixed ids and `on conflict do nothing`, so a second run adds and changes nothing; the dates
 * are counted from the day of the first run.
 */
import {
  addDays,
  type BoardCloseOutcome,
  type BoardItemKind,
  type BoardItemStatus,
  type BoardItemType,
  type BoardVisibility,
  eik9CheckDigit,
  todayInSofia,
} from '@portal/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { boardItemAreas, boardItemRevisions, boardItems } from '../schema/index.ts';

const eik = (first8: string) => `${first8}${eik9CheckDigit(first8)}`;

/** A demo item's fixed id: `n` from 1. */
export const demoBoardItemId = (n: number) => `00000000-b0a2-4000-8000-${String(n).padStart(12, '0')}`;

export interface DemoBoardItem {
  n: number;
  eik: string;
  /** The demo user who posted it (null: someone not in the demo users). */
  author: string | null;
  kind: BoardItemKind;
  type: BoardItemType;
  titleBg: string;
  titleEn: string;
  descriptionBg: string;
  descriptionEn: string;
  areas: string[];
  naceCode: string | null;
  visibility: BoardVisibility;
  status: Exclude<BoardItemStatus, 'expired'>;
  /** Published this many days before the first seeding, valid this many days after it. */
  publishedDaysAgo: number | null;
  validForDays: number | null;
  close?: { outcome: BoardCloseOutcome; note: string };
  /** The text before one edit made after publishing (kept as a revision). */
  revision?: { titleBg: string; descriptionBg: string };
}

const REPRESENTATIVE = 'predstavitel@demo.klaster.bg';

/** The English titles other demo data looks items up by. */
export const DEMO_BOARD_TITLES = {
  gpuLab: 'Shared GPU and test lab',
  soundStudio: 'Sound recording studio time',
  motionCapture: 'Motion-capture stage for productions',
  interns: "Interns from the university's informatics faculty",
  creativePartner: 'Partner wanted for a creative-industries project',
} as const;

export const DEMO_BOARD_ITEMS: readonly DemoBoardItem[] = [
  {
    n: 1,
    eik: eik('20345678'), // Дигитална София
    author: REPRESENTATIVE,
    kind: 'offer',
    type: 'infrastructure',
    titleBg: 'Споделена GPU и тестова лаборатория',
    titleEn: DEMO_BOARD_TITLES.gpuLab,
    descriptionBg:
      'Осем сървъра с графични процесори и тестова лаборатория за мобилни и уеб приложения в офиса ни в Лозенец. Членовете на клъстера могат да ги ползват в делнични дни след 18 ч. и през уикенда срещу поделяне на разходите за ток и поддръжка. Подходящо за обучение на модели, натоварващи тестове и проверка на достъпност.',
    descriptionEn:
      'Eight GPU servers and a test lab for mobile and web applications at our office in Lozenets. Cluster members can use them on weekday evenings after 6 p.m. and at weekends, sharing the cost of power and upkeep. Suited to training models, load tests and accessibility checks.',
    areas: ['ict-hpc-cloud', 'ict-ai-data'],
    naceCode: '63.11',
    visibility: 'public',
    status: 'published',
    publishedDaysAgo: 12,
    validForDays: 78,
    revision: {
      titleBg: 'Споделена GPU лаборатория',
      descriptionBg:
        'Осем сървъра с графични процесори в офиса ни в Лозенец, за членовете на клъстера през уикенда срещу поделяне на разходите.',
    },
  },
  {
    n: 2,
    eik: eik('20589276'), // Ехо Саунд Лаб
    author: null,
    kind: 'offer',
    type: 'infrastructure',
    titleBg: 'Часове в звукозаписно студио',
    titleEn: DEMO_BOARD_TITLES.soundStudio,
    descriptionBg:
      'Студио с акустично обработена зала, режисьорска кабина и звукорежисьор за озвучаване, подкасти и запис на музика. За членовете — 30% отстъпка в делнични дни до 14 ч.; записване поне три дни предварително.',
    descriptionEn:
      'A studio with an acoustically treated live room, a control room and a sound engineer for voice-over, podcasts and music recording. Members get 30% off on weekdays before 2 p.m.; book at least three days ahead.',
    areas: ['creative-media'],
    naceCode: '59.20',
    visibility: 'public',
    status: 'published',
    publishedDaysAgo: 20,
    validForDays: 70,
  },
  {
    n: 3,
    eik: eik('20281946'), // Витоша Геймс
    author: null,
    kind: 'offer',
    type: 'infrastructure',
    titleBg: 'Сцена за заснемане на движение (motion capture) за продукции',
    titleEn: DEMO_BOARD_TITLES.motionCapture,
    descriptionBg:
      'Оптична система за заснемане на движение с 24 камери на площ 8 × 6 м, с костюми за двама актьори и почистване на данните. Предлагаме я на членове за игри, анимация, реклама и виртуална продукция, по дни или половин ден.',
    descriptionEn:
      'An optical motion-capture system with 24 cameras over an 8 × 6 m floor, suits for two performers and data clean-up. Offered to members for games, animation, advertising and virtual production, by the day or half-day.',
    areas: ['creative-xr', 'creative-games'],
    naceCode: '59.11',
    visibility: 'members',
    status: 'published',
    publishedDaysAgo: 9,
    validForDays: 25,
  },
  {
    n: 4,
    eik: eik('00069118'), // Университет по информатика и изкуства
    author: null,
    kind: 'offer',
    type: 'people',
    titleBg: 'Стажанти от факултета по информатика на университета',
    titleEn: DEMO_BOARD_TITLES.interns,
    descriptionBg:
      'Студенти от трети и четвърти курс по софтуерно инженерство и компютърни науки търсят тримесечен платен стаж от март. Университетът сключва тристранен договор и определя ментор от катедрата; фирмата — ментор от екипа.',
    descriptionEn:
      'Third- and fourth-year students of software engineering and computer science look for a paid three-month internship from March. The university signs a three-party agreement and names a mentor from the department; the company names one from its team.',
    areas: ['ict', 'ict-software'],
    naceCode: '85.42',
    visibility: 'public',
    status: 'published',
    publishedDaysAgo: 30,
    validForDays: 60,
  },
  {
    n: 5,
    eik: eik('20399058'), // Анимационна къща „Шаро“
    author: null,
    kind: 'request',
    type: 'joint_project',
    titleBg: 'Търсим партньор за проект в креативните индустрии',
    titleEn: DEMO_BOARD_TITLES.creativePartner,
    descriptionBg:
      'Подготвяме предложение по програма „Творческа Европа“ за интерактивна анимационна поредица за деца. Търсим партньор с опит в разработката на мобилни игри и партньор за разпространение; бюджет около 400 000 евро, срок за кандидатстване след два месеца.',
    descriptionEn:
      'We are preparing a Creative Europe proposal for an interactive animated series for children. We look for a partner experienced in mobile game development and a distribution partner; a budget of about EUR 400,000, the call closes in two months.',
    areas: ['creative', 'creative-media'],
    naceCode: '59.11',
    visibility: 'public',
    status: 'published',
    publishedDaysAgo: 6,
    validForDays: 54,
  },
  {
    n: 6,
    eik: eik('20502916'), // Данни и смисъл
    author: null,
    kind: 'request',
    type: 'information',
    titleBg: 'Анонимизирани данни за градската мобилност за изследователски модел',
    titleEn: 'Anonymised urban mobility data for a research model',
    descriptionBg:
      'Търсим агрегирани и анонимизирани данни за пътникопотока в градския транспорт или за трафика за поне една година, за модел за прогнозиране на натоварването. Споделяме резултатите и кода с партньора.',
    descriptionEn:
      'We look for aggregated, anonymised data on public transport ridership or traffic covering at least a year, for a model that forecasts load. We share the results and the code with the partner.',
    areas: ['ict-ai-data'],
    naceCode: '72.19',
    visibility: 'members',
    status: 'published',
    publishedDaysAgo: 15,
    validForDays: 45,
  },
  {
    n: 7,
    eik: eik('20377219'), // Шийлд Кибер
    author: null,
    kind: 'offer',
    type: 'services',
    titleBg: 'Тестове за проникване за членове на себестойност',
    titleEn: 'Penetration tests for members at cost',
    descriptionBg:
      'До края на годината правим тест за проникване на един уеб сайт или приложение на член на клъстера на себестойност, с доклад на български и английски и повторна проверка след поправките.',
    descriptionEn:
      'Until the end of the year we run a penetration test of one website or application of a cluster member at cost, with a report in Bulgarian and English and a re-test after the fixes.',
    areas: ['ict-cybersecurity'],
    naceCode: '62.02',
    visibility: 'public',
    status: 'published',
    publishedDaysAgo: 3,
    validForDays: 120,
  },
  {
    n: 8,
    eik: eik('00068504'), // Институт по изчислителни науки
    author: null,
    kind: 'offer',
    type: 'information',
    titleBg: 'Семинар за големите езикови модели за малки и средни предприятия',
    titleEn: 'Workshop on large language models for small businesses',
    descriptionBg:
      'Еднодневен практически семинар: кога си струва да се използва голям езиков модел, как да се пазят данните и как да се измери качеството. До 20 участници от фирми членове, без такса.',
    descriptionEn:
      'A one-day hands-on workshop: when a large language model is worth using, how to keep data safe and how to measure quality. Up to 20 participants from member firms, free of charge.',
    areas: ['ict-ai-data'],
    naceCode: '72.19',
    visibility: 'members',
    status: 'published',
    publishedDaysAgo: 1,
    validForDays: 6,
  },
  {
    n: 9,
    eik: eik('20423715'), // Кадър Медия
    author: null,
    kind: 'request',
    type: 'people',
    titleBg: 'Видеомонтажисти за документална поредица',
    titleEn: 'Video editors for a documentary series',
    descriptionBg:
      'Търсим двама монтажисти за шест месеца за документална поредица от осем епизода; работа в студиото ни в центъра или дистанционно.',
    descriptionEn:
      'We look for two editors for six months for an eight-episode documentary series; work at our studio in the centre or remotely.',
    areas: ['creative-media'],
    naceCode: null,
    visibility: 'members',
    status: 'published',
    publishedDaysAgo: 8,
    validForDays: 40,
  },
  {
    n: 10,
    eik: eik('00063726'), // Професионална гимназия по програмиране и дизайн
    author: null,
    kind: 'request',
    type: 'people',
    titleBg: 'Ментори за ученически гейм джем',
    titleEn: 'Mentors for a school game jam',
    descriptionBg:
      'През пролетта организираме 48-часов гейм джем за ученици от 10. до 12. клас. Търсим програмисти, художници и гейм дизайнери от фирмите членове, които да менторстват отборите по няколко часа.',
    descriptionEn:
      'In spring we hold a 48-hour game jam for students in years 10 to 12. We look for programmers, artists and game designers from member firms to mentor the teams for a few hours each.',
    areas: ['creative-games', 'ict-software'],
    naceCode: null,
    visibility: 'public',
    status: 'published',
    publishedDaysAgo: 4,
    validForDays: 80,
  },
  {
    n: 11,
    eik: eik('20411873'), // Облачен мост
    author: null,
    kind: 'offer',
    type: 'joint_project',
    titleBg: 'Съвместна оферта за миграция към облак за общини',
    titleEn: 'A joint cloud migration offer for municipalities',
    descriptionBg: 'Чернова: търсим двама партньори за обща оферта към общини за миграция на услуги в облак.',
    descriptionEn:
      'Draft: we look for two partners for a joint offer to municipalities to move services to the cloud.',
    areas: ['ict-hpc-cloud', 'ict-egov'],
    naceCode: '62.02',
    visibility: 'members',
    status: 'draft',
    publishedDaysAgo: null,
    validForDays: null,
  },
  {
    n: 12,
    eik: eik('20612487'), // Наследство 3D
    author: null,
    kind: 'request',
    type: 'infrastructure',
    titleBg: 'Оборудване за фотограметрия за музеен проект',
    titleEn: 'Photogrammetry equipment for a museum project',
    descriptionBg:
      'Търсихме въртяща се платформа и осветление за фотограметрия на около 300 предмета от регионален музей за две седмици.',
    descriptionEn:
      'We looked for a turntable and lighting for the photogrammetry of about 300 objects from a regional museum, for two weeks.',
    areas: ['creative-heritage', 'creative-xr'],
    naceCode: null,
    visibility: 'members',
    status: 'closed',
    publishedDaysAgo: 40,
    validForDays: 20,
    close: {
      outcome: 'partnership_formed',
      note: 'Витоша Геймс ни предоставиха оборудването; дигитализирахме колекцията за две седмици.',
    },
  },
];

/** Writes the demo board; `idOf` maps a demo organisation's ЕИК to its id, `userIdOf` a demo user's email. */
export async function seedDemoBoard(
  tx: Db,
  idOf: (eik: string) => string,
  userIdOf: (email: string) => string,
  today: string = todayInSofia(),
): Promise<void> {
  const daysAgo = (n: number) => sql`now() - make_interval(days => ${n})`;
  for (const item of DEMO_BOARD_ITEMS) {
    const id = demoBoardItemId(item.n);
    await tx
      .insert(boardItems)
      .values({
        id,
        organizationId: idOf(item.eik),
        kind: item.kind,
        type: item.type,
        titleBg: item.titleBg,
        titleEn: item.titleEn,
        descriptionBg: item.descriptionBg,
        descriptionEn: item.descriptionEn,
        naceCode: item.naceCode,
        validUntil: item.validForDays === null ? null : addDays(today, item.validForDays),
        visibility: item.visibility,
        status: item.status,
        closeOutcome: item.close?.outcome ?? null,
        closeNote: item.close?.note ?? null,
        publishedAt: item.publishedDaysAgo === null ? null : daysAgo(item.publishedDaysAgo),
        closedAt: item.close ? daysAgo(2) : null,
        createdBy: item.author ? userIdOf(item.author) : null,
        createdAt: daysAgo((item.publishedDaysAgo ?? 2) + 1),
        updatedAt: item.revision || item.close ? daysAgo(2) : daysAgo(item.publishedDaysAgo ?? 2),
        version: item.revision || item.close ? 2 : 1,
      })
      .onConflictDoNothing();
    await tx
      .insert(boardItemAreas)
      .values(item.areas.map((areaId) => ({ itemId: id, areaId })))
      .onConflictDoNothing();
    if (item.revision) {
      await tx
        .insert(boardItemRevisions)
        .values({
          id: demoBoardItemId(100 + item.n),
          itemId: id,
          version: 1,
          content: {
            kind: item.kind,
            type: item.type,
            titleBg: item.revision.titleBg,
            titleEn: item.titleEn,
            descriptionBg: item.revision.descriptionBg,
            descriptionEn: item.descriptionEn,
            areaIds: [...item.areas].sort(),
            naceCode: item.naceCode,
            validUntil: item.validForDays === null ? null : addDays(today, item.validForDays),
            visibility: item.visibility,
            status: 'published',
          },
          editedBy: item.author ? userIdOf(item.author) : null,
          createdAt: daysAgo(2),
        })
        .onConflictDoNothing();
    }
  }
}
