import { LANGUAGE_COOKIE, LANGUAGE_PARAM, SSR_STATE_ID } from '@portal/shared';
import { type DehydratedState, hydrate } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { createBrowserRouter, type HydrationState, matchRoutes } from 'react-router';
import {
  adoptServerLanguage,
  applyStoredLanguage,
  isLanguage,
  rememberedLanguage,
  setLanguage,
} from '@/i18n/index.ts';
import { App } from './app.tsx';
import { createQueryClient } from './query-client.ts';
import { routes } from './router.tsx';

/** What a server-rendered public page (issue 17) leaves for the browser: entry-server.tsx writes it. */
interface ServerState {
  language: string;
  queries: DehydratedState;
  router: HydrationState;
}

function serverState(): ServerState | null {
  const script = document.getElementById(SSR_STATE_ID);
  if (!script?.textContent) return null;
  try {
    return JSON.parse(script.textContent) as ServerState;
  } catch {
    return null;
  }
}

/**
 * Starts the SPA in `container`. A public page the server rendered is hydrated: in the server's language,
 * from the data the server fetched and with its page's code loaded first, so the first client render is the
 * server's HTML and nothing moves. Any other page renders here once the remembered language's texts are
 * loaded (English is not in the shell's bundle), so the first paint is already in that language.
 */
export async function startApp(container: HTMLElement): Promise<Root> {
  const state = serverState();
  if (!state || !isLanguage(state.language)) {
    await applyStoredLanguage();
    const root = createRoot(container);
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    return root;
  }
  // A language remembered in this browser before the server knew it (no cookie yet, no `?lang=`): the page is
  // rendered afresh in it from the server's data (hydrating in one language and switching at once would
  // change text React is still hydrating), and the cookie now tells the server for the next page.
  const remembered = rememberedLanguage();
  const switchAfterwards =
    remembered !== null &&
    remembered !== state.language &&
    !new URLSearchParams(window.location.search).has(LANGUAGE_PARAM) &&
    !document.cookie.split(/;\s*/).some((c) => c.startsWith(`${LANGUAGE_COOKIE}=`))
      ? remembered
      : null;
  const queryClient = createQueryClient();
  hydrate(queryClient, state.queries);
  // The matched pages' lazy modules, resolved before the router starts (react-router's SSR recipe): a router
  // that still had to load them would first render its fallback instead of the server's HTML.
  const lazyMatches = (matchRoutes(routes, window.location) ?? []).filter((match) => match.route.lazy);
  await Promise.all([
    switchAfterwards ? setLanguage(switchAfterwards) : adoptServerLanguage(state.language),
    ...lazyMatches.map(async (match) => {
      const lazy = match.route.lazy;
      if (typeof lazy !== 'function') return;
      Object.assign(match.route, { ...(await lazy()), lazy: undefined });
    }),
  ]);
  const router = createBrowserRouter(routes, { hydrationData: state.router });
  if (switchAfterwards) {
    const root = createRoot(container);
    root.render(
      <StrictMode>
        <App queryClient={queryClient} router={router} />
      </StrictMode>,
    );
    return root;
  }
  // In a transition, hydration yields to the browser every few milliseconds instead of one long task: the
  // page is already on screen, and a tap or a scroll meanwhile is not blocked (react-router's own recipe).
  let root: Root | undefined;
  startTransition(() => {
    root = hydrateRoot(
      container,
      <StrictMode>
        <App queryClient={queryClient} router={router} />
      </StrictMode>,
    );
  });
  if (!root) throw new Error('hydrateRoot did not run');
  return root;
}
