import { isSameSitePath } from '@portal/shared';

/**
 * Every route's path pattern and an `href()` that builds a link to it. Components link through these,
 * never through hand-written strings. (A leaf module: features may import it.)
 */
export const paths = {
  home: {
    path: '/',
    href: (hash?: string) => (hash ? `/#${hash}` : '/'),
  },
  members: {
    path: '/members',
    /** `search` is a query string (`?area=ict`) or the directory's params as an object. */
    href: (search?: string | Record<string, string>) => {
      if (!search) return '/members';
      const query =
        typeof search === 'string' ? search.replace(/^\?/, '') : new URLSearchParams(search).toString();
      return query ? `/members?${query}` : '/members';
    },
  },
  member: {
    path: '/members/:id',
    href: (id: string) => `/members/${encodeURIComponent(id)}`,
  },
  login: {
    path: '/login',
    /** `next`: where to go after logging in (a same-site path; anything else is ignored there). */
    href: (next?: string) => (next ? `/login?${new URLSearchParams({ next })}` : '/login'),
  },
  signUp: {
    path: '/sign-up',
    /** `next`: where to go after verifying and logging in (kept through the emailed link). */
    href: (next?: string) => (next ? `/sign-up?${new URLSearchParams({ next })}` : '/sign-up'),
  },
  /** The pages below are opened from emailed links (`?token=…`); the server builds those URLs. */
  verifyEmail: {
    path: '/verify-email',
    href: () => '/verify-email',
  },
  forgotPassword: {
    path: '/forgot-password',
    href: () => '/forgot-password',
  },
  resetPassword: {
    path: '/reset-password',
    href: () => '/reset-password',
  },
  confirmEmail: {
    path: '/confirm-email',
    href: () => '/confirm-email',
  },
  account: {
    path: '/account',
    href: (section?: string) => (section ? `/account#${section}` : '/account'),
  },
  /** An organisation the user represents: its profile's editor (the first of its tabs below). */
  myOrganization: {
    path: '/my/organizations/:id',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}`,
  },
  myOrganizationRepresentatives: {
    path: '/my/organizations/:id/representatives',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}/representatives`,
  },
  myOrganizationHistory: {
    path: '/my/organizations/:id/history',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}/history`,
  },
  myOrganizationFees: {
    path: '/my/organizations/:id/fees',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}/fees`,
  },
  /** The organisations (by ЕИК) the member declares itself a competitor of (decision 013). */
  myOrganizationCompetitors: {
    path: '/my/organizations/:id/competitors',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}/competitors`,
  },
  /** The organisation's data: JSON export (GDPR) and the like. */
  myOrganizationData: {
    path: '/my/organizations/:id/data',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}/data`,
  },
  /** An emailed invitation to represent an organisation (`?token=…`), accepted signed in. */
  acceptInvitation: {
    path: '/invitations/accept',
    href: (token?: string) =>
      token ? `/invitations/accept?${new URLSearchParams({ token })}` : '/invitations/accept',
  },
  apply: {
    path: '/apply',
    href: () => '/apply',
  },
  /** A join application, as its applicant sees and edits it. */
  application: {
    path: '/applications/:id',
    href: (id: string) => `/applications/${encodeURIComponent(id)}`,
  },
  adminUsers: {
    path: '/admin/users',
    /** `search`: the list's filters (`?q=…&role=admin`). */
    href: (search?: string | Record<string, string>) => withSearch('/admin/users', search),
  },
  adminUser: {
    path: '/admin/users/:id',
    href: (id: string) => `/admin/users/${encodeURIComponent(id)}`,
  },
  adminAudit: {
    path: '/admin/audit',
    /** `search`: the log's filters (`{ entityType: 'user', entityId }`). */
    href: (search?: string | Record<string, string>) => withSearch('/admin/audit', search),
  },
  adminMailbox: {
    path: '/admin/mailbox',
    href: (search?: string | Record<string, string>) => withSearch('/admin/mailbox', search),
  },
  adminSettings: {
    path: '/admin/settings',
    href: () => '/admin/settings',
  },
  adminImport: {
    path: '/admin/import',
    href: () => '/admin/import',
  },
  adminFees: {
    path: '/admin/fees',
    /** `year`: the year whose rates are shown. */
    href: (year?: number) => (year ? `/admin/fees?year=${year}` : '/admin/fees'),
  },
  committeeFees: {
    path: '/committee/fees',
    /** `search`: the list's year and filters (`?year=2026&status=overdue`). */
    href: (search?: string | Record<string, string>) => withSearch('/committee/fees', search),
  },
  committee: {
    path: '/committee',
    /** `search`: the queue's filters (`?state=submitted&kind=company`). */
    href: (search?: string | Record<string, string>) => withSearch('/committee', search),
  },
  committeeMembers: {
    path: '/committee/members',
    /** `search`: the list's filters (`?status=suspended&q=…`). */
    href: (search?: string | Record<string, string>) => withSearch('/committee/members', search),
  },
  /** A membership, by its organisation's id. */
  committeeMember: {
    path: '/committee/members/:id',
    href: (id: string) => `/committee/members/${encodeURIComponent(id)}`,
  },
  committeeApplication: {
    path: '/committee/applications/:id',
    href: (id: string) => `/committee/applications/${encodeURIComponent(id)}`,
  },
  decisions: {
    path: '/decisions',
    href: (search?: string | Record<string, string>) => withSearch('/decisions', search),
  },
  /** The cluster's information pages, written by administrators (issue 11 C6). */
  statute: {
    path: '/statute',
    href: () => '/statute',
  },
  privacy: {
    path: '/privacy',
    href: () => '/privacy',
  },
  contact: {
    path: '/contact',
    href: () => '/contact',
  },
  notFound: {
    path: '*',
  },
} as const;

function withSearch(path: string, search?: string | Record<string, string>): string {
  if (!search) return path;
  const query =
    typeof search === 'string' ? search.replace(/^\?/, '') : new URLSearchParams(search).toString();
  return query ? `${path}?${query}` : path;
}

/**
 * The path to go to after logging in: `next` when it is a path of this site (`/…`, not `//host` or
 * `/\host`, which browsers read as another host), else the account page.
 */
export function safeNextPath(next: string | null | undefined): string {
  return keptNextPath(next) ?? paths.account.href();
}

/**
 * `next` when it is a path of this site (the rule the server applies too: `isSameSitePath` in
 * shared), normalised; else undefined, so the caller picks its own fallback.
 */
export function keptNextPath(next: string | null | undefined): string | undefined {
  if (!next || !isSameSitePath(next)) return undefined;
  try {
    const base = 'https://portal.invalid';
    const url = new URL(next, base);
    if (url.origin !== base || url.pathname === paths.login.path) return undefined;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return undefined;
  }
}

/** Navigation state a profile reads to link back to the same directory search (`?q=…&page=2`). */
export interface DirectoryReturnState {
  directorySearch: string;
}

export function isDirectoryReturnState(state: unknown): state is DirectoryReturnState {
  return (
    typeof state === 'object' &&
    state !== null &&
    typeof (state as Partial<DirectoryReturnState>).directorySearch === 'string'
  );
}
