import * as z from 'zod';
import { EmailSchema } from './auth.ts';

/**
 * Events (issue 15 §4, decision 042): a news post of category `event` has a date, a place (and/or an online
 * link) and, optionally, registration — open to the public or to members, with a capacity (or none) and a
 * waiting list. Registrants get a confirmation email with the event as an iCalendar file and a link that
 * cancels their registration; a cancelled seat goes to the first on the waiting list.
 */

export const EVENT_OPEN_TO = ['public', 'members'] as const;
export const EventOpenToSchema = z.enum(EVENT_OPEN_TO);
export type EventOpenTo = z.infer<typeof EventOpenToSchema>;

export const EVENT_REGISTRATION_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export const EventRegistrationStatusSchema = z.enum(EVENT_REGISTRATION_STATUSES);
export type EventRegistrationStatus = z.infer<typeof EventRegistrationStatusSchema>;

export const EVENT_PLACE_MAX = 300;
export const EVENT_URL_MAX = 500;
export const EVENT_CAPACITY_MAX = 100_000;
export const EVENT_NAME_MAX = 200;
export const EVENT_ORGANIZATION_MAX = 200;

const instant = z.iso.datetime({ offset: true });

/** The event's details as the editors set them (on the post of category `event`). */
export const EventDetailsBodySchema = z
  .strictObject({
    /** The post's version read (the change bumps it). */
    version: z.number().int().positive(),
    startsAt: instant,
    endsAt: instant,
    place: z.string().trim().max(EVENT_PLACE_MAX).default(''),
    onlineUrl: z
      .string()
      .trim()
      .max(EVENT_URL_MAX)
      .pipe(z.url({ protocol: /^https?$/ }))
      .nullable()
      .default(null),
    registrationEnabled: z.boolean().default(false),
    registrationOpenTo: EventOpenToSchema.default('public'),
    capacity: z.number().int().min(1).max(EVENT_CAPACITY_MAX).nullable().default(null),
    registrationClosesAt: instant.nullable().default(null),
  })
  .superRefine((body, ctx) => {
    if (new Date(body.endsAt).getTime() <= new Date(body.startsAt).getTime())
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        input: body.endsAt,
        params: { code: 'event.ends_before_starts' },
      });
    if (body.place === '' && body.onlineUrl === null)
      ctx.addIssue({ code: 'custom', path: ['place'], input: '', params: { code: 'event.place_required' } });
    if (
      body.registrationClosesAt !== null &&
      new Date(body.registrationClosesAt).getTime() > new Date(body.endsAt).getTime()
    )
      ctx.addIssue({
        code: 'custom',
        path: ['registrationClosesAt'],
        input: body.registrationClosesAt,
        params: { code: 'event.closes_after_end' },
      });
  });
export type EventDetailsBody = z.infer<typeof EventDetailsBodySchema>;
export type EventDetailsBodyInput = z.input<typeof EventDetailsBodySchema>;

/** Registering: a name and an address (a signed-in user registers with their account's address). */
export const EventRegisterBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(EVENT_NAME_MAX),
  email: EmailSchema,
  organizationName: z.string().trim().max(EVENT_ORGANIZATION_MAX).default(''),
  language: z.enum(['bg', 'en']).default('bg'),
});
export type EventRegisterBody = z.infer<typeof EventRegisterBodySchema>;
export type EventRegisterBodyInput = z.input<typeof EventRegisterBodySchema>;

export const EventCancelBodySchema = z.strictObject({ token: z.string().min(16).max(200) });
export const EventCancelQuerySchema = z.object({ token: z.string().min(16).max(200) });

/** Why registration is not possible now (null: it is). */
export const EVENT_CLOSED_REASONS = ['disabled', 'closed', 'ended', 'not_public'] as const;

/** An event as everyone sees it with its post. */
export const NewsEventSchema = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  onlineUrl: z.string().nullable(),
  registrationEnabled: z.boolean(),
  registrationOpenTo: EventOpenToSchema,
  capacity: z.number().int().nullable(),
  registrationClosesAt: z.string().nullable(),
  /** Seats still free (null: no limit). */
  seatsLeft: z.number().int().nullable(),
  /** People on the waiting list. */
  waiting: z.number().int(),
  /** Can one register now (the registration is open and the event has not started)? */
  registrationOpen: z.boolean(),
});
export type NewsEvent = z.infer<typeof NewsEventSchema>;

/** The editors' view: the event with its counts (null: no details set yet). */
export const EventEditorSchema = NewsEventSchema.extend({
  confirmed: z.number().int(),
  sequence: z.number().int(),
});
export type EventEditor = z.infer<typeof EventEditorSchema>;

export const EventRegistrationResultSchema = z.object({
  id: z.uuid(),
  status: EventRegistrationStatusSchema,
  /** 1-based place on the waiting list (null when confirmed). */
  waitingPosition: z.number().int().nullable(),
});
export type EventRegistrationResult = z.infer<typeof EventRegistrationResultSchema>;

/** What the cancellation page shows before the registrant confirms. */
export const EventCancelInfoSchema = z.object({
  slug: z.string(),
  titleBg: z.string(),
  titleEn: z.string(),
  startsAt: z.string(),
  name: z.string(),
  status: EventRegistrationStatusSchema,
});
export type EventCancelInfo = z.infer<typeof EventCancelInfoSchema>;

export const EventRegistrationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  organizationName: z.string(),
  status: EventRegistrationStatusSchema,
  /** Registered signed in (a user of the portal). */
  member: z.boolean(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type EventRegistration = z.infer<typeof EventRegistrationSchema>;

export const EventRegistrationsResponseSchema = z.object({
  event: EventEditorSchema.nullable(),
  items: z.array(EventRegistrationSchema),
});
export type EventRegistrationsResponse = z.infer<typeof EventRegistrationsResponseSchema>;

/** The editors' CSV of an event's registrations. */
export const eventRegistrationsCsvUrl = (postId: string) =>
  `/api/committee/news/${encodeURIComponent(postId)}/registrations.csv`;

/** The public .ics of an event (add to calendar). */
export const eventIcsUrl = (slug: string) => `/api/news/posts/${encodeURIComponent(slug)}/event.ics`;
