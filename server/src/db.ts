import { sql } from '@portal/db';

// Driver differences live in @portal/db (decision 029); these names stay for the services not yet
// moved to typed repositories.
export { isoTimestamp, parseJson, rowsOf as execute } from '@portal/db';

/** A LIKE pattern matching `text` anywhere, with `%`, `_` and `\` typed by a user matching themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The members-only rule in SQL, for a joined `memberships m` (decision 012): an active, admitted
 * membership (the same test as `isPubliclyListed` and the directory's partial indexes).
 */
export const ACTIVE_MEMBERSHIP = sql.raw(`(m.status = 'active' and m.category <> 'candidate')`);

/** `memberStanding()` in SQL, for a left-joined `memberships m` (null: no membership on file). */
export const MEMBER_STANDING = sql.raw(
  `(case when m.id is null or m.category = 'candidate' then 'none' else m.status end)`,
);
