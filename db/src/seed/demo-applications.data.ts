/**
 * The demo join applications as data (issue 4): who applied, what they filled in and uploaded, and each
 * application's story (steps in time, vote rounds, decision numbers). DEMO ONLY: every person and firm is
 * fictional except Столична община; e-mail addresses use `.example` domains or the demo domain.
 *
 * Nothing here writes: `demo-applications.ts` replays each story through the shared state machine and
 * writes the rows exactly as the server would. A new demo case is a new entry of `DEMO_APPLICATIONS`.
 */
import {
  type ApplicationAction,
  type ApplicationData,
  DECLARATION_VERSION,
  type DocumentKind,
  eik9CheckDigit,
  type OrganizationSection,
  type Role,
  type VoteChoice,
} from '@portal/shared';
import { DEMO_ORGANIZATIONS } from './demo-data.ts';
import type { DemoUser } from './demo-users.ts';

const eik = (first8: string) => `${first8}${eik9CheckDigit(first8)}`;

/**
 * People in the demo's applications besides the demo accounts: the applicants and a third committee
 * member (so that a vote can have a quorum while still waiting for the chair). They sign in with the
 * demo password too.
 */
export const DEMO_PEOPLE: readonly DemoUser[] = [
  {
    email: 'komitet2@demo.klaster.bg',
    displayName: 'Светла Николова (демо)',
    language: 'bg',
    roles: ['committee_member'],
    organizationEiks: [],
  },
  ...(
    [
      ['n.vasilev@demo.klaster.bg', 'Николай Василев (демо)', 'bg'],
      ['r.todorova@demo.klaster.bg', 'Радостина Тодорова (демо)', 'bg'],
      ['k.marinov@demo.klaster.bg', 'Кристиан Маринов (демо)', 'bg'],
      ['erik.lindqvist@demo.klaster.bg', 'Erik Lindqvist (demo)', 'en'],
      ['p.koleva@demo.klaster.bg', 'Петя Колева (демо)', 'bg'],
      ['v.hristova@demo.klaster.bg', 'Весела Христова (демо)', 'bg'],
      ['k.atanasov@demo.klaster.bg', 'Калин Атанасов (демо)', 'bg'],
      ['d.andreeva@demo.klaster.bg', 'Десислава Андреева (демо)', 'bg'],
    ] as const
  ).map(([email, displayName, language]) => ({
    email,
    displayName,
    language,
    // `applicant` (and `representative` on approval) come from their applications, as on the server.
    roles: [] as Role[],
    organizationEiks: [],
  })),
];

const CHAIR = 'predsedatel@demo.klaster.bg';
const MEMBER = 'komitet@demo.klaster.bg';
const MEMBER2 = 'komitet2@demo.klaster.bg';
const JANE = 'kandidat@demo.klaster.bg';

export type Who = string;

export type DemoStep =
  | {
      at: string;
      /** null: the server itself (a vote closed automatically when everyone had voted). */
      by: Who | null;
      action: 'create' | ApplicationAction;
      text?: string;
    }
  | { at: string; by: Who; comment: string; audience: 'applicant' | 'committee' };

export interface DemoBallot {
  by: Who;
  at: string;
  choice?: VoteChoice;
  /** A recusal (conflict of interest) instead of a vote. */
  recused?: string;
}

export interface DemoDocument {
  kind: DocumentKind;
  filename: string;
  uploadedAt: string;
  /** The PDF's text (ASCII: the demo PDFs use a standard font). */
  lines: string[];
}

export interface DemoApplication {
  /** Fixed, so the seed can tell it already stored this application. */
  n: number;
  applicant: Who;
  /** An organisation on file: the candidate applying, or the member this application admitted. */
  organizationEik?: string;
  data: ApplicationData;
  documents: DemoDocument[];
  steps: DemoStep[];
  /** Ballots of each vote round, in the order the rounds were opened (`open_vote` steps). */
  rounds?: DemoBallot[][];
  /** The decision's number within its year (approve / reject). */
  decisionSequence?: number;
  /** The time of the applicant's last save of a section (default: the declarations' acceptance). */
  savedAt?: string;
  /** Sections saved again after a request for changes (each save bumps the row's version). */
  resaves?: number;
}

function fromOrganization(orgEik: string): OrganizationSection {
  const o = DEMO_ORGANIZATIONS.find((x) => x.eik === orgEik);
  if (!o) throw new Error(`no demo organisation with ЕИК ${orgEik}`);
  return {
    nameBg: o.nameBg,
    nameEn: o.nameEn,
    eik: o.eik,
    kind: o.kind,
    employees: o.employees,
    foundedYear: o.foundedYear,
    city: o.city,
    address: o.address,
    website: o.website,
    naceCodes: [...o.naceCodes],
  };
}

const declared = (acceptedAt: string) => ({
  acceptsStatute: true as const,
  consentsToDataProcessing: true as const,
  version: DECLARATION_VERSION,
  acceptedAt: new Date(acceptedAt).toISOString(),
});

const certificate = (filename: string, uploadedAt: string, name: string, id: string): DemoDocument => ({
  kind: 'registration_certificate',
  filename,
  uploadedAt,
  lines: [
    'Registry Agency of Bulgaria - Commercial Register',
    'Certificate of good standing (DEMO DOCUMENT)',
    `Company: ${name}`,
    `EIK: ${id}`,
    'This file is part of the portal demo data and has no legal value.',
  ],
});

const ECHO = eik('20589276');
const SCENA = eik('20690418');
const NORDLIGHT = eik('17734452');
const SOFIA = '000696327';
const FINTRUST = eik('20859473');
const HOLOGRAM = eik('20861735');
const STRATUS = eik('20826617');
const NEURON = eik('20837298');
const LUMEN_XR = eik('20848152');
const LUMEN_ACADEMY = eik('20815364');

export const DEMO_APPLICATIONS: readonly DemoApplication[] = [
  // ---- decided: the decisions register 2026-001 … 2026-004 ----
  {
    n: 1,
    applicant: 'n.vasilev@demo.klaster.bg',
    organizationEik: ECHO,
    data: {
      organization: fromOrganization(ECHO),
      contact: {
        name: 'Николай Василев',
        position: 'Управител',
        email: 'n.vasilev@echo-sound.example',
        phone: '+359 88 712 4403',
      },
      areas: { areaIds: ['creative-media'] },
      offers: {
        offers: {
          infrastructure:
            'Звукоизолирано студио от 40 m² с мониторинг за пространствен звук – до 20 часа месечно за членовете на клъстера.',
          people: 'Двама звукорежисьори за консултации по звук в игри и виртуална реалност.',
        },
        seeks: {
          projects: 'Съвместни проекти във виртуалната реалност и игрите.',
          information: 'Изследвания и данни за възприятието на пространствен звук.',
        },
      },
      motivation: {
        motivation:
          'От години работим с игрови и филмови студиа, които вече са членове на клъстера. Членството ще ни позволи да участваме в консорциуми по ПКИП и да предоставим студиото си на повече партньори.',
        category: 'regular',
      },
      declarations: declared('2026-01-07T08:50:00Z'),
    },
    documents: [
      certificate('udostoverenie-eho-saund-lab.pdf', '2026-01-07T08:40:00Z', 'Eho Saund Lab EOOD', ECHO),
    ],
    steps: [
      { at: '2026-01-05T09:12:00Z', by: 'n.vasilev@demo.klaster.bg', action: 'create' },
      { at: '2026-01-07T08:52:00Z', by: 'n.vasilev@demo.klaster.bg', action: 'submit' },
      { at: '2026-01-08T10:05:00Z', by: MEMBER, action: 'start_review' },
      {
        at: '2026-01-09T14:30:00Z',
        by: MEMBER,
        audience: 'committee',
        comment:
          'Документите са наред. Студиото вече работи с Витоша Геймс и Кадър Медия. Предлагам да гласуваме на заседанието на 13 януари.',
      },
      { at: '2026-01-13T09:00:00Z', by: CHAIR, action: 'open_vote' },
      { at: '2026-01-15T09:20:00Z', by: null, action: 'approve' },
    ],
    rounds: [
      [
        { by: CHAIR, at: '2026-01-13T09:05:00Z', choice: 'for' },
        { by: MEMBER, at: '2026-01-13T11:40:00Z', choice: 'for' },
        { by: MEMBER2, at: '2026-01-15T09:20:00Z', choice: 'for' },
      ],
    ],
    decisionSequence: 1,
  },
  {
    n: 2,
    applicant: 'r.todorova@demo.klaster.bg',
    organizationEik: SCENA,
    data: {
      organization: fromOrganization(SCENA),
      contact: {
        name: 'Радостина Тодорова',
        position: 'Изпълнителен директор',
        email: 'r.todorova@scena-plus.example',
        phone: '+359 89 455 2130',
      },
      areas: { areaIds: ['creative-tourism-sport'] },
      offers: {
        offers: {
          infrastructure:
            'Мобилна сцена, озвучаване и осветление за открити събития; репетиционна зала за 80 души на бул. „Александър Стамболийски“. Членовете ги ползват на себестойност.',
          information: 'Анонимизирани данни за посещаемостта на фестивалите ни от 2019 г. насам.',
        },
        seeks: {
          projects:
            'Технологични партньори за интерактивни преживявания на фестивали – добавена реалност и игри.',
          people: 'Стажанти по програмиране за системата ни за електронни билети.',
        },
      },
      motivation: {
        motivation:
          'Искаме събитията ни да станат площадка, на която членовете на клъстера показват своите продукти пред публика, а ние да внедрим техните технологии в програмата си.',
        category: 'associated',
      },
      declarations: declared('2026-01-22T13:10:00Z'),
    },
    documents: [certificate('udostoverenie-scena-plus.pdf', '2026-01-22T13:00:00Z', 'Scena Plus OOD', SCENA)],
    steps: [
      { at: '2026-01-19T10:30:00Z', by: 'r.todorova@demo.klaster.bg', action: 'create' },
      { at: '2026-01-22T13:15:00Z', by: 'r.todorova@demo.klaster.bg', action: 'submit' },
      { at: '2026-01-23T08:45:00Z', by: MEMBER, action: 'start_review' },
      {
        at: '2026-01-27T15:10:00Z',
        by: MEMBER,
        action: 'request_changes',
        text: 'Моля, опишете конкретно какво предлагате на членовете – техника, зали и условия за ползването им – и какви технологични партньорства търсите. Сега разделът „Какво предлагате и търсите“ е празен.',
      },
      {
        at: '2026-01-30T09:40:00Z',
        by: 'r.todorova@demo.klaster.bg',
        action: 'resubmit',
        text: 'Допълнихме раздела с техниката и залите, които предоставяме, и с условията за ползването им.',
      },
      { at: '2026-02-05T09:00:00Z', by: CHAIR, action: 'open_vote' },
      { at: '2026-02-10T12:00:00Z', by: null, action: 'approve' },
    ],
    rounds: [
      [
        {
          by: MEMBER2,
          at: '2026-02-05T09:30:00Z',
          recused: 'Консултирах Сцена Плюс при подготовката на фестивала им през 2025 г.',
        },
        { by: CHAIR, at: '2026-02-06T08:15:00Z', choice: 'for' },
        { by: MEMBER, at: '2026-02-10T12:00:00Z', choice: 'abstain' },
      ],
    ],
    decisionSequence: 2,
    savedAt: '2026-01-30T09:35:00Z',
    resaves: 1,
  },
  {
    n: 3,
    applicant: 'k.marinov@demo.klaster.bg',
    data: {
      organization: {
        nameBg: 'Финтръст Колект',
        nameEn: 'Fintrust Collect',
        eik: FINTRUST,
        kind: 'company',
        employees: 85,
        foundedYear: 2019,
        city: 'София',
        address: 'бул. „Цариградско шосе“ 115',
        website: 'https://fintrust-collect.example',
        naceCodes: ['82.91', '82.20'],
      },
      contact: {
        name: 'Кристиан Маринов',
        position: 'Търговски директор',
        email: 'k.marinov@fintrust-collect.example',
        phone: '+359 87 620 1948',
      },
      areas: { areaIds: ['ict-software'] },
      offers: {
        offers: { people: 'Кол център с 60 оператори за проучвания и обслужване на клиенти.' },
        seeks: { projects: 'Проекти за дигитализация, по които да получим финансиране.' },
      },
      motivation: {
        motivation:
          'Разработваме собствен софтуер за събиране на вземания и искаме да участваме в проекти за дигитализация заедно с ИТ фирмите от клъстера.',
        category: 'regular',
      },
      declarations: declared('2026-02-04T09:25:00Z'),
    },
    documents: [
      certificate(
        'udostoverenie-fintrast-kolekt.pdf',
        '2026-02-04T09:20:00Z',
        'Fintrust Collect AD',
        FINTRUST,
      ),
    ],
    steps: [
      { at: '2026-02-02T11:00:00Z', by: 'k.marinov@demo.klaster.bg', action: 'create' },
      { at: '2026-02-04T09:30:00Z', by: 'k.marinov@demo.klaster.bg', action: 'submit' },
      { at: '2026-02-05T10:00:00Z', by: MEMBER, action: 'start_review' },
      {
        at: '2026-02-06T16:20:00Z',
        by: MEMBER,
        audience: 'committee',
        comment:
          'Основната дейност е събиране на вземания (КИД 82.91) – извън двата приоритета на ИСИС, които следваме. Софтуерът е за собствена употреба; не виждам развойна или иновационна дейност.',
      },
      {
        at: '2026-02-09T09:10:00Z',
        by: CHAIR,
        audience: 'applicant',
        comment:
          'Бихте ли посочили проекти за научноизследователска и развойна дейност или за иновации, по които работите или смятате да работите?',
      },
      {
        at: '2026-02-11T13:45:00Z',
        by: 'k.marinov@demo.klaster.bg',
        audience: 'applicant',
        comment: 'В момента нямаме такива проекти, но догодина ще внедрим чатбот за клиентите си.',
      },
      { at: '2026-02-18T09:00:00Z', by: CHAIR, action: 'open_vote' },
      { at: '2026-02-24T08:30:00Z', by: null, action: 'reject' },
    ],
    rounds: [
      [
        { by: MEMBER, at: '2026-02-18T10:20:00Z', choice: 'against' },
        { by: MEMBER2, at: '2026-02-20T15:00:00Z', choice: 'for' },
        { by: CHAIR, at: '2026-02-24T08:30:00Z', choice: 'against' },
      ],
    ],
    decisionSequence: 3,
  },
  {
    n: 4,
    applicant: 'erik.lindqvist@demo.klaster.bg',
    organizationEik: NORDLIGHT,
    data: {
      organization: fromOrganization(NORDLIGHT),
      contact: {
        name: 'Erik Lindqvist',
        position: 'Head of the Sofia studio',
        email: 'erik.lindqvist@nordlight.example',
        phone: '+359 88 903 1177',
      },
      areas: { areaIds: ['creative-xr', 'creative-games'] },
      offers: {
        offers: {
          information: 'Market studies of the Nordic games and AR markets, shared with members on request.',
          projects: 'We have led two Horizon Europe consortia and can coordinate or join new bids.',
        },
        seeks: {
          people: 'Junior developers and 3D artists from Sofia universities and schools (internships).',
          projects: 'Bulgarian partners for Horizon Europe bids on augmented reality in cultural heritage.',
        },
      },
      motivation: {
        motivation:
          'Our Sofia studio has 40 developers and keeps growing. Joining the cluster connects us with local universities for talent and with partners for joint European projects.',
        category: 'associated',
      },
      declarations: declared('2026-02-18T10:10:00Z'),
    },
    documents: [
      {
        kind: 'registration_certificate',
        filename: 'nordlight-registration-certificate.pdf',
        uploadedAt: '2026-02-18T09:55:00Z',
        lines: [
          'Bolagsverket - Swedish Companies Registration Office',
          'Registration certificate (DEMO DOCUMENT)',
          'Company: Nordlight Interactive AB',
          'This file is part of the portal demo data and has no legal value.',
        ],
      },
      {
        kind: 'other',
        filename: 'nordlight-bulgarian-branch.pdf',
        uploadedAt: '2026-02-18T10:00:00Z',
        lines: [
          'Nordlight Interactive AB - Bulgarian branch (DEMO DOCUMENT)',
          `Registered in the Bulgarian Commercial Register, EIK ${NORDLIGHT}`,
          'This file is part of the portal demo data and has no legal value.',
        ],
      },
    ],
    steps: [
      { at: '2026-02-16T14:00:00Z', by: 'erik.lindqvist@demo.klaster.bg', action: 'create' },
      { at: '2026-02-18T10:20:00Z', by: 'erik.lindqvist@demo.klaster.bg', action: 'submit' },
      { at: '2026-02-19T08:30:00Z', by: MEMBER, action: 'start_review' },
      { at: '2026-02-27T09:00:00Z', by: CHAIR, action: 'open_vote' },
      {
        at: '2026-03-03T16:00:00Z',
        by: CHAIR,
        audience: 'committee',
        comment: 'Светла е в отпуск до 9 март. Кворумът е налице, затова приключвам гласуването на 5 март.',
      },
      { at: '2026-03-05T09:00:00Z', by: CHAIR, action: 'approve' },
    ],
    rounds: [
      [
        { by: CHAIR, at: '2026-02-27T09:10:00Z', choice: 'for' },
        { by: MEMBER, at: '2026-03-02T11:25:00Z', choice: 'for' },
      ],
    ],
    decisionSequence: 4,
  },

  // ---- withdrawn ----
  {
    n: 5,
    applicant: 'p.koleva@demo.klaster.bg',
    data: {
      organization: {
        nameBg: 'Холограм Артс',
        nameEn: 'Hologram Arts',
        eik: HOLOGRAM,
        kind: 'company',
        employees: 7,
        foundedYear: 2021,
        city: 'София',
        address: 'ул. „Шипка“ 6',
        website: 'https://hologram-arts.example',
        naceCodes: ['90.02', '59.11'],
      },
      contact: {
        name: 'Петя Колева',
        position: 'Управител',
        email: 'p.koleva@hologram-arts.example',
        phone: '+359 88 341 7720',
      },
      areas: { areaIds: ['creative-media', 'creative-xr'] },
      offers: {
        offers: { infrastructure: 'Холографски проектори и прозрачни екрани за сценични постановки.' },
        seeks: { projects: 'Партньори за холографски спектакли в музеи и театри.' },
      },
      motivation: {
        motivation:
          'Търсим партньори от клъстера, с които да правим холографски спектакли за културни институции.',
        category: 'regular',
      },
      declarations: declared('2026-05-14T12:25:00Z'),
    },
    documents: [
      {
        kind: 'other',
        filename: 'dogovor-naem-studio.pdf',
        uploadedAt: '2026-05-14T12:20:00Z',
        lines: [
          'Lease agreement for a studio (DEMO DOCUMENT)',
          'Hologram Arts EOOD, 6 Shipka Str., Sofia',
          'This file is part of the portal demo data and has no legal value.',
        ],
      },
    ],
    steps: [
      { at: '2026-05-11T08:00:00Z', by: 'p.koleva@demo.klaster.bg', action: 'create' },
      { at: '2026-05-14T12:30:00Z', by: 'p.koleva@demo.klaster.bg', action: 'submit' },
      { at: '2026-05-15T09:00:00Z', by: MEMBER, action: 'start_review' },
      {
        at: '2026-05-19T10:00:00Z',
        by: MEMBER,
        audience: 'applicant',
        comment:
          'Приложеният файл е договор за наем. Моля, приложете и удостоверение за актуално състояние на дружеството.',
      },
      {
        at: '2026-05-22T14:10:00Z',
        by: 'p.koleva@demo.klaster.bg',
        action: 'withdraw',
        text: 'Оттегляме заявлението: дружеството се преобразува и ще кандидатстваме отново с новия си ЕИК.',
      },
    ],
  },

  // ---- the committee's queue ----
  {
    n: 6,
    applicant: 'd.andreeva@demo.klaster.bg',
    organizationEik: SOFIA,
    data: {
      organization: fromOrganization(SOFIA),
      contact: {
        name: 'Десислава Андреева',
        position: 'Заместник-кмет по дигитализация, иновации и икономическо развитие',
        email: 'd.andreeva@sofia-municipality.example',
        phone: '+359 2 400 3650',
      },
      areas: { areaIds: ['ict-egov', 'creative-heritage'] },
      offers: {
        offers: {
          infrastructure:
            'Пространства в общински сгради и градска среда за пилотни проекти – умно осветление, сензори за качеството на въздуха, дигитални услуги.',
          information:
            'Отворените данни на общината и участие в работните групи по актуализацията на ИСИС на София.',
          people: 'Експерти от направленията „Дигитализация“ и „Култура“ за съвместни проекти.',
          projects: 'Съвместни проекти по „Хоризонт Европа“ и ПКИП за градски услуги и културно наследство.',
        },
        seeks: {
          projects: 'Партньори от клъстера, които да пилотират иновативни решения в градска среда.',
          information: 'Експертиза на членовете за изпълнението на ИСИС на София.',
        },
      },
      motivation: {
        motivation:
          'Столична община е автор на Иновационната стратегия за интелигентна специализация на София, която клъстерът прие за своя пътна карта. С присъединяването си общината ще участва пряко в изпълнението ѝ заедно с фирмите, университетите и научните организации от клъстера.',
        category: 'engaged',
      },
      declarations: declared('2026-11-16T09:05:00Z'),
      accession: {
        councilDecisionNumber: '№ 742 по Протокол № 58',
        councilDecisionDate: '2026-11-12',
        representativeName: 'Десислава Андреева',
        representativePosition: 'Заместник-кмет по дигитализация, иновации и икономическо развитие',
      },
    },
    documents: [
      {
        kind: 'council_decision',
        filename: 'reshenie-sos-742-2026-11-12.pdf',
        uploadedAt: '2026-11-16T08:55:00Z',
        lines: [
          'Sofia Municipal Council (DEMO DOCUMENT)',
          'Decision No. 742 of Minutes No. 58 of 12 November 2026',
          'Sofia Municipality accedes to the Cluster "Sofia City of Knowledge"',
          'and appoints Desislava Andreeva, Deputy Mayor, as its representative.',
          'This file is part of the portal demo data and has no legal value.',
        ],
      },
    ],
    steps: [
      { at: '2026-11-13T09:00:00Z', by: 'd.andreeva@demo.klaster.bg', action: 'create' },
      { at: '2026-11-16T09:10:00Z', by: 'd.andreeva@demo.klaster.bg', action: 'submit' },
      { at: '2026-11-17T08:30:00Z', by: MEMBER, action: 'start_review' },
      {
        at: '2026-11-18T12:00:00Z',
        by: MEMBER,
        audience: 'committee',
        comment:
          'Решението на Столичния общински съвет е приложено и определя представителя на общината. Предлагам да гласуваме.',
      },
      { at: '2026-11-24T09:00:00Z', by: CHAIR, action: 'open_vote' },
    ],
    // The chair has not voted yet: the demo chair can vote and close it.
    rounds: [
      [
        { by: MEMBER, at: '2026-11-24T13:20:00Z', choice: 'for' },
        { by: MEMBER2, at: '2026-11-25T08:45:00Z', choice: 'for' },
      ],
    ],
  },
  {
    n: 7,
    applicant: 'v.hristova@demo.klaster.bg',
    data: {
      organization: {
        nameBg: 'Неврон Анализ',
        nameEn: 'Neuron Analytics',
        eik: NEURON,
        kind: 'company',
        employees: 18,
        foundedYear: 2020,
        city: 'София',
        address: 'ул. „Атанас Дуков“ 29',
        website: 'https://neuron-analytics.example',
        naceCodes: ['62.01', '72.19'],
      },
      contact: {
        name: 'Весела Христова',
        position: 'Технически директор',
        email: 'v.hristova@neuron-analytics.example',
        phone: '+359 88 250 6614',
      },
      areas: { areaIds: ['ict-ai-data', 'health-medtech'] },
      offers: {
        offers: {
          infrastructure: 'Сървъри с графични процесори за обучение на модели – до 200 GPU часа месечно.',
          information: 'Анонимизирани набори от медицински изображения за научни цели.',
        },
        seeks: {
          people: 'Докторанти по машинно обучение за съвместни изследвания.',
          projects: 'Партньори за проекти по „Хоризонт Европа“ за изкуствен интелект в здравеопазването.',
        },
      },
      motivation: {
        motivation:
          'Разработваме модели за анализ на медицински изображения. Искаме да споделим изчислителната си инфраструктура и данните си с членовете на клъстера и заедно да кандидатстваме по европейски програми.',
        category: 'engaged',
      },
      declarations: declared('2026-11-02T10:35:00Z'),
    },
    documents: [
      certificate('udostoverenie-nevron-analiz.pdf', '2026-11-02T10:20:00Z', 'Nevron Analiz OOD', NEURON),
      {
        kind: 'other',
        filename: 'politika-anonimizatsiya.pdf',
        uploadedAt: '2026-11-02T10:25:00Z',
        lines: [
          'Neuron Analytics - data anonymisation policy (DEMO DOCUMENT)',
          'This file is part of the portal demo data and has no legal value.',
        ],
      },
    ],
    steps: [
      { at: '2026-10-27T08:15:00Z', by: 'v.hristova@demo.klaster.bg', action: 'create' },
      { at: '2026-11-02T10:40:00Z', by: 'v.hristova@demo.klaster.bg', action: 'submit' },
      { at: '2026-11-04T09:00:00Z', by: MEMBER, action: 'start_review' },
      {
        at: '2026-11-05T13:20:00Z',
        by: CHAIR,
        audience: 'committee',
        comment:
          'Силен кандидат за ангажиран член: предлага изчислителна мощ и данни. Преди да гласуваме, да проверим дали медицинските данни са анонимизирани.',
      },
      {
        at: '2026-11-06T08:50:00Z',
        by: MEMBER,
        audience: 'applicant',
        comment:
          'Споменавате, че ще споделяте набори от медицински изображения. Анонимизирани ли са и при какви условия ще бъдат достъпни за членовете?',
      },
      {
        at: '2026-11-09T11:30:00Z',
        by: 'v.hristova@demo.klaster.bg',
        audience: 'applicant',
        comment:
          'Да – изображенията са анонимизирани по протокол, одобрен от етичната комисия на болницата партньор. Предоставяме ги по споразумение за ползване на данни и само за научни цели. Приложили сме политиката ни.',
      },
    ],
  },
  {
    n: 8,
    applicant: 'k.atanasov@demo.klaster.bg',
    data: {
      organization: {
        nameBg: 'Стратус Инженеринг',
        nameEn: 'Stratus Engineering',
        eik: STRATUS,
        kind: 'company',
        employees: 32,
        foundedYear: 2015,
        city: 'София',
        address: 'ул. „Лъчезар Станчев“ 5',
        website: 'https://stratus-engineering.example',
        naceCodes: ['62.02', '63.11'],
      },
      contact: {
        name: 'Калин Атанасов',
        position: 'Управител',
        email: 'k.atanasov@stratus-engineering.example',
        phone: '+359 88 917 3025',
      },
      areas: { areaIds: ['ict-hpc-cloud', 'ict-cybersecurity'] },
      offers: {
        offers: {
          infrastructure: 'Тестова облачна среда за членовете – до 50 виртуални машини за пилотни проекти.',
          people: 'Обучения по DevOps и сигурност на облачни системи за служители на членовете.',
        },
        seeks: {
          projects: 'Съвместни проекти за суверенен облак и киберсигурност.',
          people: 'Стажанти от университетите в клъстера.',
        },
      },
      motivation: {
        motivation:
          'Помагаме на фирми и институции да пренесат системите си в облака сигурно. В клъстера виждаме партньори за общи проекти и място, където да споделим опита си.',
        category: 'regular',
      },
      declarations: declared('2026-11-20T15:00:00Z'),
    },
    documents: [
      certificate(
        'udostoverenie-stratus-inzhenering.pdf',
        '2026-11-20T14:58:00Z',
        'Stratus Inzhenering OOD',
        STRATUS,
      ),
    ],
    steps: [
      { at: '2026-11-16T09:30:00Z', by: 'k.atanasov@demo.klaster.bg', action: 'create' },
      { at: '2026-11-20T15:05:00Z', by: 'k.atanasov@demo.klaster.bg', action: 'submit' },
    ],
  },

  // ---- the demo applicant's own (kandidat@…) ----
  {
    n: 9,
    applicant: JANE,
    data: {
      organization: {
        nameBg: 'Лумен Екс Ар',
        nameEn: 'Lumen XR',
        eik: LUMEN_XR,
        kind: 'company',
        employees: 9,
        foundedYear: 2022,
        city: 'София',
        address: 'ул. „Оборище“ 18',
        website: 'https://lumen-xr.example',
        naceCodes: ['62.01', '59.11'],
      },
      contact: {
        name: 'Jane Applicant',
        position: 'Managing director',
        email: 'jane@lumen-xr.example',
        phone: '+359 88 604 2291',
      },
      areas: { areaIds: ['creative-xr', 'creative-heritage'] },
      offers: {
        offers: { projects: 'Experience in virtual museum tours for two regional museums.' },
        seeks: {
          infrastructure: 'A motion-capture studio for a few days a month.',
          projects: 'Partners for cultural-heritage projects under Horizon Europe.',
        },
      },
      motivation: {
        motivation:
          'We build virtual-reality tours of museums and historic sites. The cluster brings together the heritage, games and research partners we need to grow from single projects into a product.',
        category: 'regular',
      },
      declarations: declared('2026-11-09T09:20:00Z'),
    },
    documents: [
      certificate('lumen-xr-certificate-2026-03.pdf', '2026-11-09T09:15:00Z', 'Lumen XR OOD', LUMEN_XR),
    ],
    steps: [
      { at: '2026-11-02T12:00:00Z', by: JANE, action: 'create' },
      { at: '2026-11-09T09:25:00Z', by: JANE, action: 'submit' },
      { at: '2026-11-11T08:40:00Z', by: MEMBER, action: 'start_review' },
      {
        at: '2026-11-12T15:00:00Z',
        by: MEMBER,
        audience: 'committee',
        comment:
          'Удостоверението е от март 2026 г. – по-старо от три месеца. Да поискаме актуално и повече подробности какво предлагат на членовете.',
      },
      {
        at: '2026-11-13T10:15:00Z',
        by: MEMBER,
        action: 'request_changes',
        text: 'Thank you for your application. Before the committee votes, please (1) upload a current certificate of good standing – the one attached was issued in March 2026, more than three months ago; (2) describe under "What you offer" which equipment, premises or know-how members could use, and on what terms.',
      },
      {
        at: '2026-11-16T09:00:00Z',
        by: JANE,
        audience: 'applicant',
        comment:
          'Thank you – we have asked the Registry Agency for a new certificate and will upload it with the updated offers this week.',
      },
    ],
  },
  {
    n: 10,
    applicant: JANE,
    data: {
      organization: {
        nameBg: 'Лумен Академия',
        nameEn: 'Lumen Academy',
        eik: LUMEN_ACADEMY,
        kind: 'company',
        employees: 3,
        foundedYear: 2025,
        city: 'София',
        address: 'ул. „Оборище“ 18',
        website: 'https://lumen-academy.example',
        naceCodes: ['85.59'],
      },
      contact: {
        name: 'Jane Applicant',
        position: 'Managing director',
        email: 'jane@lumen-academy.example',
        phone: '+359 88 604 2291',
      },
      areas: { areaIds: ['creative-xr', 'ict-software'] },
    },
    documents: [
      certificate(
        'lumen-academy-certificate.pdf',
        '2026-11-24T16:40:00Z',
        'Lumen Academy EOOD',
        LUMEN_ACADEMY,
      ),
    ],
    steps: [{ at: '2026-11-24T16:20:00Z', by: JANE, action: 'create' }],
    savedAt: '2026-11-24T16:45:00Z',
  },
];
