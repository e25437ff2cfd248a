import { constraintViolation, type Db, isoTimestamp, rowsOf, sql } from '@portal/db';
import {
  CSV_BOM,
  csvLine,
  EMAILED_PAGES,
  type EventCancelInfo,
  type EventDetailsBody,
  type EventEditor,
  type EventOpenTo,
  type EventRegisterBody,
  type EventRegistration,
  type EventRegistrationResult,
  type EventRegistrationStatus,
  type EventRegistrationsResponse,
  type Language,
  type NewsEvent,
} from '@portal/shared';
import { type Actor, recordAudit, type SignedInActor } from '../../audit.ts';
import { newToken, tokenHash } from '../../auth/tokens.ts';
import { buildCalendar, type IcalEvent } from '../../email/ical.ts';
import { enqueueEmail } from '../../email/outbox.ts';
import type { TemplateName } from '../../email/templates.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordEvent } from '../../events/events.ts';
import { PUBLIC_POST } from './news.service.ts';

/**
 * Events (issue 15 §4, decision 042): the date, place and registration of a post of category `event`.
 * Seats are given out under a lock on the event's row (`select … for update`), so of two people asking for
 * the last seat at the same moment exactly one gets it and the other goes to the waiting list; a
 * cancelled seat goes to the first on that list, who is emailed. Every change is audited; the emails go
 * through the outbox in the same transaction.
 */

const notFound = () => new AppError('news.not_found', 404);

interface EventRow extends Record<string, unknown> {
  post_id: string;
  starts_at: string;
  ends_at: string;
  place: string;
  online_url: string | null;
  registration_enabled: boolean;
  registration_open_to: EventOpenTo;
  capacity: number | null;
  registration_closes_at: string | null;
  sequence: number;
  updated_at: string;
  confirmed: number | string;
  waiting: number | string;
}

const eventSelect = sql`
  select e.post_id, ${isoTimestamp('e.starts_at')} as starts_at, ${isoTimestamp('e.ends_at')} as ends_at,
    e.place, e.online_url, e.registration_enabled, e.registration_open_to, e.capacity,
    ${isoTimestamp('e.registration_closes_at')} as registration_closes_at, e.sequence,
    ${isoTimestamp('e.updated_at')} as updated_at,
    (select count(*) from event_registrations r where r.post_id = e.post_id and r.status = 'confirmed')::int
      as confirmed,
    (select count(*) from event_registrations r where r.post_id = e.post_id and r.status = 'waiting')::int
      as waiting
  from news_events e`;

function eventOf(r: EventRow, now: Date): EventEditor {
  const confirmed = Number(r.confirmed);
  const capacity = r.capacity === null ? null : Number(r.capacity);
  const closed =
    (r.registration_closes_at !== null && new Date(r.registration_closes_at) <= now) ||
    new Date(r.starts_at) <= now;
  return {
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    place: r.place,
    onlineUrl: r.online_url,
    registrationEnabled: Boolean(r.registration_enabled),
    registrationOpenTo: r.registration_open_to,
    capacity,
    registrationClosesAt: r.registration_closes_at,
    seatsLeft: capacity === null ? null : Math.max(0, capacity - confirmed),
    waiting: Number(r.waiting),
    registrationOpen: Boolean(r.registration_enabled) && !closed,
    confirmed,
    sequence: Number(r.sequence),
  };
}

const publicEvent = ({ confirmed: _c, sequence: _s, ...event }: EventEditor): NewsEvent => event;

/** The events of the posts `ids` (those that have one), as everyone sees them. */
export async function eventsOf(db: Db, ids: readonly string[]): Promise<Map<string, NewsEvent>> {
  if (ids.length === 0) return new Map();
  const rows = await rowsOf<EventRow>(
    db,
    sql`${eventSelect} where e.post_id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  const now = new Date();
  return new Map(rows.map((r) => [r.post_id, publicEvent(eventOf(r, now))]));
}

async function findEvent(db: Db, postId: string): Promise<EventEditor | null> {
  const [row] = await rowsOf<EventRow>(db, sql`${eventSelect} where e.post_id = ${postId}`);
  return row ? eventOf(row, new Date()) : null;
}

// ---------- the editors' side ----------

const snapshot = (e: EventEditor | null) =>
  e && {
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    place: e.place,
    onlineUrl: e.onlineUrl,
    registrationEnabled: e.registrationEnabled,
    registrationOpenTo: e.registrationOpenTo,
    capacity: e.capacity,
    registrationClosesAt: e.registrationClosesAt,
  };

/**
 * Sets the event's details on a post of category `event` (naming the post's version read; the post takes
 * a new version). A larger capacity gives the freed seats to the waiting list at once.
 */
export async function setEventDetails(
  db: Db,
  actor: SignedInActor,
  postId: string,
  body: EventDetailsBody,
): Promise<EventEditor> {
  return db.transaction(async (tx) => {
    const [post] = await rowsOf<{ version: number; category: string; status: string }>(
      tx,
      sql`select version, category, status from news_posts where id = ${postId} for update`,
    );
    if (!post) throw notFound();
    if (Number(post.version) !== body.version) throw new AppError('news.stale', 409);
    if (post.category !== 'event') throw fieldError('body.startsAt', 'event.not_an_event');
    if (post.status === 'archived')
      throw new AppError('news.transition_invalid', 409, { values: { status: post.status } });
    await tx.execute(sql`select post_id from news_events where post_id = ${postId} for update`);
    const before = await findEvent(tx, postId);
    const values = {
      startsAt: new Date(body.startsAt).toISOString(),
      endsAt: new Date(body.endsAt).toISOString(),
      closes: body.registrationClosesAt ? new Date(body.registrationClosesAt).toISOString() : null,
    };
    await tx.execute(sql`
      insert into news_events (post_id, starts_at, ends_at, place, online_url, registration_enabled,
        registration_open_to, capacity, registration_closes_at)
      values (${postId}, ${values.startsAt}, ${values.endsAt}, ${body.place}, ${body.onlineUrl},
        ${body.registrationEnabled}, ${body.registrationOpenTo}, ${body.capacity}, ${values.closes})
      on conflict (post_id) do update set starts_at = excluded.starts_at, ends_at = excluded.ends_at,
        place = excluded.place, online_url = excluded.online_url,
        registration_enabled = excluded.registration_enabled,
        registration_open_to = excluded.registration_open_to, capacity = excluded.capacity,
        registration_closes_at = excluded.registration_closes_at,
        sequence = news_events.sequence + 1, updated_at = now()`);
    await tx.execute(sql`update news_posts set version = version + 1, editor_id = ${actor.userId},
      updated_at = now() where id = ${postId}`);
    await promoteWaiting(tx, postId, actor);
    const after = (await findEvent(tx, postId))!;
    // Its registrants hear of a new time or place (the seats with the updated calendar entry).
    if (before && changedForRegistrants(before, after)) {
      await recordEvent(tx, { type: 'news.event_changed', payload: { postId, sequence: after.sequence } });
    }
    await recordAudit(tx, actor, {
      action: 'news.event_updated',
      entityType: 'news_post',
      entityId: postId,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

interface RegistrationRow extends Record<string, unknown> {
  id: string;
  name: string;
  email: string;
  organization_name: string;
  status: EventRegistrationStatus;
  user_id: string | null;
  created_at: string;
  confirmed_at: string | null;
  cancelled_at: string | null;
}

const registrationOf = (r: RegistrationRow): EventRegistration => ({
  id: r.id,
  name: r.name,
  email: r.email,
  organizationName: r.organization_name,
  status: r.status,
  member: r.user_id !== null,
  createdAt: r.created_at,
  confirmedAt: r.confirmed_at,
  cancelledAt: r.cancelled_at,
});

/** The order of the list: confirmed, then the waiting list in its order, then the cancelled. */
async function findRegistrations(db: Db, postId: string): Promise<RegistrationRow[]> {
  return rowsOf<RegistrationRow>(
    db,
    sql`select r.id, r.name, r.email, r.organization_name, r.status, r.user_id,
        ${isoTimestamp('r.created_at')} as created_at, ${isoTimestamp('r.confirmed_at')} as confirmed_at,
        ${isoTimestamp('r.cancelled_at')} as cancelled_at
      from event_registrations r where r.post_id = ${postId}
      order by case r.status when 'confirmed' then 0 when 'waiting' then 1 else 2 end, r.created_at, r.id`,
  );
}

async function ensurePost(db: Db, postId: string): Promise<void> {
  const [post] = await rowsOf<{ id: string }>(db, sql`select id from news_posts where id = ${postId}`);
  if (!post) throw notFound();
}

/** The event and every registration, for its organisers. */
export async function listRegistrations(db: Db, postId: string): Promise<EventRegistrationsResponse> {
  await ensurePost(db, postId);
  return {
    event: await findEvent(db, postId),
    items: (await findRegistrations(db, postId)).map(registrationOf),
  };
}

export const REGISTRATION_CSV_COLUMNS = [
  'status',
  'waiting_position',
  'name',
  'email',
  'organization',
  'member',
  'registered_at',
  'confirmed_at',
  'cancelled_at',
] as const;

/** The registrations as CSV (UTF-8 with a BOM, CRLF, formulas neutralised: the members CSV's rules). */
export async function registrationsCsv(db: Db, postId: string): Promise<{ csv: string; slug: string }> {
  const [post] = await rowsOf<{ slug: string }>(db, sql`select slug from news_posts where id = ${postId}`);
  if (!post) throw notFound();
  let position = 0;
  const lines = (await findRegistrations(db, postId)).map((r) =>
    csvLine([
      r.status,
      r.status === 'waiting' ? ++position : null,
      r.name,
      r.email,
      r.organization_name,
      r.user_id !== null ? 'yes' : 'no',
      r.created_at,
      r.confirmed_at,
      r.cancelled_at,
    ]),
  );
  return { csv: CSV_BOM + csvLine(REGISTRATION_CSV_COLUMNS) + lines.join(''), slug: post.slug };
}

// ---------- the public side ----------

interface PublicEventPost extends Record<string, unknown> {
  id: string;
  slug: string;
  title_bg: string;
  title_en: string;
  summary_bg: string;
  summary_en: string;
  updated_at: Date | string;
}

/** A public post of category event with its event (404 otherwise). */
async function publicEventPost(db: Db, slug: string, lock: boolean) {
  const [post] = await rowsOf<PublicEventPost>(
    db,
    sql`select p.id, p.slug, p.title_bg, p.title_en, p.summary_bg, p.summary_en, p.updated_at
      from news_posts p where p.slug = ${slug} and p.category = 'event' and ${PUBLIC_POST}`,
  );
  if (!post) throw notFound();
  // The lock that makes the seats race-safe: every registration and cancellation of this event waits here.
  if (lock) await lockEvent(db, post.id);
  const event = await findEvent(db, post.id);
  if (!event) throw notFound();
  return { post, event };
}

async function lockEvent(db: Db, postId: string) {
  await db.execute(sql`select post_id from news_events where post_id = ${postId} for update`);
}

const titleIn = (p: { title_bg: string; title_en: string }, lang: Language) =>
  (lang === 'en' ? p.title_en || p.title_bg : p.title_bg || p.title_en) || '—';

/** The event as an iCalendar VEVENT (the .ics download and the emails' attachment). */
export function icalOf(
  post: {
    id: string;
    slug: string;
    title_bg: string;
    title_en: string;
    summary_bg: string;
    summary_en: string;
  },
  event: EventEditor,
  lang: Language,
  publicUrl: string,
  stamp: Date,
): IcalEvent {
  const url = `${publicUrl}${EMAILED_PAGES.newsPost.href(post.slug)}`;
  const summary = lang === 'en' ? post.summary_en || post.summary_bg : post.summary_bg || post.summary_en;
  return {
    uid: `event-${post.id}@${new URL(publicUrl).host}`,
    start: new Date(event.startsAt),
    end: new Date(event.endsAt),
    stamp,
    summary: titleIn(post, lang),
    description: [summary, url].filter(Boolean).join('\n\n'),
    location: [event.place, event.onlineUrl].filter(Boolean).join(' — ') || undefined,
    url,
    sequence: event.sequence,
  };
}

/** The public .ics file of an event ("add to calendar"). */
export async function eventCalendar(db: Db, slug: string, lang: Language, publicUrl: string) {
  const { post, event } = await publicEventPost(db, slug, false);
  const ical = icalOf(post, event, lang, publicUrl, new Date(post.updated_at));
  return buildCalendar({ name: titleIn(post, lang), events: [ical] });
}

const whenIn = (iso: string, lang: Language) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'bg-BG', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Sofia',
  }).format(new Date(iso));

async function emailRegistrant(
  tx: Db,
  template: TemplateName,
  to: { email: string; name: string; language: Language },
  post: PublicEventPost,
  event: EventEditor,
  cancelToken: string | null,
  publicUrl: string,
) {
  const lang = to.language;
  await enqueueEmail(tx, {
    to: to.email,
    language: lang,
    template,
    values: {
      name: to.name,
      title: titleIn(post, lang),
      when: whenIn(event.startsAt, lang),
      place: [event.place, event.onlineUrl].filter(Boolean).join(' — '),
      link: `${publicUrl}${EMAILED_PAGES.newsPost.href(post.slug)}`,
      cancelLink: cancelToken ? `${publicUrl}${EMAILED_PAGES.eventCancel.href(cancelToken)}` : '',
    },
    // A seat (not the waiting list) puts the event in the registrant's calendar (text/calendar + .ics).
    ...(template === 'event_registration_waiting' || template === 'event_changed_waiting'
      ? {}
      : { calendar: { event: icalOf(post, event, lang, publicUrl, new Date()) } }),
  });
}

export interface RegisterContext {
  db: Db;
  actor: Actor;
  /** The signed-in user registering (their account's address is used), or null. */
  user: { id: string; email: string; isMember: boolean } | null;
  publicUrl: string;
}

/**
 * Registers for a public event: a seat while there is one (capacity null: always), else the waiting list.
 * The event's row is locked for the count and the insert, so concurrent registrations are served one after
 * the other. One active registration per address per event.
 */
export async function register(
  ctx: RegisterContext,
  slug: string,
  body: EventRegisterBody,
): Promise<EventRegistrationResult> {
  const email = ctx.user?.email.toLowerCase() ?? body.email;
  try {
    return await ctx.db.transaction(async (tx) => {
      const { post, event } = await publicEventPost(tx, slug, true);
      if (!event.registrationEnabled) throw new AppError('event.registration_closed', 409);
      const [open] = await rowsOf<{ open: boolean }>(
        tx,
        sql`select (starts_at > now() and (registration_closes_at is null or registration_closes_at > now()))
          as open from news_events where post_id = ${post.id}`,
      );
      if (!open?.open) throw new AppError('event.registration_closed', 409);
      if (event.registrationOpenTo === 'members') {
        if (!ctx.user) throw new AppError('auth.required', 401);
        if (!ctx.user.isMember) throw new AppError('event.members_only', 403);
      }
      const [existing] = await rowsOf<{ id: string }>(
        tx,
        sql`select id from event_registrations where post_id = ${post.id} and email = ${email}
          and status <> 'cancelled'`,
      );
      if (existing) throw fieldError('body.email', 'event.already_registered');
      const status: EventRegistrationStatus =
        event.seatsLeft === null || event.seatsLeft > 0 ? 'confirmed' : 'waiting';
      const token = newToken();
      const [row] = await rowsOf<{ id: string }>(
        tx,
        sql`insert into event_registrations (post_id, user_id, name, email, organization_name, language,
            status, cancel_token_hash, confirmed_at)
          values (${post.id}, ${ctx.user?.id ?? null}, ${body.name}, ${email}, ${body.organizationName},
            ${body.language}, ${status}, ${tokenHash(token)}, ${status === 'confirmed' ? sql`now()` : null})
          returning id`,
      );
      const id = row!.id;
      await recordAudit(tx, ctx.actor, {
        action: 'event.registered',
        entityType: 'event_registration',
        entityId: id,
        after: { postId: post.id, status, userId: ctx.user?.id ?? null },
      });
      await emailRegistrant(
        tx,
        status === 'confirmed' ? 'event_registration_confirmed' : 'event_registration_waiting',
        { email, name: body.name, language: body.language },
        post,
        event,
        token,
        ctx.publicUrl,
      );
      return { id, status, waitingPosition: status === 'waiting' ? event.waiting + 1 : null };
    });
  } catch (error) {
    // Only a concurrent duplicate of the same address can reach the unique index past the check above.
    const violation = constraintViolation(error);
    if (violation?.kind === 'unique' && violation.constraint === 'event_registrations_active_email_idx')
      throw fieldError('body.email', 'event.already_registered');
    throw error;
  }
}

/**
 * Gives free seats to the waiting list in its order. Runs with the event's row locked (by the caller);
 * each promoted registrant hears of it by email (the `news.registration_promoted` domain event).
 */
async function promoteWaiting(tx: Db, postId: string, actor: Actor): Promise<number> {
  const event = await findEvent(tx, postId);
  if (!event || event.waiting === 0) return 0;
  const free = event.seatsLeft === null ? event.waiting : event.seatsLeft;
  if (free <= 0) return 0;
  const promoted = await rowsOf<{ id: string }>(
    tx,
    sql`update event_registrations set status = 'confirmed', confirmed_at = now()
      where id in (select id from event_registrations where post_id = ${postId} and status = 'waiting'
        order by created_at, id limit ${free})
      returning id`,
  );
  for (const r of promoted) {
    await recordAudit(tx, actor, {
      action: 'event.promoted',
      entityType: 'event_registration',
      entityId: r.id,
      before: { status: 'waiting' },
      after: { status: 'confirmed' },
    });
    await recordEvent(tx, { type: 'news.registration_promoted', payload: { registrationId: r.id } });
  }
  return promoted.length;
}

/** Has what a registrant planned around (the time or the place) changed? */
function changedForRegistrants(before: EventEditor, after: EventEditor): boolean {
  return (
    before.startsAt !== after.startsAt ||
    before.endsAt !== after.endsAt ||
    before.place !== after.place ||
    before.onlineUrl !== after.onlineUrl
  );
}

/**
 * The emails of an event's change (the domain event's handler): every confirmed registrant gets the new
 * time and place with the updated calendar entry (same UID, higher SEQUENCE), the waiting list the text.
 * A later change's event speaks instead of an earlier one (only the current sequence is sent).
 */
export async function emailEventChanged(
  tx: Db,
  postId: string,
  sequence: number,
  publicUrl: string,
): Promise<void> {
  const event = await findEvent(tx, postId);
  if (!event || event.sequence !== sequence) return;
  const [post] = await rowsOf<PublicEventPost>(
    tx,
    sql`select id, slug, title_bg, title_en, summary_bg, summary_en, updated_at from news_posts
      where id = ${postId}`,
  );
  if (!post) return;
  const registrants = await rowsOf<{
    email: string;
    name: string;
    language: Language;
    status: EventRegistrationStatus;
  }>(
    tx,
    sql`select email, name, language, status from event_registrations
      where post_id = ${postId} and status in ('confirmed', 'waiting') order by created_at, id`,
  );
  for (const r of registrants) {
    const template = r.status === 'confirmed' ? 'event_changed' : 'event_changed_waiting';
    await emailRegistrant(tx, template, r, post, event, null, publicUrl);
  }
}

/** The email of a registrant promoted from the waiting list (the domain event's handler). */
export async function emailPromoted(tx: Db, registrationId: string, publicUrl: string): Promise<void> {
  const [r] = await rowsOf<{ post_id: string; email: string; name: string; language: Language }>(
    tx,
    sql`select post_id, email, name, language from event_registrations
      where id = ${registrationId} and status = 'confirmed'`,
  );
  if (!r) return; // cancelled or erased since
  const [post] = await rowsOf<PublicEventPost>(
    tx,
    sql`select id, slug, title_bg, title_en, summary_bg, summary_en, updated_at from news_posts
      where id = ${r.post_id}`,
  );
  const event = await findEvent(tx, r.post_id);
  if (!post || !event) return;
  await emailRegistrant(tx, 'event_registration_promoted', r, post, event, null, publicUrl);
}

async function byToken(db: Db, token: string) {
  const [row] = await rowsOf<{
    id: string;
    post_id: string;
    name: string;
    email: string;
    status: EventRegistrationStatus;
    slug: string;
    title_bg: string;
    title_en: string;
  }>(
    db,
    sql`select r.id, r.post_id, r.name, r.email, r.status, p.slug, p.title_bg, p.title_en
      from event_registrations r join news_posts p on p.id = r.post_id
      where r.cancel_token_hash = ${tokenHash(token)}`,
  );
  if (!row) throw new AppError('event.registration_not_found', 404);
  return row;
}

/** What the cancellation page shows (the token is the only key). */
export async function cancelInfo(db: Db, token: string): Promise<EventCancelInfo> {
  const r = await byToken(db, token);
  const event = await findEvent(db, r.post_id);
  if (!event) throw new AppError('event.registration_not_found', 404);
  return {
    slug: r.slug,
    titleBg: r.title_bg,
    titleEn: r.title_en,
    startsAt: event.startsAt,
    name: r.name,
    status: r.status,
  };
}

/**
 * Cancels the registration of the link's token (cancelling again changes nothing). A confirmed seat
 * goes to the first on the waiting list.
 */
export async function cancelRegistration(db: Db, actor: Actor, token: string): Promise<EventCancelInfo> {
  return db.transaction(async (tx) => {
    const found = await byToken(tx, token);
    await lockEvent(tx, found.post_id);
    const r = await byToken(tx, token);
    if (r.status !== 'cancelled') {
      await tx.execute(sql`update event_registrations set status = 'cancelled', cancelled_at = now()
        where id = ${r.id}`);
      await recordAudit(tx, actor, {
        action: 'event.cancelled',
        entityType: 'event_registration',
        entityId: r.id,
        before: { status: r.status },
        after: { status: 'cancelled' },
      });
      if (r.status === 'confirmed') await promoteWaiting(tx, r.post_id, actor);
    }
    return cancelInfo(tx, token);
  });
}

/** For a user's data export: their registrations (by account or by address). */
export function registrationsOfUser(db: Db, userId: string, email: string) {
  return rowsOf<Record<string, unknown>>(
    db,
    sql`select r.id, r.post_id as "postId", p.slug, r.name, r.email, r.organization_name as "organizationName",
        r.status, ${isoTimestamp('r.created_at')} as "createdAt",
        ${isoTimestamp('r.confirmed_at')} as "confirmedAt", ${isoTimestamp('r.cancelled_at')} as "cancelledAt"
      from event_registrations r join news_posts p on p.id = r.post_id
      where r.user_id = ${userId} or r.email = ${email.toLowerCase()}
      order by r.created_at, r.id`,
  );
}

/**
 * Erasure: a user's registrations go. A seat they held goes to the waiting list (its people are emailed as
 * on a cancellation).
 */
export async function eraseRegistrationsOf(
  tx: Db,
  actor: Actor,
  userId: string,
  email: string,
): Promise<number> {
  const mine = sql`(user_id = ${userId} or email = ${email.toLowerCase()})`;
  const posts = await rowsOf<{ post_id: string }>(
    tx,
    sql`select distinct post_id from event_registrations where ${mine} order by post_id`,
  );
  // The events first (in one order), as registering does: no deadlock with a registration under way.
  for (const { post_id } of posts) await lockEvent(tx, post_id);
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`delete from event_registrations where ${mine} returning id`,
  );
  for (const { post_id } of posts) await promoteWaiting(tx, post_id, actor);
  return rows.length;
}
