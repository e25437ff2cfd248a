/**
 * Issue 14 §1: the cooperation board. Representatives of active members post offers and requests as
 * drafts, publish, edit (a published item keeps its history) and close them; members search and filter
 * the board; visitors see a teaser without descriptions. An item of a suspended, withdrawn or excluded
 * member leaves every list at once, and an item past its day is expired without any job.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import {
  addDays,
  BoardItemRevisionsResponseSchema,
  BoardItemSchema,
  BoardListResponseSchema,
  BoardTeaserResponseSchema,
  latestValidUntil,
  OwnBoardItemsResponseSchema,
  todayInSofia,
} from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';

const today = todayInSofia();
let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
const org = {} as Record<'lab' | 'uni' | 'studio' | 'lapsing', string>;
const as = {} as Record<'labRep' | 'uniRep' | 'lapsingRep' | 'committee' | 'admin' | 'noRole', string>;

beforeAll(async () => {
  h = await createTestDb({ maxConnections: 20 });
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  org.lab = await insertOrganization(h, { nameBg: 'Лаборатория Алфа', nameEn: 'Alpha Lab', areas: ['ict'] });
  org.uni = await insertOrganization(h, {
    nameBg: 'Университет Бета',
    nameEn: 'Beta University',
    kind: 'university',
    areas: ['ict'],
  });
  org.studio = await insertOrganization(h, {
    nameBg: 'Студио Гама',
    nameEn: 'Gamma Studio',
    areas: ['creative'],
  });
  org.lapsing = await insertOrganization(h, { nameBg: 'Делта', nameEn: 'Delta', areas: ['ict'] });
  const rep = async (organizationId: string) =>
    logIn(app, (await insertUser(h, { roles: ['representative'], organizationIds: [organizationId] })).email);
  as.labRep = await rep(org.lab);
  as.uniRep = await rep(org.uni);
  as.lapsingRep = await rep(org.lapsing);
  as.committee = await logIn(app, (await insertUser(h, { roles: ['committee_member'] })).email);
  as.admin = await logIn(app, (await insertUser(h, { roles: ['admin'] })).email);
  as.noRole = await logIn(app, (await insertUser(h)).email);
});

afterAll(async () => {
  await app?.close();
  await h?.close();
});

const call = (cookie: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });

const offer = (overrides: Record<string, unknown> = {}) => ({
  kind: 'offer',
  type: 'infrastructure',
  titleBg: 'Споделена GPU лаборатория',
  descriptionBg: 'Достъп до клъстер с графични процесори за обучение на модели, по дни.',
  areaIds: ['ict-software'],
  ...overrides,
});

/** Creates and publishes an item of `organizationId` as `cookie`; returns it. */
async function post(cookie: string, organizationId: string, body: object = offer()) {
  const created = await call(
    cookie,
    'POST',
    `/api/account/organizations/${organizationId}/board-items`,
    body,
  );
  expect(created.statusCode, created.body).toBe(201);
  const item = BoardItemSchema.parse(created.json());
  const published = await call(
    cookie,
    'POST',
    `/api/account/organizations/${organizationId}/board-items/${item.id}/publish`,
    { version: item.version },
  );
  expect(published.statusCode, published.body).toBe(200);
  return BoardItemSchema.parse(published.json());
}

const list = async (cookie: string, query = '') => {
  const res = await call(cookie, 'GET', `/api/board/items${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return BoardListResponseSchema.parse(res.json());
};

const auditOf = (id: string) =>
  h.query<{ action: string; before: unknown; after: unknown }>(
    sql`select action, before, after from audit_events where entity_type = 'board_item' and entity_id = ${id}
        order by id`,
  );

describe('posting', () => {
  it('creates a draft that only its organisation sees, then publishes it for 90 days by default', async () => {
    const res = await call(as.labRep, 'POST', `/api/account/organizations/${org.lab}/board-items`, offer());
    expect(res.statusCode, res.body).toBe(201);
    const draft = BoardItemSchema.parse(res.json());
    expect(draft).toMatchObject({ status: 'draft', visibility: 'members', validUntil: null, version: 1 });
    expect(draft.areas.map((a) => a.id)).toEqual(['ict-software']);

    expect((await call(as.uniRep, 'GET', `/api/board/items/${draft.id}`)).statusCode).toBe(404);
    expect((await call(as.labRep, 'GET', `/api/board/items/${draft.id}`)).statusCode).toBe(200);
    expect((await list(as.uniRep)).items.map((i) => i.id)).not.toContain(draft.id);

    const published = await call(
      as.labRep,
      'POST',
      `/api/account/organizations/${org.lab}/board-items/${draft.id}/publish`,
      { version: 1 },
    );
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      status: 'published',
      validUntil: addDays(today, 90),
      version: 2,
    });
    expect((await list(as.uniRep)).items.map((i) => i.id)).toContain(draft.id);
    expect((await auditOf(draft.id)).map((a) => a.action)).toEqual([
      'board.item_created',
      'board.item_published',
    ]);
  });

  it('refuses a date in the past or beyond a year, an incomplete language and control characters, saving nothing', async () => {
    const [before] = await h.query<{ n: number }>(sql`select count(*)::int as n from board_items`);
    const url = `/api/account/organizations/${org.lab}/board-items`;
    const cases: [object, string][] = [
      [offer({ validUntil: today }), 'validUntil'],
      [offer({ validUntil: addDays(latestValidUntil(today), 1) }), 'validUntil'],
      [offer({ descriptionBg: '' }), 'descriptionBg'],
      [offer({ titleBg: 'x'.repeat(201) }), 'titleBg'],
      [offer({ descriptionBg: 'x'.repeat(5001) }), 'descriptionBg'],
      [offer({ titleBg: 'Лаборатория\u0000' }), 'titleBg'],
      [offer({ areaIds: ['no-such-area'] }), 'areaIds.0'],
    ];
    for (const [body, field] of cases) {
      const res = await call(as.labRep, 'POST', url, body);
      expect(res.statusCode, res.body).toBe(400);
      const fields = (res.json().errors ?? []) as { path: string; message: string }[];
      expect(fields.map((f) => f.path).join(' '), res.body).toContain(field);
      expect(fields[0]?.message).toMatch(/[а-я]/i);
    }
    const far = await call(
      as.labRep,
      'POST',
      url,
      offer({ validUntil: addDays(latestValidUntil(today), 1) }),
    );
    expect(far.json().errors[0].message).toContain(latestValidUntil(today));
    const [after] = await h.query<{ n: number }>(sql`select count(*)::int as n from board_items`);
    expect(after).toEqual(before);
  });

  it('accepts an item written in English only, valid exactly one year', async () => {
    const res = await call(as.labRep, 'POST', `/api/account/organizations/${org.lab}/board-items`, {
      kind: 'request',
      type: 'people',
      titleEn: 'Interns for a summer project',
      descriptionEn: 'Two interns in data engineering.',
      areaIds: ['ict'],
      validUntil: latestValidUntil(today),
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('does not let a representative post for another organisation, nor the committee or an admin post', async () => {
    expect(
      (await call(as.uniRep, 'POST', `/api/account/organizations/${org.lab}/board-items`, offer()))
        .statusCode,
    ).toBe(404);
    for (const cookie of [as.committee, as.admin, as.noRole]) {
      expect(
        (await call(cookie, 'POST', `/api/account/organizations/${org.lab}/board-items`, offer())).statusCode,
      ).toBe(403);
    }
  });
});

describe('editing and closing', () => {
  it('keeps each edit of a published item as a revision and audits before and after', async () => {
    const item = await post(as.labRep, org.lab);
    const url = `/api/account/organizations/${org.lab}/board-items/${item.id}`;
    const body = {
      ...offer({ titleBg: 'GPU лаборатория — нови часове', visibility: 'public' }),
      version: item.version,
    };
    const res = await call(as.labRep, 'PUT', url, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      titleBg: 'GPU лаборатория — нови часове',
      status: 'published',
      visibility: 'public',
      validUntil: item.validUntil,
      revisionCount: 1,
    });
    const [revision] = await h.query<{ version: number; content: { titleBg: string } }>(
      sql`select version, content from board_item_revisions where item_id = ${item.id}`,
    );
    expect(revision).toMatchObject({
      version: item.version,
      content: { titleBg: 'Споделена GPU лаборатория' },
    });
    // The organisation's data export carries the item with its history.
    const exported = await call(as.labRep, 'GET', `/api/account/organizations/${org.lab}/export`);
    expect(exported.statusCode, exported.body).toBe(200);
    const exportedItem = (exported.json().boardItems as { id: string; revisions: unknown[] }[]).find(
      (i) => i.id === item.id,
    );
    expect(exportedItem?.revisions).toEqual([
      expect.objectContaining({
        version: item.version,
        content: expect.objectContaining({ titleBg: 'Споделена GPU лаборатория' }),
      }),
    ]);
    const audit = await auditOf(item.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'board.item_updated',
      before: { titleBg: 'Споделена GPU лаборатория' },
      after: { titleBg: 'GPU лаборатория — нови часове' },
    });
  });

  it("shows an item's history to its organisation's representatives and the committee, oldest edit first", async () => {
    const item = await post(as.labRep, org.lab);
    const url = `/api/account/organizations/${org.lab}/board-items/${item.id}`;
    const first = await call(as.labRep, 'PUT', url, {
      ...offer({ titleBg: 'Второ заглавие' }),
      version: item.version,
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await call(as.labRep, 'PUT', url, {
      ...offer({ titleBg: 'Трето заглавие' }),
      version: first.json().version,
    });
    expect(second.statusCode, second.body).toBe(200);
    for (const cookie of [as.labRep, as.committee]) {
      const res = await call(cookie, 'GET', `${url}/revisions`);
      expect(res.statusCode, res.body).toBe(200);
      expect(
        BoardItemRevisionsResponseSchema.parse(res.json()).items.map((r) => [r.version, r.content.titleBg]),
      ).toEqual([
        [item.version, 'Споделена GPU лаборатория'],
        [item.version + 1, 'Второ заглавие'],
      ]);
    }
    // Not another member's representative, and not through another organisation's path.
    expect((await call(as.uniRep, 'GET', `${url}/revisions`)).statusCode).toBe(404);
    const wrongPath = await call(
      as.uniRep,
      'GET',
      `/api/account/organizations/${org.uni}/board-items/${item.id}/revisions`,
    );
    expect(wrongPath.json()).toMatchObject({ code: 'board.item_not_found' });
  });

  it('refuses an edit made on a stale version with 409 and the item as it is now', async () => {
    const item = await post(as.labRep, org.lab);
    const url = `/api/account/organizations/${org.lab}/board-items/${item.id}`;
    const first = await call(as.labRep, 'PUT', url, {
      ...offer({ titleBg: 'Първа редакция' }),
      version: item.version,
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await call(as.labRep, 'PUT', url, {
      ...offer({ titleBg: 'Втора редакция' }),
      version: item.version,
    });
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json()).toMatchObject({ code: 'board.stale', current: { titleBg: 'Първа редакция' } });
    const stale = await call(as.labRep, 'POST', `${url}/close`, { version: item.version, outcome: 'other' });
    expect(stale.statusCode).toBe(409);
    const [row] = await h.query<{ title_bg: string; status: string }>(
      sql`select title_bg, status from board_items where id = ${item.id}`,
    );
    expect(row).toEqual({ title_bg: 'Първа редакция', status: 'published' });
  });

  it('lets exactly one of several simultaneous edits at the same version through; the others get 409', async () => {
    const item = await post(as.labRep, org.lab);
    const url = `/api/account/organizations/${org.lab}/board-items/${item.id}`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        call(as.labRep, 'PUT', url, {
          ...offer({ titleBg: `Едновременна редакция ${n}` }),
          version: item.version,
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const [row] = await h.query<{ version: number; revisions: number }>(
      sql`select version, (select count(*)::int from board_item_revisions r where r.item_id = i.id) as revisions
          from board_items i where i.id = ${item.id}`,
    );
    expect(row).toEqual({ version: item.version + 1, revisions: 1 });
  });

  it('closes with an outcome, takes the item off the board and allows nothing after', async () => {
    const item = await post(as.labRep, org.lab);
    const url = `/api/account/organizations/${org.lab}/board-items/${item.id}`;
    const res = await call(as.labRep, 'POST', `${url}/close`, {
      version: item.version,
      outcome: 'partnership_formed',
      note: 'С Университет Бета',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'closed',
      closeOutcome: 'partnership_formed',
      closeNote: 'С Университет Бета',
    });
    expect((await list(as.uniRep)).items.map((i) => i.id)).not.toContain(item.id);
    const closed = BoardItemSchema.parse(res.json());
    const again = await call(as.labRep, 'PUT', url, { ...offer(), version: closed.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('board.transition_invalid');
    expect((await auditOf(item.id)).at(-1)).toMatchObject({
      action: 'board.item_closed',
      after: { status: 'closed', outcome: 'partnership_formed' },
    });
  });

  it('treats an item past its day as expired at read time; an edit with a new date puts it back', async () => {
    const item = await post(as.labRep, org.lab, offer({ titleBg: 'Изтичаща обява' }));
    await h.query(
      sql`update board_items set valid_until = ${addDays(today, -1)}::date where id = ${item.id}`,
    );
    expect((await list(as.uniRep)).items.map((i) => i.id)).not.toContain(item.id);
    expect((await call(as.uniRep, 'GET', `/api/board/items/${item.id}`)).statusCode).toBe(404);
    const own = OwnBoardItemsResponseSchema.parse(
      (await call(as.labRep, 'GET', `/api/account/organizations/${org.lab}/board-items`)).json(),
    );
    expect(own.items.find((i) => i.id === item.id)?.status).toBe('expired');
    const res = await call(as.labRep, 'PUT', `/api/account/organizations/${org.lab}/board-items/${item.id}`, {
      ...offer({ titleBg: 'Изтичаща обява', validUntil: addDays(today, 30) }),
      version: item.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', validUntil: addDays(today, 30) });
    expect((await list(as.uniRep)).items.map((i) => i.id)).toContain(item.id);
  });
});

describe('the board', () => {
  let gpu: string;
  let studio: string;
  let interns: string;
  beforeAll(async () => {
    gpu = (
      await post(
        as.labRep,
        org.lab,
        offer({
          titleBg: 'Тестова лаборатория с роботи',
          titleEn: 'Robot test lab',
          descriptionEn: 'Robots.',
          validUntil: addDays(today, 200),
        }),
      )
    ).id;
    studio = (
      await post(
        as.uniRep,
        org.uni,
        offer({
          kind: 'request',
          type: 'joint_project',
          titleBg: 'Партньор за проект в творческите индустрии',
          descriptionBg: 'Търсим звукозаписно студио за съвместен проект.',
          areaIds: ['creative-media'],
          validUntil: addDays(today, 10),
          visibility: 'public',
        }),
      )
    ).id;
    interns = (
      await post(
        as.uniRep,
        org.uni,
        offer({
          type: 'people',
          titleBg: 'Стажанти по машинно обучение',
          descriptionBg: 'Студенти за летен стаж.',
        }),
      )
    ).id;
  });

  const found = async (q: string) =>
    (await list(as.labRep, `?q=${encodeURIComponent(q)}`)).items.map((i) => i.id);

  it('finds items by Cyrillic and Latin words in any case, in titles and descriptions', async () => {
    expect(await found('РОБОТИ')).toEqual([gpu]);
    expect(await found('Robots')).toEqual([gpu]);
    expect(await found('звукозаписно проект')).toEqual([studio]);
    expect((await list(as.labRep, `?q=${encodeURIComponent('100%_')}`)).total).toBe(0);
  });

  // Decision 038: the directory's word search. Each word of the box is the start of a word of the item
  // (Bulgarian endings stripped from the box's words), all words required; a fragment from inside a word
  // no longer matches (decision 033 §5's substring search is gone).
  it('matches the start of a word, in Cyrillic and Latin, and Bulgarian word forms', async () => {
    expect(await found('робо')).toEqual([gpu]); // „роботи“
    expect(await found('robo')).toEqual([gpu]); // "Robot", "Robots"
    expect(await found('звукозап')).toEqual([studio]); // „звукозаписно“
    expect(await found('тестови')).toEqual([gpu]); // „Тестова“: the stem of another form
    expect(await found('творчески')).toEqual([studio]); // „творческите“
    expect(await found('стажант')).toEqual([interns]); // „Стажанти“
    expect(await found('ROBOT lab')).toEqual([gpu]); // both words, in the English title
    expect(await found('robot студио')).toEqual([]); // all words required
    expect(await found('robot:* & !lab |')).toEqual([gpu]); // tsquery operators are plain text
  });

  it('does not match a fragment from the middle of a word', async () => {
    expect(await found('оботи')).toEqual([]); // inside „роботи“
    expect(await found('obot')).toEqual([]); // inside "Robot"
    expect(await found('записно')).toEqual([]); // inside „звукозаписно“
    expect(await found('ажант')).toEqual([]); // inside „Стажанти“
  });

  it('filters by kind, type, area (a theme includes its sub-areas) and organisation kind', async () => {
    expect((await list(as.labRep, '?kind=request')).items.map((i) => i.id)).toEqual([studio]);
    expect((await list(as.labRep, '?type=people')).items.map((i) => i.id)).toEqual([interns]);
    expect((await list(as.labRep, '?area=creative')).items.map((i) => i.id)).toEqual([studio]);
    const byUniversities = (await list(as.labRep, '?organizationKind=university')).items.map((i) => i.id);
    expect(byUniversities.sort()).toEqual([studio, interns].sort());
  });

  it('sorts newest first or ending soonest, and pages', async () => {
    const newest = await list(as.committee, '?pageSize=2');
    expect(newest.items.map((i) => i.id)).toEqual([interns, studio]);
    expect(newest.total).toBeGreaterThanOrEqual(3);
    const ending = await list(as.committee, '?sort=ending_soon&pageSize=100');
    expect(ending.items[0]!.id).toBe(studio);
    const dates = ending.items.map((i) => i.validUntil!);
    expect(dates).toEqual([...dates].sort());
    const page2 = await list(as.committee, '?pageSize=2&page=2');
    expect(page2.items.map((i) => i.id)).not.toContain(interns);
  });

  it('shows visitors a teaser: counts, and the latest public items without their descriptions', async () => {
    const res = await call(null, 'GET', '/api/board/public');
    expect(res.statusCode, res.body).toBe(200);
    const teaser = BoardTeaserResponseSchema.parse(res.json());
    expect(teaser.latest.map((i) => i.id)).toContain(studio);
    expect(teaser.latest.map((i) => i.id)).not.toContain(interns);
    expect(res.body).not.toContain('звукозаписно студио');
    expect(teaser.byType.find((t) => t.kind === 'request' && t.type === 'joint_project')?.count).toBe(1);
    expect(teaser.byArea.find((a) => a.id === 'creative-media')?.count).toBe(1);
    expect(teaser.total).toBe(teaser.byType.reduce((n, t) => n + t.count, 0));
  });

  it('counts an item published or closed through the app in the teaser at once (its counts are kept a minute otherwise)', async () => {
    const teaser = async () =>
      BoardTeaserResponseSchema.parse((await call(null, 'GET', '/api/board/public')).json());
    const before = await teaser();
    const item = await post(as.labRep, org.lab, offer({ titleBg: 'Обява за броенето' }));
    expect((await teaser()).total).toBe(before.total + 1);
    const closed = await call(
      as.labRep,
      'POST',
      `/api/account/organizations/${org.lab}/board-items/${item.id}/close`,
      { version: item.version, outcome: 'no_longer_needed' },
    );
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await teaser()).total).toBe(before.total);
  });

  it('is for members only', async () => {
    expect((await call(null, 'GET', '/api/board/items')).statusCode).toBe(401);
    expect((await call(as.noRole, 'GET', '/api/board/items')).statusCode).toBe(403);
    expect((await call(as.admin, 'GET', '/api/board/items')).statusCode).toBe(200);
  });
});

describe('a member that is suspended, withdrawn or excluded', () => {
  it.each(['suspended', 'withdrawn', 'excluded'] as const)(
    'when %s: its items leave every list at once and its representatives cannot post or edit',
    async (status) => {
      await h.query(sql`update memberships set status = 'active' where organization_id = ${org.lapsing}`);
      const item = await post(
        as.lapsingRep,
        org.lapsing,
        offer({ titleBg: `Обява на Делта ${status}`, visibility: 'public' }),
      );
      expect((await list(as.labRep)).items.map((i) => i.id)).toContain(item.id);

      await h.query(sql`update memberships set status = ${status} where organization_id = ${org.lapsing}`);
      expect((await list(as.labRep)).items.map((i) => i.id)).not.toContain(item.id);
      expect((await call(as.labRep, 'GET', `/api/board/items/${item.id}`)).statusCode).toBe(404);
      const teaser = await call(null, 'GET', '/api/board/public?limit=50');
      expect(teaser.body).not.toContain(item.id);

      const create = await call(
        as.lapsingRep,
        'POST',
        `/api/account/organizations/${org.lapsing}/board-items`,
        offer(),
      );
      expect(create.statusCode).toBe(403);
      expect(create.json().code).toBe('membership.inactive');
      const edit = await call(
        as.lapsingRep,
        'PUT',
        `/api/account/organizations/${org.lapsing}/board-items/${item.id}`,
        {
          ...offer(),
          version: item.version,
        },
      );
      expect(edit.statusCode).toBe(403);
      const [row] = await h.query<{ title_bg: string }>(
        sql`select title_bg from board_items where id = ${item.id}`,
      );
      expect(row!.title_bg).toBe(`Обява на Делта ${status}`);

      // Reinstated: the item is back without anyone touching it.
      await h.query(sql`update memberships set status = 'active' where organization_id = ${org.lapsing}`);
      expect((await list(as.labRep)).items.map((i) => i.id)).toContain(item.id);
    },
  );
});
