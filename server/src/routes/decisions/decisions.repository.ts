import {
  and,
  count,
  type Db,
  decisionCounters,
  decisions,
  desc,
  eq,
  like,
  or,
  type SQL,
  sql,
} from '@portal/db';
import type { DecisionListQuery, MembershipAction } from '@portal/shared';
import { ACTIVE_MEMBERSHIP, containsPattern } from '../../db.ts';

/** The register of decisions and its numbering in the database (decision 029). */

/** The decisions `q` asks for, among those visible (`full`: all; otherwise the approved admissions). */
export function decisionFilter(q: Partial<DecisionListQuery>, full: boolean): SQL | undefined {
  const p = q.q ? containsPattern(q.q.toLowerCase()) : undefined;
  return and(
    full ? undefined : and(eq(decisions.outcome, 'approved'), eq(decisions.subject, 'admission')),
    q.outcome ? eq(decisions.outcome, q.outcome) : undefined,
    q.subject ? eq(decisions.subject, q.subject) : undefined,
    q.year ? eq(decisions.year, q.year) : undefined,
    p === undefined
      ? undefined
      : or(
          like(sql`lower(${decisions.organizationNameBg})`, p),
          like(sql`lower(${decisions.organizationNameEn})`, p),
          like(decisions.number, p),
        ),
  );
}

/** The years holding a decision matching `where`, newest first. */
export async function findDecisionYears(db: Db, where: SQL | undefined): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: decisions.year })
    .from(decisions)
    .where(where)
    .orderBy(desc(decisions.year));
  return rows.map((r) => r.year);
}

export async function countDecisions(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(decisions).where(where);
  return row?.n ?? 0;
}

/**
 * A column of the outer `decisions` row, qualified: drizzle writes the columns of a one-table select
 * unqualified, also inside a `sql` field, where a bare name would be the subquery's own.
 */
const outer = (column: { name: string }) => sql`${decisions}.${sql.identifier(column.name)}`;

/** A page of the register, newest first, with what each row needs beside the decision itself. */
export async function findDecisions(db: Db, where: SQL | undefined, page: { limit: number; offset: number }) {
  return db
    .select({
      number: decisions.number,
      decidedOn: decisions.decidedOn,
      organizationNameBg: decisions.organizationNameBg,
      organizationNameEn: decisions.organizationNameEn,
      // The organisation's id only while it is publicly listed (decision 012).
      listedOrganizationId: sql<string | null>`(select m.organization_id from memberships m
        where m.organization_id = ${outer(decisions.organizationId)} and ${ACTIVE_MEMBERSHIP})`,
      outcome: decisions.outcome,
      subject: decisions.subject,
      membershipAction: sql<MembershipAction | null>`(select e.action from membership_events e
        where e.decision_id = ${outer(decisions.id)} order by e.id limit 1)`,
      applicationId: decisions.applicationId,
      tally: decisions.tally,
      textBg: decisions.textBg,
      textEn: decisions.textEn,
      meetingId: decisions.meetingId,
      meeting: sql<{ titleBg: string; titleEn: string; startsAt: string } | null>`(select json_build_object(
          'titleBg', mt.title_bg, 'titleEn', mt.title_en,
          'startsAt', to_char(mt.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
        from meetings mt where mt.id = ${outer(decisions.meetingId)})`,
    })
    .from(decisions)
    .where(where)
    .orderBy(desc(decisions.year), desc(decisions.sequence))
    .limit(page.limit)
    .offset(page.offset);
}

/**
 * Advances the year's counter by one atomic upsert (the current year when `year` is undefined) and
 * returns it with the database's current date (`YYYY-MM-DD`).
 */
export async function advanceDecisionCounter(db: Db, year?: number) {
  const [row] = await db
    .insert(decisionCounters)
    .values({ year: year ?? sql`extract(year from current_date)::int`, last: 1 })
    .onConflictDoUpdate({ target: decisionCounters.year, set: { last: sql`${decisionCounters.last} + 1` } })
    .returning({
      year: decisionCounters.year,
      last: decisionCounters.last,
      today: sql<string>`current_date::text`,
    });
  return row!;
}
