import { auditEvents, type Db } from '@portal/db';
import type { AuditAction, AuditEntityType } from '@portal/shared';

/** Who is acting and in which request: passed to every service that mutates. */
export interface Actor {
  /** The signed-in user, or null for anonymous requests (sign-up) and the system (CLI, workers). */
  userId: string | null;
  requestId: string | null;
}

/** An actor who is a signed-in user (what `requireActor(request)` returns). */
export type SignedInActor = Actor & { userId: string };

export const SYSTEM_ACTOR: Actor = { userId: null, requestId: null };

export interface AuditEntry {
  /** One of `AUDIT_ACTIONS` (shared), each labelled in both languages. */
  action: AuditAction;
  /** One of `AUDIT_ENTITY_TYPES` (shared). */
  entityType: AuditEntityType;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes an audit event with `db` — the mutation's own transaction — so the event commits or rolls back
 * with the change. Snapshots must be safe to show administrators: no password hashes, no tokens.
 */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: actor.userId,
    requestId: actor.requestId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
