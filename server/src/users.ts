import { type Db, type SQL, sql } from '@portal/db';
import type { AdminUser, Language, Me, MeOrganization, Role, UserStatus } from '@portal/shared';
import { execute, MEMBER_STANDING, parseJson } from './db.ts';

interface UserRow extends Record<string, unknown> {
  id: string;
  email: string;
  display_name: string;
  language: Language;
  email_verified: boolean;
  disabled: boolean;
  created_at: string;
  version: number;
  roles: Role[] | string;
  organizations: MeOrganization[] | string;
}

/** The columns every user view needs, for `u` (roles and organisations as JSON arrays). */
export const USER_COLUMNS = sql`u.id, u.email, u.display_name, u.language,
  u.email_verified_at is not null as email_verified, u.disabled_at is not null as disabled, u.version,
  to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
  (select coalesce(json_agg(r.role order by r.role), '[]'::json) from user_roles r where r.user_id = u.id)
    as roles,
  (select coalesce(json_agg(json_build_object('id', o.id, 'nameBg', o.name_bg, 'nameEn', o.name_en,
       'standing', ${MEMBER_STANDING})
     order by o.name_bg), '[]'::json)
   from user_organizations uo join organizations o on o.id = uo.organization_id
   left join memberships m on m.organization_id = o.id
   where uo.user_id = u.id)
    as organizations`;

export function userStatus(row: { disabled: boolean; email_verified: boolean }): UserStatus {
  if (row.disabled) return 'disabled';
  return row.email_verified ? 'active' : 'unverified';
}

export function toAdminUser(r: UserRow): AdminUser {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    language: r.language,
    roles: parseJson(r.roles),
    organizations: parseJson<MeOrganization[]>(r.organizations).map(({ id, nameBg, nameEn }) => ({
      id,
      nameBg,
      nameEn,
    })),
    status: userStatus(r),
    createdAt: r.created_at,
    version: Number(r.version),
  };
}

export function toMe(r: UserRow): Me {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    language: r.language,
    roles: parseJson(r.roles),
    organizations: parseJson(r.organizations),
    emailVerified: r.email_verified,
    createdAt: r.created_at,
  };
}

export async function findUserRows(db: Db, where: SQL, tail: SQL = sql``): Promise<UserRow[]> {
  return execute<UserRow>(db, sql`select ${USER_COLUMNS} from users u where ${where} ${tail}`);
}

export async function loadAdminUser(db: Db, id: string): Promise<AdminUser | null> {
  const [row] = await findUserRows(db, sql`u.id = ${id}`);
  return row ? toAdminUser(row) : null;
}

export async function loadMe(db: Db, id: string): Promise<Me | null> {
  const [row] = await findUserRows(db, sql`u.id = ${id}`);
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
