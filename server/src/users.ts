import { asc, type Db, eq, parseJson, type SQL, sql, toIso, users } from '@portal/db';
import type { AdminUser, Me, MeOrganization, Role, UserStatus } from '@portal/shared';
import { MEMBER_STANDING } from './db.ts';

/**
 * The outer row's id, qualified: drizzle writes the columns of a one-table select unqualified, also inside
 * a `sql` field, where a bare "id" would be the subquery's own.
 */
const outerUserId = sql`${users}.${sql.identifier(users.id.name)}`;

/** The columns every user view needs: roles and organisations as arrays (json aggregates). */
const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  language: users.language,
  emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`,
  disabled: sql<boolean>`${users.disabledAt} is not null`,
  version: users.version,
  createdAt: users.createdAt,
  roles: sql`(select coalesce(json_agg(r.role order by r.role), '[]'::json) from user_roles r
      where r.user_id = ${outerUserId})`.mapWith((v: Role[] | string) => parseJson<Role[]>(v)),
  organizations: sql`(select coalesce(json_agg(json_build_object('id', o.id, 'nameBg', o.name_bg,
        'nameEn', o.name_en, 'standing', ${MEMBER_STANDING},
        'candidate', coalesce(m.status = 'active' and m.category = 'candidate', false)) order by o.name_bg), '[]'::json)
      from user_organizations uo join organizations o on o.id = uo.organization_id
      left join memberships m on m.organization_id = o.id
      where uo.user_id = ${outerUserId})`.mapWith((v: MeOrganization[] | string) =>
    parseJson<MeOrganization[]>(v),
  ),
};

export type UserView = Awaited<ReturnType<typeof findUsers>>[number];

/** Users matching `where` (all when undefined), by email, a page of them when `page` is given. */
export async function findUsers(db: Db, where?: SQL, page?: { limit: number; offset: number }) {
  const query = db.select(userColumns).from(users).where(where).orderBy(asc(users.email)).$dynamic();
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

export function userStatus(row: { disabled: boolean; emailVerified: boolean }): UserStatus {
  if (row.disabled) return 'disabled';
  return row.emailVerified ? 'active' : 'unverified';
}

export function toAdminUser(r: UserView): AdminUser {
  return {
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    language: r.language,
    roles: r.roles,
    organizations: r.organizations.map(({ id, nameBg, nameEn }) => ({ id, nameBg, nameEn })),
    status: userStatus(r),
    createdAt: toIso(r.createdAt),
    version: r.version,
  };
}

export function toMe(r: UserView): Me {
  return {
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    language: r.language,
    roles: r.roles,
    organizations: r.organizations,
    emailVerified: r.emailVerified,
    createdAt: toIso(r.createdAt),
  };
}

export async function loadAdminUser(db: Db, id: string): Promise<AdminUser | null> {
  const [row] = await findUsers(db, eq(users.id, id));
  return row ? toAdminUser(row) : null;
}

export async function loadMe(db: Db, id: string): Promise<Me | null> {
  const [row] = await findUsers(db, eq(users.id, id));
  return row ? toMe(row) : null;
}

/**
 * What the audit log keeps of a user: never the password hash. The `version` tells concurrent edits
 * apart.
 */
export function auditSnapshot(u: AdminUser): Record<string, unknown> {
  return {
    email: u.email,
    displayName: u.displayName,
    language: u.language,
    roles: u.roles,
    organizations: u.organizations.map((o) => o.id),
    status: u.status,
    version: u.version,
  };
}
