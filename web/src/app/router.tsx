import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layout.tsx';
import { paths } from './paths.ts';
import { RouteError } from './routes/route-error.tsx';

/** Pages load lazily, so the first visit downloads only the page it shows. */
export const routes: RouteObject[] = [
  {
    Component: AppLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: () => null,
    children: [
      {
        path: paths.home.path,
        lazy: () =>
          import('@/features/cluster/components/home-page.tsx').then((m) => ({ Component: m.HomePage })),
      },
      {
        path: paths.members.path,
        lazy: () =>
          import('@/features/directory/components/directory-page.tsx').then((m) => ({
            Component: m.DirectoryPage,
          })),
      },
      {
        path: paths.member.path,
        lazy: () =>
          import('@/features/organizations/components/profile-page.tsx').then((m) => ({
            Component: m.ProfilePage,
          })),
      },
      {
        path: paths.notFound.path,
        lazy: () => import('./routes/not-found.tsx').then((m) => ({ Component: m.NotFoundPage })),
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
