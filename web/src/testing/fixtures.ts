import type {
  Area,
  AreaListResponse,
  AreaRef,
  ClusterResponse,
  HomeResponse,
  OrganizationProfile,
  OrganizationSummary,
} from '@portal/shared';
import { SHARING_KINDS } from '@portal/shared';

/**
 * Test data typed by the shared contract, so a change of the API's shape breaks these fixtures at compile
 * time. Deliberately not the real cluster: the web app must show whatever /api/cluster says.
 */
export const clusterFixture: ClusterResponse = {
  nameBg: 'Клъстер „Тестов град“',
  nameEn: 'Cluster "Test City"',
  taglineBg: 'Знание, което работи.',
  taglineEn: 'Knowledge that works.',
  missionBg: 'Обединяваме фирми, университети и училища.',
  missionEn: 'We bring together companies, universities and schools.',
  strategyBg:
    'Клъстерът следва стратегията за интелигентна специализация.\n\nХоризонталната цел – укрепване на иновационната екосистема – се отнася за всеки член.',
  strategyEn:
    'The cluster follows the smart specialisation strategy.\n\nThe horizontal aim of strengthening the innovation ecosystem applies to every member.',
  memberCount: 14,
};

function area(
  id: string,
  nameBg: string,
  nameEn: string,
  parentId: string | null,
  memberCount: number,
  position: number,
  isPriority = false,
): Area {
  return { id, nameBg, nameEn, parentId, isPriority, position, memberCount };
}

export const areasFixture: AreaListResponse = {
  items: [
    area('ict', 'Информатика и ИКТ', 'Informatics and ICT', null, 9, 1, true),
    area('ict-software', 'Софтуерни продукти', 'Software products', 'ict', 6, 1),
    area('ict-ai', 'Изкуствен интелект', 'Artificial intelligence', 'ict', 3, 2),
    area('mechatronics', 'Мехатроника и микроелектроника', 'Mechatronics and microelectronics', null, 2, 2),
    area(
      'creative',
      'Нови технологии в креативните и рекреативните индустрии',
      'New technologies in creative and recreative industries',
      null,
      5,
      4,
      true,
    ),
    area('creative-games', 'Компютърни игри', 'Video games', 'creative', 2, 1),
  ],
};

const ref = (id: string): AreaRef => {
  const a = areasFixture.items.find((x) => x.id === id);
  if (!a) throw new Error(`no fixture area ${id}`);
  return { id: a.id, nameBg: a.nameBg, nameEn: a.nameEn };
};

export const profileFixture: OrganizationProfile = {
  id: '0b6c3f5e-8f2a-4b8e-9d7a-1c2b3d4e5f60',
  eik: '131071587',
  nameBg: 'Пиксел Фабрика',
  nameEn: 'Pixel Factory',
  kind: 'company',
  sizeClass: 'small',
  employees: 42,
  foundedYear: 2014,
  city: 'Пловдив',
  address: 'ул. „Тестова“ 1',
  website: 'https://pixel-factory.example',
  publicEmail: 'hello@pixel-factory.example',
  publicPhone: '+359 32 123 456',
  // The contact person is not public here (its default): the public profile answers nulls.
  contactName: null,
  contactPosition: null,
  contactEmail: null,
  contactPhone: null,
  descriptionBg: 'Пиксел Фабрика прави компютърни игри и обучава млади програмисти.',
  descriptionEn: 'Pixel Factory makes video games and trains young programmers.',
  naceCodes: ['62.01', '58.21'],
  areas: [ref('creative-games'), ref('ict-software')],
  offers: { infrastructure: 'Студио за захващане на движение', people: 'Ментори по геймдизайн' },
  seeks: { projects: 'Партньори за образователни игри' },
  category: 'regular',
  memberSince: '2025-03-12',
  updatedAt: '2026-01-15T10:00:00.000Z',
  logoUrl: null,
  acceptsContact: false,
};

export function summaryOf(p: OrganizationProfile): OrganizationSummary {
  return {
    id: p.id,
    nameBg: p.nameBg,
    nameEn: p.nameEn,
    kind: p.kind,
    sizeClass: p.sizeClass,
    city: p.city,
    summaryBg: p.descriptionBg,
    summaryEn: p.descriptionEn,
    areas: p.areas,
    category: p.category,
    memberSince: p.memberSince,
    offers: SHARING_KINDS.filter((kind) => p.offers[kind]),
    seeks: SHARING_KINDS.filter((kind) => p.seeks[kind]),
    logoUrl: p.logoUrl ? p.logoUrl.replace('size=large', 'size=small') : null,
    boardOffers: [],
  };
}

/** `count` members with predictable names (Член 01 / Member 01 …) and valid UUIDs. */
export function makeSummaries(count: number, start = 1): OrganizationSummary[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(start + i).padStart(2, '0');
    return {
      id: `00000000-0000-4000-8000-0000000000${n}`,
      nameBg: `Член ${n}`,
      nameEn: `Member ${n}`,
      kind: 'university',
      sizeClass: 'medium',
      city: 'София',
      summaryBg: `Описание ${n}.`,
      summaryEn: `Description ${n}.`,
      areas: [ref('ict-ai')],
      category: 'regular',
      memberSince: '2025-02-20',
      offers: [],
      seeks: [],
      logoUrl: null,
      boardOffers: [],
    };
  });
}

/** A membership's contacts with nothing on file (the committee's member page). */
export const noContactsFixture = {
  address: null,
  website: null,
  publicEmail: null,
  publicPhone: null,
  contactName: null,
  contactPosition: null,
  contactEmail: null,
  contactPhone: null,
};

const member = (n: number, nameBg: string, nameEn: string, logo = false) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  nameBg,
  nameEn,
  logoUrl: logo ? `/api/organizations/00000000-0000-4000-8000-00000000000${n}/logo?size=small&v=1` : null,
});

/** The home page's one answer (issue 17): the cluster above, two areas with members, fees, no news. */
export const homeFixture: HomeResponse = {
  cluster: {
    nameBg: clusterFixture.nameBg,
    nameEn: clusterFixture.nameEn,
    taglineBg: clusterFixture.taglineBg,
    taglineEn: clusterFixture.taglineEn,
    missionBg: clusterFixture.missionBg,
    missionEn: clusterFixture.missionEn,
  },
  figures: { members: 14, smes: 9, universities: 1, publicBodies: 0, openCalls: 2, upcomingEvents: 0 },
  areas: [
    {
      id: 'ict',
      nameBg: 'Информатика и ИКТ',
      nameEn: 'Informatics and ICT',
      isPriority: true,
      memberCount: 9,
      members: [member(1, 'Дигитална София', 'Digital Sofia', true), member(2, 'Код Лаб', 'Code Lab')],
    },
    {
      id: 'mechatronics',
      nameBg: 'Мехатроника и микроелектроника',
      nameEn: 'Mechatronics and microelectronics',
      isPriority: false,
      memberCount: 1,
      members: [member(3, 'Робо Тех', 'Robo Tech')],
    },
    {
      id: 'clean-tech',
      nameBg: 'Чисти технологии',
      nameEn: 'Clean technologies',
      isPriority: false,
      memberCount: 0,
      members: [],
    },
  ],
  logos: [member(1, 'Дигитална София', 'Digital Sofia', true), member(2, 'Код Лаб', 'Code Lab')],
  news: [],
  events: [],
  calls: [],
  fees: {
    year: 2026,
    rates: [
      { category: 'regular', amountCents: 50_000 },
      { category: 'associated', amountCents: 25_000 },
      { category: 'engaged', amountCents: 0 },
    ],
  },
  generatedAt: '2026-03-01T10:00:00.000Z',
};
