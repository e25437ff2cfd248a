import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

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
  options: { newsMeta?: NewsMetaLookup } = {},
): Promise<boolean> {
  if (!existsSync(join(webDistDir, 'index.html'))) {
    app.log.debug({ webDistDir }, 'no built web app; serving the API only');
    return false;
  }
  const indexHtml = readFileSync(join(webDistDir, 'index.html'));
  await app.register(async (spa) => {
    spa.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: 'public' };
    });
    await spa.register(fastifyStatic, {
      root: webDistDir,
      // One route per built file, so unknown paths reach the not-found handler (and the fallback).
      wildcard: false,
      index: 'index.html',
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header('cache-control', path.includes(`${join('/', 'assets')}/`) ? IMMUTABLE : NO_CACHE);
      },
    });
    const { newsMeta } = options;
    if (newsMeta) {
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
    void reply.code(200).header('cache-control', NO_CACHE).type('text/html; charset=utf-8').send(indexHtml);
    return true;
  });
  return true;
}
