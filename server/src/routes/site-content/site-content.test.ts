import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { SitePageSchema } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let admin: string;
let admin2: string;
let committee: string;

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  admin = await logIn(app, (await insertUser(h, { roles: ['admin'] })).email);
  admin2 = await logIn(app, (await insertUser(h, { roles: ['admin'] })).email);
  committee = await logIn(app, (await insertUser(h, { roles: ['committee_chair'] })).email);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const page = { titleBg: 'Устав', titleEn: 'Statute', bodyBg: 'Член 1. Цели', bodyEn: 'Article 1. Aims' };

describe('information pages (issue 11 C6)', () => {
  it('exist on a fresh installation for anyone to read, with an ETag', async () => {
    for (const slug of ['statute', 'privacy', 'contact']) {
      const res = await app.inject({ method: 'GET', url: `/api/pages/${slug}` });
      expect(res.statusCode).toBe(200);
      const body = SitePageSchema.parse(res.json());
      expect(body.slug).toBe(slug);
      expect(res.headers.etag).toBe(`"${body.version}"`);
    }
    expect((await app.inject({ method: 'GET', url: '/api/pages/secret' })).statusCode).toBe(400);
  });

  it('are written by an administrator naming the version, and a stale version is refused', async () => {
    const read = await app.inject({ method: 'GET', url: '/api/pages/statute' });
    const etag = String(read.headers.etag);

    const saved = await app.inject({
      method: 'PUT',
      url: '/api/admin/pages/statute',
      headers: { cookie: admin, 'if-match': etag },
      payload: page,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject(page);
    expect((await app.inject({ method: 'GET', url: '/api/pages/statute' })).json()).toMatchObject(page);

    // A second administrator who opened the same version cannot overwrite the first one's text.
    const stale = await app.inject({
      method: 'PUT',
      url: '/api/admin/pages/statute',
      headers: { cookie: admin2, 'if-match': etag },
      payload: { ...page, bodyBg: 'Друго' },
    });
    expect(stale.statusCode).toBe(412);
    const missing = await app.inject({
      method: 'PUT',
      url: '/api/admin/pages/statute',
      headers: { cookie: admin2 },
      payload: page,
    });
    expect(missing.statusCode).toBe(428);

    const [audit] = await h.query<{ action: string; before: { bodyBg: string } }>(
      sql`select action, before from audit_events where entity_type = 'site_page' and entity_id = 'statute'`,
    );
    expect(audit).toMatchObject({ action: 'site_page.updated', before: { bodyBg: '' } });
  });

  it('refuse a page without a title, naming the field in the reader language', async () => {
    const read = await app.inject({ method: 'GET', url: '/api/pages/privacy' });
    const res = await app.inject({
      method: 'PUT',
      url: '/api/admin/pages/privacy',
      headers: { cookie: admin, 'if-match': String(read.headers.etag), 'accept-language': 'en' },
      payload: { ...page, titleEn: '  ' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.titleEn']);
  });

  it('cannot be written by the committee', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/admin/pages/contact',
      headers: { cookie: committee, 'if-match': '"1"' },
      payload: page,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("the home page's texts (issue 11 C13)", () => {
  it('an administrator changes them and the public home page shows the change', async () => {
    const read = await app.inject({
      method: 'GET',
      url: '/api/admin/settings/texts',
      headers: { cookie: admin },
    });
    expect(read.statusCode).toBe(200);
    const { version: _v, ...texts } = read.json();
    const missionBg = 'Столична община се присъедини към клъстера.';
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/admin/settings/texts',
      headers: { cookie: admin, 'if-match': String(read.headers.etag) },
      payload: { ...texts, missionBg },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/cluster' })).json().missionBg).toBe(missionBg);

    const again = await app.inject({
      method: 'PUT',
      url: '/api/admin/settings/texts',
      headers: { cookie: admin, 'if-match': String(read.headers.etag) },
      payload: { ...texts, missionBg: 'по-стар текст' },
    });
    expect(again.statusCode).toBe(412);
    expect((await app.inject({ method: 'GET', url: '/api/cluster' })).json().missionBg).toBe(missionBg);
  });
});

describe('removing an organisation entered by mistake (issue 11 C13)', () => {
  it('removes an imported organisation with no history, from the directory too', async () => {
    const id = await insertOrganization(h, { nameBg: 'Внесена по грешка' });
    expect((await app.inject({ method: 'GET', url: `/api/organizations/${id}` })).statusCode).toBe(200);

    const res = await app.inject({
      method: 'DELETE',
      url: `/api/admin/organizations/${id}`,
      headers: { cookie: admin },
    });
    expect(res.statusCode, res.body).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/organizations/${id}` })).statusCode).toBe(404);
    const [audit] = await h.query<{ before: { nameBg: string } }>(
      sql`select before from audit_events where action = 'organization.removed' and entity_id = ${id}`,
    );
    expect(audit?.before.nameBg).toBe('Внесена по грешка');
  });

  it('refuses one with representatives, keeping it whole', async () => {
    const id = await insertOrganization(h, { nameBg: 'С представител' });
    await insertUser(h, { roles: ['representative'], organizationIds: [id] });
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/admin/organizations/${id}`,
      headers: { cookie: admin, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'organization.has_history' });
    expect(res.json().detail).toContain('End its membership');
    expect((await app.inject({ method: 'GET', url: `/api/organizations/${id}` })).statusCode).toBe(200);
  });

  it('answers 404 for an organisation that does not exist', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/admin/organizations/00000000-0000-4000-8000-000000000000',
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(404);
  });
});
