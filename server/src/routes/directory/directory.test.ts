import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import {
  isValidEik,
  type OrganizationListResponse,
  OrganizationListResponseSchema,
  type OrganizationProfile,
  OrganizationProfileSchema,
  type Problem,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, countStatements, insertOrganization } from '../../testing.ts';

let h: DbHandle;
let app: FastifyInstance;
const ids: Record<string, string> = {};

const LONG_BG =
  'Дигитална София разработва облачни услуги за гражданите на София: електронни административни услуги, ' +
  'платформи за градски данни и мобилни приложения. Предлага на членовете на клъстера облачна инфраструктура, ' +
  'обучения по киберсигурност и съвместни проекти по програмите за научни изследвания и иновации.';

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  const add = async (key: string, f: Parameters<typeof insertOrganization>[1]) => {
    ids[key] = await insertOrganization(h, f);
  };
  await add('digital', {
    nameBg: 'Дигитална София',
    nameEn: 'Digital Sofia',
    employees: 120,
    city: 'София',
    descriptionBg: LONG_BG,
    descriptionEn: 'Cloud services for the people of Sofia.',
    memberSince: '2021-03-01',
    areas: ['ict-software'],
    naceCodes: ['62.01', '63.11'],
    publicEmail: 'office@digital.example',
  });
  await add('apple', {
    nameBg: 'Ябълка Игри',
    nameEn: 'Apple Games',
    employees: 8,
    descriptionBg: 'Видеоигри, създадени в София.',
    descriptionEn: 'Video games made in Sofia.',
    memberSince: '2023-05-10',
    areas: ['creative-games'],
  });
  await add('park', {
    nameBg: 'Бизнес Парк',
    nameEn: 'Business Park',
    kind: 'university',
    employees: 300,
    descriptionBg: 'Университетски технологичен парк.',
    descriptionEn: 'A university technology park.',
    memberSince: null,
    areas: ['ict'],
  });
  await add('alpha', {
    nameBg: 'алфа Данни',
    nameEn: 'Alpha Data',
    employees: 30,
    descriptionBg: 'Анализ на данни и изкуствен интелект.',
    descriptionEn: 'Data analytics and AI.',
    memberSince: '2020-01-01',
    areas: ['ict-ai-data', 'creative-design'],
  });
  await add('corner', {
    nameBg: 'Ъгъл Дизайн',
    nameEn: 'Corner Design',
    kind: 'ngo',
    descriptionBg: 'Архитектура и градска среда.',
    descriptionEn: 'Architecture and urban space.',
    memberSince: '2022-02-02',
    areas: ['creative-design'],
  });
  await add('shield', {
    nameBg: 'Щит Сигурност',
    nameEn: 'Shield Security',
    employees: 45,
    descriptionBg: 'Киберсигурност за малкия бизнес.',
    descriptionEn: 'Cybersecurity for small business.',
    memberSince: '2022-06-06',
    areas: ['ict-cybersecurity', 'ict-software'],
    offers: { infrastructure: 'Лаборатория за пентестове', people: '' },
    seeks: { projects: 'Съдружници за хоризонтални проекти' },
  });
  await add('orbit', {
    nameBg: 'Орбит Лаб',
    nameEn: 'Orbit Lab',
    employees: 5,
    descriptionBg: 'Кафе и споделено работно място.',
    descriptionEn: 'A Café-style coworking space with 100 desks.',
    memberSince: '2024-01-15',
    areas: ['clean-energy'],
  });
  // Never listed publicly: a candidate (its accession is undecided) and a suspended member.
  await add('candidate', {
    nameBg: 'Столична община',
    nameEn: 'Sofia Municipality',
    kind: 'public_authority',
    descriptionBg: 'Общината на София, кандидат за членство.',
    descriptionEn: 'The municipality of Sofia.',
    category: 'candidate',
    areas: ['ict-egov'],
  });
  await add('suspended', {
    nameBg: 'Спряна София',
    nameEn: 'Suspended Sofia',
    descriptionBg: 'Дигитални услуги в София.',
    category: 'regular',
    status: 'suspended',
    areas: ['ict-software'],
  });
  await add('withdrawn', {
    nameBg: 'Напуснала Дигитал',
    nameEn: 'Withdrawn Digital',
    status: 'withdrawn',
    areas: ['ict-software'],
  });
});

afterAll(async () => {
  await app?.close();
  await h?.close();
});

async function list(query: string, lang = 'bg') {
  const res = await app.inject({
    method: 'GET',
    url: `/api/organizations?${query}`,
    headers: { 'accept-language': lang },
  });
  return res;
}

async function listOk(query: string): Promise<OrganizationListResponse> {
  const res = await list(query);
  expect(res.statusCode, res.body).toBe(200);
  return OrganizationListResponseSchema.parse(res.json());
}

const names = (r: OrganizationListResponse) => r.items.map((i) => i.nameBg);
const ids_ = async (query: string) => (await listOk(query)).items.map((i) => i.id);

describe(`the public member directory (${testEngine})`, () => {
  it('lists only active members that are not candidates, in Bulgarian alphabetical order by default', async () => {
    const r = await listOk('');
    expect(r.total).toBe(7);
    // Bulgarian order, not code-point order (which would put 'Б…' before 'а…').
    expect(names(r)).toEqual([
      'алфа Данни',
      'Бизнес Парк',
      'Дигитална София',
      'Орбит Лаб',
      'Щит Сигурност',
      'Ъгъл Дизайн',
      'Ябълка Игри',
    ]);
    expect(r).toMatchObject({ page: 1, pageSize: 20 });
  });

  it('sorts by name in reverse', async () => {
    const r = await listOk('sort=-name');
    expect(names(r)).toEqual([
      'Ябълка Игри',
      'Ъгъл Дизайн',
      'Щит Сигурност',
      'Орбит Лаб',
      'Дигитална София',
      'Бизнес Парк',
      'алфа Данни',
    ]);
  });

  it('sorts by membership date, oldest or newest first, members without a date last', async () => {
    expect(names(await listOk('sort=memberSince'))).toEqual([
      'алфа Данни',
      'Дигитална София',
      'Ъгъл Дизайн',
      'Щит Сигурност',
      'Ябълка Игри',
      'Орбит Лаб',
      'Бизнес Парк',
    ]);
    expect(names(await listOk('sort=-memberSince'))).toEqual([
      'Орбит Лаб',
      'Ябълка Игри',
      'Щит Сигурност',
      'Ъгъл Дизайн',
      'Дигитална София',
      'алфа Данни',
      'Бизнес Парк',
    ]);
  });

  it('finds members by a Cyrillic word in any case, in names and descriptions', async () => {
    for (const q of ['софия', 'СОФИЯ', 'СоФиЯ']) {
      const r = await listOk(`q=${encodeURIComponent(q)}`);
      expect(names(r), q).toEqual(['Дигитална София', 'Ябълка Игри']);
      expect(r.total).toBe(2);
    }
  });

  it('finds the same members by a Latin word in the English texts', async () => {
    const r = await listOk('q=SOFIA');
    expect(names(r)).toEqual(['Дигитална София', 'Ябълка Игри']);
  });

  it('finds members by part of a word', async () => {
    expect(names(await listOk(`q=${encodeURIComponent('дигит')}`))).toEqual(['Дигитална София']);
    expect(names(await listOk('q=secur'))).toEqual(['Щит Сигурност']);
  });

  it('ignores accents, so "cafe" finds "Café"', async () => {
    expect(names(await listOk('q=cafe'))).toEqual(['Орбит Лаб']);
    expect(names(await listOk(`q=${encodeURIComponent('CAFÉ')}`))).toEqual(['Орбит Лаб']);
  });

  it('requires every word of the search to match', async () => {
    expect(names(await listOk(`q=${encodeURIComponent('  софия   облачни ')}`))).toEqual(['Дигитална София']);
    expect((await listOk(`q=${encodeURIComponent('софия киберсигурност игри')}`)).total).toBe(0);
  });

  it('treats % and _ in the search as ordinary characters, not wildcards', async () => {
    expect((await listOk('q=%25')).total).toBe(0);
    expect((await listOk('q=_')).total).toBe(0);
    expect((await listOk(`q=${encodeURIComponent('100 desks')}`)).total).toBe(1);
  });

  it('never lists candidates or suspended or withdrawn members, even when the search matches them', async () => {
    const r = await listOk(`q=${encodeURIComponent('община')}`);
    expect(r.total).toBe(0);
    const all = await listOk('pageSize=100');
    const listed = new Set(all.items.map((i) => i.id));
    for (const key of ['candidate', 'suspended', 'withdrawn']) expect(listed.has(ids[key]!)).toBe(false);
  });

  it('filters by area, a parent area including its sub-areas', async () => {
    expect(names(await listOk('area=ict'))).toEqual([
      'алфа Данни',
      'Бизнес Парк',
      'Дигитална София',
      'Щит Сигурност',
    ]);
    expect(names(await listOk('area=ict-software'))).toEqual(['Дигитална София', 'Щит Сигурност']);
    expect(names(await listOk('area=creative'))).toEqual(['алфа Данни', 'Ъгъл Дизайн', 'Ябълка Игри']);
    expect((await listOk('area=mechatronics')).total).toBe(0);
  });

  it('filters by kind and by size class, and combines filters', async () => {
    expect(names(await listOk('kind=university'))).toEqual(['Бизнес Парк']);
    expect(names(await listOk('kind=ngo'))).toEqual(['Ъгъл Дизайн']);
    expect(names(await listOk('size=small'))).toEqual(['алфа Данни', 'Щит Сигурност']);
    expect(names(await listOk('size=micro'))).toEqual(['Орбит Лаб', 'Ябълка Игри']);
    expect(names(await listOk('area=ict&size=small&sort=-name'))).toEqual(['Щит Сигурност', 'алфа Данни']);
    expect(names(await listOk(`area=ict&q=${encodeURIComponent('софия')}`))).toEqual(['Дигитална София']);
  });

  it('pages through the results with the total on every page, even past the end', async () => {
    const p1 = await listOk('pageSize=3&page=1');
    const p3 = await listOk('pageSize=3&page=3');
    const p4 = await listOk('pageSize=3&page=4');
    expect(names(p1)).toEqual(['алфа Данни', 'Бизнес Парк', 'Дигитална София']);
    expect(names(p3)).toEqual(['Ябълка Игри']);
    expect(p4.items).toEqual([]);
    for (const p of [p1, p3, p4]) expect(p.total).toBe(7);
    expect(p4).toMatchObject({ page: 4, pageSize: 3 });
    const filteredPastEnd = await listOk('area=ict&page=50');
    expect(filteredPastEnd).toMatchObject({ items: [], total: 4 });
  });

  it('shows each result with its areas, category, member date and a short summary', async () => {
    const r = await listOk(`q=${encodeURIComponent('дигитална')}`);
    const item = r.items[0]!;
    expect(item).toMatchObject({
      id: ids.digital,
      nameEn: 'Digital Sofia',
      kind: 'company',
      sizeClass: 'medium',
      city: 'София',
      category: 'regular',
      memberSince: '2021-03-01',
      summaryEn: 'Cloud services for the people of Sofia.',
      areas: [
        {
          id: 'ict-software',
          nameBg: 'Софтуерни продукти и услуги',
          nameEn: 'Software products and services',
        },
      ],
    });
    // Cut at a word boundary within ~200 characters.
    expect(item.summaryBg.length).toBeLessThanOrEqual(201);
    expect(item.summaryBg.endsWith('…')).toBe(true);
    const head = item.summaryBg.slice(0, -1);
    expect(LONG_BG.startsWith(head)).toBe(true);
    expect(LONG_BG[head.length]).toMatch(/[\s,.:;]/);
  });

  it('answers a page, with its total and every row’s areas, in one SQL statement', async () => {
    for (const query of ['', 'area=ict&size=small&q=%D0%B0&sort=-memberSince', 'page=99', 'area=nope']) {
      const statements = await countStatements(h, () => list(query));
      expect(statements, query).toHaveLength(1);
    }
  });
});

describe('what members offer and seek (issue 11 C8)', () => {
  it('names the kinds of sharing each result offers and seeks, without their texts', async () => {
    const body = await listOk('pageSize=50');
    const shield = body.items.find((i) => i.id === ids.shield);
    expect(shield).toMatchObject({ offers: ['infrastructure'], seeks: ['projects'] });
    expect(JSON.stringify(shield)).not.toContain('пентест');
    expect(body.items.find((i) => i.id === ids.digital)).toMatchObject({ offers: [], seeks: [] });
  });

  it('shows the texts on the public profile, empty kinds left out', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/organizations/${ids.shield}` });
    expect(res.statusCode).toBe(200);
    expect(OrganizationProfileSchema.parse(res.json())).toMatchObject({
      offers: { infrastructure: 'Лаборатория за пентестове' },
      seeks: { projects: 'Съдружници за хоризонтални проекти' },
    });
    expect(res.json().offers).not.toHaveProperty('people');
  });

  it('finds members by what they offer or seek', async () => {
    expect(await ids_('q=пентест')).toEqual([ids.shield]);
    expect(await ids_('q=съдружници')).toEqual([ids.shield]);
    expect((await listOk('q=съдружници')).total).toBe(1);
  });

  it('follows an edit of the offers at once', async () => {
    await h.db.execute(
      sql`update organizations set seeks = '{"people": "Стажанти по криптография"}'::jsonb where id = ${ids.shield}`,
    );
    expect(await ids_('q=криптография')).toEqual([ids.shield]);
    expect(await ids_('q=съдружници')).toEqual([]);
    expect((await listOk('q=съдружници')).total).toBe(0);
    await h.db.execute(
      sql`update organizations set seeks = '{"projects": "Съдружници за хоризонтални проекти"}'::jsonb
          where id = ${ids.shield}`,
    );
  });
});

describe('the public board offers on result cards (issue 17)', () => {
  it('names up to three of a member’s newest public offers on the board now, never members-only, expired or draft ones, nor requests', async () => {
    const item = (
      title: string,
      f: { kind?: string; visibility?: string; status?: string; days?: number; age: number },
    ) =>
      h.db.execute(
        sql`insert into board_items (organization_id, kind, type, title_bg, title_en, description_bg, status,
              visibility, valid_until, published_at)
            values (${ids.shield}, ${f.kind ?? 'offer'}, 'infrastructure', ${title}, ${`${title} EN`},
              'Тайно описание', ${f.status ?? 'published'}, ${f.visibility ?? 'public'},
              current_date + ${f.days ?? 30}::int, now() - make_interval(hours => ${f.age}))`,
      );
    await item('Оферта 1', { age: 1 });
    await item('Оферта 2', { age: 2 });
    await item('Оферта 3', { age: 3 });
    await item('Оферта 4', { age: 4 });
    await item('Само за членове', { age: 0, visibility: 'members' });
    await item('Търсене', { age: 0, kind: 'request' });
    await item('Изтекла', { age: 0, days: -2 });
    await item('Чернова', { age: 0, status: 'draft' });
    try {
      const body = await listOk('pageSize=50');
      const shield = body.items.find((i) => i.id === ids.shield);
      expect(shield?.boardOffers.map((o) => [o.titleBg, o.titleEn])).toEqual([
        ['Оферта 1', 'Оферта 1 EN'],
        ['Оферта 2', 'Оферта 2 EN'],
        ['Оферта 3', 'Оферта 3 EN'],
      ]);
      const text = JSON.stringify(body);
      for (const hidden of ['Само за членове', 'Търсене', 'Изтекла', 'Чернова', 'Тайно'])
        expect(text).not.toContain(hidden);
      expect(body.items.find((i) => i.id === ids.digital)?.boardOffers).toEqual([]);
      // Still one statement for the page, its total, areas and offers.
      expect(await countStatements(h, () => list('pageSize=50'))).toHaveLength(1);
    } finally {
      await h.db.execute(sql`delete from board_items where organization_id = ${ids.shield}`);
    }
  });
});

describe('search by word forms, area names and city (issue 11 C9)', () => {
  const search = async (q: string) => {
    const r = await listOk(`q=${encodeURIComponent(q)}&pageSize=50`);
    expect(r.total, q).toBe(r.items.length);
    return names(r);
  };

  it('finds the members of „Софтуерни продукти и услуги“ by any form of the word', async () => {
    for (const q of ['софтуерни', 'софтуер', 'софтуерна', 'Софтуерен', 'софтуерните', 'софтуерн']) {
      expect(await search(q), q).toEqual(['Дигитална София', 'Щит Сигурност']);
    }
    expect(await search('софтуерна услуга')).toEqual(['Дигитална София', 'Щит Сигурност']);
  });

  it('finds members by the names of their areas in English, and by a parent area’s name', async () => {
    expect(await search('software products')).toEqual(['Дигитална София', 'Щит Сигурност']);
    expect(await search('games')).toEqual(['Ябълка Игри']);
    // „Бизнес Парк“ is linked to the whole ICT area only; the others through its sub-areas.
    const ict = await search('informatics');
    expect(ict).toEqual(['алфа Данни', 'Бизнес Парк', 'Дигитална София', 'Щит Сигурност']);
  });

  it('finds members in a city, in any form of its name', async () => {
    await h.db.execute(sql`update organizations set city = 'Габрово' where id = ${ids.shield}`);
    try {
      expect(await search('габрово')).toEqual(['Щит Сигурност']);
      expect(await search('ГАБРОВ')).toEqual(['Щит Сигурност']);
      expect(await search('софия')).toEqual(['Дигитална София', 'Ябълка Игри']);
    } finally {
      await h.db.execute(sql`update organizations set city = null where id = ${ids.shield}`);
    }
    expect(await search('габрово')).toEqual([]);
  });

  it('follows a renamed area, and a member linked to or unlinked from an area, at once', async () => {
    await h.db.execute(
      sql`update areas set name_en = 'Cyber defence and resilience' where id = 'ict-cybersecurity'`,
    );
    try {
      expect(await search('resilience')).toEqual(['Щит Сигурност']);
    } finally {
      await h.db.execute(sql`update areas set name_en = 'Cybersecurity' where id = 'ict-cybersecurity'`);
    }
    expect(await search('resilience')).toEqual([]);

    await h.db.execute(
      sql`insert into organization_areas (organization_id, area_id) values (${ids.orbit}, 'ict-software')`,
    );
    expect(await search('софтуерни')).toEqual(['Дигитална София', 'Орбит Лаб', 'Щит Сигурност']);
    await h.db.execute(
      sql`delete from organization_areas where organization_id = ${ids.orbit} and area_id = 'ict-software'`,
    );
    expect(await search('софтуерни')).toEqual(['Дигитална София', 'Щит Сигурност']);
  });
});

describe('the public profile of a member', () => {
  it('shows a listed member’s public fields', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/organizations/${ids.digital}` });
    expect(res.statusCode).toBe(200);
    const p: OrganizationProfile = OrganizationProfileSchema.parse(res.json());
    expect(p).toMatchObject({
      id: ids.digital,
      nameBg: 'Дигитална София',
      employees: 120,
      sizeClass: 'medium',
      descriptionBg: LONG_BG,
      naceCodes: ['62.01', '63.11'],
      publicEmail: 'office@digital.example',
      category: 'regular',
      memberSince: '2021-03-01',
      areas: [{ id: 'ict-software' }],
    });
    expect(isValidEik(p.eik)).toBe(true);
    expect(Number.isNaN(Date.parse(p.updatedAt))).toBe(false);
  });

  it('is not found for a candidate, a suspended member, or an unknown id', async () => {
    for (const id of [ids.candidate, ids.suspended, '00000000-0000-4000-8000-000000000000']) {
      const res = await app.inject({ method: 'GET', url: `/api/organizations/${id}` });
      expect(res.statusCode, id).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = ProblemSchema.parse(res.json());
      expect(body.code).toBe('organization.not_found');
      expect(JSON.stringify(body)).not.toMatch(/Столична|Sofia Municipality|Спряна/);
    }
  });

  it('is gone (410) for a member that withdrew, with nothing about it (issue 17)', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/organizations/${ids.withdrawn}` });
    expect(res.statusCode).toBe(410);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = ProblemSchema.parse(res.json());
    expect(body.code).toBe('organization.former_member');
    expect(JSON.stringify(body)).not.toMatch(/Напуснала|Withdrawn Digital/);
  });

  it('rejects a malformed id with a 400 naming the id', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/organizations/abc' });
    expect(res.statusCode).toBe(400);
    expect(ProblemSchema.parse(res.json()).errors?.map((e) => e.path)).toEqual(['id']);
  });
});

describe('bad directory queries', () => {
  const cases: [string, string][] = [
    ['pageSize=-1', 'pageSize'],
    ['pageSize=1000', 'pageSize'],
    ['pageSize=2.5', 'pageSize'],
    ['page=abc', 'page'],
    ['page=0', 'page'],
    ['area=nope', 'area'],
    ['area=DROP%20TABLE', 'area'],
    ['sort=drop%20table', 'sort'],
    ['kind=x', 'kind'],
    ['size=huge', 'size'],
    [`q=${'я'.repeat(201)}`, 'q'],
  ];

  for (const [query, field] of cases) {
    it(`answers ${query} with a 400 problem naming ${field}, in Bulgarian and in English`, async () => {
      const bg = await list(query, 'bg-BG,bg;q=0.9');
      const en = await list(query, 'en-GB,en;q=0.9');
      for (const res of [bg, en]) {
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      const pb: Problem = ProblemSchema.parse(bg.json());
      const pe: Problem = ProblemSchema.parse(en.json());
      expect(pb).toMatchObject({ status: 400, code: 'validation.failed', title: 'Невалидни данни' });
      expect(pe).toMatchObject({ status: 400, code: 'validation.failed', title: 'Invalid request' });
      expect(pb.errors?.map((e) => e.path)).toEqual([field]);
      expect(pe.errors?.map((e) => e.path)).toEqual([field]);
      expect(pb.errors?.[0]?.message).toMatch(/[а-я]/i);
      expect(pe.errors?.[0]?.message).not.toMatch(/[а-я]/i);
      expect(bg.headers['content-language']).toBe('bg');
      expect(en.headers['content-language']).toBe('en');
    });
  }

  it('names every bad field at once', async () => {
    const res = await list('pageSize=1000&kind=x&sort=up', 'en');
    expect(
      ProblemSchema.parse(res.json())
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['kind', 'pageSize', 'sort']);
  });

  it('explains an unknown area with its slug', async () => {
    const res = await list('area=nope', 'en');
    expect(ProblemSchema.parse(res.json()).errors).toEqual([
      { path: 'area', message: 'There is no specialisation area "nope".' },
    ]);
  });
});
