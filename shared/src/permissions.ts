import type { Role } from './auth.ts';

/**
 * The one permission policy of the portal. The server enforces it on every route; the web app asks the
 * same function to show or hide controls, so the two cannot disagree.
 */

/**
 * Who is asking: a signed-in user's id, roles and the organisations they represent, and of those the ones
 * that are members in good standing AT THE MOMENT OF THE REQUEST (the server reads them with the session on
 * every request; decision 012). Members-only access follows the latter, never the `representative` role
 * alone: a representative of a suspended, withdrawn, excluded or not (yet) admitted organisation keeps
 * their own organisation's pages but loses what only members see.
 */
export interface Principal {
  id: string;
  roles: readonly Role[];
  organizationIds: readonly string[];
  memberOrganizationIds: readonly string[];
  /**
   * Of `organizationIds`, those that are candidates for membership right now (an active membership in the
   * `candidate` category: admitted to try the cluster, not yet full members). They see and book the shared
   * resources whose owners open them to applicants (decision 034); absent: none.
   */
  candidateOrganizationIds?: readonly string[];
}

export const ACTIONS = [
  /** Read and change one's own account, sessions and email/password. */
  'account.manage',
  /** See the private view of an organisation (record-level: one's own, or any for administrators). */
  'organization.view_private',
  /** List and search users; grant/revoke roles; disable/enable; link representatives. */
  'users.manage',
  /** Browse the audit log and an entity's history. */
  'audit.read',
  /** Read the email outbox ("mailbox"). */
  'mailbox.read',
  /** Start a join application (any signed-in user; they become an applicant). */
  'application.create',
  /** Read an application (record-level: its applicant, the committee, administrators). */
  'application.view',
  /** Fill in, submit, resubmit or withdraw an application (record-level: its applicant only). */
  'application.edit',
  /** Review: the queue, comments, starting review and requesting changes (committee). */
  'application.review',
  /** Vote or declare a conflict of interest (committee members, the chair included). */
  'application.vote',
  /** Open and close votes (the committee chair). */
  'application.chair',
  /** The full decisions register with tallies and texts (members: representatives, committee, admins). */
  'decisions.read_full',
  /** Cluster settings such as the voting rules (administrators). */
  'settings.manage',
  /** Edit an organisation's profile (record-level: its representatives; administrators any). */
  'organization.edit',
  /** Invite and remove an organisation's representatives (record-level: its representatives; admins any). */
  'organization.manage_representatives',
  /** An organisation's change history (record-level: its representatives; the committee and admins any). */
  'organization.history',
  /** The members-only directory view with the contacts members may see (representatives, committee, admins). */
  'members.view',
  /** Export the member list as CSV, with the fields the exporter may see (members, committee, admins). */
  'members.export',
  /** Change a membership: category, suspension, reinstatement, withdrawal, exclusion (committee, admins). */
  'memberships.manage',
  /** A member's fee status (record-level: its representatives; the committee and admins any). */
  'fees.view',
  /** Record fee payments and see who is overdue (committee, admins). */
  'fees.record',
  /** Set the annual fee per category and year (administrators). */
  'fees.manage',
  /** Import organisations from CSV for an initial load (administrators). */
  'organizations.import',
  /** Remove an organisation entered by mistake, one with no history in the cluster (administrators). */
  'organizations.remove',
  /** The cooperation board: offers and requests of the members (representatives of members, committee, admins). */
  'board.view',
  /**
   * Post to the board and change an organisation's items (record-level: a representative of that
   * organisation while it is an active member; issue 14, decision 033).
   */
  'board.post',
  /**
   * An organisation's explained partner suggestions (record-level: a representative of that organisation
   * while it is an active member; the committee any; issue 14 §4, decision 035).
   */
  'suggestions.view',
  /** Mark a partner suggestion "not relevant" and undo it (a representative of an active member, for it). */
  'suggestions.dismiss',
  /** Erase a former contact person's or user's personal data (administrators). */
  'personal_data.erase',
  /**
   * The shared resources and their calendars of confirmed bookings (members, committee, admins; a
   * candidate's representatives only those open to applicants, decision 034).
   */
  'resources.view',
  /**
   * Share resources and confirm or decline their bookings (record-level: a representative of the owner,
   * which must be an active member now).
   */
  'resources.manage',
  /**
   * Ask for a booking for an organisation, cancel it, see its bookings (record-level: a representative of
   * that organisation; whether it may book a resource is the resource's rule, checked by the server).
   */
  'resources.book',
  /** The overview of cooperation and the network picture of the cluster (the committee, administrators). */
  'cooperation.overview',
  /**
   * The private conversations about board items (record-level: a representative of one of its two
   * organisations; expressing interest or writing needs that organisation to be an active member now).
   */
  'conversations.use',
  /** That conversations exist, between whom and when — never their text (administrators, on a complaint). */
  'conversations.moderate',
  /** Create and change the governing bodies, their rules and positions (administrators; decision 039). */
  'bodies.manage',
  /** Write, publish, schedule and archive news posts; approve or return member news (committee, admins). */
  'news.manage',
  /**
   * Propose member news for an organisation (record-level: a representative of that organisation while it
   * is an active member; the committee approves it before it is public).
   */
  'news.propose',
  /**
   * See the cluster's bodies' meetings, their agendas and documents (members, the committee, administrators;
   * decision 041). Minutes published as public are read without it.
   */
  'meetings.view',
  /**
   * Plan and run a body's meetings (record-level, checked by the server: an administrator, or a holder today of
   * the body's chair, deputy chair or secretary position — `server/src/routes/meetings/access.ts`).
   */
  'meetings.manage',
  /**
   * Answer an invitation and vote at a meeting (record-level, checked by the server: the seat's own person,
   * or at the general assembly a representative of the seat's organisation while it is an active member).
   */
  'meetings.attend',
  /** Edit the cluster's strategy: goals, objectives, indicators and entered values (committee, admins). */
  'strategy.manage',
  /** Create, change and remove funding calls with their required documents (committee, admins; issue 16 §3). */
  'calls.manage',
  /**
   * Mark and unmark a member organisation's interest in a funding call (record-level: a representative of
   * that organisation while it is an active member). Who else is interested is read with `members.view`.
   */
  'calls.interest',
  /** Read the readiness checks, run them, add evidence and mark manual items (committee, admins). */
  'readiness.check',
  /** Edit the readiness criteria sets and their criteria (admins). */
  'readiness.manage',
  /**
   * Joint projects (issue 16 §4, decision 050): list forming projects and read a project (record-level,
   * checked by the server: a representative of a partner that is an active member now; the committee reads
   * every project).
   */
  'projects.view',
  /**
   * Start a project for one's organisation, ask to join, work on a project as its partner (record-level,
   * checked by the server: a representative of a partner organisation while it is an active member).
   */
  'projects.work',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The record an action is about, for record-level rules. */
export type Resource =
  | { type: 'organization'; id: string }
  | { type: 'user'; id: string }
  | { type: 'application'; id: string; applicantId: string };

const hasRole = (user: Principal, role: Role) => user.roles.includes(role);
/** A member or the chair of the committee (by role). */
export const isCommittee = (user: Principal) =>
  hasRole(user, 'committee_member') || hasRole(user, 'committee_chair');

/** A representative of at least one organisation that is an active member right now. */
export function isActiveMemberRepresentative(user: Principal | null): boolean {
  return !!user && hasRole(user, 'representative') && user.memberOrganizationIds.length > 0;
}

/** A representative of at least one organisation that is a candidate for membership right now. */
export function isCandidateRepresentative(user: Principal | null): boolean {
  return !!user && hasRole(user, 'representative') && (user.candidateOrganizationIds?.length ?? 0) > 0;
}

/**
 * Does `user` see the shared resources only as a candidate — only those open to applicants
 * (`who_may_book = members_and_applicants`, decision 034)? False for members, the committee and admins.
 */
export function seesResourcesAsCandidate(user: Principal | null): boolean {
  return (
    !!user &&
    !isCommittee(user) &&
    !hasRole(user, 'admin') &&
    !isActiveMemberRepresentative(user) &&
    isCandidateRepresentative(user)
  );
}

/** What only members of the cluster (and the committee and administrators) may do. */
export const MEMBERS_ONLY_ACTIONS = [
  'members.view',
  'members.export',
  'decisions.read_full',
  'board.view',
  'resources.view',
  'meetings.view',
] as const satisfies readonly Action[];

/**
 * What a representative may do for their own organisation only while it is an active member: posting to the
 * cooperation board, its partner suggestions (which the committee may also read, never change).
 */
export const MEMBER_REPRESENTATIVE_ACTIONS = [
  'board.post',
  'suggestions.view',
  'suggestions.dismiss',
  'news.propose',
  'calls.interest',
  // Projects are seen by their partners and the committee, never by administrators (decision 050).
  'projects.view',
  'projects.work',
] as const satisfies readonly Action[];

/**
 * Is `user` refused `action` only because none of their organisations is an active member (a representative
 * whose organisation is suspended, withdrawn, excluded or not admitted)? The server then says so (code
 * `membership.inactive`) instead of a bare "forbidden".
 */
export function deniedForMembership(user: Principal | null, action: Action): boolean {
  return (
    !!user &&
    ([...MEMBERS_ONLY_ACTIONS, ...MEMBER_REPRESENTATIVE_ACTIONS] as readonly Action[]).includes(action) &&
    hasRole(user, 'representative') &&
    !can(user, action)
  );
}

/**
 * May `user` (null: an anonymous visitor) do `action`, on `resource` when given? Without a resource the
 * answer is "could this user do it to some record" — what a route checks before it loads the record.
 */
export function can(user: Principal | null, action: Action, resource?: Resource): boolean {
  if (!user) return false;
  switch (action) {
    case 'account.manage':
      return resource === undefined || (resource.type === 'user' && resource.id === user.id);
    case 'organization.edit':
    case 'organization.manage_representatives':
    case 'organization.view_private': {
      if (hasRole(user, 'admin')) return true;
      if (!hasRole(user, 'representative')) return false;
      if (resource === undefined) return true;
      return resource.type === 'organization' && user.organizationIds.includes(resource.id);
    }
    case 'organization.history':
    case 'fees.view': {
      if (isCommittee(user) || hasRole(user, 'admin')) return true;
      if (!hasRole(user, 'representative')) return false;
      if (resource === undefined) return true;
      return resource.type === 'organization' && user.organizationIds.includes(resource.id);
    }
    case 'resources.manage':
      if (!hasRole(user, 'representative')) return false;
      if (resource === undefined) return true;
      return resource.type === 'organization' && user.memberOrganizationIds.includes(resource.id);
    case 'conversations.use':
      if (!hasRole(user, 'representative')) return false;
      if (resource === undefined) return true;
      return resource.type === 'organization' && user.organizationIds.includes(resource.id);
    case 'resources.book':
      if (!hasRole(user, 'representative')) return false;
      if (resource === undefined) return true;
      return resource.type === 'organization' && user.organizationIds.includes(resource.id);
    case 'members.view':
    case 'members.export':
    case 'decisions.read_full':
    case 'meetings.view':
      return isCommittee(user) || hasRole(user, 'admin') || isActiveMemberRepresentative(user);
    case 'resources.view':
      // Candidates too, but only the resources open to applicants (the server filters: decision 034).
      return (
        isCommittee(user) ||
        hasRole(user, 'admin') ||
        isActiveMemberRepresentative(user) ||
        isCandidateRepresentative(user)
      );
    case 'projects.view':
      return isCommittee(user) || isActiveMemberRepresentative(user);
    case 'projects.work':
      if (!isActiveMemberRepresentative(user)) return false;
      if (resource === undefined) return true;
      return resource.type === 'organization' && user.memberOrganizationIds.includes(resource.id);
    case 'board.view':
      return isCommittee(user) || hasRole(user, 'admin') || isActiveMemberRepresentative(user);
    case 'board.post':
      // Only a representative of an organisation that is an active member now; the committee and
      // administrators do not post on an organisation's behalf.
      if (!isActiveMemberRepresentative(user)) return false;
      if (resource === undefined) return true;
      return resource.type === 'organization' && user.memberOrganizationIds.includes(resource.id);
    case 'suggestions.view':
      if (isCommittee(user)) return true;
      if (!isActiveMemberRepresentative(user)) return false;
      if (resource === undefined) return true;
      return resource.type === 'organization' && user.memberOrganizationIds.includes(resource.id);
    case 'suggestions.dismiss':
    case 'news.propose':
    case 'calls.interest':
      if (!isActiveMemberRepresentative(user)) return false;
      if (resource === undefined) return true;
      return resource.type === 'organization' && user.memberOrganizationIds.includes(resource.id);
    case 'memberships.manage':
    case 'fees.record':
    case 'cooperation.overview':
    case 'news.manage':
    case 'strategy.manage':
    case 'calls.manage':
    case 'readiness.check':
      return isCommittee(user) || hasRole(user, 'admin');
    case 'users.manage':
    case 'audit.read':
    case 'mailbox.read':
    case 'settings.manage':
    case 'bodies.manage':
    case 'fees.manage':
    case 'organizations.import':
    case 'organizations.remove':
    case 'personal_data.erase':
    case 'conversations.moderate':
    case 'readiness.manage':
      return hasRole(user, 'admin');
    case 'application.create':
    case 'meetings.manage':
    case 'meetings.attend':
      // Any signed-in user might hold a position; the server checks the meeting's body and seats.
      return true;
    case 'application.view':
      if (isCommittee(user) || hasRole(user, 'admin')) return true;
      if (resource === undefined) return true; // any signed-in user may read their own
      return resource.type === 'application' && resource.applicantId === user.id;
    case 'application.edit':
      if (resource === undefined) return true;
      return resource.type === 'application' && resource.applicantId === user.id;
    case 'application.review':
    case 'application.vote':
      return isCommittee(user);
    case 'application.chair':
      return hasRole(user, 'committee_chair');
  }
}
