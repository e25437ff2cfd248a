import type { Db } from '@portal/db';
import type { ConflictOfInterest } from '@portal/shared';
import { AppError } from '../../errors.ts';
import { findConflict } from './applications.repository.ts';

export { committeeOf } from './applications.repository.ts';

/**
 * Conflicts of interest (issue 11 A3, decision 013). A committee member is recused from an application
 * automatically when they are its applicant, a representative of the applying organisation (the one on
 * file, or any organisation with the application's ЕИК), or a representative of a member that declared
 * itself a competitor of the applicant's ЕИК (`organization_competitors`). Such a member may not start
 * the review, request changes, open or close the vote, write to the committee or the applicant for the
 * committee, vote or abstain, and does not count as entitled to vote (not towards the quorum). The rule
 * in SQL is `conflictCase` in the repository.
 */
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
  const conflict = await findConflict(db, applicationId, userId);
  if (conflict) {
    throw new AppError('application.conflict_of_interest', 403, {
      values: { reasonBg: REASONS[conflict].bg, reasonEn: REASONS[conflict].en },
    });
  }
}
