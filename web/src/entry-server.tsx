/**
 * Server rendering of the public pages (issue 17, decision 055). Built by `vite build --ssr` into
 * web/dist-server/entry-server.js and imported by the server (server/src/plugins/spa.ts), which calls
 * `renderPage` for a GET of a public path and sends the HTML with the page's content, head tags and the state
 * the browser hydrates from.
 *
 * Data: the pages read through react-query as in the browser. A first render registers the queries the page
 * asks for; they are fetched through the server's own API (`api`, an in-process request with the visitor's
 * cookies), and the page is rendered again until it asks for nothing new (at most MAX_PASSES). Each render is
 * synchronous, so the one i18next instance is switched to the visitor's language right before it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { isPublicPagePath, type Language, SSR_STATE_ID } from '@portal/shared';
import { dehydrate, type Query, QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, matchRoutes, StaticRouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider.tsx';
import { routes } from '@/app/router.tsx';
import { HeadCollector, type PageHead } from '@/components/page-title.tsx';
import { i18n, loadLanguage } from '@/i18n/index.ts';
import { ApiError, setApiFetch } from '@/lib/api-client.ts';
import { renderHeadTags, scriptJson } from '@/lib/head-tags.ts';

// Every feature's texts: a page's loader registers them in the browser; on the server they are all there.
import.meta.glob(['./i18n/*.ts', '!./i18n/*.test.ts', '!./i18n/*.d.ts'], { eager: true });

/**
 * What the server does with a GET of `pathname`: render a public page (`public`), send the client-rendered
 * app (`app`: the signed-in pages, log-in, sign-up…), or render the friendly not-found page with 404.
 */
export function pageKind(pathname: string): 'public' | 'app' | 'unknown' {
  if (isPublicPagePath(pathname)) return 'public';
  const matches = matchRoutes(routes, pathname);
  const leaf = matches?.[matches.length - 1];
  return !leaf || leaf.route.path === '*' ? 'unknown' : 'app';
}

/** The server's API, called in-process for the page's data. */
export type ApiCall = (request: { path: string; cookie?: string; language: Language }) => Promise<Response>;

const requestContext = new AsyncLocalStorage<{ api: ApiCall; cookie?: string; language: Language }>();

setApiFetch((input, init) => {
  const context = requestContext.getStore();
  if (!context || (init?.method && init.method !== 'GET')) return globalThis.fetch(input, init);
  const path =
    typeof input === 'string' ? input : input instanceof URL ? input.pathname + input.search : input.url;
  return context.api({
    path,
    ...(context.cookie ? { cookie: context.cookie } : {}),
    language: context.language,
  });
});

const MAX_PASSES = 4;

export interface RenderRequest {
  /** Path and query of the page, e.g. `/members?area=ict`. */
  url: string;
  language: Language;
  /** The visitor's Cookie header, so a signed-in visitor sees their own header. */
  cookie?: string;
  api: ApiCall;
  /** The portal's public origin, for the canonical and alternate URLs. */
  origin: string;
}

export interface RenderResult {
  status: number;
  /** A redirect the router asked for. */
  location?: string;
  /** The page's markup, for `<div id="root">`. */
  html: string;
  /** Tags for `<head>`: title, description, canonical, hreflang, Open Graph, structured data. */
  head: string;
  /** The script with the state the browser hydrates from (queries and router). */
  state: string;
}

/** A query the page turned off (`enabled: false`, e.g. the unread count of a visitor) is not fetched. */
function isEnabled(query: Query): boolean {
  const { enabled } = query.options as { enabled?: boolean | ((query: Query) => boolean) };
  return typeof enabled === 'function' ? enabled(query) : enabled !== false;
}

function errorStatus(query: Query): number | undefined {
  const { error } = query.state;
  return error instanceof ApiError ? error.status : undefined;
}

export async function renderPage(request: RenderRequest): Promise<RenderResult> {
  const { language } = request;
  await loadLanguage(language);
  const handler = createStaticHandler(routes);
  const url = new URL(request.url, request.origin);
  const context = await handler.query(new Request(url.href, { headers: { accept: 'text/html' } }));
  if (context instanceof Response) {
    return {
      status: context.status,
      location: context.headers.get('location') ?? '/',
      html: '',
      head: '',
      state: '',
    };
  }
  const router = createStaticRouter(handler.dataRoutes, context);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 } },
  });

  let head: PageHead = {};
  const renderOnce = () => {
    // Synchronous from here to the end of renderToString: no other request can switch the language meanwhile.
    void i18n.changeLanguage(language);
    head = {};
    return renderToString(
      <StrictMode>
        <HeadCollector.Provider value={(next) => Object.assign(head, next)}>
          <AppProvider queryClient={queryClient}>
            <StaticRouterProvider router={router} context={context} hydrate={false} />
          </AppProvider>
        </HeadCollector.Provider>
      </StrictMode>,
    );
  };

  const fetched = new Set<Query>();
  let html = renderOnce();
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const asked = queryClient
      .getQueryCache()
      .getAll()
      .filter((query) => !fetched.has(query) && query.state.status === 'pending' && isEnabled(query));
    if (asked.length === 0) break;
    for (const query of asked) fetched.add(query);
    await requestContext.run(
      { api: request.api, language, ...(request.cookie ? { cookie: request.cookie } : {}) },
      () => Promise.all(asked.map((query) => query.fetch().catch(() => undefined))),
    );
    html = renderOnce();
  }

  const queries = queryClient.getQueryCache().getAll();
  const statuses = queries.map(errorStatus);
  const matchedNotFound = context.matches.some((match) => match.route.path === '*');
  // A page whose data is gone (410) or not there (404; 400: an address that cannot name anything) says so.
  const notFound = matchedNotFound || statuses.includes(404) || statuses.includes(400);
  const status = statuses.includes(410) ? 410 : notFound ? 404 : 200;

  const state = {
    language,
    queries: dehydrate(queryClient),
    router: { loaderData: context.loaderData, actionData: context.actionData, errors: context.errors },
  };
  queryClient.clear();
  return {
    status,
    html,
    head: renderHeadTags(head, { origin: request.origin, url, language, indexable: status === 200 }),
    state: `<script id="${SSR_STATE_ID}" type="application/json">${scriptJson(state)}</script>`,
  };
}
