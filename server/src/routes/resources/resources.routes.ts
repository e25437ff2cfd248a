import {
  BookingCancelBodySchema,
  BookingDeclineBodySchema,
  BookingListResponseSchema,
  BookingRequestBodySchema,
  BookingSchema,
  CalendarQuerySchema,
  CalendarResponseSchema,
  IdParamsSchema,
  OrganizationBookingsQuerySchema,
  ProblemSchema,
  ResourceCreateBodySchema,
  ResourceListQuerySchema,
  ResourceListResponseSchema,
  ResourceUpdateBodySchema,
  SharedResourceSchema,
} from '@portal/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import { principalOf, requireActor, requireUser } from '../../plugins/auth.ts';
import {
  bookingNotFound,
  createResource,
  getBooking,
  getResource,
  listResources,
  moveBooking,
  organizationBookings,
  requestBooking,
  resourceCalendar,
  updateResource,
} from './resources.service.ts';

/** Shared resources with booking (issue 14 §3, decision 034). */

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const orgNotFound = () => new AppError('organization.not_found', 404);

/**
 * Record-level: a representative of `organizationId`, which must be an active member now. Another
 * organisation is "not found"; their own while it is not an active member is told why.
 */
function authorizeOwner(request: FastifyRequest, organizationId: string, notFound: AppError) {
  const user = requireUser(request);
  if (user.organizationIds.includes(organizationId) && !user.memberOrganizationIds.includes(organizationId)) {
    throw new AppError('membership.inactive', 403);
  }
  request.authorize('resources.manage', { type: 'organization', id: organizationId }, notFound);
}

/** Registered with prefix /api/resources. */
export const resourcesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'resources.view' },
      schema: {
        tags: ['resources'],
        summary:
          "The members' shared resources (labs, studios, equipment, spaces, expert time), by name; includeInactive adds one's own withdrawn ones",
        querystring: ResourceListQuerySchema,
        response: { 200: ResourceListResponseSchema, ...problems },
      },
    },
    async (request) => listResources(app.db.db, principalOf(requireUser(request)), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'resources.manage' },
      schema: {
        tags: ['resources'],
        summary: 'Share a resource of an organisation (its representatives, while it is an active member)',
        body: ResourceCreateBodySchema,
        response: { 201: SharedResourceSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request, reply) => {
      authorizeOwner(request, request.body.organizationId, orgNotFound());
      const resource = await createResource(app.db.db, requireActor(request), request.body);
      return reply.code(201).send(resource);
    },
  );

  app.get(
    '/:id',
    {
      config: { permission: 'resources.view' },
      schema: {
        tags: ['resources'],
        summary: 'A shared resource with its conditions and booking rules',
        params: IdParamsSchema,
        response: { 200: SharedResourceSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) => getResource(app.db.db, principalOf(requireUser(request)), request.params.id),
  );

  app.put(
    '/:id',
    {
      config: { permission: 'resources.manage' },
      schema: {
        tags: ['resources'],
        summary:
          'Change a shared resource (every field, with the version read: 409 if someone changed it meanwhile); active=false withdraws it',
        params: IdParamsSchema,
        body: ResourceUpdateBodySchema,
        response: { 200: SharedResourceSchema, 404: ProblemSchema, 409: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      // Another organisation's withdrawn resource is "not found" like a missing one (getResource).
      const resource = await getResource(app.db.db, principalOf(requireUser(request)), request.params.id);
      authorizeOwner(request, resource.organizationId, new AppError('resource.not_found', 404));
      return updateResource(app.db.db, requireActor(request), request.params.id, request.body);
    },
  );

  app.get(
    '/:id/calendar',
    {
      config: { permission: 'resources.view' },
      schema: {
        tags: ['resources'],
        summary: "A resource's confirmed bookings in a period of at most 62 days (when, not who)",
        params: IdParamsSchema,
        querystring: CalendarQuerySchema,
        response: { 200: CalendarResponseSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) =>
      resourceCalendar(app.db.db, principalOf(requireUser(request)), request.params.id, request.query),
  );

  app.post(
    '/:id/bookings',
    {
      config: { permission: 'resources.book' },
      schema: {
        tags: ['resources'],
        summary:
          'Ask for a booking for one of your organisations: 400 with field errors for a bad range, 409 naming a confirmed booking it overlaps',
        params: IdParamsSchema,
        body: BookingRequestBodySchema,
        response: { 201: BookingSchema, 404: ProblemSchema, 409: ProblemSchema, ...problems },
      },
    },
    async (request, reply) => {
      request.authorize(
        'resources.book',
        { type: 'organization', id: request.body.organizationId },
        orgNotFound(),
      );
      const booking = await requestBooking(
        app.db.db,
        requireActor(request),
        principalOf(requireUser(request)),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(booking);
    },
  );
};

/** Registered with prefix /api/bookings: one booking, for its two sides. */
export const bookingsRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The booking, if the user is one of its sides (anyone else: 404). */
  const partyBooking = (request: FastifyRequest, id: string) =>
    getBooking(app.db.db, principalOf(requireUser(request)), id);

  app.get(
    '/:id',
    {
      config: { permission: 'resources.book' },
      schema: {
        tags: ['resources'],
        summary: 'A booking, for the representatives of either side',
        params: IdParamsSchema,
        response: { 200: BookingSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) => partyBooking(request, request.params.id),
  );

  app.post(
    '/:id/confirm',
    {
      config: { permission: 'resources.manage' },
      schema: {
        tags: ['resources'],
        summary:
          "Confirm a booking request (the resource owner's representatives); 409 naming the confirmed booking it would overlap",
        params: IdParamsSchema,
        response: { 200: BookingSchema, 404: ProblemSchema, 409: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      const booking = await partyBooking(request, request.params.id);
      authorizeOwner(request, booking.ownerOrganizationId, bookingNotFound());
      return moveBooking(app.db.db, requireActor(request), booking.id, 'confirm', null);
    },
  );

  app.post(
    '/:id/decline',
    {
      config: { permission: 'resources.manage' },
      schema: {
        tags: ['resources'],
        summary: "Decline a booking request with a reason (the resource owner's representatives)",
        params: IdParamsSchema,
        body: BookingDeclineBodySchema,
        response: { 200: BookingSchema, 404: ProblemSchema, 409: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      const booking = await partyBooking(request, request.params.id);
      authorizeOwner(request, booking.ownerOrganizationId, bookingNotFound());
      return moveBooking(app.db.db, requireActor(request), booking.id, 'decline', request.body.reason);
    },
  );

  app.post(
    '/:id/cancel',
    {
      config: { permission: 'resources.book' },
      schema: {
        tags: ['resources'],
        summary: 'Cancel a requested or confirmed booking (either side), optionally with a reason',
        params: IdParamsSchema,
        body: BookingCancelBodySchema,
        response: { 200: BookingSchema, 404: ProblemSchema, 409: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      const booking = await partyBooking(request, request.params.id);
      return moveBooking(app.db.db, requireActor(request), booking.id, 'cancel', request.body.reason || null);
    },
  );
};

/** Registered with prefix /api/account: an organisation's bookings, for its representatives. */
export const accountBookingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organizations/:id/bookings',
    {
      config: { permission: 'resources.book' },
      schema: {
        tags: ['resources'],
        summary:
          "An organisation's bookings in a period (asked for, and of its resources), optionally of one status, e.g. its calendar of confirmed ones",
        params: IdParamsSchema,
        querystring: OrganizationBookingsQuerySchema,
        response: { 200: BookingListResponseSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      request.authorize('resources.book', { type: 'organization', id: request.params.id }, orgNotFound());
      return organizationBookings(app.db.db, request.params.id, request.query);
    },
  );
};
