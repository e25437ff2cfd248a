import { type Db, type SQL, sql } from '@portal/db';
import type { ConflictOfInterest } from '@portal/shared';
import { execute } from '../../db.ts';
import { AppError } from '../../errors.ts';

/**
 * Conflicts of interest (issue 11 A3, decision 013). A committee member is recused from an application
 * automatically when they are its applicant, a representative of the applying organisation (the one on
 * file, or any organisation with the application's ЕИК), or a representative of a member that declared
 * itself a competitor of the applicant's ЕИК (`organization_competitors`). Such a member may not start
 * the review, request changes, open or close the vote, write to the committee or the applicant for the
 * committee, vote or abstain, and does not count as entitled to vote (not towards the quorum).
 */
const conflictCase = (userId: SQL, applicationAlias: SQL) => sql`case
    when ${userId} = ${applicationAlias}.applicant_id then 'applicant'
    when exists (select 1 from user_organizations uo join organizations o on o.id = uo.organization_id
      where uo.user_id = ${userId}
        and (o.id = ${applicationAlias}.organization_id or o.eik = ${applicationAlias}.eik)) then 'representative'
    when exists (select 1 from user_organizations uo
      join organization_competitors c on c.organization_id = uo.organization_id
      where uo.user_id = ${userId} and c.competitor_eik = ${applicationAlias}.eik) then 'competitor'
  end`;

/** The committee (committee roles, not disabled) with each member's conflict on the application, if any. */
export const committeeOf = (applicationId: string) => sql`select u.id, u.display_name,
    ${conflictCase(sql`u.id`, sql`a`)} as conflict
  from users u join applications a on a.id = ${applicationId}
  where u.disabled_at is null and exists (select 1 from user_roles r where r.user_id = u.id
    and r.role in ('committee_member', 'committee_chair'))`;

export async function conflictOf(
  db: Db,
  applicationId: string,
  userId: string,
): Promise<ConflictOfInterest | null> {
  const [row] = await execute<{ conflict: ConflictOfInterest | null }>(
    db,
    sql`select ${conflictCase(sql`${userId}::uuid`, sql`a`)} as conflict from applications a where a.id = ${applicationId}`,
  );
  return row?.conflict ?? null;
}

const REASONS: Record<ConflictOfInterest, { bg: string; en: string }> = {
  applicant: { bg: 'вие сте заявителят', en: 'you are the applicant' },
  representative: {
    bg: 'представлявате кандидатстващата организация',
    en: 'you represent the applying organisation',
  },
  competitor: {
    bg: 'представлявате член, деклариран като конкурент на кандидата',
    en: 'you represent a member that declared itself a competitor of the applicant',
  },
};

/** Refuses a committee act of a member with a conflict of interest (403, with the reason in bg and en). */
export async function assertNoConflict(db: Db, applicationId: string, userId: string): Promise<void> {
  const conflict = await conflictOf(db, applicationId, userId);
  if (conflict) {
    throw new AppError('application.conflict_of_interest', 403, {
      values: { reasonBg: REASONS[conflict].bg, reasonEn: REASONS[conflict].en },
    });
  }
}
