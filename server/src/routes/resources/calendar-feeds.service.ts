import type { Db } from '@portal/db';
import {
  type CalendarFeed,
  type CalendarFeedReset,
  organizationFeedPath,
  resourceFeedPath,
} from '@portal/shared';
import { recordAudit, type SignedInActor } from '../../audit.ts';
import { newToken, tokenHash } from '../../auth/tokens.ts';
import { buildCalendar } from '../../email/ical.ts';
import { AppError } from '../../errors.ts';
import {
  type FeedSubject,
  feedTokenMatches,
  findFeed,
  findFeedBookings,
  findResource,
  replaceFeed,
} from './resources.repository.ts';

/**
 * Private iCalendar feeds of confirmed bookings (issue 14 §3, decision 034). The URL's token is random
 * (256 bits) and stored only as its SHA-256 hash (decision 014): the URL is shown once, when it is made or
 * reset, and a reset makes the old URL answer 404. A calendar client polls the URL without a session, so
 * the token is the only credential; the feed holds what the subject's representatives may see anyway.
 */

/** How far back and ahead a feed reaches (calendar clients keep what they saw before). */
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 400;
const DAY = 86_400_000;

export const feedNotFound = () => new AppError('calendar_feed.not_found', 404);

export async function getFeed(db: Db, subject: FeedSubject): Promise<CalendarFeed> {
  const feed = await findFeed(db, subject);
  return { active: Boolean(feed), createdAt: feed ? feed.createdAt.toISOString() : null };
}

/** Makes a new token for the subject's feed (the old URL stops working) and answers the new URL once. */
export async function resetFeed(
  db: Db,
  actor: SignedInActor,
  subject: FeedSubject,
  publicUrl: string,
): Promise<CalendarFeedReset> {
  const token = newToken();
  return db.transaction(async (tx) => {
    const before = await findFeed(tx, subject);
    const { createdAt } = await replaceFeed(tx, subject, tokenHash(token), actor.userId);
    const org = 'organizationId' in subject;
    await recordAudit(tx, actor, {
      action: 'calendar_feed.reset',
      entityType: org ? 'organization' : 'shared_resource',
      entityId: org ? subject.organizationId : subject.resourceId,
      // Never the token: only that a feed existed and when each was made.
      before: before ? { feedCreatedAt: before.createdAt.toISOString() } : null,
      after: { feedCreatedAt: createdAt.toISOString() },
    });
    const path = org ? organizationFeedPath(subject.organizationId) : resourceFeedPath(subject.resourceId);
    return { url: `${publicUrl}${path}?token=${token}`, createdAt: createdAt.toISOString() };
  });
}

/**
 * The feed as iCalendar text, if `token` is the subject's current one (else 404, the same as for a subject
 * without a feed). Titles in `lang`; each event's UID is the booking's id, so clients update in place.
 */
export async function feedCalendar(
  db: Db,
  subject: FeedSubject,
  token: string,
  lang: 'bg' | 'en',
  host: string,
  now = new Date(),
): Promise<string> {
  if (!(await feedTokenMatches(db, subject, tokenHash(token)))) throw feedNotFound();
  const bookings = await findFeedBookings(
    db,
    subject,
    new Date(now.getTime() - FEED_PAST_DAYS * DAY),
    new Date(now.getTime() + FEED_FUTURE_DAYS * DAY),
  );
  const en = lang === 'en';
  let name: string;
  if ('resourceId' in subject) {
    const resource = await findResource(db, subject.resourceId);
    if (!resource) throw feedNotFound();
    name = en ? `${resource.nameEn} — bookings` : `${resource.nameBg} — резервации`;
  } else {
    name = en ? 'Bookings of shared resources' : 'Резервации на споделени ресурси';
  }
  const ownerSide = (ownerId: string) =>
    'resourceId' in subject || ownerId === (subject as { organizationId: string }).organizationId;
  return buildCalendar({
    name,
    events: bookings.map((b) => {
      const resource = en ? b.resourceNameEn : b.resourceNameBg;
      const booker = en ? b.organizationNameEn : b.organizationNameBg;
      const owner = en ? b.ownerNameEn : b.ownerNameBg;
      // The owner sees who booked; the booker sees whose resource it is.
      const summary = ownerSide(b.ownerOrganizationId) ? `${resource} — ${booker}` : `${resource} (${owner})`;
      const description = en
        ? `Booked by: ${booker}\nResource of: ${owner}`
        : `Резервирано от: ${booker}\nРесурс на: ${owner}`;
      return {
        uid: `booking-${b.id}@${host}`,
        start: b.startsAt,
        end: b.endsAt,
        stamp: b.updatedAt,
        summary,
        description,
        ...(b.location ? { location: b.location } : {}),
      };
    }),
  });
}
