import { type Db, sql } from '@portal/db';
import type { Decision, DecisionListQuery, MembershipAction } from '@portal/shared';
import { ACTIVE_MEMBERSHIP, containsPattern, execute } from '../../db.ts';

/** The public reads the approved admissions only; members read membership decisions (suspensions…) too. */
function visibleTo(full: boolean) {
  return full ? sql`true` : sql`d.outcome = 'approved' and d.subject = 'admission'`;
}

/** The years holding a decision the reader may see, newest first: the year filter offers only these. */
export async function decisionYears(db: Db, full: boolean): Promise<number[]> {
  const rows = await execute<{ year: number }>(
    db,
    sql`select distinct d.year from decisions d where ${visibleTo(full)} order by d.year desc`,
  );
  return rows.map((r) => Number(r.year));
}

/**
 * The decisions register. Members (representatives, the committee, administrators) read every decision
 * with its tally and text; everyone else reads the admissions only: number, date, organisation, outcome.
 */
export async function listDecisions(db: Db, q: DecisionListQuery, full: boolean) {
  const filters = [visibleTo(full)];
  if (q.outcome) filters.push(sql`d.outcome = ${q.outcome}`);
  if (q.subject) filters.push(sql`d.subject = ${q.subject}`);
  if (q.year) filters.push(sql`d.year = ${q.year}`);
  if (q.q) {
    const p = containsPattern(q.q.toLowerCase());
    filters.push(
      sql`(lower(d.organization_name_bg) like ${p} or lower(d.organization_name_en) like ${p} or d.number like ${p})`,
    );
  }
  const where = sql.join(filters, sql` and `);
  const [total] = await execute<{ n: number }>(
    db,
    sql`select count(*)::int as n from decisions d where ${where}`,
  );
  const rows = await execute<{
    number: string;
    decided_on: string;
    organization_name_bg: string;
    organization_name_en: string;
    listed_organization_id: string | null;
    outcome: 'approved' | 'rejected';
    subject: 'admission' | 'membership';
    membership_action: MembershipAction | null;
    application_id: string | null;
    tally: Decision['tally'] | string;
    text_bg: string;
    text_en: string;
  }>(
    db,
    // The organisation's id only while it is publicly listed: no reader learns the id of a rejected
    // applicant or a former member (there is no public profile to link to anyway).
    sql`select d.number, d.decided_on::text as decided_on, d.organization_name_bg, d.organization_name_en,
          (select m.organization_id from memberships m
            where m.organization_id = d.organization_id and ${ACTIVE_MEMBERSHIP}) as listed_organization_id,
          d.outcome,
          d.subject, (select e.action from membership_events e where e.decision_id = d.id order by e.id limit 1)
            as membership_action,
          d.application_id, d.tally, d.text_bg, d.text_en
        from decisions d where ${where} order by d.year desc, d.sequence desc
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const items: Decision[] = rows.map((r) => ({
    number: r.number,
    date: r.decided_on,
    organizationNameBg: r.organization_name_bg,
    organizationNameEn: r.organization_name_en,
    organizationId: r.listed_organization_id,
    organizationListed: r.listed_organization_id !== null,
    outcome: r.outcome,
    subject: r.subject,
    membershipAction: r.subject === 'membership' ? r.membership_action : null,
    applicationId: full ? r.application_id : null,
    tally: full ? (typeof r.tally === 'string' ? JSON.parse(r.tally) : r.tally) : null,
    textBg: full ? r.text_bg : null,
    textEn: full ? r.text_en : null,
  }));
  return { items, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
