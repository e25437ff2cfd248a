import {
  FeeListQuerySchema,
  FeeListResponseSchema,
  FeePaymentBodySchema,
  FeePaymentCreatedSchema,
  FeeRatesBodySchema,
  FeeRatesQuerySchema,
  FeeRatesResponseSchema,
  FeeSettingsSchema,
  FeeYearParamsSchema,
  IdParamsSchema,
  OrganizationFeesResponseSchema,
  ProblemSchema,
  PublicFeeRatesResponseSchema,
  todayInSofia,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import {
  deletePayment,
  getRates,
  listMemberFees,
  organizationFees,
  recordPayment,
  setFeeSettings,
  setRates,
} from './fees.service.ts';

/** Annual fees (issue 5): rates (administrators), payments and the overdue list (committee), own status. */

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const currentYear = () => Number(todayInSofia().slice(0, 4));

/** Registered with prefix /api/admin/fees. */
export const adminFeesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/rates',
    {
      config: { permission: 'fees.manage' },
      schema: {
        tags: ['fees'],
        summary: 'The annual fee per category in a year (default: this year), and the years with rates',
        querystring: FeeRatesQuerySchema,
        response: { 200: FeeRatesResponseSchema, ...problems },
      },
    },
    async (request) => getRates(app.db.db, request.query.year ?? currentYear()),
  );

  app.put(
    '/rates/:year',
    {
      config: { permission: 'fees.manage' },
      schema: {
        tags: ['fees'],
        summary:
          'Set the annual fee of the categories sent, in euro cents, with the due date (others keep theirs)',
        params: FeeYearParamsSchema,
        body: FeeRatesBodySchema,
        response: { 200: FeeRatesResponseSchema, ...problems },
      },
    },
    async (request) => setRates(app.db.db, requireActor(request), request.params.year, request.body),
  );

  app.put(
    '/settings',
    {
      config: { permission: 'fees.manage' },
      schema: {
        tags: ['fees'],
        summary:
          'Set how the year a member joins is charged: pro rata by month, the full year, or free until the next year (decision 016)',
        body: FeeSettingsSchema,
        response: { 200: FeeSettingsSchema, ...problems },
      },
    },
    async (request) => setFeeSettings(app.db.db, requireActor(request), request.body),
  );
};

/** Registered with prefix /api/fees: what each category costs, for anyone choosing one (issue 11 C6). */
export const publicFeesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/rates',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['fees'],
        summary: 'The annual fee of each membership category in a year (default: this year), for everyone',
        querystring: FeeRatesQuerySchema,
        response: { 200: PublicFeeRatesResponseSchema, 400: ProblemSchema },
      },
    },
    async (request) => {
      const { year, rates, joinRule } = await getRates(app.db.db, request.query.year ?? currentYear());
      return {
        year,
        joinRule,
        rates: rates.map(({ category, amountCents, dueOn }) => ({ category, amountCents, dueOn })),
      };
    },
  );
};

/** Registered with prefix /api/committee/fees. */
export const committeeFeesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'fees.record' },
      schema: {
        tags: ['fees'],
        summary:
          'Active and suspended members with their fee due, paid and status in a year; filter e.g. status=overdue',
        querystring: FeeListQuerySchema,
        response: { 200: FeeListResponseSchema, ...problems },
      },
    },
    async (request) =>
      listMemberFees(app.db.db, { ...request.query, year: request.query.year ?? currentYear() }),
  );

  app.post(
    '/payments',
    {
      config: { permission: 'fees.record' },
      schema: {
        tags: ['fees'],
        summary:
          'Record a fee payment; the reference is unique across the cluster (409 on a repeat, so a double submit records once and one transfer is never booked twice); an overpayment is carried to the next year as credit',
        body: FeePaymentBodySchema,
        response: { 201: FeePaymentCreatedSchema, 409: ProblemSchema, ...problems },
      },
    },
    async (request, reply) => {
      const payment = await recordPayment(app.db.db, requireActor(request), request.body);
      return reply.code(201).send(payment);
    },
  );

  app.delete(
    '/payments/:id',
    {
      config: { permission: 'fees.record' },
      schema: {
        tags: ['fees'],
        summary: 'Delete a payment recorded by mistake',
        params: IdParamsSchema,
        response: { 204: z.null().describe('Deleted'), 404: ProblemSchema, ...problems },
      },
    },
    async (request, reply) => {
      await deletePayment(app.db.db, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};

/** Registered with prefix /api/account. */
export const accountFeesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organizations/:id/fees',
    {
      config: { permission: 'fees.view' },
      schema: {
        tags: ['fees'],
        summary:
          "An organisation's fees per year with payments (its representatives; the committee and administrators any)",
        params: IdParamsSchema,
        response: { 200: OrganizationFeesResponseSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      const notFound = new AppError('organization.not_found', 404);
      // Record-level rule: another organisation is "not found", never its fees.
      request.authorize('fees.view', { type: 'organization', id: request.params.id }, notFound);
      const fees = await organizationFees(app.db.db, request.params.id);
      if (!fees) throw notFound;
      return fees;
    },
  );
};
