import { type Db, sql } from '@portal/db';
import {
  can,
  type Decision,
  type DecisionListQuery,
  DecisionListQuerySchema,
  DecisionListResponseSchema,
  DecisionYearsResponseSchema,
  type MembershipAction,
  ProblemSchema,
  VotingSettingsSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../audit.ts';
import { ACTIVE_MEMBERSHIP, containsPattern, execute } from '../../db.ts';
import { principalOf, requireActor } from '../../plugins/auth.ts';

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

export const decisionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['decisions'],
        summary:
          'The decisions register (the public: admissions only; members: everything with tallies, membership decisions too)',
        querystring: DecisionListQuerySchema,
        response: { 200: DecisionListResponseSchema, 400: ProblemSchema },
      },
    },
    async (request) =>
      listDecisions(app.db.db, request.query, can(principalOf(request.user), 'decisions.read_full')),
  );
  app.get(
    '/years',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['decisions'],
        summary: 'The years that hold a decision the caller may see, newest first (the year filter)',
        response: { 200: DecisionYearsResponseSchema },
      },
    },
    async (request) => ({
      years: await decisionYears(app.db.db, can(principalOf(request.user), 'decisions.read_full')),
    }),
  );
};

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
  const read = async () => {
    const [row] = await execute<{
      quorum_rule: 'more_than_half' | 'two_thirds' | 'all';
      majority_rule: 'simple' | 'two_thirds' | 'unanimous';
      ballot: 'open' | 'secret';
    }>(app.db.db, sql`select quorum_rule, majority_rule, ballot from cluster_settings where id = 1`);
    return {
      quorum: row?.quorum_rule ?? 'more_than_half',
      majority: row?.majority_rule ?? 'simple',
      ballot: row?.ballot ?? 'open',
    };
  };
  app.get(
    '/voting',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Voting rules for admissions',
        response: { 200: VotingSettingsSchema, ...problems },
      },
    },
    read,
  );
  app.put(
    '/voting',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Change the voting rules (votes already open keep the rules they opened with)',
        body: VotingSettingsSchema,
        response: { 200: VotingSettingsSchema, ...problems },
      },
    },
    async (request) => {
      const before = await read();
      await app.db.db.transaction(async (tx) => {
        await execute(
          tx,
          sql`update cluster_settings set quorum_rule = ${request.body.quorum}, majority_rule = ${request.body.majority},
                ballot = ${request.body.ballot},
                updated_at = now(), version = version + 1 where id = 1`,
        );
        await recordAudit(tx, requireActor(request), {
          action: 'settings.voting_changed',
          entityType: 'cluster_settings',
          entityId: '1',
          before,
          after: request.body,
        });
      });
      return read();
    },
  );
};
