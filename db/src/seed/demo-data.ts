/**
 * Demo data of Клъстер „София – град на знанието“ (Cluster "Sofia City of Knowledge"). Every organisation
 * below is fictional except Столична община, whose real БУЛСТАТ is used; web sites are `.example` domains
 * and phone numbers are made up.
 *
 * Only Дигитална София mentions the city in a publicly listed name or description, so a directory search
 * for „софия“ has exactly one listed hit (Sofia Municipality mentions it too, but it is an unlisted
 * candidate). Keep it so when adding organisations: the web and server tests rely on it.
 */
import {
  CONTACT_FIELD_DEFAULTS,
  eik9CheckDigit,
  type FullVisibilityMap,
  type MembershipCategory,
  type MembershipStatus,
  type OrganizationKind,
  VISIBILITIES,
} from '@portal/shared';

/** A valid 9-digit ЕИК from a fixed 8-digit prefix (check digit per DESIGN.md, Bulgarian identifiers). */
function eik(first8: string): string {
  if (!/^\d{8}$/.test(first8)) throw new Error(`ЕИК prefix must be 8 digits: ${first8}`);
  return `${first8}${eik9CheckDigit(first8)}`;
}

export interface DemoClusterSettings {
  nameBg: string;
  nameEn: string;
  taglineBg: string;
  taglineEn: string;
  missionBg: string;
  missionEn: string;
  strategyBg: string;
  strategyEn: string;
}

export interface DemoOrganization {
  eik: string;
  nameBg: string;
  nameEn: string;
  kind: OrganizationKind;
  employees: number;
  foundedYear: number;
  /** In Bulgarian, as the directory filters by it. */
  city: string;
  address: string;
  website: string;
  publicEmail: string;
  publicPhone: string;
  descriptionBg: string;
  descriptionEn: string;
  /** КИД-2008 (NACE Rev. 2) codes. */
  naceCodes: string[];
  /** Area slugs from migrations/0002_isis_areas.sql. */
  areas: string[];
  membership: { category: MembershipCategory; status: MembershipStatus; memberSince: string | null };
  /** The contact person (fictional) and who sees each contact field (see shared/src/privacy.ts). */
  contactName: string;
  contactPosition: string;
  contactEmail: string;
  contactPhone: string;
  visibility: FullVisibilityMap;
  /** "Accept messages from visitors through the portal" (decision 053). */
  acceptsContact: boolean;
}

type ContactKey =
  | 'contactName'
  | 'contactPosition'
  | 'contactEmail'
  | 'contactPhone'
  | 'visibility'
  | 'acceptsContact';

/**
 * The members whose public page shows the contact form (decision 053): Digital Sofia, which the demo
 * representative (predstavitel@demo.klaster.bg) represents, so its messages can be read in the mailbox.
 */
const ACCEPTS_CONTACT = new Set([eik('20345678')]);

export const DEMO_CLUSTER_SETTINGS: DemoClusterSettings = {
  nameBg: 'Клъстер „София – град на знанието“',
  nameEn: 'Cluster "Sofia City of Knowledge"',
  taglineBg: 'Заедно превръщаме знанието в иновации – в информационните технологии и креативните индустрии.',
  taglineEn:
    'Together we turn knowledge into innovation – in information technology and the creative industries.',
  missionBg:
    'Клъстерът обединява фирми – дори преки конкуренти – с университети, научни организации и училища, за да споделят инфраструктура, информация и човешки ресурси. Така всеки член получава достъп до лаборатории, данни и специалисти, които сам не би могъл да поддържа. Клъстерът подготвя и съвместни проектни предложения по програми за финансиране като Програма „Конкурентоспособност и иновации в предприятията“ (ПКИП) и „Хоризонт Европа“.',
  missionEn:
    'The cluster brings companies – even direct competitors – together with universities, research organisations and schools to share infrastructure, information and human resources. Every member thus gains access to laboratories, data and specialists it could not sustain on its own. The cluster also prepares joint bids for funding programmes such as the Programme "Competitiveness and Innovation in Enterprises" (ПКИП) and Horizon Europe.',
  strategyBg:
    'Инициативният комитет прие Иновационната стратегия за интелигентна специализация на София за пътна карта на клъстера. Клъстерът се съсредоточава върху двата ѝ вертикални приоритета – „Информатика и ИКТ“ и „Нови технологии в креативните и рекреативните индустрии“. Хоризонталната цел – укрепване на иновационната екосистема – се отнася за всеки член, независимо от неговата област. Очакваме Столична община да се присъедини към клъстера след решение на Столичния общински съвет.',
  strategyEn:
    "The initiative committee adopted Sofia's Innovation Strategy for Smart Specialisation as the cluster's roadmap. The cluster concentrates on the strategy's two vertical priorities – Informatics and ICT, and New technologies in creative and recreative industries. The horizontal aim of strengthening the innovation ecosystem applies to every member, whatever its field. We expect Sofia Municipality to accede to the cluster once the Sofia Municipal Council has decided.",
};

const ORGANIZATIONS: readonly Omit<DemoOrganization, ContactKey>[] = [
  {
    eik: eik('20345678'),
    nameBg: 'Дигитална София',
    nameEn: 'Digital Sofia',
    kind: 'company',
    employees: 120,
    foundedYear: 2012,
    city: 'София',
    address: 'бул. „Цариградско шосе“ 115, ет. 4',
    website: 'https://digital-sofia.example',
    publicEmail: 'info@digital-sofia.example',
    publicPhone: '+359 2 400 1201',
    descriptionBg:
      'Дигитална София разработва софтуер и облачни услуги за града: електронни административни услуги, платформи за градски данни и мобилни приложения за гражданите на София. Предлага на членовете на клъстера облачна инфраструктура и опит с обществени поръчки, а търси партньори в изкуствения интелект и дизайна на услуги.',
    descriptionEn:
      'Digital Sofia builds software and cloud services for the city: e-government services, urban data platforms and mobile apps for the people of Sofia. It offers cluster members cloud infrastructure and experience with public procurement, and seeks partners in artificial intelligence and service design.',
    naceCodes: ['62.01', '63.11'],
    areas: ['ict-software', 'ict-hpc-cloud', 'ict-egov'],
    membership: { category: 'engaged', status: 'active', memberSince: '2025-03-12' },
  },
  {
    eik: eik('13127540'),
    nameBg: 'Балкан Софтуер Системс',
    nameEn: 'Balkan Software Systems',
    kind: 'company',
    employees: 640,
    foundedYear: 1998,
    city: 'София',
    address: 'ул. „Околовръстен път“ 36, Бизнес парк, сграда 7',
    website: 'https://balkan-software.example',
    publicEmail: 'partners@balkan-software.example',
    publicPhone: '+359 2 400 1302',
    descriptionBg:
      'Балкан Софтуер Системс създава банков и застрахователен софтуер за клиенти в 30 държави. Дружеството предлага стажове, менторство и споделени тестови среди, а търси съвместни изследователски проекти с университети.',
    descriptionEn:
      'Balkan Software Systems makes banking and insurance software for clients in 30 countries. The company offers internships, mentoring and shared test environments, and seeks joint research projects with universities.',
    naceCodes: ['62.01', '62.02', '58.29'],
    areas: ['ict', 'ict-software'],
    membership: { category: 'engaged', status: 'active', memberSince: '2025-02-20' },
  },
  {
    eik: eik('20411873'),
    nameBg: 'Облачен мост',
    nameEn: 'Cloud Bridge',
    kind: 'company',
    employees: 34,
    foundedYear: 2017,
    city: 'София',
    address: 'ул. „Николай Хайтов“ 3А',
    website: 'https://cloud-bridge.example',
    publicEmail: 'hello@cloud-bridge.example',
    publicPhone: '+359 2 400 1403',
    descriptionBg:
      'Облачен мост пренася информационните системи на малки и средни фирми в облака и ги поддържа денонощно. Може да осигури изчислителен капацитет за пилотни проекти на членовете и търси партньори за обучение на кадри по DevOps.',
    descriptionEn:
      'Cloud Bridge moves the information systems of small and medium-sized firms to the cloud and runs them around the clock. It can provide computing capacity for members’ pilot projects and seeks partners to train DevOps staff.',
    naceCodes: ['62.03', '63.11'],
    areas: ['ict-hpc-cloud', 'ict-software'],
    membership: { category: 'regular', status: 'active', memberSince: '2025-03-12' },
  },
  {
    eik: eik('20502916'),
    nameBg: 'Данни и смисъл',
    nameEn: 'Data and Meaning',
    kind: 'company',
    employees: 18,
    foundedYear: 2019,
    city: 'София',
    address: 'ул. „Шипка“ 34, офис 12',
    website: 'https://data-meaning.example',
    publicEmail: 'contact@data-meaning.example',
    publicPhone: '+359 2 400 1504',
    descriptionBg:
      'Данни и смисъл изгражда модели за машинно обучение и обработка на текст на български език. Предлага анотирани корпуси и консултации по управление на данни, а търси достъп до високопроизводителни изчисления.',
    descriptionEn:
      'Data and Meaning builds machine-learning models and natural-language processing for Bulgarian. It offers annotated corpora and data-governance advice, and seeks access to high-performance computing.',
    naceCodes: ['62.01', '72.19'],
    areas: ['ict-ai-data', 'health-medtech'],
    membership: { category: 'regular', status: 'active', memberSince: '2025-04-08' },
  },
  {
    eik: eik('20377219'),
    nameBg: 'Щит Кибер',
    nameEn: 'Shield Cyber',
    kind: 'company',
    employees: 85,
    foundedYear: 2014,
    city: 'София',
    address: 'бул. „България“ 118, ет. 9',
    website: 'https://shield-cyber.example',
    publicEmail: 'soc@shield-cyber.example',
    publicPhone: '+359 2 400 1605',
    descriptionBg:
      'Щит Кибер извършва тестове за проникване и управлява център за наблюдение на сигурността. Предлага на членовете одит на уязвимости и обучения по киберхигиена, а търси съвместни проекти с публичния сектор.',
    descriptionEn:
      'Shield Cyber performs penetration tests and runs a security operations centre. It offers members vulnerability audits and cyber-hygiene training, and seeks joint projects with the public sector.',
    naceCodes: ['62.02', '80.20'],
    areas: ['ict-cybersecurity'],
    membership: { category: 'regular', status: 'active', memberSince: '2025-05-15' },
  },
  {
    eik: eik('20633480'),
    nameBg: 'Тераформ Дейта Център',
    nameEn: 'Terraform Data Centre',
    kind: 'company',
    employees: 310,
    foundedYear: 2008,
    city: 'София',
    address: 'ул. „Самоковско шосе“ 2Л',
    website: 'https://terraform-dc.example',
    publicEmail: 'sales@terraform-dc.example',
    publicPhone: '+359 2 400 1706',
    descriptionBg:
      'Тераформ Дейта Център управлява два сертифицирани центъра за данни с резервирано захранване. Предоставя на членовете колокация и графични процесори при преференциални условия, а търси партньори за повторно използване на отпадната топлина.',
    descriptionEn:
      'Terraform Data Centre operates two certified data centres with redundant power. It provides members with colocation and GPUs on preferential terms, and seeks partners to reuse its waste heat.',
    naceCodes: ['63.11'],
    areas: ['ict-hpc-cloud', 'clean-energy'],
    membership: { category: 'engaged', status: 'active', memberSince: '2025-06-03' },
  },
  {
    eik: eik('20705562'),
    nameBg: 'Геопространствени решения',
    nameEn: 'Geospatial Solutions',
    kind: 'company',
    employees: 24,
    foundedYear: 2016,
    city: 'Пловдив',
    address: 'ул. „Христо Ботев“ 27',
    website: 'https://geospatial.example',
    publicEmail: 'office@geospatial.example',
    publicPhone: '+359 32 400 180',
    descriptionBg:
      'Геопространствени решения обработва спътникови и дронови изображения и изгражда цифрови двойници на градове. Предлага геоданни и картографски услуги, а търси партньори в интернет на нещата.',
    descriptionEn:
      'Geospatial Solutions processes satellite and drone imagery and builds digital twins of cities. It offers geodata and mapping services, and seeks partners in the internet of things.',
    naceCodes: ['62.01', '71.12'],
    areas: ['ict-ai-data', 'ict-iot', 'mech-microelectronics'],
    membership: { category: 'associated', status: 'active', memberSince: '2025-09-18' },
  },
  {
    eik: eik('20718834'),
    nameBg: 'Умни градски системи',
    nameEn: 'Smart Urban Systems',
    kind: 'company',
    employees: 28,
    foundedYear: 2020,
    city: 'София',
    address: 'ул. „Тинтява“ 15',
    website: 'https://smart-urban.example',
    publicEmail: 'info@smart-urban.example',
    publicPhone: '+359 2 400 1907',
    descriptionBg:
      'Умни градски системи проектира сензорни мрежи за качество на въздуха, паркиране и улично осветление. Може да предложи тестова сензорна мрежа, а търси партньори за пилотни внедрявания в общини.',
    descriptionEn:
      'Smart Urban Systems designs sensor networks for air quality, parking and street lighting. It can offer a test sensor network and seeks partners for pilot deployments in municipalities.',
    naceCodes: ['26.51', '62.01'],
    areas: ['ict-iot', 'clean-mobility'],
    membership: { category: 'candidate', status: 'active', memberSince: null },
  },
  {
    eik: eik('20745127'),
    nameBg: 'Кванта Интелект',
    nameEn: 'Quanta Intelligence',
    kind: 'company',
    employees: 7,
    foundedYear: 2023,
    city: 'София',
    address: 'бул. „Джеймс Баучер“ 76, офис 3',
    website: 'https://quanta-intelligence.example',
    publicEmail: 'team@quanta-intelligence.example',
    publicPhone: '+359 2 400 2008',
    descriptionBg:
      'Кванта Интелект е стартираща компания, която създава езикови асистенти за обслужване на клиенти. Търси данни за обучение, ментори и партньори за кандидатстване по „Хоризонт Европа“.',
    descriptionEn:
      'Quanta Intelligence is a start-up building language assistants for customer service. It seeks training data, mentors and partners for Horizon Europe bids.',
    naceCodes: ['62.01'],
    areas: ['ict-ai-data'],
    membership: { category: 'candidate', status: 'active', memberSince: null },
  },
  {
    eik: eik('20566391'),
    nameBg: 'Пиксел Ковачница',
    nameEn: 'Pixel Forge',
    kind: 'company',
    employees: 6,
    foundedYear: 2021,
    city: 'Варна',
    address: 'ул. „Драган Цанков“ 8',
    website: 'https://pixel-forge.example',
    publicEmail: 'studio@pixel-forge.example',
    publicPhone: '+359 52 400 210',
    descriptionBg:
      'Пиксел Ковачница е инди студио за мобилни игри с пиксел арт стилистика. Предлага услуги по концептуален арт и анимация на персонажи, а търси издател и съвместно финансиране.',
    descriptionEn:
      'Pixel Forge is an indie studio making mobile games in a pixel-art style. It offers concept art and character animation, and seeks a publisher and co-funding.',
    naceCodes: ['58.21', '62.01'],
    areas: ['creative-games'],
    membership: { category: 'associated', status: 'active', memberSince: '2025-10-02' },
  },
  {
    eik: eik('20281946'),
    nameBg: 'Витоша Геймс',
    nameEn: 'Vitosha Games',
    kind: 'company',
    employees: 145,
    foundedYear: 2011,
    city: 'София',
    address: 'ул. „Черни връх“ 47',
    website: 'https://vitosha-games.example',
    publicEmail: 'jobs@vitosha-games.example',
    publicPhone: '+359 2 400 2209',
    descriptionBg:
      'Витоша Геймс разработва конзолни и компютърни игри за международни издатели. Предлага студио за заснемане на движение и обучения по Unreal Engine, а търси млади програмисти и художници.',
    descriptionEn:
      'Vitosha Games develops console and PC games for international publishers. It offers a motion-capture studio and Unreal Engine training, and seeks young programmers and artists.',
    naceCodes: ['58.21', '62.01'],
    areas: ['creative-games', 'creative-xr'],
    membership: { category: 'regular', status: 'active', memberSince: '2025-03-12' },
  },
  {
    eik: eik('20399058'),
    nameBg: 'Анимационна къща Шаро',
    nameEn: 'Sharo Animation House',
    kind: 'company',
    employees: 22,
    foundedYear: 2009,
    city: 'София',
    address: 'ул. „Кракра“ 11',
    website: 'https://sharo-animation.example',
    publicEmail: 'studio@sharo-animation.example',
    publicPhone: '+359 2 400 2310',
    descriptionBg:
      'Анимационна къща Шаро създава анимационни сериали и реклами с 2D и 3D техники. Предлага рендър ферма и звукозаписно студио, а търси копродуценти за детски сериал.',
    descriptionEn:
      'Sharo Animation House creates animated series and commercials with 2D and 3D techniques. It offers a render farm and a recording studio, and seeks co-producers for a children’s series.',
    naceCodes: ['59.11', '59.12'],
    areas: ['creative-media'],
    membership: { category: 'regular', status: 'active', memberSince: '2025-04-08' },
  },
  {
    eik: eik('20423715'),
    nameBg: 'Кадър Медия',
    nameEn: 'Kadar Media',
    kind: 'company',
    employees: 41,
    foundedYear: 2006,
    city: 'София',
    address: 'бул. „Черни връх“ 103',
    website: 'https://kadar-media.example',
    publicEmail: 'production@kadar-media.example',
    publicPhone: '+359 2 400 2411',
    descriptionBg:
      'Кадър Медия продуцира документални филми и видеосъдържание за стрийминг платформи. Предлага снимачна техника и постпродукция, а търси партньори за интерактивни документални формати.',
    descriptionEn:
      'Kadar Media produces documentaries and video content for streaming platforms. It offers filming equipment and post-production, and seeks partners for interactive documentary formats.',
    naceCodes: ['59.11', '59.13'],
    areas: ['creative-media', 'creative'],
    membership: { category: 'regular', status: 'active', memberSince: '2025-06-03' },
  },
  {
    eik: eik('20612487'),
    nameBg: 'Наследство 3D',
    nameEn: 'Heritage 3D',
    kind: 'company',
    employees: 4,
    foundedYear: 2022,
    city: 'София',
    address: 'ул. „Триадица“ 5',
    website: 'https://heritage-3d.example',
    publicEmail: 'hello@heritage-3d.example',
    publicPhone: '+359 2 400 2512',
    descriptionBg:
      'Наследство 3D сканира паметници на културата и музейни експонати и ги превръща във виртуални изложби. Предлага фотограметрия и 3D модели, а търси музеи и общини за съвместни проекти.',
    descriptionEn:
      'Heritage 3D scans monuments and museum pieces and turns them into virtual exhibitions. It offers photogrammetry and 3D models, and seeks museums and municipalities for joint projects.',
    naceCodes: ['74.20', '91.02'],
    areas: ['creative-heritage', 'creative-xr'],
    membership: { category: 'associated', status: 'active', memberSince: '2025-11-20' },
  },
  {
    eik: eik('20654903'),
    nameBg: 'Линия Дизайн Студио',
    nameEn: 'Line Design Studio',
    kind: 'company',
    employees: 8,
    foundedYear: 2015,
    city: 'София',
    address: 'ул. „Оборище“ 19',
    website: 'https://line-design.example',
    publicEmail: 'studio@line-design.example',
    publicPhone: '+359 2 400 2613',
    descriptionBg:
      'Линия Дизайн Студио проектира потребителски интерфейси и визуални идентичности. Предлага проучвания с потребители и прототипиране, а търси софтуерни партньори за дългосрочни проекти.',
    descriptionEn:
      'Line Design Studio designs user interfaces and visual identities. It offers user research and prototyping, and seeks software partners for long-term projects.',
    naceCodes: ['74.10'],
    areas: ['creative-design'],
    membership: { category: 'regular', status: 'suspended', memberSince: '2025-04-08' },
  },
  {
    eik: eik('20589276'),
    nameBg: 'Ехо Саунд Лаб',
    nameEn: 'Echo Sound Lab',
    kind: 'company',
    employees: 5,
    foundedYear: 2018,
    city: 'София',
    address: 'ул. „Гурко“ 22',
    website: 'https://echo-sound.example',
    publicEmail: 'lab@echo-sound.example',
    publicPhone: '+359 2 400 2714',
    descriptionBg:
      'Ехо Саунд Лаб записва и обработва звук за филми, игри и подкасти. Предлага звукоизолирано студио и пространствен звук, а търси партньори за проекти във виртуална реалност.',
    descriptionEn:
      'Echo Sound Lab records and mixes sound for films, games and podcasts. It offers a soundproofed studio and spatial audio, and seeks partners for virtual-reality projects.',
    naceCodes: ['59.20'],
    areas: ['creative-media'],
    membership: { category: 'regular', status: 'active', memberSince: '2026-01-15' },
  },
  {
    eik: eik('20690418'),
    nameBg: 'Сцена Плюс',
    nameEn: 'Scena Plus',
    kind: 'company',
    employees: 15,
    foundedYear: 2013,
    city: 'София',
    address: 'бул. „Александър Стамболийски“ 84',
    website: 'https://scena-plus.example',
    publicEmail: 'events@scena-plus.example',
    publicPhone: '+359 2 400 2815',
    descriptionBg:
      'Сцена Плюс организира фестивали и спортни събития и разработва системи за електронни билети. Предлага сценична техника и достъп до публика, а търси технологични партньори за интерактивни преживявания.',
    descriptionEn:
      'Scena Plus organises festivals and sports events and develops e-ticketing systems. It offers stage equipment and access to audiences, and seeks technology partners for interactive experiences.',
    naceCodes: ['90.02', '93.29'],
    areas: ['creative-tourism-sport'],
    membership: { category: 'associated', status: 'active', memberSince: '2026-02-10' },
  },
  {
    eik: eik('20790133'),
    nameBg: 'ЕТ Мартин Стоянов – Уеб Занаят',
    nameEn: 'Martin Stoyanov – Web Craft',
    kind: 'sole_trader',
    employees: 1,
    foundedYear: 2016,
    city: 'София',
    address: 'ж.к. „Младост“ 1, бл. 28, вх. Б',
    website: 'https://web-craft.example',
    publicEmail: 'martin@web-craft.example',
    publicPhone: '+359 88 400 2916',
    descriptionBg:
      'Уеб Занаят изработва достъпни уебсайтове и онлайн магазини за малки фирми и културни организации. Предлага гъвкав капацитет за подизпълнение, а търси участие в по-големи проекти.',
    descriptionEn:
      'Web Craft builds accessible websites and online shops for small firms and cultural organisations. It offers flexible subcontracting capacity and seeks a part in larger projects.',
    naceCodes: ['62.01'],
    areas: ['ict-software'],
    membership: { category: 'associated', status: 'active', memberSince: '2025-12-04' },
  },
  {
    eik: eik('00069118'),
    nameBg: 'Университет по информатика и изкуства',
    nameEn: 'University of Informatics and Arts',
    kind: 'university',
    employees: 1150,
    foundedYear: 1972,
    city: 'София',
    address: 'бул. „Климент Охридски“ 8',
    website: 'https://uia.example',
    publicEmail: 'rector@uia.example',
    publicPhone: '+359 2 400 3017',
    descriptionBg:
      'Университетът обучава специалисти по компютърни науки, дигитални изкуства и медии. Предлага лаборатории, съвместни магистърски програми и студентски стажове, а търси индустриални партньори за приложни изследвания.',
    descriptionEn:
      'The university educates specialists in computer science, digital arts and media. It offers laboratories, joint master’s programmes and student placements, and seeks industry partners for applied research.',
    naceCodes: ['85.42', '72.19'],
    areas: ['ict', 'creative'],
    membership: { category: 'engaged', status: 'active', memberSince: '2025-02-20' },
  },
  {
    eik: eik('00068504'),
    nameBg: 'Институт по изчислителни науки',
    nameEn: 'Institute of Computational Sciences',
    kind: 'research_institute',
    employees: 180,
    foundedYear: 1961,
    city: 'София',
    address: 'ул. „Акад. Г. Бончев“, бл. 25А',
    website: 'https://ics-institute.example',
    publicEmail: 'office@ics-institute.example',
    publicPhone: '+359 2 400 3118',
    descriptionBg:
      'Институтът провежда фундаментални и приложни изследвания в изкуствения интелект, паралелните изчисления и моделирането. Предлага достъп до суперкомпютър и експертиза за проектни предложения, а търси фирми за трансфер на технологии.',
    descriptionEn:
      'The institute conducts basic and applied research in artificial intelligence, parallel computing and modelling. It offers access to a supercomputer and expertise for project proposals, and seeks firms for technology transfer.',
    naceCodes: ['72.19'],
    areas: ['ict-ai-data', 'ict-hpc-cloud', 'health-biotech'],
    membership: { category: 'engaged', status: 'active', memberSince: '2025-02-20' },
  },
  {
    eik: eik('00063726'),
    nameBg: 'Професионална гимназия по програмиране и дизайн',
    nameEn: 'Vocational High School of Programming and Design',
    kind: 'school',
    employees: 75,
    foundedYear: 1988,
    city: 'София',
    address: 'ул. „Владайска“ 14',
    website: 'https://pgpd.example',
    publicEmail: 'school@pgpd.example',
    publicPhone: '+359 2 400 3219',
    descriptionBg:
      'Гимназията подготвя програмисти и графични дизайнери с дуално обучение във фирми. Предлага компютърни зали за обучения в извънработно време, а търси фирми за практики на учениците.',
    descriptionEn:
      'The school trains programmers and graphic designers through dual education in companies. It offers computer rooms for training outside school hours, and seeks firms to host student placements.',
    naceCodes: ['85.32'],
    areas: ['ict-software', 'creative-design'],
    membership: { category: 'associated', status: 'active', memberSince: '2025-09-18' },
  },
  {
    eik: eik('17652094'),
    nameBg: 'Фондация Отворен код за общността',
    nameEn: 'Open Code for the Community Foundation',
    kind: 'ngo',
    employees: 5,
    foundedYear: 2015,
    city: 'София',
    address: 'ул. „Граф Игнатиев“ 52',
    website: 'https://open-code.example',
    publicEmail: 'hello@open-code.example',
    publicPhone: '+359 2 400 3320',
    descriptionBg:
      'Фондацията развива софтуер с отворен код за публичния сектор и отворени данни. Предлага общност от доброволци и хакатони, а търси дарители и партньори за проекти по електронно управление.',
    descriptionEn:
      'The foundation develops open-source software for the public sector and open data. It offers a community of volunteers and hackathons, and seeks donors and partners for e-government projects.',
    naceCodes: ['94.99'],
    areas: ['ict-egov', 'ict'],
    membership: { category: 'associated', status: 'active', memberSince: '2025-05-15' },
  },
  {
    eik: eik('17588213'),
    nameBg: 'Асоциация на работодателите в креативните индустрии',
    nameEn: 'Employers’ Association of the Creative Industries',
    kind: 'employers_organization',
    employees: 9,
    foundedYear: 2010,
    city: 'София',
    address: 'ул. „Раковски“ 108',
    website: 'https://creative-employers.example',
    publicEmail: 'office@creative-employers.example',
    publicPhone: '+359 2 400 3421',
    descriptionBg:
      'Асоциацията представлява над 200 работодатели от филмовата, игровата и дизайнерската индустрия. Предлага пазарни анализи и застъпничество пред институциите, а търси общи позиции по политиките за умения.',
    descriptionEn:
      'The association represents over 200 employers from the film, games and design industries. It offers market analyses and advocacy before public institutions, and seeks common positions on skills policy.',
    naceCodes: ['94.11'],
    areas: ['creative'],
    membership: { category: 'regular', status: 'active', memberSince: '2025-06-03' },
  },
  {
    eik: eik('17734452'),
    nameBg: 'Нордлайт Интерактив АБ',
    nameEn: 'Nordlight Interactive AB',
    kind: 'foreign_entity',
    employees: 260,
    foundedYear: 2005,
    city: 'Стокхолм',
    address: 'Götgatan 22, 118 46 Stockholm, Sweden',
    website: 'https://nordlight.example',
    publicEmail: 'bulgaria@nordlight.example',
    publicPhone: '+46 8 400 3522',
    descriptionBg:
      'Нордлайт Интерактив е шведско студио за игри и приложения в добавена реалност с екип за разработка в България. Предлага достъп до северноевропейски пазари, а търси партньори за консорциуми по „Хоризонт Европа“.',
    descriptionEn:
      'Nordlight Interactive is a Swedish studio for augmented-reality games and apps with a development team in Bulgaria. It offers access to Nordic markets, and seeks partners for Horizon Europe consortia.',
    naceCodes: ['58.21', '62.01'],
    areas: ['creative-xr', 'creative-games'],
    membership: { category: 'associated', status: 'active', memberSince: '2026-03-05' },
  },
  {
    eik: '000696327',
    nameBg: 'Столична община',
    nameEn: 'Sofia Municipality',
    kind: 'public_authority',
    employees: 3400,
    foundedYear: 1878,
    city: 'София',
    address: 'ул. „Московска“ 33',
    website: 'https://sofia-municipality.example',
    publicEmail: 'clusters@sofia-municipality.example',
    publicPhone: '+359 2 400 3623',
    descriptionBg:
      'Столична община е органът на местното самоуправление в София и автор на Иновационната стратегия за интелигентна специализация на града. Присъединяването ѝ към клъстера предстои да бъде решено от Столичния общински съвет.',
    descriptionEn:
      "Sofia Municipality is the local government of Sofia and the author of the city's Innovation Strategy for Smart Specialisation. Its accession to the cluster is still to be decided by the Sofia Municipal Council.",
    naceCodes: ['84.11'],
    areas: ['ict-egov', 'creative-heritage'],
    membership: { category: 'candidate', status: 'active', memberSince: null },
  },
];

/** Fictional contact persons, one per organisation in order (names are invented; none is a real person). */
const CONTACT_PERSONS: readonly { name: string; positionBg: string; phone: string }[] = [
  { name: 'Мария Стоянова', positionBg: 'Директор „Партньорства“', phone: '+359 88 410 1201' },
  { name: 'Георги Петков', positionBg: 'Управител', phone: '+359 88 410 1302' },
  { name: 'Елица Димова', positionBg: 'Ръководител „Бизнес развитие“', phone: '+359 88 410 1403' },
  { name: 'Николай Ганев', positionBg: 'Технически директор', phone: '+359 88 410 1504' },
  { name: 'Десислава Колева', positionBg: 'Управител', phone: '+359 88 410 1605' },
  { name: 'Стефан Маринов', positionBg: 'Директор „Продажби“', phone: '+359 88 410 1706' },
  { name: 'Ралица Христова', positionBg: 'Ръководител на проекти', phone: '+359 88 410 1807' },
  { name: 'Павел Йорданов', positionBg: 'Изпълнителен директор', phone: '+359 88 410 1908' },
];

/**
 * A deterministic mix of visibilities: organisation i has its contact person public, members-only or the
 * defaults in turn, and every third one keeps its phone for the committee only. Дигитална София (the
 * first) has fields at every level: its general contacts public, the contact person's name, position and
 * email members-only, the contact person's phone committee-only.
 */
function visibilityFor(index: number): FullVisibilityMap {
  if (index === 0) {
    return {
      ...CONTACT_FIELD_DEFAULTS,
      contactName: 'members',
      contactEmail: 'members',
      contactPhone: 'committee',
    };
  }
  const personLevel = VISIBILITIES[index % 2]!;
  return {
    ...CONTACT_FIELD_DEFAULTS,
    publicEmail: index % 5 === 0 ? 'members' : 'public',
    contactName: personLevel,
    contactPosition: personLevel,
    contactEmail: index % 3 === 0 ? 'committee' : 'members',
    contactPhone: index % 3 === 1 ? 'members' : 'committee',
  };
}

/** The demo organisations with their contact persons; the same every run. */
export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = ORGANIZATIONS.map((org, index) => {
  const person = CONTACT_PERSONS[index % CONTACT_PERSONS.length]!;
  const domain = new URL(org.website).hostname;
  const login = ['contact', 'partners', 'office', 'team'][index % 4]!;
  return {
    ...org,
    contactName: person.name,
    contactPosition: person.positionBg,
    contactEmail: `${login}.person@${domain}`,
    contactPhone: person.phone,
    visibility: visibilityFor(index),
    acceptsContact: ACCEPTS_CONTACT.has(org.eik),
  };
});
