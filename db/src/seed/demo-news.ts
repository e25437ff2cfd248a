/**
 * Demo news (issue 15 §4, decision 040): the report of the initiative committee's first official meeting,
 * a call, a member news of „Дигитална София“ (proposed by its representative and approved), and — for the
 * editor's queue — a member news still waiting for the committee and a scheduled post. The three newest
 * public ones are the home page's "Latest news". Written in our own words.
 *
 * Idempotent: fixed ids and `on conflict do nothing`; the dates are counted from the first run.
 */
import { eik9CheckDigit } from '@portal/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { newsPostAreas, newsPosts } from '../schema/index.ts';

export const demoNewsId = (n: number) => `00000000-0e05-4000-8000-${String(n).padStart(12, '0')}`;

const CHAIR = 'predsedatel@demo.klaster.bg';
const REPRESENTATIVE = 'predstavitel@demo.klaster.bg';

export interface DemoNewsPost {
  n: number;
  slug: string;
  category: 'news' | 'event' | 'call' | 'member_news';
  status: 'draft' | 'submitted' | 'published';
  /** Public this many days before the first run (negative: scheduled that many days ahead). */
  publishedDaysAgo: number | null;
  author: string;
  /** Member news: the organisation's ЕИК. */
  organizationEik?: string;
  areas: string[];
  titleBg: string;
  titleEn: string;
  summaryBg: string;
  summaryEn: string;
  bodyBg: string;
  bodyEn: string;
}

export const DEMO_NEWS: readonly DemoNewsPost[] = [
  {
    n: 1,
    slug: 'first-official-meeting-of-the-initiative-committee',
    category: 'news',
    status: 'published',
    publishedDaysAgo: 20,
    author: CHAIR,
    areas: ['ict', 'creative'],
    titleBg: 'Първо официално заседание на инициативния комитет',
    titleEn: 'First official meeting of the initiative committee',
    summaryBg:
      'Инициативният комитет прие визията и целите на клъстера, избра Стратегията за интелигентна специализация на София за пътна карта и начерта следващите стъпки.',
    summaryEn:
      "The initiative committee agreed the cluster's vision and goals, chose Sofia's Smart Specialisation Strategy as its roadmap and set out the next steps.",
    bodyBg: [
      'Инициативният комитет на клъстера „София – град на знанието“ проведе първото си официално заседание.',
      '',
      '## Визия и цели',
      '',
      'Клъстерът иска да свърже компаниите, университетите и културните организации на града, за да създават заедно нови продукти и услуги и да правят София по-привлекателна за таланти и инвестиции.',
      '',
      '## Пътна карта',
      '',
      'Комитетът прие **Иновационната стратегия за интелигентна специализация на София** за пътна карта на клъстера. Фокусът е върху двата ѝ вертикални приоритета — информатика и ИКТ и нови технологии в творческите и рекреативните индустрии.',
      '',
      '## Следващи стъпки',
      '',
      '- покана към Столичната община да се присъедини към клъстера;',
      '- изграждане на управлението и правилата на клъстера по международните стандарти за клъстерно управление;',
      '- подготовка за предстоящата процедура по програма „Конкурентоспособност и иновации в предприятията“ (ОПИК).',
      '',
      'Членовете ще бъдат канени на работни срещи по всяка от темите.',
    ].join('\n'),
    bodyEn: [
      'The initiative committee of the cluster "Sofia City of Knowledge" held its first official meeting.',
      '',
      '## Vision and goals',
      '',
      "The cluster means to bring the city's companies, universities and cultural organisations together to create new products and services, and to make Sofia more attractive to talent and investment.",
      '',
      '## Roadmap',
      '',
      "The committee adopted **Sofia's Innovation Strategy for Smart Specialisation** as the cluster's roadmap. The focus is on its two vertical priorities: informatics and ICT, and new technologies in the creative and recreative industries.",
      '',
      '## Next steps',
      '',
      '- inviting Sofia Municipality to join the cluster;',
      "- building the cluster's governance and rules to international standards of cluster management;",
      '- preparing for the coming call of the Innovation and Competitiveness programme (ОПИК / OPIC).',
      '',
      'Members will be invited to working meetings on each of these.',
    ].join('\n'),
  },
  {
    n: 2,
    slug: 'call-for-joint-project-ideas-opic',
    category: 'call',
    status: 'published',
    publishedDaysAgo: 9,
    author: CHAIR,
    areas: ['ict', 'creative'],
    titleBg: 'Покана за идеи за съвместни проекти по ОПИК',
    titleEn: 'Call for joint project ideas for OPIC',
    summaryBg: 'Членовете могат да предложат идеи за съвместни проекти до края на месеца.',
    summaryEn: 'Members can put forward ideas for joint projects until the end of the month.',
    bodyBg:
      'В подготовка за процедурата по ОПИК комитетът събира **идеи за съвместни проекти** между членовете.\n\nОпишете накратко идеята, партньорите и очаквания резултат и ги изпратете на [klaster@example.bg](mailto:klaster@example.bg).',
    bodyEn:
      'In preparation for the OPIC call, the committee is gathering **ideas for joint projects** among the members.\n\nDescribe the idea, the partners and the expected result briefly and send them to [klaster@example.bg](mailto:klaster@example.bg).',
  },
  {
    n: 3,
    slug: 'digital-sofia-opens-city-data-platform-to-members',
    category: 'member_news',
    status: 'published',
    publishedDaysAgo: 3,
    author: REPRESENTATIVE,
    organizationEik: '20345678',
    areas: ['ict-egov', 'ict-hpc-cloud'],
    titleBg: 'Дигитална София отваря платформата си за градски данни за членовете',
    titleEn: 'Digital Sofia opens its city data platform to members',
    summaryBg: 'Членовете на клъстера получават безплатен пробен достъп за три месеца.',
    summaryEn: 'Cluster members get three months of free trial access.',
    bodyBg:
      'Дигитална София предоставя на членовете на клъстера пробен достъп до платформата си за **отворени градски данни** — транспорт, качество на въздуха и събития.\n\nЗаявки за достъп — през борсата за сътрудничество.',
    bodyEn:
      'Digital Sofia gives cluster members trial access to its **open city data** platform: transport, air quality and events.\n\nAsk for access through the cooperation board.',
  },
  {
    n: 4,
    slug: 'digital-sofia-joins-european-data-spaces-project',
    category: 'member_news',
    status: 'submitted',
    publishedDaysAgo: null,
    author: REPRESENTATIVE,
    organizationEik: '20345678',
    areas: ['ict-ai-data'],
    titleBg: 'Дигитална София се включва в европейски проект за пространства за данни',
    titleEn: '',
    summaryBg: 'Проектът ще свърже общински данни от пет европейски столици.',
    summaryEn: '',
    bodyBg: 'Дигитална София е партньор в нов европейски проект за **пространства за данни** на градовете.',
    bodyEn: '',
  },
  {
    n: 5,
    slug: 'working-meeting-on-cluster-governance',
    category: 'event',
    status: 'published',
    publishedDaysAgo: -5,
    author: CHAIR,
    areas: [],
    titleBg: 'Работна среща за управлението на клъстера',
    titleEn: 'Working meeting on the governance of the cluster',
    summaryBg: 'Обсъждане на правилата на клъстера по международните стандарти.',
    summaryEn: "Discussing the cluster's rules against international standards.",
    bodyBg: 'Каним членовете на работна среща за правилата и управлението на клъстера.',
    bodyEn: 'Members are invited to a working meeting on the rules and governance of the cluster.',
  },
  {
    n: 6,
    slug: 'open-day-and-partner-matchmaking',
    category: 'event',
    status: 'published',
    publishedDaysAgo: 25,
    author: CHAIR,
    areas: ['ict', 'creative'],
    titleBg: 'Ден на отворените врати и срещи за партньорства',
    titleEn: 'Open day and partner matchmaking',
    summaryBg:
      'Запознайте се с членовете на клъстера и намерете партньори за общи проекти в кратки срещи едно към едно.',
    summaryEn:
      'Meet the members of the cluster and find partners for joint projects in short one-to-one meetings.',
    bodyBg: [
      'Клъстерът отваря вратите си за всички, които искат да работят с неговите членове.',
      '',
      '## Програма',
      '',
      '- представяне на клъстера и на борсата за сътрудничество;',
      '- кратки срещи едно към едно между фирми, университети и културни организации;',
      '- неформален разговор за идеите за общи проекти по ОПИК.',
      '',
      'Участието е безплатно, но местата са ограничени: запишете се по-долу.',
    ].join('\n'),
    bodyEn: [
      'The cluster opens its doors to everyone who wants to work with its members.',
      '',
      '## Programme',
      '',
      '- an introduction to the cluster and its cooperation board;',
      '- short one-to-one meetings between companies, universities and cultural organisations;',
      '- an informal talk about ideas for joint projects under OPIC.',
      '',
      'Taking part is free, but seats are limited: register below.',
    ].join('\n'),
  },
];

export async function seedDemoNews(
  tx: Db,
  idOf: (eik: string) => string,
  userIdOf: (email: string) => string,
): Promise<void> {
  const eikOf = (first8: string) => `${first8}${eik9CheckDigit(first8)}`;
  const at = (days: number) => sql`now() - make_interval(days => ${days})`;
  for (const post of DEMO_NEWS) {
    const id = demoNewsId(post.n);
    const authorId = userIdOf(post.author);
    await tx
      .insert(newsPosts)
      .values({
        id,
        slug: post.slug,
        category: post.category,
        status: post.status,
        titleBg: post.titleBg,
        titleEn: post.titleEn,
        summaryBg: post.summaryBg,
        summaryEn: post.summaryEn,
        bodyBg: post.bodyBg,
        bodyEn: post.bodyEn,
        publishAt: post.publishedDaysAgo === null ? null : at(post.publishedDaysAgo),
        organizationId: post.organizationEik ? idOf(eikOf(post.organizationEik)) : null,
        authorId,
        editorId: post.category === 'member_news' && post.status === 'published' ? userIdOf(CHAIR) : authorId,
        submittedAt: post.status === 'submitted' ? at(1) : post.category === 'member_news' ? at(4) : null,
        createdAt: at(Math.max(post.publishedDaysAgo ?? 2, 0) + 1),
        updatedAt: at(Math.max(post.publishedDaysAgo ?? 1, 0)),
      })
      .onConflictDoNothing();
    if (post.areas.length)
      await tx
        .insert(newsPostAreas)
        .values(post.areas.map((areaId) => ({ postId: id, areaId })))
        .onConflictDoNothing();
  }
}
