import type { Db } from '@portal/db';
import { formatDecisionNumber } from '@portal/shared';
import { advanceDecisionCounter } from './decisions.repository.ts';

export interface DecisionNumber {
  year: number;
  sequence: number;
  /** `2026-014`. */
  number: string;
  /** The database's current date (`YYYY-MM-DD`). */
  today: string;
}

/**
 * The next number of the register for `year` (default: the current year), by one atomic upsert on the
 * year's counter: concurrent callers get distinct, consecutive numbers, and a rolled-back transaction
 * gives its number back. Every decision of the register — admissions and membership changes — takes
 * its number here.
 */
export async function allocateDecisionNumber(tx: Db, year?: number): Promise<DecisionNumber> {
  const row = await advanceDecisionCounter(tx, year);
  return {
    year: row.year,
    sequence: row.last,
    number: formatDecisionNumber(row.year, row.last),
    today: row.today,
  };
}
