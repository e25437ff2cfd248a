import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider.tsx';
import { createQueryClient } from '@/app/query-client.ts';
import { routes } from '@/app/router.tsx';

/**
 * Renders the whole app (providers, layout, lazy routes) at `url` in a memory router. The router is
 * returned so tests can read the URL the app navigated to.
 */
export function renderApp(url = '/') {
  const queryClient = createQueryClient();
  // Tests see each failure at once instead of after the production retries.
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return {
    ...view,
    user,
    router,
    /** The current location's search params. */
    searchParams: () => new URLSearchParams(router.state.location.search),
    pathname: () => router.state.location.pathname,
  };
}
