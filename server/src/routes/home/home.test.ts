import {
  clusterSettings,
  type DbHandle,
  eq,
  feeRates,
  fundingCalls,
  newsEvents,
  newsPosts,
  organizations,
} from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { HOME_AREA_MEMBERS, type HomeResponse, HomeResponseSchema, todayInSofia } from '@portal/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';
import { forgetHome } from './home.service.ts';

/** Issue 17 "A public face", decision 054: the home page in one public answer. */

let h: DbHandle;
let app: FastifyInstance;
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY);
const year = Number(todayInSofia().slice(0, 4));

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});
beforeEach(() => forgetHome(h));

async function getHome(): Promise<HomeResponse> {
  const res = await app.inject({ method: 'GET', url: '/api/home' });
  expect(res.statusCode).toBe(200);
  return HomeResponseSchema.parse(res.json());
}

let slugs = 0;
async function post(
  category: 'news' | 'event',
  title: string,
  publishAt: Date | null,
  status: 'published' | 'draft' = 'published',
) {
  const [row] = await h.db
    .insert(newsPosts)
    .values({ slug: `post-${++slugs}`, category, status, titleBg: title, titleEn: title, publishAt })
    .returning({ id: newsPosts.id });
  return row!.id;
}

describe('the home page', () => {
  it('shows the identity, the figures and the areas with publicly listed members only', async () => {
    await h.db.update(clusterSettings).set({ nameBg: 'Клъстер', nameEn: 'Cluster', taglineEn: 'Together' });
    const logoed = await insertOrganization(h, {
      nameBg: 'Софт ООД',
      employees: 20,
      areas: ['ict-software'],
      memberSince: '2025-01-01',
    });
    await h.db.update(organizations).set({ logoVersion: 3 }).where(eq(organizations.id, logoed));
    const early = await insertOrganization(h, {
      nameBg: 'Стар член',
      areas: ['ict'],
      memberSince: '2020-01-01',
    });
    await insertOrganization(h, { nameBg: 'Университет', kind: 'university', areas: ['creative'] });
    await insertOrganization(h, { nameBg: 'Община', kind: 'public_authority' });
    await insertOrganization(h, { nameBg: 'Голяма', employees: 900, areas: ['ict'] });
    await insertOrganization(h, { nameBg: 'Кандидат', category: 'candidate', areas: ['ict'] });
    await insertOrganization(h, { nameBg: 'Изключен', status: 'excluded', areas: ['ict'] });

    const home = await getHome();
    expect(home.cluster).toMatchObject({ nameBg: 'Клъстер', nameEn: 'Cluster', taglineEn: 'Together' });
    expect(home.figures).toMatchObject({ members: 5, smes: 1, universities: 1, publicBodies: 1 });

    expect(home.areas.map((a) => a.id)).toEqual([
      'ict',
      'mechatronics',
      'healthy-life',
      'creative',
      'clean-tech',
    ]);
    const ict = home.areas[0]!;
    expect(ict).toMatchObject({ isPriority: true, memberCount: 3 });
    // Members with a logo first, then the longest-standing; a sub-area's member counts for its area.
    expect(ict.members.map((m) => m.nameBg)).toEqual(['Софт ООД', 'Стар член', 'Голяма']);
    expect(ict.members[0]!.logoUrl).toBe(`/api/organizations/${logoed}/logo?size=small&v=3`);
    expect(ict.members.find((m) => m.id === early)!.logoUrl).toBeNull();
    expect(home.areas.find((a) => a.id === 'mechatronics')).toMatchObject({ memberCount: 0, members: [] });
    expect(home.logos.map((m) => m.nameBg)).not.toContain('Кандидат');
    expect(home.logos[0]!.id).toBe(logoed);
  });

  it(`lists at most ${HOME_AREA_MEMBERS} members per area`, async () => {
    for (let i = 0; i < HOME_AREA_MEMBERS + 2; i++)
      await insertOrganization(h, { nameBg: `Механика ${i}`, areas: ['mechatronics'] });
    const mech = (await getHome()).areas.find((a) => a.id === 'mechatronics')!;
    expect(mech.memberCount).toBe(HOME_AREA_MEMBERS + 2);
    expect(mech.members).toHaveLength(HOME_AREA_MEMBERS);
  });

  it('shows the latest published news, the events not over yet and the open calls, nothing unpublished', async () => {
    await post('news', 'Стара', at(-10));
    await post('news', 'Нова', at(-1));
    await post('news', 'Средна', at(-5));
    await post('news', 'Най-стара', at(-20));
    await post('news', 'Чернова', null, 'draft');
    await post('news', 'Насрочена', at(2));
    const soon = await post('event', 'Среща', at(-1));
    await h.db.insert(newsEvents).values({ postId: soon, startsAt: at(3), endsAt: at(3.1), place: 'София' });
    const later = await post('event', 'Форум', at(-1));
    await h.db
      .insert(newsEvents)
      .values({ postId: later, startsAt: at(9), endsAt: at(9.1), onlineUrl: 'https://example.org/live' });
    const past = await post('event', 'Минала', at(-30));
    await h.db
      .insert(newsEvents)
      .values({ postId: past, startsAt: at(-20), endsAt: at(-19.9), place: 'София' });
    const hidden = await post('event', 'Скрита', null, 'draft');
    await h.db
      .insert(newsEvents)
      .values({ postId: hidden, startsAt: at(4), endsAt: at(4.1), place: 'София' });
    const call = (code: string, opens: number, deadline: number) => ({
      programme: 'ПКИП',
      code,
      titleBg: code,
      titleEn: code,
      opensAt: at(opens),
      deadlineAt: at(deadline),
    });
    await h.db
      .insert(fundingCalls)
      .values([
        call('OPEN-LATE', -5, 30),
        call('OPEN-SOON', -5, 10),
        call('CLOSED', -30, -1),
        call('NEXT', 5, 40),
      ]);

    const home = await getHome();
    expect(home.news.map((n) => n.titleBg)).toEqual(['Нова', 'Средна', 'Стара']);
    expect(home.events.map((e) => [e.titleBg, e.online])).toEqual([
      ['Среща', false],
      ['Форум', true],
    ]);
    expect(home.calls.map((c) => c.code)).toEqual(['OPEN-SOON', 'OPEN-LATE']);
    expect(home.figures).toMatchObject({ openCalls: 2, upcomingEvents: 2 });
  });

  it("gives this year's fee of every category a member can hold (none set: zero)", async () => {
    await h.db.insert(feeRates).values([
      { year, category: 'regular', amountCents: 50_000, dueOn: `${year}-03-31` },
      { year: year - 1, category: 'engaged', amountCents: 99_900, dueOn: `${year - 1}-03-31` },
    ]);
    expect((await getHome()).fees).toEqual({
      year,
      rates: [
        { category: 'regular', amountCents: 50_000 },
        { category: 'associated', amountCents: 0 },
        { category: 'engaged', amountCents: 0 },
      ],
    });
  });

  it('serves the answer from memory for a minute', async () => {
    const first = await getHome();
    await insertOrganization(h, { nameBg: 'Нов член' });
    const again = await getHome();
    expect(again.generatedAt).toBe(first.generatedAt);
    expect(again.figures.members).toBe(first.figures.members);
    forgetHome(h);
    expect((await getHome()).figures.members).toBe(first.figures.members + 1);
  });

  it("shows the cluster's texts at once after an administrator saves them", async () => {
    await getHome();
    const admin = await logIn(app, (await insertUser(h, { roles: ['admin'] })).email);
    const read = await app.inject({
      method: 'GET',
      url: '/api/admin/settings/texts',
      headers: { cookie: admin },
    });
    const { version: _v, ...texts } = read.json();
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/admin/settings/texts',
      headers: { cookie: admin, 'if-match': String(read.headers.etag) },
      payload: { ...texts, taglineBg: 'Нов девиз' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await getHome()).cluster.taglineBg).toBe('Нов девиз');
  });

  it('drops its copy after any successful write (a post just published shows at once), not after a refused one', async () => {
    await getHome();
    const id = await post('news', 'Току-що публикувана', new Date(Date.now() - 1000));
    expect((await getHome()).news.map((n) => n.id)).not.toContain(id);
    // A refused write (no session) changes nothing, so the copy stays.
    const refused = await app.inject({ method: 'POST', url: '/api/committee/news', payload: {} });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect((await getHome()).news.map((n) => n.id)).not.toContain(id);
    // Any successful write, even one unrelated to the home page (here a log-in), drops it.
    const user = await insertUser(h);
    expect((await getHome()).news.map((n) => n.id)).not.toContain(id);
    await logIn(app, user.email);
    expect((await getHome()).news.map((n) => n.id)).toContain(id);
  });
});
