import { type Db, sql } from '@portal/db';
import { formatDecisionNumber } from '@portal/shared';
import { execute } from '../../db.ts';

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
  const y = year === undefined ? sql`extract(year from current_date)::int` : sql`${year}::int`;
  const [counter] = await execute<{ year: number; last: number; today: string }>(
    tx,
    sql`insert into decision_counters (year, last) values (${y}, 1)
        on conflict (year) do update set last = decision_counters.last + 1
        returning year, last, current_date::text as today`,
  );
  const row = counter!;
  return {
    year: Number(row.year),
    sequence: Number(row.last),
    number: formatDecisionNumber(Number(row.year), Number(row.last)),
    today: row.today,
  };
}
