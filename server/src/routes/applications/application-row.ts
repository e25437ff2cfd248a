import type { Db } from '@portal/db';
import { can, type Principal } from '@portal/shared';
import { AppError } from '../../errors.ts';
import { type AppRow, findApplication } from './applications.repository.ts';

export type { AppRow };

/**
 * The application's row and the record-level rules on it: what every service about an application (its
 * form, documents, votes, notifications) starts from. A module of its own so that those services import
 * it, not each other.
 */

export const notFound = () => new AppError('application.not_found', 404);

/** The application row (locked for update when `lock`), or a 404. */
export async function loadRow(db: Db, id: string, lock = false): Promise<AppRow> {
  const row = await findApplication(db, id, lock);
  if (!row) throw notFound();
  return row;
}

export function resourceOf(row: AppRow) {
  return { type: 'application' as const, id: row.id, applicantId: row.applicant_id };
}

/** Record-level read check: another user's application is "not found", never its data. */
export function assertCanView(principal: Principal | null, row: AppRow): void {
  if (!can(principal, 'application.view', resourceOf(row))) throw notFound();
  // The committee never sees drafts: they are the applicant's own until submitted.
  if (row.state === 'draft' && principal?.id !== row.applicant_id) throw notFound();
}

export function assertApplicant(principal: Principal, row: AppRow): void {
  if (can(principal, 'application.edit', resourceOf(row))) return;
  // Strangers do not see it at all, nor does the committee see a draft; the committee may read the rest
  // but not write the applicant's answers.
  assertCanView(principal, row);
  throw new AppError('auth.forbidden', 403);
}
