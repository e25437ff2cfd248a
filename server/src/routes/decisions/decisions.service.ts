import type { Db } from '@portal/db';
import type { Decision, DecisionListQuery } from '@portal/shared';
import { countDecisions, decisionFilter, findDecisions, findDecisionYears } from './decisions.repository.ts';

/** The meeting's fields as the json subquery gives them (a string from some drivers). */
function parseMeeting(value: unknown): { titleBg: string; titleEn: string; startsAt: string } {
  return (typeof value === 'string' ? JSON.parse(value) : value) as {
    titleBg: string;
    titleEn: string;
    startsAt: string;
  };
}

/** The years holding a decision the reader may see, newest first: the year filter offers only these. */
export async function decisionYears(db: Db, full: boolean): Promise<number[]> {
  return findDecisionYears(db, decisionFilter({}, full));
}

/**
 * The decisions register. Members (representatives, the committee, administrators) read every decision
 * with its tally and text; everyone else reads the admissions only: number, date, organisation, outcome.
 * The public reads the approved admissions only; members read membership decisions (suspensions…) too.
 */
export async function listDecisions(db: Db, q: DecisionListQuery, full: boolean) {
  const where = decisionFilter(q, full);
  const total = await countDecisions(db, where);
  const rows = await findDecisions(db, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const items: Decision[] = rows.map((r) => ({
    number: r.number,
    date: r.decidedOn,
    organizationNameBg: r.organizationNameBg,
    organizationNameEn: r.organizationNameEn,
    // No reader learns the id of a rejected applicant or a former member (there is no public profile to
    // link to anyway).
    organizationId: r.listedOrganizationId,
    organizationListed: r.listedOrganizationId !== null,
    outcome: r.outcome,
    subject: r.subject,
    membershipAction: r.subject === 'membership' ? r.membershipAction : null,
    applicationId: full ? r.applicationId : null,
    tally: full ? (r.tally as Decision['tally']) : null,
    textBg: full ? r.textBg : null,
    textEn: full ? r.textEn : null,
    meeting: full && r.meetingId && r.meeting ? { id: r.meetingId, ...parseMeeting(r.meeting) } : null,
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}
