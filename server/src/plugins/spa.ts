import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';

/**
 * Serves the built SPA (web/dist) when it exists: Vite's content-hashed files under /assets/ are cached
 * forever, index.html is revalidated on every load, and any other non-API GET that accepts HTML gets
 * index.html so client-side routes survive a reload (history fallback).
 */
export async function registerSpa(app: FastifyInstance, webDistDir: string): Promise<boolean> {
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
