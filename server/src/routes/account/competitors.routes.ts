import { sql } from '@portal/db';
import { CompetitorsSchema, ProblemSchema } from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { recordAudit } from '../../audit.ts';
import { execute } from '../../db.ts';
import { AppError } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const Params = z.object({ id: z.uuid() });

/**
 * /api/account/organizations/:id/competitors — the organisations (by ЕИК) a member declares itself a
 * competitor of. The member's representatives on the committee are recused from applications with one of
 * these ЕИК (decision 013). Record-level: the organisation's representatives, administrators any.
 */
export const competitorsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const notFound = () => new AppError('organization.not_found', 404);

  const load = async (id: string) => {
    const rows = await execute<{ competitor_eik: string }>(
      db(),
      sql`select competitor_eik from organization_competitors where organization_id = ${id} order by competitor_eik`,
    );
    return { eiks: rows.map((r) => r.competitor_eik) };
  };

  app.get(
    '/:id/competitors',
    {
      config: { permission: 'organization.edit' },
      schema: {
        tags: ['account'],
        summary: 'The organisations (by ЕИК) my organisation declares itself a competitor of',
        params: Params,
        response: { 200: CompetitorsSchema, ...problems },
      },
    },
    async (request) => {
      request.authorize('organization.edit', { type: 'organization', id: request.params.id }, notFound());
      return load(request.params.id);
    },
  );

  app.put(
    '/:id/competitors',
    {
      config: { permission: 'organization.edit' },
      schema: {
        tags: ['account'],
        summary:
          'Declare the competitors (by ЕИК): our representatives on the committee are recused from their applications',
        params: Params,
        body: CompetitorsSchema,
        response: { 200: CompetitorsSchema, ...problems },
      },
    },
    async (request) => {
      const { id } = request.params;
      request.authorize('organization.edit', { type: 'organization', id }, notFound());
      await db().transaction(async (tx) => {
        // The organisation's row lock serialises two colleagues saving at once.
        const [org] = await execute<{ id: string }>(
          tx,
          sql`select id from organizations where id = ${id} for update`,
        );
        if (!org) throw notFound();
        const before = await execute<{ competitor_eik: string }>(
          tx,
          sql`select competitor_eik from organization_competitors where organization_id = ${id} order by competitor_eik`,
        );
        await execute(tx, sql`delete from organization_competitors where organization_id = ${id}`);
        for (const eik of request.body.eiks) {
          await execute(
            tx,
            sql`insert into organization_competitors (organization_id, competitor_eik) values (${id}, ${eik})`,
          );
        }
        await recordAudit(tx, requireActor(request), {
          action: 'organization.competitors_declared',
          entityType: 'organization',
          entityId: id,
          before: { eiks: before.map((r) => r.competitor_eik) },
          after: { eiks: [...request.body.eiks].sort() },
        });
      });
      return load(id);
    },
  );
};
