/**
 * The web pages the server links to from its emails: each page's route pattern (the SPA's router mounts it,
 * web/src/app/paths.ts) and the `href()` that builds a link to it (the server prefixes its public URL). One
 * declaration for both sides, so an emailed link cannot point at a page that moved.
 */
const withToken = (path: string, token?: string) =>
  token ? `${path}?token=${encodeURIComponent(token)}` : path;

export const EMAILED_PAGES = {
  /** Opened from the sign-up email (`?token=…`). */
  verifyEmail: {
    path: '/verify-email',
    href: (token?: string) => withToken('/verify-email', token),
  },
  forgotPassword: {
    path: '/forgot-password',
    href: () => '/forgot-password',
  },
  /** Opened from the password-reset email (`?token=…`). */
  resetPassword: {
    path: '/reset-password',
    href: (token?: string) => withToken('/reset-password', token),
  },
  /** Opened from the email sent to a new address (`?token=…`). */
  confirmEmail: {
    path: '/confirm-email',
    href: (token?: string) => withToken('/confirm-email', token),
  },
  /** An emailed invitation to represent an organisation (`?token=…`), accepted signed in. */
  acceptInvitation: {
    path: '/invitations/accept',
    href: (token?: string) => withToken('/invitations/accept', token),
  },
  /** An organisation the user represents: its profile's editor. */
  myOrganization: {
    path: '/my/organizations/:id',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}`,
  },
  /** An organisation's offers and requests on the cooperation board (the expiry reminder links here). */
  myOrganizationBoard: {
    path: '/my/organizations/:id/board',
    href: (id: string) => `/my/organizations/${encodeURIComponent(id)}/board`,
  },
  /** A join application, as its applicant sees and edits it. */
  application: {
    path: '/applications/:id',
    href: (id: string) => `/applications/${encodeURIComponent(id)}`,
  },
  /** A join application, as the committee reviews it. */
  committeeApplication: {
    path: '/committee/applications/:id',
    href: (id: string) => `/committee/applications/${encodeURIComponent(id)}`,
  },
  /** A private conversation about a board item (issue 14 §2), from the new-message digest. */
  conversation: {
    path: '/conversations/:id',
    href: (id: string) => `/conversations/${encodeURIComponent(id)}`,
  },
  /** The member news a representative proposed (the committee's decision links here). */
  myNews: {
    path: '/my/news',
    href: () => '/my/news',
  },
  /** A published news post. */
  newsPost: {
    path: '/news/:slug',
    href: (slug: string) => `/news/${encodeURIComponent(slug)}`,
  },
  /** Cancelling an event registration (`?token=…`), linked from its confirmation email. */
  eventCancel: {
    path: '/events/cancel',
    href: (token?: string) => withToken('/events/cancel', token),
  },
  /** A meeting of a governing body (invitations, updates, reminders link here; decision 041). */
  meeting: {
    path: '/meetings/:id',
    href: (id: string) => `/meetings/${encodeURIComponent(id)}`,
  },
  /** A funding call (the deadline reminders link here; issue 16 §3). */
  fundingCall: {
    path: '/calls/:id',
    href: (id: string) => `/calls/${encodeURIComponent(id)}`,
  },
  /** A joint project (answers to requests and invitations link here; decision 052). */
  project: {
    path: '/projects/:id',
    href: (id: string) => `/projects/${encodeURIComponent(id)}`,
  },
  /** The joint projects' page, where an organisation's pending invitations are answered. */
  projects: {
    path: '/projects',
    href: () => '/projects',
  },
  /** The account page, where new-message emails are turned off. */
  accountNotifications: {
    path: '/account',
    href: () => '/account',
  },
} as const;
