import {
  BookingCancelBodySchema,
  BookingDeclineBodySchema,
  BookingListResponseSchema,
  BookingRequestBodySchema,
  BookingSchema,
  CalendarFeedQuerySchema,
  CalendarFeedResetSchema,
  CalendarFeedSchema,
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
import * as z from 'zod';
import { AppError } from '../../errors.ts';
import { principalOf, requireActor, requireUser } from '../../plugins/auth.ts';
import { feedCalendar, getFeed, resetFeed } from './calendar-feeds.service.ts';
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
  viewResource,
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
          "The members' shared resources (labs, studios, equipment, spaces, expert time), by name; includeInactive adds one's own withdrawn ones; a candidate for membership sees those open to applicants",
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
        summary:
          'A shared resource with its conditions and booking rules (a candidate for membership: 403 resource.members_only for one not open to applicants)',
        params: IdParamsSchema,
        response: { 200: SharedResourceSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) => viewResource(app.db.db, principalOf(requireUser(request)), request.params.id),
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

  /** The owner's representatives manage the resource's private iCalendar feed. */
  const ownResource = async (request: FastifyRequest, id: string) => {
    const resource = await getResource(app.db.db, principalOf(requireUser(request)), id);
    authorizeOwner(request, resource.organizationId, new AppError('resource.not_found', 404));
    return resource;
  };

  app.get(
    '/:id/calendar-feed',
    {
      config: { permission: 'resources.manage' },
      schema: {
        tags: ['resources'],
        summary:
          "Whether the resource has a private iCalendar feed and since when (the owner's representatives; the URL itself is shown only when made)",
        params: IdParamsSchema,
        response: { 200: CalendarFeedSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      await ownResource(request, request.params.id);
      return getFeed(app.db.db, { resourceId: request.params.id });
    },
  );

  app.post(
    '/:id/calendar-feed',
    {
      config: { permission: 'resources.manage' },
      schema: {
        tags: ['resources'],
        summary:
          "Make or reset the resource's private iCalendar feed: answers the new URL once; the old one stops working",
        params: IdParamsSchema,
        response: { 201: CalendarFeedResetSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request, reply) => {
      await ownResource(request, request.params.id);
      const feed = await resetFeed(
        app.db.db,
        requireActor(request),
        { resourceId: request.params.id },
        app.config.publicUrl,
      );
      return reply.code(201).send(feed);
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

/**
 * Registered with prefix /api/account: an organisation's private iCalendar feed, for its representatives
 * (the same people who see its bookings).
 */
export const accountCalendarFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organizations/:id/calendar-feed',
    {
      config: { permission: 'resources.book' },
      schema: {
        tags: ['resources'],
        summary:
          'Whether the organisation has a private iCalendar feed of its confirmed bookings and since when (the URL is shown only when made)',
        params: IdParamsSchema,
        response: { 200: CalendarFeedSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      request.authorize('resources.book', { type: 'organization', id: request.params.id }, orgNotFound());
      return getFeed(app.db.db, { organizationId: request.params.id });
    },
  );

  app.post(
    '/organizations/:id/calendar-feed',
    {
      config: { permission: 'resources.book' },
      schema: {
        tags: ['resources'],
        summary:
          "Make or reset the organisation's private iCalendar feed: answers the new URL once; the old one stops working",
        params: IdParamsSchema,
        response: { 201: CalendarFeedResetSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request, reply) => {
      request.authorize('resources.book', { type: 'organization', id: request.params.id }, orgNotFound());
      const feed = await resetFeed(
        app.db.db,
        requireActor(request),
        { organizationId: request.params.id },
        app.config.publicUrl,
      );
      return reply.code(201).send(feed);
    },
  );
};

const ICS_TYPE = 'text/calendar; charset=utf-8';
const icsResponse = z.string().describe('text/calendar (RFC 5545)');

/**
 * Registered with prefix /api/calendar-feeds: the feeds themselves, for calendar clients that have no
 * session. The token in the URL is the credential (checked against its hash); a wrong or replaced token
 * is 404, like a subject that has no feed.
 */
export const calendarFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  const host = new URL(app.config.publicUrl).host;
  for (const scope of ['organizations', 'resources'] as const) {
    app.get(
      `/${scope}/:id/bookings.ics`,
      {
        config: { permission: 'public' },
        schema: {
          tags: ['resources'],
          summary:
            scope === 'organizations'
              ? "An organisation's confirmed bookings as iCalendar, by the private token in the URL"
              : "A resource's confirmed bookings as iCalendar, by the private token in the URL (for its owner)",
          params: IdParamsSchema,
          querystring: CalendarFeedQuerySchema,
          response: { 200: icsResponse, 400: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const body = await feedCalendar(
          app.db.db,
          scope === 'organizations' ? { organizationId: id } : { resourceId: id },
          request.query.token,
          request.query.lang,
          host,
        );
        return reply
          .header('content-type', ICS_TYPE)
          .header('content-disposition', 'inline; filename="bookings.ics"')
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .send(body);
      },
    );
  }
};
