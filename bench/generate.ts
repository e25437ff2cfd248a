/**
 * Synthetic organisations for load tests and benchmarks: `generateOrganizations(handle, 100_000)` fills
 * a migrated database with realistic-looking members (bg/en names mixing Cyrillic and Latin words,
 * ~200-character descriptions, valid ЕИКs, 1–3 specialisation areas, ~90 % publicly listed).
 *
 * Deterministic: the same count and seed give the same rows. Rows go in batches, each one statement
 * (organisations, memberships and area links through data-modifying CTEs fed by one JSON parameter),
 * which is fast on both PGlite and PostgreSQL.
 *
 * Run directly: `pnpm exec tsx bench/generate.ts [count] [seed]` — against DATABASE_URL when set,
 * otherwise a fresh in-memory PGlite; prints how long the insert took.
 */
import { pathToFileURL } from 'node:url';
import { createDb, type DbHandle, migrate } from '@portal/db';
import {
  eik9CheckDigit,
  type MembershipCategory,
  type MembershipStatus,
  type OrganizationKind,
} from '@portal/shared';

export interface GenerateOptions {
  /** Rows per INSERT statement. */
  batchSize?: number;
  /** Called after each batch with the number of rows inserted so far. */
  onProgress?: (inserted: number) => void;
}

/**
 * Inserts `count` synthetic organisations with memberships and area links; returns how many were
 * inserted (fewer only if some generated ЕИКs already exist). ЕИК prefixes are 40_000_000 + (seed - 1)
 * * count + i, so different seeds with the same count never collide, nor with the demo seed.
 */
export async function generateOrganizations(
  handle: DbHandle,
  count: number,
  seed = 1,
  options: GenerateOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 2000;
  const firstPrefix = 40_000_000 + (seed - 1) * count;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number: ${count}`);
  if (firstPrefix + count > 100_000_000)
    throw new RangeError('seed × count exceeds the 8-digit ЕИК prefix range');

  const random = mulberry32(seed);
  let inserted = 0;
  for (let start = 0; start < count; start += batchSize) {
    const rows: SyntheticRow[] = [];
    for (let i = start; i < Math.min(count, start + batchSize); i++)
      rows.push(syntheticRow(random, firstPrefix + i));
    const [result] = await rawQuery<{ n: number }>(handle, INSERT_BATCH, [JSON.stringify(rows)]);
    inserted += Number(result?.n ?? 0);
    options.onProgress?.(inserted);
  }
  await rawQuery(handle, 'vacuum analyze', []);
  return inserted;
}

/**
 * Raw SQL on the engine's own client: the bench sits outside the workspace packages, so it does not
 * import drizzle-orm itself.
 */
async function rawQuery<T>(handle: DbHandle, text: string, params: unknown[]): Promise<T[]> {
  if (handle.pglite) return (await handle.pglite.query<T>(text, params)).rows;
  if (handle.sql) return (await handle.sql.unsafe(text, params as never[])) as unknown as T[];
  throw new Error('the database handle exposes neither a PGlite nor a postgres.js client');
}

const INSERT_BATCH = `
      with src as (
        select * from json_to_recordset($1::json) as x(
          eik text, name_bg text, name_en text, kind text, employees int, founded_year int, city text,
          address text, website text, public_email text, public_phone text, description_bg text,
          description_en text, nace_codes text[], areas text[], category text, status text, member_since date
        )
      ),
      orgs as (
        insert into organizations (eik, name_bg, name_en, kind, employees, founded_year, city, address, website,
          public_email, public_phone, description_bg, description_en, nace_codes)
        select eik, name_bg, name_en, kind, employees, founded_year, city, address, website,
          public_email, public_phone, description_bg, description_en, nace_codes
        from src
        on conflict (eik) do nothing
        returning id, eik
      ),
      members as (
        insert into memberships (organization_id, category, status, member_since)
        select orgs.id, src.category, src.status, src.member_since from orgs join src using (eik)
      ),
      links as (
        insert into organization_areas (organization_id, area_id)
        select distinct orgs.id, area from orgs join src using (eik) cross join unnest(src.areas) as area
      )
      select count(*)::int as n from orgs
`;

interface SyntheticRow {
  eik: string;
  name_bg: string;
  name_en: string;
  kind: OrganizationKind;
  employees: number;
  founded_year: number;
  city: string;
  address: string;
  website: string;
  public_email: string;
  public_phone: string;
  description_bg: string;
  description_en: string;
  nace_codes: string[];
  areas: string[];
  category: MembershipCategory;
  status: MembershipStatus;
  member_since: string | null;
}

type Random = () => number;
type Pair = readonly [bg: string, en: string];

/** Small, fast, seedable PRNG (public-domain mulberry32): benchmarks must be reproducible. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, weight] of table) {
    r -= weight;
    if (r < 0) return value;
  }
  return table[table.length - 1]![0];
}

/** Syllables of made-up brand names, with a transliteration so bg and en names correspond. */
const SYLLABLES: readonly Pair[] = [
  ['ал', 'al'],
  ['ба', 'ba'],
  ['ве', 've'],
  ['ви', 'vi'],
  ['да', 'da'],
  ['зо', 'zo'],
  ['ка', 'ka'],
  ['ко', 'ko'],
  ['ле', 'le'],
  ['ли', 'li'],
  ['ма', 'ma'],
  ['ми', 'mi'],
  ['но', 'no'],
  ['ра', 'ra'],
  ['ри', 'ri'],
  ['си', 'si'],
  ['та', 'ta'],
  ['то', 'to'],
  ['ус', 'us'],
  ['ел', 'el'],
  ['тех', 'tech'],
  ['нет', 'net'],
  ['лог', 'log'],
  ['вест', 'vest'],
  ['стар', 'star'],
  ['кор', 'cor'],
  ['вижън', 'vision'],
  ['софт', 'soft'],
];

/** Latin brand words that Bulgarian firms keep in Latin script in their Cyrillic names too. */
const LATIN_BRANDS = [
  'Nova',
  'Vertex',
  'Orbit',
  'Helix',
  'Byte',
  'Flux',
  'Pixel',
  'Nexus',
  'Quanta',
  'Lumen',
];

interface Sector {
  weight: number;
  nouns: readonly Pair[];
  nace: readonly string[];
  areas: readonly string[];
  activity: readonly Pair[];
}

const SECTORS: readonly Sector[] = [
  {
    weight: 40,
    nouns: [
      ['Софтуер', 'Software'],
      ['Системи', 'Systems'],
      ['Технологии', 'Technologies'],
      ['Код Лаб', 'Code Lab'],
      ['Диджитал', 'Digital'],
      ['Решения', 'Solutions'],
    ],
    nace: ['62.01', '62.02', '62.03', '58.29', '63.11'],
    areas: ['ict-software', 'ict-software', 'ict-hpc-cloud', 'ict-egov', 'ict'],
    activity: [
      ['разработва уеб и мобилни приложения за бизнеса', 'develops web and mobile applications for business'],
      ['поддържа облачна инфраструктура и бази от данни', 'runs cloud infrastructure and databases'],
      [
        'внедрява ERP и CRM системи в средни предприятия',
        'implements ERP and CRM systems in mid-sized firms',
      ],
    ],
  },
  {
    weight: 15,
    nouns: [
      ['Анализ', 'Analytics'],
      ['Данни', 'Data'],
      ['Интелект', 'Intelligence'],
      ['AI Лаб', 'AI Lab'],
    ],
    nace: ['62.01', '63.11', '72.19'],
    areas: ['ict-ai-data', 'ict-ai-data', 'ict-iot', 'ict-cybersecurity'],
    activity: [
      [
        'създава модели за машинно обучение и анализ на данни',
        'builds machine-learning models and data analytics',
      ],
      ['защитава мрежи и данни от кибератаки', 'protects networks and data from cyber attacks'],
      ['свързва сензори и устройства в умни системи', 'connects sensors and devices into smart systems'],
    ],
  },
  {
    weight: 25,
    nouns: [
      ['Студио', 'Studio'],
      ['Медия', 'Media'],
      ['Геймс', 'Games'],
      ['Анимейшън', 'Animation'],
      ['Дизайн', 'Design'],
      ['Филмс', 'Films'],
    ],
    nace: ['59.11', '59.12', '58.21', '74.10', '90.03'],
    areas: [
      'creative-media',
      'creative-games',
      'creative-design',
      'creative-xr',
      'creative-heritage',
      'creative',
    ],
    activity: [
      ['създава видеоигри и интерактивни преживявания', 'creates video games and interactive experiences'],
      [
        'продуцира анимация, реклами и документални филми',
        'produces animation, commercials and documentaries',
      ],
      [
        'проектира марки, интерфейси и изложбени пространства',
        'designs brands, interfaces and exhibition spaces',
      ],
      ['дигитализира културно наследство в 3D', 'digitises cultural heritage in 3D'],
    ],
  },
  {
    weight: 8,
    nouns: [
      ['Ивентс', 'Events'],
      ['Спорт Тех', 'Sport Tech'],
      ['Травъл', 'Travel'],
    ],
    nace: ['93.29', '79.11', '90.02'],
    areas: ['creative-tourism-sport'],
    activity: [
      [
        'организира фестивали, спортни и туристически събития',
        'organises festivals, sports and tourism events',
      ],
    ],
  },
  {
    weight: 12,
    nouns: [
      ['Инженеринг', 'Engineering'],
      ['Роботикс', 'Robotics'],
      ['Енерджи', 'Energy'],
      ['Биотех', 'Biotech'],
    ],
    nace: ['71.12', '28.99', '35.11', '72.11'],
    areas: ['mech-robotics', 'mech-microelectronics', 'clean-energy', 'clean-mobility', 'health-medtech'],
    activity: [
      ['проектира роботи и автоматизирани линии', 'designs robots and automated production lines'],
      ['внедрява решения за енергийна ефективност', 'implements energy-efficiency solutions'],
      [
        'разработва медицински изделия и софтуер за здравеопазването',
        'develops medical devices and health software',
      ],
    ],
  },
];

const OFFERS: readonly Pair[] = [
  ['споделена лаборатория', 'a shared laboratory'],
  ['изчислителен капацитет', 'computing capacity'],
  ['стажове за студенти', 'student placements'],
  ['обучения за специалисти', 'training for specialists'],
  ['тестова среда', 'a test environment'],
  ['пазарни анализи', 'market analyses'],
];

const SEEKS: readonly Pair[] = [
  ['партньори за съвместни проекти', 'partners for joint projects'],
  ['програмисти и дизайнери', 'programmers and designers'],
  ['достъп до данни', 'access to data'],
  ['инвеститори', 'investors'],
  ['партньори за консорциуми по ПКИП', 'partners for ПКИП consortia'],
  ['партньори по „Хоризонт Европа“', 'Horizon Europe partners'],
];

const CITIES: readonly (readonly [string, number])[] = [
  ['София', 60],
  ['Пловдив', 10],
  ['Варна', 8],
  ['Бургас', 5],
  ['Русе', 4],
  ['Стара Загора', 3],
  ['Велико Търново', 3],
  ['Благоевград', 3],
  ['Габрово', 2],
  ['Плевен', 2],
];

const STREETS = [
  'ул. „Шипка“',
  'бул. „България“',
  'ул. „Раковски“',
  'бул. „Витоша“',
  'ул. „Цар Самуил“',
  'бул. „Христо Ботев“',
];

const KINDS: readonly (readonly [OrganizationKind, number])[] = [
  ['company', 80],
  ['sole_trader', 6],
  ['foreign_entity', 4],
  ['ngo', 4],
  ['school', 2],
  ['university', 1],
  ['research_institute', 1],
  ['employers_organization', 1],
  ['public_authority', 1],
];

/** How each kind shows in a name: [bg prefix, en suffix]; null for plain companies. */
const KIND_WORDS: Record<OrganizationKind, readonly [bg: string, en: string | null] | null> = {
  company: null,
  sole_trader: ['ЕТ', null],
  foreign_entity: ['Интернешънъл', 'International'],
  ngo: ['Фондация', 'Foundation'],
  school: ['Професионална гимназия', 'Vocational School'],
  university: ['Университет', 'University'],
  research_institute: ['Институт', 'Institute'],
  employers_organization: ['Асоциация', 'Association'],
  public_authority: ['Община', 'Municipality'],
};

/** ~90 % publicly listed (active, non-candidate); the rest candidates, suspended, withdrawn or excluded. */
const STANDINGS: readonly (readonly [readonly [MembershipCategory, MembershipStatus], number])[] = [
  [['regular', 'active'], 50],
  [['associated', 'active'], 25],
  [['engaged', 'active'], 15],
  [['candidate', 'active'], 5],
  [['regular', 'suspended'], 2],
  [['regular', 'withdrawn'], 2],
  [['associated', 'excluded'], 1],
];

const DAY = 86_400_000;
const FIRST_MEMBER_DAY = Date.UTC(2025, 0, 15);

function syntheticRow(random: Random, prefix: number): SyntheticRow {
  const first8 = String(prefix);
  const kind = weighted(random, KINDS);
  const sector = weighted(
    random,
    SECTORS.map((s) => [s, s.weight] as const),
  );

  const syllables = Array.from({ length: between(random, 2, 3) }, () => pick(random, SYLLABLES));
  const brandBg = capitalise(syllables.map(([bg]) => bg).join(''));
  const brandEn = capitalise(syllables.map(([, en]) => en).join(''));
  const noun = pick(random, sector.nouns);
  const latin = random() < 0.25 ? `${pick(random, LATIN_BRANDS)} ` : '';
  const kindWord = KIND_WORDS[kind];
  // A municipality is named after its town alone; everything else after its brand and trade.
  const coreBg = kind === 'public_authority' ? brandBg : `${latin}${brandBg} ${noun[0]}`;
  const coreEn = kind === 'public_authority' ? brandEn : `${latin}${brandEn} ${noun[1]}`;
  const nameBg = kindWord ? `${kindWord[0]} ${coreBg}` : coreBg;
  const nameEn = kindWord?.[1] ? `${coreEn} ${kindWord[1]}` : coreEn;
  const foundedYear = between(random, 1990, 2025);

  const employees =
    kind === 'sole_trader'
      ? between(random, 1, 3)
      : kind === 'university' || kind === 'public_authority'
        ? between(random, 300, 3000)
        : weighted(random, [
            [between(random, 1, 9), 55],
            [between(random, 10, 49), 30],
            [between(random, 50, 249), 12],
            [between(random, 250, 2000), 3],
          ]);

  const activity = pick(random, sector.activity);
  const offer = pick(random, OFFERS);
  const seek = pick(random, SEEKS);
  const city = weighted(random, CITIES);
  const [category, status] = weighted(random, STANDINGS);
  const slug = `${brandEn.toLowerCase()}-${first8}`;

  const areaCount = between(random, 1, 3);
  const areas = [...new Set(Array.from({ length: areaCount }, () => pick(random, sector.areas)))];

  return {
    eik: `${first8}${eik9CheckDigit(first8)}`,
    name_bg: nameBg,
    name_en: nameEn,
    kind,
    employees,
    founded_year: foundedYear,
    city,
    address: `${pick(random, STREETS)} ${between(random, 1, 180)}`,
    website: `https://${slug}.example`,
    public_email: `info@${slug}.example`,
    public_phone: `+359 2 ${between(random, 400, 499)} ${String(between(random, 0, 9999)).padStart(4, '0')}`,
    description_bg: `${nameBg} ${activity[0]} в град ${city}. Работи от ${foundedYear} г. с екип от ${employees} ${employees === 1 ? 'човек' : 'души'}. Предлага на членовете на клъстера ${offer[0]} и търси ${seek[0]}.`,
    description_en: `${nameEn} ${activity[1]} in ${city === 'София' ? 'the capital' : 'Bulgaria'}. Active since ${foundedYear}, it has a team of ${employees} ${employees === 1 ? 'person' : 'people'}. It offers cluster members ${offer[1]} and seeks ${seek[1]}.`,
    nace_codes: [...new Set([pick(random, sector.nace), pick(random, sector.nace)])],
    areas,
    category,
    status,
    member_since:
      category === 'candidate'
        ? null
        : new Date(FIRST_MEMBER_DAY + between(random, 0, 480) * DAY).toISOString().slice(0, 10),
  };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

async function main() {
  const count = Number(process.argv[2] ?? 100_000);
  const seed = Number(process.argv[3] ?? 1);
  const handle = await createDb({ databaseUrl: process.env.DATABASE_URL });
  try {
    await migrate(handle);
    const started = performance.now();
    const inserted = await generateOrganizations(handle, count, seed);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${handle.engine}: inserted ${inserted} organisations in ${seconds.toFixed(1)} s ` +
        `(${Math.round(inserted / seconds)} rows/s)`,
    );
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
