/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * `pnpm screens`: looks at every page of the portal the way a person would (issue 11 D).
 *
 * Starts the real server with the built SPA on a fresh embedded database with the demo data (its own port
 * and temporary DATA_DIR), signs in as each role, opens every route by a direct load (the way a reload or
 * a deep link does, which is where lazily loaded styles go missing) in Bulgarian and English at desktop
 * (1280×800) and phone (390×844) widths, saves a full-page PNG of each under tests/screens-out/ and fails
 * on:
 *  - console errors and uncaught exceptions in the page;
 *  - failed requests (4xx/5xx) other than those the page expects (the session probe of a visitor, a bad
 *    token on purpose);
 *  - horizontal overflow (`document.documentElement.scrollWidth > innerWidth`);
 *  - an element narrower than 24 px whose text of three or more characters wraps or is cut (one letter a
 *    line);
 *  - a component rendered without its styles: a Mantine class (`m_…`) used in the page that no loaded
 *    style sheet defines, or a Mantine radio or checkbox input left at the browser's look.
 *
 * A few routes are photographed a second time with something opened first (`open`): the pages with a date
 * field, with its calendar open, since the calendar's styles load with it (issue 11 C11).
 *
 * Prints one line per screen (with the seconds it took), and as its last line a JSON summary
 * `{"screens":…,"passed":…,"failed":…,"seconds":…}` whose counts CI adds to its sums. Exits 1 on any
 * failure. Needs the SPA built (`pnpm build`; the root script `pnpm screens` builds first). SCREENS_PORT
 * (3310), SCREENS_ROLES=admin,visitor and SCREENS_ONLY=<a regular expression of route names> narrow a run;
 * SCREENS_CONCURRENCY (cores + 1, at most 6) sets the parallel browser contexts, which share one browser
 * and take the role × width × language runs from one queue. SCREENS_ONE_LANGUAGE_PER_WIDTH=1 (what CI
 * runs) takes one language per role and width, alternating, for half the pictures (see below).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const outDir = resolve(here, '../screens-out');
const port = Number(process.env.SCREENS_PORT ?? 3310);
const base = `http://127.0.0.1:${port}`;
// One more browser context than cores: each screen waits idle for the network to settle (3 on CI's 2 cores).
const concurrency = Math.max(
  1,
  Number(process.env.SCREENS_CONCURRENCY ?? Math.min(6, availableParallelism() + 1)),
);
const DEMO_PASSWORD = 'klaster-demo-2026';
/**
 * SCREENS_ONE_LANGUAGE_PER_WIDTH=1 (CI): every role and route at both widths, but in one language per width,
 * alternating by role — the first role bg at desktop and en at phone, the next en at desktop and bg at
 * phone, and so on — so each page is still checked in both languages and at both widths, and the pages
 * every role sees (the public ones, the header, the menu) in all four. Half the pictures of the full set,
 * which `pnpm screens` takes without it.
 */
const oneLanguagePerWidth = process.env.SCREENS_ONE_LANGUAGE_PER_WIDTH === '1';

const ROLES = {
  visitor: null,
  applicant: 'kandidat@demo.klaster.bg',
  representative: 'predstavitel@demo.klaster.bg',
  // A representative of a candidate for membership: the resources open to candidates (decision 034).
  candidate: 'kandidat-chlen@demo.klaster.bg',
  committee: 'komitet@demo.klaster.bg',
  chair: 'predsedatel@demo.klaster.bg',
  admin: 'admin@demo.klaster.bg',
} as const;
type Role = keyof typeof ROLES;
const roleIndex = (role: Role) => (Object.keys(ROLES) as Role[]).indexOf(role);

const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
] as const;
const LANGS = ['bg', 'en'] as const;

interface Route {
  /** File name of the picture. */
  name: string;
  path: string;
  /** An element that must be visible before the picture (e.g. a drawn chart, `.recharts-surface`). */
  ready?: string;
  /** Request paths (prefix) that may answer 4xx on this page. */
  expected4xx?: string[];
  /**
   * Something to open before the page is checked and photographed: the element to click, and the element
   * that must then be visible (e.g. a date field and its calendar, whose styles load with it).
   */
  open?: { click: string; shows: string };
}

/** The first date field of a page with its calendar open (issue 11 C11). */
const DATE_CALENDAR = { click: 'input[data-dates-input]', shows: '[data-dates-dropdown]' };

// ---------------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------------

async function startServer(dataDir: string): Promise<ChildProcess> {
  const server = spawn('pnpm', ['--filter', '@portal/server', 'start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not answer /api/health within 2 minutes');
}

function stopServer(server: ChildProcess) {
  if (server.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      server.kill('SIGTERM');
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Routes of each role, with the ids of the demo data read through the API as that role
// ---------------------------------------------------------------------------------------------------

async function getJson<T>(context: BrowserContext, url: string): Promise<T> {
  const res = await context.request.get(`${base}${url}`);
  if (!res.ok()) throw new Error(`GET ${url}: ${res.status()}`);
  return (await res.json()) as T;
}

type Items<T = { id: string }> = { items: T[] };

/** The application form's steps (web/src/features/applications/steps.ts; `accession` only for a public body). */
const APPLICATION_STEPS = [
  'organization',
  'contact',
  'areas',
  'offers',
  'motivation',
  'declarations',
  'documents',
  'review',
] as const;

/** The members' cooperation board: the list, a filtered list, an empty search and an item (read through the API). */
async function boardRoutes(context: BrowserContext): Promise<Route[]> {
  const board = await getJson<Items>(context, '/api/board/items?pageSize=1');
  const someItem = board.items[0]?.id;
  return [
    { name: 'board', path: '/board' },
    { name: 'board-offers', path: '/board?kind=offer&sort=ending_soon' },
    { name: 'board-empty-search', path: `/board?q=${encodeURIComponent('няма-такова-обявление')}` },
    ...(someItem ? [{ name: 'board-item', path: `/board/${someItem}` }] : []),
  ];
}

/** The meetings pages (decision 041): the lists and each meeting on the first page of either. */
async function meetingRoutes(context: BrowserContext, officer = false): Promise<Route[]> {
  const upcoming = await getJson<Items>(context, '/api/meetings?when=upcoming');
  const past = await getJson<Items>(context, '/api/meetings?when=past');
  return [
    { name: 'meetings', path: '/meetings' },
    ...upcoming.items.map((m, i) => ({ name: `meeting-upcoming-${i + 1}`, path: `/meetings/${m.id}` })),
    ...past.items.map((m, i) => ({ name: `meeting-past-${i + 1}`, path: `/meetings/${m.id}` })),
    ...(officer ? [{ name: 'meeting-new', path: '/meetings/new' }] : []),
  ];
}

async function routesOf(role: Role, context: BrowserContext): Promise<Route[]> {
  const orgs = await getJson<Items<{ id: string; nameEn: string }>>(
    context,
    '/api/organizations?pageSize=100',
  );
  const someMember = orgs.items[0]?.id;
  // The demo member whose page shows the contact form (decision 053).
  const contactMember = orgs.items.find((o) => o.nameEn === 'Digital Sofia')?.id;
  const news = await getJson<Items<{ id: string; slug: string }>>(context, '/api/news?pageSize=5');
  const calls = await getJson<Items<{ id: string }>>(context, '/api/public/calls?pageSize=5');
  const minutes = await getJson<Items<{ meetingId: string }>>(context, '/api/public/minutes?pageSize=1');
  const publicRoutes: Route[] = [
    { name: 'home', path: '/' },
    { name: 'members', path: '/members' },
    { name: 'members-page-99', path: '/members?page=99' },
    ...(someMember ? [{ name: 'member', path: `/members/${someMember}` }] : []),
    ...(contactMember ? [{ name: 'member-contact-form', path: `/members/${contactMember}` }] : []),
    { name: 'members-bad-filter', path: '/members?kind=xyz' },
    { name: 'members-search', path: `/members?q=${encodeURIComponent('софтуерни')}` },
    { name: 'decisions', path: '/decisions' },
    { name: 'cooperation', path: '/cooperation' },
    // The news (issue 15 §4): the list, a call's filter and every post on the first page.
    { name: 'news', path: '/news' },
    { name: 'news-calls', path: '/news?category=call' },
    ...news.items.map((p, i) => ({ name: `news-post-${i + 1}`, path: `/news/${p.slug}` })),
    {
      name: 'news-post-not-found',
      path: '/news/no-such-post',
      // The document itself answers 404 (for crawlers: decision 040), and so does its post's API read.
      expected4xx: ['/news/no-such-post', '/api/news/posts/no-such-post'],
    },
    // Cancelling an event registration (decision 042): the emailed link's page, here with a link that
    // names no registration (its API read answers 404).
    {
      name: 'event-cancel-invalid',
      path: '/events/cancel?token=no-such-registration-token',
      expected4xx: ['/api/news/registrations/cancel'],
    },
    // Funding calls (issue 16 §3): the list, a filter and the first call (members see who is interested).
    { name: 'calls', path: '/calls' },
    { name: 'calls-open', path: '/calls?status=open' },
    ...calls.items.slice(0, 1).map((c) => ({ name: 'call', path: `/calls/${c.id}` })),
    { name: 'statute', path: '/statute' },
    { name: 'privacy', path: '/privacy' },
    { name: 'contact', path: '/contact' },
    // Who runs the cluster (issue 15 §1): members also see the history of terms there.
    { name: 'governance', path: '/governance' },
    // The cluster's strategy with its indicators (issue 16 §1).
    { name: 'strategy', path: '/strategy' },
    // The cluster in figures (issue 16 §1, decision 048): anyone; waits for the charts to be drawn.
    { name: 'figures', path: '/figures', ready: '.recharts-surface' },
    // Approved public minutes (issue 15 §3): the list and the first meeting's printable page, for anyone.
    { name: 'governance-minutes', path: '/governance/minutes' },
    ...minutes.items.map((m) => ({
      name: 'governance-minutes-meeting',
      path: `/governance/minutes/${m.meetingId}`,
    })),
    // The friendly not-found page comes with its 404 (server-rendered, decision 055).
    { name: 'not-found', path: '/no-such-page', expected4xx: ['/no-such-page'] },
  ];
  switch (role) {
    case 'visitor':
      return [
        ...publicRoutes,
        { name: 'login', path: '/login' },
        // A committee page sends a visitor to log in first.
        { name: 'committee-readiness-signed-out', path: '/committee/readiness' },
        { name: 'sign-up', path: '/sign-up' },
        { name: 'forgot-password', path: '/forgot-password' },
        {
          name: 'reset-password',
          path: '/reset-password?token=not-a-real-token',
          expected4xx: ['/api/auth/reset-password'],
        },
        {
          name: 'verify-email',
          path: '/verify-email?token=not-a-real-token',
          expected4xx: ['/api/auth/verify-email'],
        },
        {
          name: 'confirm-email',
          path: '/confirm-email?token=not-a-real-token',
          expected4xx: ['/api/account/confirm-email-change', '/api/auth/confirm-email-change'],
        },
      ];
    case 'applicant': {
      const mine = await getJson<Items<{ id: string; state: string }>>(context, '/api/applications/mine');
      // Each step of an application the applicant edits is a deep link (`?step=…`, issue 11 C3).
      const steps = (a: { id: string; state: string }) =>
        APPLICATION_STEPS.map((step) => ({
          name: `application-${a.state}-${step}`,
          path: `/applications/${a.id}?step=${step}`,
        }));
      return [
        ...publicRoutes,
        { name: 'account', path: '/account' },
        { name: 'apply', path: '/apply' },
        ...mine.items.map((a) => ({ name: `application-${a.state}`, path: `/applications/${a.id}` })),
        ...mine.items.filter((a) => a.state === 'draft').flatMap(steps),
        ...mine.items
          .filter((a) => a.state === 'changes_requested')
          .map((a) => ({ name: `application-${a.state}-review`, path: `/applications/${a.id}?step=review` })),
      ];
    }
    case 'representative': {
      const mine = await getJson<Items>(context, '/api/account/organizations');
      const org = mine.items[0]?.id;
      const orgRoutes: Route[] = org
        ? [
            { name: 'my-organization', path: `/my/organizations/${org}` },
            { name: 'my-representatives', path: `/my/organizations/${org}/representatives` },
            { name: 'my-history', path: `/my/organizations/${org}/history` },
            { name: 'my-fees', path: `/my/organizations/${org}/fees` },
            { name: 'my-board', path: `/my/organizations/${org}/board` },
            // The new item's form, with the date field that loads its own styles.
            {
              name: 'my-board-form',
              path: `/my/organizations/${org}/board`,
              open: { click: '[data-action="board-new"]', shows: 'input[name="titleBg"]' },
            },
            { name: 'my-suggestions', path: `/my/organizations/${org}/suggestions` },
            { name: 'my-competitors', path: `/my/organizations/${org}/competitors` },
            { name: 'my-data', path: `/my/organizations/${org}/data` },
            { name: 'my-partners', path: `/my/organizations/${org}/partners` },
            { name: 'my-bookings', path: `/my/organizations/${org}/bookings` },
            { name: 'resource-new', path: `/my/organizations/${org}/resources/new` },
          ]
        : [];
      // Private conversations (issue 14 §2): the list and each of the representative's conversations.
      const conversations = await getJson<Items>(context, '/api/conversations?pageSize=100');
      // Shared resources (issue 14 §3): another member's (with its calendar, week and month) and one's own form.
      const resources = await getJson<Items<{ id: string; organizationId: string }>>(
        context,
        '/api/resources',
      );
      const others = resources.items.find((r) => r.organizationId !== org)?.id;
      const own = resources.items.find((r) => r.organizationId === org)?.id;
      const resourceRoutes: Route[] = [
        { name: 'resources', path: '/resources' },
        { name: 'resources-studios', path: '/resources?kind=studio' },
        ...(others
          ? [
              { name: 'resource', path: `/resources/${others}` },
              { name: 'resource-month', path: `/resources/${others}?view=month` },
            ]
          : []),
        ...(own ? [{ name: 'resource-edit', path: `/resources/${own}/edit` }] : []),
      ];
      return [
        ...publicRoutes,
        { name: 'account', path: '/account' },
        ...orgRoutes,
        ...(await boardRoutes(context)),
        ...(await meetingRoutes(context)),
        { name: 'conversations', path: '/conversations' },
        ...conversations.items.map((c, i) => ({
          name: `conversation-${i + 1}`,
          path: `/conversations/${c.id}`,
        })),
        {
          name: 'conversation-not-found',
          path: '/conversations/00000000-0000-4000-8000-000000000000',
          expected4xx: ['/api/conversations/00000000-0000-4000-8000-000000000000'],
        },
        ...resourceRoutes,
        // Joint projects (issue 16 §4): the list and the demo consortium the representative leads.
        { name: 'projects', path: '/projects' },
        { name: 'project', path: '/projects/00000000-de00-4f00-8000-000000000021' },
        // Member news the representative proposes (issue 15 §4), with the new post's form open.
        { name: 'my-news', path: '/my/news' },
        {
          name: 'my-news-form',
          path: '/my/news',
          open: { click: '[data-action="news-new"]', shows: 'input[name="titleBg"]' },
        },
        {
          name: 'accept-invitation',
          path: '/invitations/accept?token=not-a-real-token',
          expected4xx: ['/api/invitations/preview'],
        },
      ];
    }
    case 'candidate': {
      const mine = await getJson<Items>(context, '/api/account/organizations');
      const org = mine.items[0]?.id;
      // Only the resources open to candidates are listed here; a members-only one answers 403 to a
      // candidate, which the web's tests and the authorisation matrix cover.
      const open = await getJson<Items<{ id: string }>>(context, '/api/resources');
      return [
        ...publicRoutes,
        { name: 'account', path: '/account' },
        ...(org
          ? [
              { name: 'my-organization', path: `/my/organizations/${org}` },
              { name: 'my-bookings', path: `/my/organizations/${org}/bookings` },
            ]
          : []),
        { name: 'resources', path: '/resources' },
        ...open.items.slice(0, 1).flatMap((r) => [
          { name: 'resource', path: `/resources/${r.id}` },
          { name: 'resource-month', path: `/resources/${r.id}?view=month` },
        ]),
      ];
    }
    case 'committee':
    case 'chair':
    case 'admin': {
      const readiness = await getJson<Items<{ id: string; slug: string }>>(
        context,
        '/api/committee/readiness',
      );
      const routes: Route[] = [
        ...publicRoutes,
        { name: 'account', path: '/account' },
        ...(await boardRoutes(context)),
        { name: 'resources', path: '/resources' },
        ...(await meetingRoutes(context, role !== 'committee')),
      ];
      // One membership of each status (active, suspended, withdrawn, excluded…): their pages differ.
      const members = await getJson<Items<{ id: string; status: string }>>(
        context,
        '/api/committee/members?pageSize=100',
      );
      const byStatus = new Map<string, string>();
      for (const m of members.items) if (!byStatus.has(m.status)) byStatus.set(m.status, m.id);
      routes.push(
        { name: 'committee-members', path: '/committee/members' },
        ...[...byStatus].map(([status, id]) => ({
          name: `committee-member-${status}`,
          path: `/committee/members/${id}`,
        })),
        { name: 'committee-fees', path: '/committee/fees' },
        // The overview of cooperation and the network picture (issue 14 §5): the committee and admins.
        { name: 'committee-cooperation', path: '/committee/cooperation' },
        { name: 'committee-cooperation-network', path: '/committee/cooperation/network' },
        // The strategy's editor (issue 16 §1), with the new indicator's form open.
        { name: 'committee-strategy', path: '/committee/strategy' },
        {
          name: 'committee-strategy-indicator-form',
          path: '/committee/strategy',
          open: { click: '[data-action="strategy-add-indicator"]', shows: 'input[name="nameBg"]' },
        },
        // The dashboard (decision 048): waits for the charts to be drawn.
        { name: 'committee-dashboard', path: '/committee/dashboard', ready: '.recharts-surface' },
        // The readiness checks (issue 16 §2, decision 051): the sets, each set, and a criterion's evidence form.
        { name: 'committee-readiness', path: '/committee/readiness' },
        ...readiness.items.map((s) => ({
          name: `committee-readiness-${s.slug}`,
          path: `/committee/readiness/${s.slug}`,
        })),
        ...readiness.items.slice(0, 1).map((s) => ({
          name: 'committee-readiness-evidence-form',
          path: `/committee/readiness/${s.slug}`,
          open: { click: '[data-action="readiness-add-evidence"]', shows: 'input[name="url"]' },
        })),
      );
      // The news editor (issue 15 §4): the list, the review queue, a new post and each post on a page.
      const edited = await getJson<Items<{ id: string; status: string; category: string }>>(
        context,
        '/api/committee/news?pageSize=20',
      );
      const byNewsStatus = new Map<string, string>();
      for (const p of edited.items) if (!byNewsStatus.has(p.status)) byNewsStatus.set(p.status, p.id);
      routes.push(
        { name: 'news-editor', path: '/committee/news' },
        { name: 'news-editor-queue', path: '/committee/news?status=submitted' },
        { name: 'news-editor-new', path: '/committee/news/new' },
        { name: 'call-new', path: '/committee/calls/new' },
        ...calls.items.slice(0, 1).map((c) => ({ name: 'call-edit', path: `/committee/calls/${c.id}/edit` })),
        ...[...byNewsStatus].map(([status, id]) => ({
          name: `news-editor-${status}`,
          path: `/committee/news/${id}`,
        })),
        // An event with its date, place and registrations (decision 042).
        ...edited.items
          .filter((p) => p.category === 'event' && p.status === 'published')
          .slice(0, 1)
          .map((p) => ({ name: 'news-editor-event', path: `/committee/news/${p.id}` })),
      );
      if (role !== 'admin') {
        const queue = await getJson<Items<{ id: string; state: string }>>(
          context,
          '/api/committee/applications?pageSize=100',
        );
        const byState = new Map<string, string>();
        for (const a of queue.items) if (!byState.has(a.state)) byState.set(a.state, a.id);
        routes.push(
          // Joint projects, read-only for the committee (issue 16 §4).
          { name: 'projects', path: '/projects' },
          { name: 'project', path: '/projects/00000000-de00-4f00-8000-000000000021' },
          { name: 'committee', path: '/committee' },
          { name: 'committee-calendar', path: '/committee?from=2026-03-05', open: DATE_CALENDAR },
          ...[...byState].map(([state, id]) => ({
            name: `committee-application-${state}`,
            path: `/committee/applications/${id}`,
          })),
        );
      } else {
        const users = await getJson<Items>(context, '/api/admin/users');
        routes.push(
          { name: 'admin-users', path: '/admin/users' },
          ...(users.items[0] ? [{ name: 'admin-user', path: `/admin/users/${users.items[0].id}` }] : []),
          { name: 'admin-audit', path: '/admin/audit' },
          { name: 'admin-audit-calendar', path: '/admin/audit?from=2026-03-05', open: DATE_CALENDAR },
          { name: 'admin-mailbox', path: '/admin/mailbox' },
          { name: 'admin-conversations', path: '/admin/conversations' },
          { name: 'admin-conversations-empty', path: '/admin/conversations?q=%D0%BD%D1%8F%D0%BC%D0%B0' },
          { name: 'admin-import', path: '/admin/import' },
          { name: 'admin-bodies', path: '/admin/bodies' },
          { name: 'admin-settings', path: '/admin/settings' },
          { name: 'admin-fees', path: '/admin/fees' },
          { name: 'admin-fees-calendar', path: '/admin/fees', open: DATE_CALENDAR },
          // Editing the readiness sets and criteria (decision 051), with the new criterion's form open.
          { name: 'admin-readiness', path: '/admin/readiness' },
          ...readiness.items.slice(0, 1).map((s) => ({
            name: 'admin-readiness-set',
            path: `/admin/readiness/${s.slug}`,
          })),
          ...readiness.items.slice(0, 1).map((s) => ({
            name: 'admin-readiness-criterion-form',
            path: `/admin/readiness/${s.slug}`,
            open: { click: '[data-action="readiness-add-criterion"]', shows: 'input[name="code"]' },
          })),
        );
      }
      return routes;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// The checks a page must pass
// ---------------------------------------------------------------------------------------------------

/** Runs in the page: what is wrong with its layout and styles. */
function inspectPage(): string[] {
  const problems: string[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) {
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((el) => !el.closest('[data-screens-scroll]'))
      .slice(-3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    problems.push(
      `horizontal overflow: scrollWidth ${doc.scrollWidth} > innerWidth ${window.innerWidth} (${wide.join(', ')})`,
    );
  }

  const label = (el: Element) => {
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">${text}`;
  };

  // Text squeezed into a column narrower than a few characters.
  for (const el of document.querySelectorAll<HTMLElement>('body *')) {
    const own = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (own.length < 3) continue;
    const rect = el.getBoundingClientRect();
    // Visually hidden text (screen readers only) is 1 px wide on purpose.
    if (rect.width >= 24 || rect.width <= 1 || rect.height <= 1) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.clipPath !== 'none' || style.clip !== 'auto') continue;
    // A short word that fits on one line is fine ("All" is 20 px); text broken over lines or cut is not.
    const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.3;
    if (rect.height < lineHeight * 1.6 && el.scrollWidth <= el.clientWidth + 1) continue;
    problems.push(`text in an element ${Math.round(rect.width)} px wide: ${label(el)}`);
  }

  // Mantine components whose style sheet is not loaded.
  const defined = new Set<string>();
  const collect = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if ('selectorText' in rule) {
        for (const m of (rule as CSSStyleRule).selectorText.matchAll(/\.(m_[0-9a-f]+)/g))
          defined.add(m[1] as string);
      }
      if ('cssRules' in rule && (rule as CSSGroupingRule).cssRules)
        collect((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of document.styleSheets) {
    try {
      collect(sheet.cssRules);
    } catch {
      // a cross-origin sheet: none here
    }
  }
  const missing = new Map<string, Element>();
  for (const el of document.querySelectorAll('[class*="m_"]')) {
    for (const c of el.classList)
      if (/^m_[0-9a-f]+$/.test(c) && !defined.has(c) && !missing.has(c)) missing.set(c, el);
  }
  for (const [c, el] of missing) {
    const name = [...el.classList].find((x) => x.startsWith('mantine-')) ?? el.tagName.toLowerCase();
    problems.push(`unstyled component: .${c} (${name}) has no CSS rule loaded`);
  }
  for (const input of document.querySelectorAll<HTMLInputElement>(
    'input[type="radio"][class*="mantine-"], input[type="checkbox"][class*="mantine-"]',
  )) {
    const style = getComputedStyle(input);
    // Hidden inputs (a segmented control's) draw nothing; a drawn one must be Mantine's, not the browser's.
    if (style.opacity === '0' || input.getBoundingClientRect().width === 0) continue;
    if (style.appearance !== 'none') {
      problems.push(
        `unstyled ${input.type}: appearance is the browser's (${label(input.parentElement ?? input)})`,
      );
    }
  }
  return problems;
}

interface Result {
  role: Role;
  lang: string;
  width: string;
  route: string;
  /** How long the screen took to load, check and photograph. */
  seconds?: number;
  problems: string[];
}

async function visit(page: Page, route: Route, file: string): Promise<string[]> {
  const problems: string[] = [];
  const onConsole = (msg: import('@playwright/test').ConsoleMessage) => {
    // A failed load is reported (or allowed) by the response check below, which knows the URL.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${msg.text().slice(0, 300)}`);
    }
  };
  const onError = (error: Error) => problems.push(`page error: ${error.message.slice(0, 300)}`);
  const onResponse = (res: import('@playwright/test').Response) => {
    const status = res.status();
    if (status < 400) return;
    const url = new URL(res.url());
    if (status < 500) {
      // A visitor's session probe answers 401 by design.
      if (url.pathname === '/api/auth/session' && status === 401) return;
      if (route.expected4xx?.some((p) => url.pathname.startsWith(p))) return;
    }
    problems.push(`request failed: ${res.request().method()} ${url.pathname}${url.search} → ${status}`);
  };
  const onFailed = (req: import('@playwright/test').Request) => {
    const failure = req.failure()?.errorText ?? '';
    if (failure.includes('ERR_ABORTED')) return; // a navigation or a cancelled fetch
    problems.push(`request failed: ${req.method()} ${req.url()} (${failure})`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onError);
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  try {
    await page.goto(`${base}${route.path}`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    // Lazy routes: wait for the page's heading (or the error page's) and the fonts.
    await page
      .locator('h1')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => problems.push('no <h1> on the page within 10 s'));
    if (route.ready) {
      await page
        .locator(route.ready)
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(() => problems.push(`${route.ready} did not appear within 15 s`));
      // The charts animate in; the picture shows them drawn.
      await page.waitForTimeout(1500);
    }
    if (route.open) {
      await page.locator(route.open.click).first().click();
      await page
        .locator(route.open.shows)
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(() => problems.push(`${route.open?.shows} did not open within 10 s`));
    }
    await page.evaluate(() => document.fonts.ready);
    problems.push(...(await page.evaluate(inspectPage)));
    await page.screenshot({ path: file, fullPage: true });
  } catch (error) {
    problems.push(`could not load: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onError);
    page.off('response', onResponse);
    page.off('requestfailed', onFailed);
  }
  return problems;
}

async function logIn(context: BrowserContext, email: string) {
  const res = await context.request.post(`${base}/api/auth/log-in`, {
    data: { email, password: DEMO_PASSWORD },
    headers: { origin: base },
  });
  if (!res.ok()) throw new Error(`log-in of ${email}: ${res.status()} ${await res.text()}`);
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A role's session and routes, made once and shared by the four language × width runs of that role. */
const setups = new Map<Role, Promise<{ state: StorageState; routes: Route[] }>>();

function setupOf(browser: Browser, role: Role) {
  let setup = setups.get(role);
  if (!setup) {
    setup = (async () => {
      const email = ROLES[role];
      const context = await browser.newContext();
      try {
        if (email) await logIn(context, email);
        const state = await context.storageState();
        let routes = await routesOf(role, context);
        const only = process.env.SCREENS_ONLY;
        if (only) routes = routes.filter((r) => new RegExp(only).test(r.name));
        return { state, routes };
      } finally {
        await context.close();
      }
    })();
    setups.set(role, setup);
  }
  return setup;
}

/** One role in one language at one width: a browser context that opens each of the role's routes. */
async function runScreens(
  browser: Browser,
  role: Role,
  width: (typeof WIDTHS)[number],
  lang: (typeof LANGS)[number],
  results: Result[],
) {
  const { state, routes } = await setupOf(browser, role);
  const context = await browser.newContext({
    storageState: state,
    viewport: width.viewport,
    isMobile: width.isMobile,
    hasTouch: width.isMobile,
    deviceScaleFactor: 1,
    locale: lang === 'bg' ? 'bg-BG' : 'en-GB',
  });
  try {
    // tsx keeps function names with a `__name` helper that the page does not have.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    await context.addInitScript((language) => {
      localStorage.setItem('portal.language', language);
    }, lang);
    const page = await context.newPage();
    const dir = join(outDir, role, `${lang}-${width.name}`);
    mkdirSync(dir, { recursive: true });
    for (const route of routes) {
      const started = Date.now();
      const problems = await visit(page, route, join(dir, `${route.name}.png`));
      const seconds = (Date.now() - started) / 1000;
      const result = { role, lang, width: width.name, route: route.name, seconds, problems };
      results.push(result);
      const mark = problems.length === 0 ? 'ok  ' : 'FAIL';
      console.log(
        `${mark} ${role}/${lang}-${width.name}/${route.name} ${route.path} (${seconds.toFixed(1)} s)`,
      );
      for (const p of problems) console.log(`       ${p}`);
    }
  } finally {
    await context.close();
  }
}

async function main() {
  const startedAt = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-screens-'));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const server = await startServer(dataDir);
  const results: Result[] = [];
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-dev-shm-usage',
        '--hide-scrollbars',
      ],
    });
    const only = process.env.SCREENS_ROLES?.split(',').filter(Boolean);
    const roles = (Object.keys(ROLES) as Role[]).filter((r) => !only || only.includes(r));
    // The work is shared out by role × width × language (28 runs, 14 with one language per width), so
    // parallel contexts stay busy to the end instead of waiting for the role with the most routes. The
    // language of a role at a width follows the role's place in ROLES, so SCREENS_ROLES does not change it.
    const queue = roles.flatMap((role) =>
      WIDTHS.flatMap((width, w) =>
        LANGS.filter((_, l) => !oneLanguagePerWidth || l === (roleIndex(role) + w) % LANGS.length).map(
          (lang) => ({
            role,
            width,
            lang,
          }),
        ),
      ),
    );
    const failedSetups = new Set<Role>();
    console.log(`${queue.length} runs of routes, ${concurrency} at a time`);
    const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let unit = queue.shift(); unit; unit = queue.shift()) {
        const { role, width, lang } = unit;
        try {
          await runScreens(browser as Browser, role, width, lang, results);
        } catch (error) {
          // A role that cannot sign in or list its routes fails once, not once per run.
          const setupFailed = await setupOf(browser as Browser, role).then(
            () => false,
            () => true,
          );
          if (setupFailed && failedSetups.has(role)) continue;
          if (setupFailed) failedSetups.add(role);
          const where = setupFailed
            ? { lang: '-', width: '-', route: 'setup' }
            : { lang, width: width.name, route: 'run' };
          results.push({ role, ...where, problems: [(error as Error).message] });
          console.log(`FAIL ${role}/${where.lang}-${where.width}: ${(error as Error).message}`);
        }
      }
    });
    await Promise.all(workers);
  } finally {
    await browser?.close();
    stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
  const failed = results.filter((r) => r.problems.length > 0);
  writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nPictures in ${outDir}`);
  console.log(
    JSON.stringify({
      screens: results.length,
      passed: results.length - failed.length,
      failed: failed.length,
      seconds: Math.round((Date.now() - startedAt) / 1000),
    }),
  );
  process.exit(failed.length > 0 ? 1 : 0);
}

await main();
