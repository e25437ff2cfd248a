/**
 * The public pages as a crawler or a link preview reads them: no JavaScript, just the HTML the server sends
 * (issue 17, decision 055). The web app and its server-rendering bundle are built into a temporary folder
 * (not the checkout's web/dist, which other tests rebuild), then served by the real app on the test database.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { DbHandle } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { buildTestApp, insertOrganization, insertUser, logIn } from '@portal/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('../../web', import.meta.url));

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let out: string;
const org = {} as Record<'member' | 'former', string>;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'portal-public-pages-'));
  const vite = (args: string[]) =>
    promisify(execFile)('pnpm', ['exec', 'vite', 'build', '--logLevel', 'error', ...args], {
      cwd: WEB,
      maxBuffer: 16 * 1024 * 1024,
    });
  await vite(['--outDir', join(out, 'dist')]);
  await vite(['--ssr', 'src/entry-server.tsx', '--outDir', join(out, 'dist-server')]);
  h = await createTestDb();
  app = await buildTestApp(h, { webDistDir: join(out, 'dist'), publicUrl: 'https://portal.example.test' });
  org.member = await insertOrganization(h, {
    nameBg: 'Лаборатория „Алфа“',
    nameEn: 'Alpha <Lab>',
    descriptionBg: 'Изследваме изкуствен интелект за градската мобилност.',
    descriptionEn: 'We research artificial intelligence for urban mobility.',
    city: 'София',
    areas: ['ict'],
  });
  await insertOrganization(h, { nameBg: 'Студио Гама', nameEn: 'Gamma Studio', areas: ['ict'] });
  org.former = await insertOrganization(h, { nameBg: 'Бивш член', nameEn: 'Former', status: 'withdrawn' });
}, 600_000);

afterAll(async () => {
  await app?.close();
  await h?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

/** A page as a crawler fetches it. */
async function page(url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });
  const body = res.body;
  const root = body.slice(body.indexOf('<div id="root">'), body.indexOf('</body>'));
  /** The visible text of the page's content (tags, scripts and styles removed). */
  const text = root
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
  const meta = (attribute: string, name: string) =>
    body.match(new RegExp(`<meta ${attribute}="${name}" content="([^"]*)"`))?.[1];
  const link = (rel: string, extra = '') =>
    body.match(new RegExp(`<link rel="${rel}"${extra} href="([^"]*)"`))?.[1];
  return { res, body, text, meta, link };
}

describe('public pages without JavaScript', () => {
  it('sends the home page with its content, title, description, canonical URL and language alternates', async () => {
    const { res, body, text, meta, link } = await page('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(body).toMatch(/^<!doctype html>\s*<html lang="bg"/i);
    const cluster = (await app.inject({ method: 'GET', url: '/api/cluster' })).json() as { nameBg: string };
    expect(text).toContain(cluster.nameBg);
    expect(body).toMatch(new RegExp(`<title>[^<]*${cluster.nameBg.slice(0, 10)}`));
    expect(meta('name', 'description')?.length).toBeGreaterThan(10);
    expect(link('canonical')).toBe('https://portal.example.test/');
    expect(link('alternate', ' hreflang="bg"')).toBe('https://portal.example.test/');
    expect(link('alternate', ' hreflang="en"')).toBe('https://portal.example.test/?lang=en');
    expect(link('alternate', ' hreflang="x-default"')).toBe('https://portal.example.test/');
    expect(meta('property', 'og:title')).toBeTruthy();
    expect(meta('property', 'og:locale')).toBe('bg_BG');
    expect(meta('name', 'twitter:card')).toBe('summary');
    expect(body).not.toContain('name="robots"');
    // The browser hydrates from this state instead of asking the API again.
    expect(body).toContain('<script id="portal-state" type="application/json">');
  });

  it('renders a page in English for ?lang=en, and in the language of the visitor’s cookie', async () => {
    const en = await page('/members?lang=en');
    expect(en.body).toMatch(/<html lang="en"/);
    expect(en.text).toContain('Alpha <Lab>');
    expect(en.link('canonical')).toBe('https://portal.example.test/members?lang=en');
    expect(en.meta('property', 'og:locale')).toBe('en_GB');
    const cookie = await page('/members', { cookie: 'portal_lang=en' });
    expect(cookie.body).toMatch(/<html lang="en"/);
    const bg = await page('/members');
    expect(bg.body).toMatch(/<html lang="bg"/);
    expect(bg.text).toContain('Лаборатория „Алфа“');
  });

  it('lists the directory’s members, and only the matches of a search', async () => {
    const all = await page('/members');
    expect(all.text).toContain('Студио Гама');
    const found = await page(`/members?q=${encodeURIComponent('Алфа')}`);
    expect(found.res.statusCode).toBe(200);
    expect(found.text).toContain('Лаборатория „Алфа“');
    expect(found.text).not.toContain('Студио Гама');
    expect(found.link('canonical')).toBe(
      `https://portal.example.test/members?q=${encodeURIComponent('Алфа')}`,
    );
  });

  it('gives a member’s page its name, summary and Organization structured data, all escaped', async () => {
    const { res, body, text, meta } = await page(`/members/${org.member}?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(text).toContain('Alpha <Lab>');
    expect(text).toContain('urban mobility');
    expect(body).toContain('<title>Alpha &lt;Lab&gt; — ');
    expect(meta('property', 'og:type')).toBe('profile');
    expect(meta('property', 'og:description')).toContain('urban mobility');
    const ld = body.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)?.[1];
    expect(ld).toBeDefined();
    // Escaped for an inline script: no "<" can close it.
    expect(ld).not.toContain('<');
    const data = JSON.parse(ld ?? '{}') as Record<string, unknown>;
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'Alpha <Lab>',
    });
  });

  it('answers 404 with the friendly page for an unknown path or organisation, and 410 for a member that left', async () => {
    const path = await page('/no-such-page');
    expect(path.res.statusCode).toBe(404);
    expect(path.text).toContain('Страницата не е намерена');
    expect(path.meta('name', 'robots')).toBe('noindex');
    const unknown = await page('/members/00000000-0000-4000-8000-000000000000');
    expect(unknown.res.statusCode).toBe(404);
    expect(unknown.meta('name', 'robots')).toBe('noindex');
    const former = await page(`/members/${org.former}`);
    expect(former.res.statusCode).toBe(410);
    expect(former.text).not.toContain('Бивш член');
  });

  it('sends the other public pages with their content, and the signed-in pages as the app’s shell', async () => {
    for (const path of ['/decisions', '/news', '/calls', '/strategy', '/governance', '/statute']) {
      const { res, text } = await page(path);
      expect(res.statusCode, path).toBe(200);
      expect(text.trim().length, path).toBeGreaterThan(200);
    }
    const committee = await page('/committee');
    expect(committee.res.statusCode).toBe(200);
    expect(committee.body).toContain('<div id="root"></div>');
  });

  it('sends a signed-in user the app, which renders their members-only parts itself', async () => {
    const cookie = await logIn(app, (await insertUser(h)).email);
    const signedIn = await page('/members', { cookie });
    expect(signedIn.res.statusCode).toBe(200);
    expect(signedIn.body).toContain('<div id="root"></div>');
    expect(signedIn.body).not.toContain('portal-state');
    expect((await page('/no-such-page', { cookie })).res.statusCode).toBe(404);
  });
});
