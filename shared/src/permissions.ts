import type { Role } from './auth.ts';

/**
 * The one permission policy of the portal. The server enforces it on every route; the web app asks the
 * same function to show or hide controls, so the two cannot disagree.
 */

/** Who is asking: a signed-in user's id, roles and the organisations they represent. */
export interface Principal {
  id: string;
  roles: readonly Role[];
  organizationIds: readonly string[];
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
] as const;
export type Action = (typeof ACTIONS)[number];

/** The record an action is about, for record-level rules. */
export type Resource = { type: 'organization'; id: string } | { type: 'user'; id: string };

const hasRole = (user: Principal, role: Role) => user.roles.includes(role);

/**
 * May `user` (null: an anonymous visitor) do `action`, on `resource` when given? Without a resource the
 * answer is "could this user do it to some record" — what a route checks before it loads the record.
 */
export function can(user: Principal | null, action: Action, resource?: Resource): boolean {
  if (!user) return false;
  switch (action) {
    case 'account.manage':
      return resource === undefined || (resource.type === 'user' && resource.id === user.id);
    case 'organization.view_private': {
      if (hasRole(user, 'admin')) return true;
      if (!hasRole(user, 'representative')) return false;
      if (resource === undefined) return true;
      return resource.type === 'organization' && user.organizationIds.includes(resource.id);
    }
    case 'users.manage':
    case 'audit.read':
    case 'mailbox.read':
      return hasRole(user, 'admin');
  }
}
