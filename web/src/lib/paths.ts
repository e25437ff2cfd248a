import { EMAILED_PAGES, isSameSitePath } from '@portal/shared';

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
  /** The pages linked to from emails (`?token=…`, an id) are declared once in shared: the server builds those URLs. */
  verifyEmail: EMAILED_PAGES.verifyEmail,
  forgotPassword: EMAILED_PAGES.forgotPassword,
  resetPassword: EMAILED_PAGES.resetPassword,
  confirmEmail: EMAILED_PAGES.confirmEmail,
  account: {
    path: '/account',
    href: (section?: string) => (section ? `/account#${section}` : '/account'),
  },
  myOrganization: EMAILED_PAGES.myOrganization,
  myOrganizationRepresentatives: {
    path: '/my/organizations/:id/representatives',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}/representatives`,
  },
  myOrganizationHistory: {
    path: '/my/organizations/:id/history',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}/history`,
  },
  myOrganizationBookings: {
    path: '/my/organizations/:id/bookings',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}/bookings`,
  },
  /** Joint projects and consortia (issue 16 §4): the list (mine, forming, the committee's all) and a project. */
  projects: {
    path: '/projects',
    href: () => '/projects',
  },
  project: {
    path: '/projects/:id',
    href: (id: string) => `/projects/${encodeURIComponent(id)}`,
  },
  /** Shared resources (issue 14 §3): the members' list, a resource with its calendar, the owner's form. */
  resources: {
    path: '/resources',
    href: () => '/resources',
  },
  resource: {
    path: '/resources/:id',
    href: (id: string) => `/resources/${encodeURIComponent(id)}`,
  },
  resourceEdit: {
    path: '/resources/:id/edit',
    href: (id: string) => `/resources/${encodeURIComponent(id)}/edit`,
  },
  resourceNew: {
    path: '/my/organizations/:id/resources/new',
    href: (organizationId: string) => `/my/organizations/${encodeURIComponent(organizationId)}/resources/new`,
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
  /** Explained partner suggestions for the organisation (issue 14 §4). */
  myOrganizationSuggestions: {
    path: '/my/organizations/:id/suggestions',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}/suggestions`,
  },
  /** The organisation's data: JSON export (GDPR) and the like. */
  myOrganizationData: {
    path: '/my/organizations/:id/data',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}/data`,
  },
  /** The organisation's offers and requests on the cooperation board (decision 033). */
  myOrganizationBoard: EMAILED_PAGES.myOrganizationBoard,
  /** The organisation's partnerships agreed in conversations, with the consent to show each. */
  myOrganizationPartners: {
    path: '/my/organizations/:id/partners',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}/partners`,
  },
  /** Private conversations about board items (issue 14 §2). */
  conversations: {
    path: '/conversations',
    href: () => '/conversations',
  },
  conversation: EMAILED_PAGES.conversation,
  acceptInvitation: EMAILED_PAGES.acceptInvitation,
  apply: {
    path: '/apply',
    href: () => '/apply',
  },
  application: EMAILED_PAGES.application,
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
  /** Moderation: which conversations exist, never their text (issue 14 §2). */
  adminConversations: {
    path: '/admin/conversations',
    /** `search`: the list's filters (`?q=…&status=agreed`). */
    href: (search?: string | Record<string, string>) => withSearch('/admin/conversations', search),
  },
  /** "Who runs the cluster": the bodies and positions (issue 15 §1). */
  bodies: {
    path: '/governance',
    href: () => '/governance',
  },
  /** Approved public minutes of the bodies' meetings, for anyone (issue 15 §3). */
  publicMinutes: {
    path: '/governance/minutes',
    href: () => '/governance/minutes',
  },
  publicMinutesOne: {
    path: '/governance/minutes/:id',
    href: (id: string) => `/governance/minutes/${encodeURIComponent(id)}`,
  },
  /** The cluster's strategy: goals, objectives and indicators (issue 16 §1). */
  strategy: {
    path: '/strategy',
    href: () => '/strategy',
  },
  /** The committee's editor of the strategy. */
  committeeStrategy: {
    path: '/committee/strategy',
    href: () => '/committee/strategy',
  },
  /** The readiness checks (issue 16 §2, decision 051): the sets with their counts, and one set. */
  committeeReadiness: {
    path: '/committee/readiness',
    href: () => '/committee/readiness',
  },
  committeeReadinessSet: {
    path: '/committee/readiness/:slug',
    href: (slug: string) => `/committee/readiness/${encodeURIComponent(slug)}`,
  },
  /** The administrators' editor of the readiness sets and their criteria. */
  adminReadiness: {
    path: '/admin/readiness',
    href: () => '/admin/readiness',
  },
  adminReadinessSet: {
    path: '/admin/readiness/:slug',
    href: (slug: string) => `/admin/readiness/${encodeURIComponent(slug)}`,
  },
  adminBodies: {
    path: '/admin/bodies',
    href: () => '/admin/bodies',
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
  /** The overview of cooperation (issue 14 §5); `search`: its period and area (`?from=2026-01&area=ict`). */
  committeeCooperation: {
    path: '/committee/cooperation',
    href: (search?: string | Record<string, string>) => withSearch('/committee/cooperation', search),
  },
  /** The committee's dashboard (issue 16 §1, decision 048). */
  committeeDashboard: {
    path: '/committee/dashboard',
    href: () => '/committee/dashboard',
  },
  /** The cluster in figures: the public, aggregate dashboard. */
  figures: {
    path: '/figures',
    href: () => '/figures',
  },
  /** The network picture of the cluster, with the same filters. */
  committeeNetwork: {
    path: '/committee/cooperation/network',
    href: (search?: string | Record<string, string>) => withSearch('/committee/cooperation/network', search),
  },
  /** A membership, by its organisation's id. */
  committeeMember: {
    path: '/committee/members/:id',
    href: (id: string) => `/committee/members/${encodeURIComponent(id)}`,
  },
  committeeApplication: EMAILED_PAGES.committeeApplication,
  decisions: {
    path: '/decisions',
    href: (search?: string | Record<string, string>) => withSearch('/decisions', search),
  },
  /** The public news (issue 15 §4, decision 040). */
  news: {
    path: '/news',
    href: (search?: string | Record<string, string>) => withSearch('/news', search),
  },
  newsPost: EMAILED_PAGES.newsPost,
  /** Cancelling an event registration from its email's link (decision 042). */
  eventCancel: EMAILED_PAGES.eventCancel,
  /** The committee's and administrators' news editor. */
  newsEditor: {
    path: '/committee/news',
    href: (search?: string | Record<string, string>) => withSearch('/committee/news', search),
  },
  newsEditorNew: {
    path: '/committee/news/new',
    href: () => '/committee/news/new',
  },
  newsEditorPost: {
    path: '/committee/news/:id',
    href: (id: string) => `/committee/news/${encodeURIComponent(id)}`,
  },
  /** Member news proposed by a representative. */
  myNews: EMAILED_PAGES.myNews,
  /** Funding calls (issue 16 §3): public, with members' interest; the committee keeps them. */
  calls: {
    path: '/calls',
    href: (search?: string | Record<string, string>) => withSearch('/calls', search),
  },
  call: EMAILED_PAGES.fundingCall,
  callNew: { path: '/committee/calls/new', href: () => '/committee/calls/new' },
  callEdit: {
    path: '/committee/calls/:id/edit',
    href: (id: string) => `/committee/calls/${encodeURIComponent(id)}/edit`,
  },
  /** Meetings of the governing bodies (decision 041). */
  meetings: { path: '/meetings', href: () => '/meetings' },
  newMeeting: { path: '/meetings/new', href: () => '/meetings/new' },
  meeting: EMAILED_PAGES.meeting,
  /** The cooperation board for members: `search` is its filters (`?kind=offer&area=ict`). */
  board: {
    path: '/board',
    href: (search?: string | Record<string, string>) => withSearch('/board', search),
  },
  boardItem: {
    path: '/board/:id',
    href: (id: string) => `/board/${encodeURIComponent(id)}`,
  },
  /** The board's public teaser for visitors: counts and the latest public items. */
  cooperation: {
    path: '/cooperation',
    href: () => '/cooperation',
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
