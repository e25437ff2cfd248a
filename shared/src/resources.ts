import * as z from 'zod';

/**
 * Shared resources with booking (issue 14 §3, decision 034): the contract of the API and the pure rules a
 * booking must follow. Opening hours are Europe/Sofia wall-clock times, so "09:00–17:00" means 09:00 in
 * Sofia on both sides of a daylight-saving change; the rules convert each instant with the time-zone
 * database (Intl), never with a fixed offset.
 */

export const RESOURCE_KINDS = ['lab', 'studio', 'equipment', 'meeting_space', 'expert_time'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_CONDITIONS = ['free', 'cost_sharing', 'fee'] as const;
export const FEE_UNITS = ['hour', 'half_day', 'day'] as const;
export const WHO_MAY_BOOK = ['members', 'members_and_applicants'] as const;
export const BOOKING_STATUSES = ['requested', 'confirmed', 'declined', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Longest booking a resource may allow (a month), and the longest calendar range asked at once. */
export const MAX_BOOKING_HOURS_LIMIT = 744;
export const CALENDAR_RANGE_DAYS_MAX = 62;

const text = (max: number) => z.string().trim().min(1).max(max);
const longText = (max: number) => z.string().trim().max(max);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
const instant = z.iso.datetime({ offset: true });

/** One weekday's opening hours (Sofia time), or null when closed; `opens` before `closes`. */
export const OpeningDaySchema = z
  .object({ opens: clock, closes: clock })
  .refine((d) => d.opens < d.closes, { params: { code: 'resources.opening_hours_order' }, path: ['closes'] })
  .nullable();
export type OpeningDay = z.infer<typeof OpeningDaySchema>;
/** Seven days, Monday first. */
export const OpeningHoursSchema = z.array(OpeningDaySchema).length(7);
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

export const BookingRulesSchema = z.object({
  minNoticeHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 90),
  maxBookingHours: z.number().int().min(1).max(MAX_BOOKING_HOURS_LIMIT),
  openingHours: OpeningHoursSchema,
});
export type BookingRules = z.infer<typeof BookingRulesSchema>;

const ResourceFieldsSchema = z.object({
  kind: z.enum(RESOURCE_KINDS),
  nameBg: text(200),
  nameEn: text(200),
  descriptionBg: longText(5000).default(''),
  descriptionEn: longText(5000).default(''),
  location: longText(300).default(''),
  capacity: z.number().int().min(1).max(100_000).nullable().default(null),
  conditions: z.enum(RESOURCE_CONDITIONS),
  /** With conditions = 'fee' only: euro cents per `feeUnit`. */
  feeCents: z.number().int().min(1).max(100_000_000).nullable().default(null),
  feeUnit: z.enum(FEE_UNITS).nullable().default(null),
  whoMayBook: z.enum(WHO_MAY_BOOK).default('members'),
  ...BookingRulesSchema.shape,
  active: z.boolean().default(true),
});

const feeMatchesConditions = (r: { conditions: string; feeCents: number | null; feeUnit: string | null }) =>
  (r.conditions === 'fee') === (r.feeCents !== null && r.feeUnit !== null);
const feeIssue = { params: { code: 'resources.fee_conditions' }, path: ['feeCents'] };

/** `POST /api/resources`: a representative shares a resource of their organisation. */
export const ResourceCreateBodySchema = ResourceFieldsSchema.extend({ organizationId: z.uuid() }).refine(
  feeMatchesConditions,
  feeIssue,
);
export type ResourceCreateBody = z.infer<typeof ResourceCreateBodySchema>;
/** `PUT /api/resources/:id`: every field, with the version read (a stale one is refused with 409). */
export const ResourceUpdateBodySchema = ResourceFieldsSchema.extend({
  version: z.number().int().min(1),
}).refine(feeMatchesConditions, feeIssue);
export type ResourceUpdateBody = z.infer<typeof ResourceUpdateBodySchema>;

export const SharedResourceSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationNameBg: z.string(),
  organizationNameEn: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  nameBg: z.string(),
  nameEn: z.string(),
  descriptionBg: z.string(),
  descriptionEn: z.string(),
  location: z.string(),
  capacity: z.number().int().nullable(),
  conditions: z.enum(RESOURCE_CONDITIONS),
  feeCents: z.number().int().nullable(),
  feeUnit: z.enum(FEE_UNITS).nullable(),
  whoMayBook: z.enum(WHO_MAY_BOOK),
  minNoticeHours: z.number().int(),
  maxBookingHours: z.number().int(),
  openingHours: OpeningHoursSchema,
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: instant,
});
export type SharedResource = z.infer<typeof SharedResourceSchema>;

export const ResourceListQuerySchema = z.object({
  kind: z.enum(RESOURCE_KINDS).optional(),
  organizationId: z.uuid().optional(),
  /** Inactive resources are listed only to their own organisation's representatives. */
  includeInactive: z.stringbool().default(false),
});
export type ResourceListQuery = z.infer<typeof ResourceListQuerySchema>;
export const ResourceListResponseSchema = z.object({ items: z.array(SharedResourceSchema) });
export type ResourceListResponse = z.infer<typeof ResourceListResponseSchema>;

// ---------- bookings ----------

/** `POST /api/resources/:id/bookings`: a representative asks, for their organisation, for a time range. */
export const BookingRequestBodySchema = z.object({
  organizationId: z.uuid(),
  startsAt: instant,
  endsAt: instant,
});
export type BookingRequestBody = z.infer<typeof BookingRequestBodySchema>;
/** Declining needs a reason; cancelling may give one. */
export const BookingDeclineBodySchema = z.object({ reason: text(1000) });
export const BookingCancelBodySchema = z.object({ reason: longText(1000).optional() });

/** A booking as its two sides (and the committee and administrators) see it. */
export const BookingSchema = z.object({
  id: z.uuid(),
  resourceId: z.uuid(),
  resourceNameBg: z.string(),
  resourceNameEn: z.string(),
  ownerOrganizationId: z.uuid(),
  organizationId: z.uuid(),
  organizationNameBg: z.string(),
  organizationNameEn: z.string(),
  startsAt: instant,
  endsAt: instant,
  status: z.enum(BOOKING_STATUSES),
  reason: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type Booking = z.infer<typeof BookingSchema>;

/**
 * A confirmed booking in a resource's calendar, as every member sees it: when, not who (who booked is for
 * the two sides; privacy matrix).
 */
export const CalendarEntrySchema = z.object({
  id: z.uuid(),
  resourceId: z.uuid(),
  startsAt: instant,
  endsAt: instant,
});
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;

const RangeQuerySchema = z.object({ from: instant, to: instant });
const checkRange = (q: { from: string; to: string }, ctx: z.RefinementCtx) => {
  const span = Date.parse(q.to) - Date.parse(q.from);
  if (span <= 0) {
    ctx.addIssue({ code: 'custom', path: ['to'], params: { code: 'resources.range_order' } });
  } else if (span > CALENDAR_RANGE_DAYS_MAX * 86_400_000) {
    ctx.addIssue({ code: 'custom', path: ['to'], params: { code: 'resources.range_too_long' } });
  }
};
/** A period of at most 62 days (a month view with its overlapping weeks). */
export const CalendarQuerySchema = RangeQuerySchema.superRefine(checkRange);
/** An organisation's bookings (asked for and of its resources) in a period, optionally of one status. */
export const OrganizationBookingsQuerySchema = RangeQuerySchema.extend({
  status: z.enum(BOOKING_STATUSES).optional(),
}).superRefine(checkRange);
export type OrganizationBookingsQuery = z.infer<typeof OrganizationBookingsQuerySchema>;
export type CalendarQuery = z.infer<typeof CalendarQuerySchema>;
export const CalendarResponseSchema = z.object({ items: z.array(CalendarEntrySchema) });
export const BookingListResponseSchema = z.object({ items: z.array(BookingSchema) });
export type BookingListResponse = z.infer<typeof BookingListResponseSchema>;

// ---------- the rules ----------

export const BOOKING_ISSUE_CODES = [
  'resources.booking_end_before_start',
  'resources.booking_in_past',
  'resources.booking_notice_too_short',
  'resources.booking_too_long',
  'resources.booking_outside_hours',
] as const;
export type BookingIssueCode = (typeof BOOKING_ISSUE_CODES)[number];
export interface BookingIssue {
  path: 'body.startsAt' | 'body.endsAt';
  code: BookingIssueCode;
  values?: Record<string, string | number>;
}

const sofiaParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Sofia',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** An instant as Sofia wall-clock time: the date, the weekday (0 = Monday) and minutes since midnight. */
export function sofiaWallClock(at: Date): { date: string; weekday: number; minutes: number } {
  const p = Object.fromEntries(sofiaParts.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: WEEKDAYS.indexOf(p.weekday ?? ''),
    minutes: Number(p.hour) * 60 + Number(p.minute),
  };
}

/** The calendar day after `date` (YYYY-MM-DD), whatever the day's length in hours. */
const nextDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
};

const minutesOf = (clockTime: string) => {
  const [h, m] = clockTime.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * Does [startsAt, endsAt) lie within one day's opening hours in Sofia? A booking may end at midnight
 * ("24:00") of its day; it may not run over into the next day, even if both days are open.
 */
export function withinOpeningHours(startsAt: Date, endsAt: Date, hours: OpeningHours): boolean {
  const start = sofiaWallClock(startsAt);
  const end = sofiaWallClock(endsAt);
  const day = hours[start.weekday];
  if (!day) return false;
  let endMinutes = end.minutes;
  if (end.date !== start.date) {
    // Only midnight at the end of the start's day counts as the same day (24:00).
    if (end.minutes !== 0 || end.date !== nextDate(start.date)) return false;
    endMinutes = 24 * 60;
  }
  return minutesOf(day.opens) <= start.minutes && endMinutes <= minutesOf(day.closes);
}

/**
 * Everything wrong with a booking request for a resource with `rules`, at `now`, as field issues (empty:
 * it may be requested). The same rules are checked again when the owner confirms, except the notice.
 */
export function bookingIssues(
  range: { startsAt: string; endsAt: string },
  rules: BookingRules,
  now: Date = new Date(),
): BookingIssue[] {
  const startsAt = new Date(range.startsAt);
  const endsAt = new Date(range.endsAt);
  if (endsAt.getTime() <= startsAt.getTime()) {
    return [{ path: 'body.endsAt', code: 'resources.booking_end_before_start' }];
  }
  const issues: BookingIssue[] = [];
  if (startsAt.getTime() < now.getTime()) {
    issues.push({ path: 'body.startsAt', code: 'resources.booking_in_past' });
  } else if (startsAt.getTime() - now.getTime() < rules.minNoticeHours * 3_600_000) {
    issues.push({
      path: 'body.startsAt',
      code: 'resources.booking_notice_too_short',
      values: { hours: rules.minNoticeHours },
    });
  }
  if (endsAt.getTime() - startsAt.getTime() > rules.maxBookingHours * 3_600_000) {
    issues.push({
      path: 'body.endsAt',
      code: 'resources.booking_too_long',
      values: { hours: rules.maxBookingHours },
    });
  }
  if (!withinOpeningHours(startsAt, endsAt, rules.openingHours)) {
    issues.push({ path: 'body.startsAt', code: 'resources.booking_outside_hours' });
  }
  return issues;
}

/** An instant as Sofia wall-clock date and time, e.g. `2026-03-24 10:00` (for messages naming a clash). */
export function sofiaDateTime(at: Date | string): string {
  const { date, minutes } = sofiaWallClock(new Date(at));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

// ---------- iCalendar feeds ----------

/**
 * A private iCalendar feed (RFC 5545) of confirmed bookings, of an organisation or of one resource. Its
 * URL carries a secret token that is stored only hashed, so the URL is shown once, when it is made or
 * reset; afterwards the representatives see that a feed exists and since when.
 */
export const CalendarFeedSchema = z.object({
  active: z.boolean(),
  createdAt: instant.nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;
/** What making or resetting a feed answers: its new URL (the old one stops working). */
export const CalendarFeedResetSchema = z.object({ url: z.url(), createdAt: instant });
export type CalendarFeedReset = z.infer<typeof CalendarFeedResetSchema>;
export const CalendarFeedQuerySchema = z.object({
  token: z.string().min(20).max(100),
  /** The language of the events' titles. */
  lang: z.enum(['bg', 'en']).default('bg'),
});

/** The feed's path for an organisation or a resource (the token is added as `?token=`). */
export const organizationFeedPath = (id: string) => `/api/calendar-feeds/organizations/${id}/bookings.ics`;
export const resourceFeedPath = (id: string) => `/api/calendar-feeds/resources/${id}/bookings.ics`;

/**
 * The instant of a Sofia wall-clock date and time (`2026-03-24`, `10:00`; `24:00` is the next midnight),
 * as an ISO string: the forms ask in Sofia time whatever the browser's zone. A time skipped by the spring
 * change lands an hour later, as clocks do.
 */
export function sofiaInstant(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const target = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  let guess = target - 2 * 3_600_000;
  for (let i = 0; i < 3; i++) {
    const wall = sofiaWallClock(new Date(guess));
    const [wy, wm, wd] = wall.date.split('-').map(Number);
    const seen = Date.UTC(wy ?? 0, (wm ?? 1) - 1, wd ?? 1) + wall.minutes * 60_000;
    if (seen === target) break;
    guess += target - seen;
  }
  return new Date(guess).toISOString();
}

/** The Monday (YYYY-MM-DD) of the week holding a calendar date. */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const at = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  at.setUTCDate(at.getUTCDate() - ((at.getUTCDay() + 6) % 7));
  return at.toISOString().slice(0, 10);
}

// ---------- photos ----------

/** A few photos per resource, made by the logos' pipeline (PNG, JPEG or WebP by content, at most 1 MB). */
export const MAX_RESOURCE_PHOTOS = 6;
export const ResourcePhotoSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
});
export type ResourcePhoto = z.infer<typeof ResourcePhotoSchema>;
export const ResourcePhotoListSchema = z.object({ items: z.array(ResourcePhotoSchema) });
/** `PUT /api/resources/:id/photos/order`: every photo's id, in the new order. */
export const ResourcePhotoOrderBodySchema = z.object({
  ids: z.array(z.uuid()).min(1).max(MAX_RESOURCE_PHOTOS),
});
export const ResourcePhotoParamsSchema = z.object({ id: z.uuid(), photoId: z.uuid() });
/** A rendition of a photo (members only; the id changes with every upload, so it may be cached). */
export const resourcePhotoUrl = (resourceId: string, photoId: string, size: 'large' | 'small') =>
  `/api/resources/${resourceId}/photos/${photoId}?size=${size}`;
