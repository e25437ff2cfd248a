import { type Db, sql } from '@portal/db';
import { type ApplicationData, type ApplicationState, can, type Principal } from '@portal/shared';
import { execute, isoTimestamp } from '../../db.ts';
import { AppError } from '../../errors.ts';

/**
 * The application's row and the record-level rules on it: what every service about an application (its
 * form, documents, votes, notifications) starts from. A module of its own so that those services import
 * it, not each other.
 */

export interface AppRow extends Record<string, unknown> {
  id: string;
  applicant_id: string;
  applicant_name: string;
  applicant_email: string;
  state: ApplicationState;
  data: ApplicationData | string;
  eik: string | null;
  kind: string | null;
  organization_id: string | null;
  submitted_at: string | null;
  updated_at: string;
  version: number;
}

export const notFound = () => new AppError('application.not_found', 404);

/** The application row (locked for update when `lock`), or a 404. */
export async function loadRow(db: Db, id: string, lock = false): Promise<AppRow> {
  const [row] = await execute<AppRow>(
    db,
    sql`select a.id, a.applicant_id, u.display_name as applicant_name, u.email as applicant_email, a.state,
          a.data, a.eik, a.kind, a.organization_id,
          case when a.submitted_at is null then null else ${isoTimestamp('a.submitted_at')} end as submitted_at,
          ${isoTimestamp('a.updated_at')} as updated_at, a.version
        from applications a join users u on u.id = a.applicant_id
        where a.id = ${id} ${lock ? sql`for update of a` : sql``}`,
  );
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
