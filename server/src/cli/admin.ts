import { type Db, eq, sql, userRoles, users } from '@portal/db';
import { recordAudit, SYSTEM_ACTOR } from '../audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import { auditSnapshot, loadAdminUser } from '../users.ts';

/**
 * Makes `email` an administrator: a new, verified account with `password`, or an existing account
 * granted the role (its password untouched). Audited as the system.
 */
export async function createAdministrator(
  db: Db,
  email: string,
  displayName: string,
  password: string,
): Promise<{ created: boolean; userId: string }> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    const before = existing ? await loadAdminUser(tx, existing.id) : null;
    let userId = existing?.id;
    if (!userId) {
      const [row] = await tx
        .insert(users)
        .values({ email, passwordHash, displayName, emailVerifiedAt: new Date() })
        .returning({ id: users.id });
      userId = row!.id;
    }
    await tx.insert(userRoles).values({ userId, role: 'admin' }).onConflictDoNothing();
    const after = await loadAdminUser(tx, userId);
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: existing ? 'user.role_granted' : 'user.created',
      entityType: 'user',
      entityId: userId,
      before: before ? auditSnapshot(before) : null,
      after: after ? auditSnapshot(after) : null,
    });
    return { created: !existing, userId };
  });
}
