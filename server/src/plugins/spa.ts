import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fastifyStatic from '@fastify/static';
import {
  isPortalLanguage as isLanguage,
  LANGUAGE_COOKIE,
  LANGUAGE_PARAM,
  type Language,
  PUBLIC_PAGE_PATTERNS,
} from '@portal/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** What a shared link shows (Open Graph): the server writes it into index.html, since crawlers run no JavaScript. */
export interface PageMeta {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
  /** Absolute URL of an image, when the page has one. */
  image?: string;
  /** bg or en: the language of the texts. */
  lang: string;
  type?: 'article' | 'website';
}

/** Finds the meta of `/news/:slug` (null: no such public post, the SPA shows its "not found"). */
export type NewsMetaLookup = (slug: string, acceptLanguage: string | undefined) => Promise<PageMeta | null>;

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * index.html with the page's title, description and Open Graph tags: the built file's own title and
 * description are replaced, the rest is added at the end of <head>; every value is HTML-escaped.
 */
export function withPageMeta(indexHtml: string, meta: PageMeta): string {
  const tags = [
    `<title>${escapeHtml(meta.title)}</title>`,
    `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    `<meta property="og:type" content="${meta.type ?? 'article'}" />`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(meta.url)}" />`,
    `<meta property="og:locale" content="${meta.lang === 'en' ? 'en_GB' : 'bg_BG'}" />`,
    ...(meta.image
      ? [
          `<meta property="og:image" content="${escapeHtml(meta.image)}" />`,
          '<meta name="twitter:card" content="summary_large_image" />',
        ]
      : ['<meta name="twitter:card" content="summary" />']),
  ].join('\n    ');
  const stripped = indexHtml
    .replace(/<title>[\s\S]*?<\/title>\s*/i, '')
    .replace(/<meta\s+name="description"[^>]*>\s*/i, '');
  if (stripped.includes('</head>')) return stripped.replace('</head>', `  ${tags}\n  </head>`);
  return stripped.replace(/^(<!doctype html>)?/i, (doctype) => `${doctype}${tags}`);
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';

/**
 * Serves the built SPA (web/dist) when it exists: Vite's content-hashed files under /assets/ are cached
 * forever, index.html is revalidated on every load, and any other non-API GET that accepts HTML gets
 * index.html so client-side routes survive a reload (history fallback).
 */
export async function registerSpa(
  app: FastifyInstance,
  webDistDir: string,
  options: { newsMeta?: NewsMetaLookup; publicUrl?: string; sessionCookie?: string } = {},
): Promise<boolean> {
  if (!existsSync(join(webDistDir, 'index.html'))) {
    app.log.debug({ webDistDir }, 'no built web app; serving the API only');
    return false;
  }
  const indexHtml = readFileSync(join(webDistDir, 'index.html'));
  const renderer = await loadRenderer(app, webDistDir);
  const ssr = renderer
    ? serverRendering(app, renderer, indexHtml.toString('utf8'), options.publicUrl, options.sessionCookie)
    : null;
  await app.register(async (spa) => {
    spa.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: 'public' };
    });
    await spa.register(fastifyStatic, {
      root: webDistDir,
      // One route per built file, so unknown paths reach the not-found handler (and the fallback).
      wildcard: false,
      // `/` is a page like the others: rendered on the server when the renderer is built.
      index: ssr ? false : 'index.html',
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header('cache-control', path.includes(`${join('/', 'assets')}/`) ? IMMUTABLE : NO_CACHE);
      },
    });
    if (ssr) {
      for (const pattern of PUBLIC_PAGE_PATTERNS)
        spa.get(pattern, (request, reply) => ssr(request, reply, 200));
    }
    const { newsMeta } = options;
    if (newsMeta && !ssr) {
      // A news post's page carries its own title, description and image for link previews (decision 040).
      const html = indexHtml.toString('utf8');
      spa.get<{ Params: { slug: string } }>('/news/:slug', async (request, reply) => {
        const meta = await newsMeta(request.params.slug, request.headers['accept-language']);
        return reply
          .code(meta ? 200 : 404)
          .header('cache-control', NO_CACHE)
          .type('text/html; charset=utf-8')
          .send(meta ? withPageMeta(html, meta) : html);
      });
    }
  });
  app.setNotFoundFallback((request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/assets/')) return false;
    if (!String(request.headers.accept ?? '').includes('text/html')) return false;
    // An address the app does not know: the friendly not-found page, with its 404.
    if (ssr && renderer?.pageKind(path) === 'unknown') {
      void ssr(request, reply, 404);
      return true;
    }
    void reply.code(200).header('cache-control', NO_CACHE).type('text/html; charset=utf-8').send(indexHtml);
    return true;
  });
  return true;
}

/** The server-rendering bundle (web/dist-server/entry-server.js, built from web/src/entry-server.tsx). */
interface Renderer {
  pageKind(pathname: string): 'public' | 'app' | 'unknown';
  renderPage(request: {
    url: string;
    language: Language;
    cookie?: string;
    origin: string;
    api: (call: { path: string; cookie?: string; language: Language }) => Promise<Response>;
  }): Promise<{ status: number; location?: string; html: string; head: string; state: string }>;
}

async function loadRenderer(app: FastifyInstance, webDistDir: string): Promise<Renderer | null> {
  const file = join(dirname(webDistDir), 'dist-server', 'entry-server.js');
  if (!existsSync(file)) {
    app.log.debug({ file }, 'no server-rendering bundle; public pages are rendered in the browser');
    return null;
  }
  return (await import(pathToFileURL(file).href)) as Renderer;
}

/** The page's language: `?lang=` names it, else the visitor's chosen one (cookie), else Bulgarian. */
export function pageLanguage(request: FastifyRequest): Language {
  const query = request.query as Record<string, unknown> | undefined;
  const asked = query?.[LANGUAGE_PARAM];
  if (isLanguage(asked)) return asked;
  const chosen = request.cookies?.[LANGUAGE_COOKIE];
  return isLanguage(chosen) ? chosen : 'bg';
}

/** index.html with the rendered page: its language, head tags, content and hydration state. */
export function fillTemplate(
  template: string,
  page: { language: Language; head: string; html: string; state: string },
): string {
  const stripped = template
    .replace(/<title>[\s\S]*?<\/title>\s*/i, '')
    .replace(/<meta\s+name="description"[^>]*>\s*/i, '');
  return stripped
    .replace(/<html lang="[^"]*"/i, `<html lang="${page.language}"`)
    .replace('</head>', `  ${page.head}\n  </head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${page.html}</div>${page.state}`);
}

/**
 * The handler of a public page (and of the not-found page): renders it with the server's own API called
 * in-process (with the visitor's cookies and address, so sessions and rate limits see the visitor), and
 * falls back to the client-rendered shell if rendering fails.
 */
function serverRendering(
  app: FastifyInstance,
  renderer: Renderer,
  template: string,
  publicUrl?: string,
  sessionCookie?: string,
) {
  return async (request: FastifyRequest, reply: FastifyReply, fallbackStatus: number) => {
    // Server rendering is for visitors, crawlers and link previews; a signed-in user gets the app, which
    // renders their members-only parts (contacts, the members' view) itself.
    if (sessionCookie && request.cookies?.[sessionCookie]) {
      return reply
        .code(fallbackStatus)
        .header('cache-control', NO_CACHE)
        .type('text/html; charset=utf-8')
        .send(template);
    }
    const language = pageLanguage(request);
    const origin = (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
    reply.header('cache-control', NO_CACHE).header('vary', 'Cookie').type('text/html; charset=utf-8');
    try {
      const page = await renderer.renderPage({
        url: request.url,
        language,
        origin,
        ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}),
        api: async (call) => {
          const res = await app.inject({
            method: 'GET',
            url: call.path,
            remoteAddress: request.ip,
            headers: {
              accept: 'application/json',
              'accept-language': call.language,
              ...(call.cookie ? { cookie: call.cookie } : {}),
            },
          });
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') headers.set(name, value);
            else if (typeof value === 'number') headers.set(name, String(value));
          }
          const empty = res.statusCode === 204 || res.statusCode === 304;
          return new Response(empty ? null : new Uint8Array(res.rawPayload), {
            status: res.statusCode,
            headers,
          });
        },
      });
      if (page.location) return reply.redirect(page.location, page.status);
      return reply.code(page.status).send(fillTemplate(template, { language, ...page }));
    } catch (error) {
      request.log.error({ err: error }, 'server rendering failed; sending the client-rendered page');
      return reply.code(fallbackStatus).send(template);
    }
  };
}
