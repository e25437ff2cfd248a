import {
  and,
  type Db,
  eq,
  governingBodies,
  inArray,
  isNull,
  meetingParticipants,
  meetings,
  users,
} from '@portal/db';
import { EMAILED_PAGES, type Language } from '@portal/shared';
import type { IcalEvent } from '../../email/ical.ts';
import { enqueueEmail } from '../../email/outbox.ts';
import type { TemplateName } from '../../email/templates.ts';
import type { EventHandlers } from '../../events/events.ts';
import { findRepresentativeRecipients } from '../memberships/memberships.repository.ts';

/**
 * A meeting's emails (decision 041): the invitation, an update after a change of time or place, the
 * cancellation and the day-before reminder, each to every person who answers for a seat — the position's
 * account, or every representative of a member organisation at the general assembly — in their language,
 * with the meeting's calendar entry (one uid per meeting; `sequence` raised by every change; CANCELLED).
 * A named person without an account has no address: the officers tell them themselves.
 */

type MeetingRow = typeof meetings.$inferSelect;

/** The meeting's time as people read it, in Sofia time: `12.01.2027 г., 10:00–12:00` / `12 January 2027, 10:00–12:00`. */
export function meetingWhenText(start: Date, end: Date, language: Language): string {
  const locale = language === 'bg' ? 'bg-BG' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Sofia' }).format(start);
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Sofia',
  });
  return `${day}, ${time.format(start)}–${time.format(end)}`;
}

function placeText(m: MeetingRow): string {
  return [m.place, m.onlineUrl].filter(Boolean).join(' · ') || '—';
}

/** The meeting's calendar entry (times in UTC; the same uid in every email about the meeting). */
export function meetingIcal(m: MeetingRow, summary: string, publicUrl: string): IcalEvent {
  const host = new URL(publicUrl).host;
  const url = `${publicUrl}${EMAILED_PAGES.meeting.href(m.id)}`;
  return {
    uid: `meeting-${m.id}@${host}`,
    start: m.startsAt,
    end: m.endsAt,
    stamp: m.updatedAt,
    summary,
    description: url,
    location: placeText(m),
    url,
    sequence: m.sequence,
    status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  };
}

async function recipientsOf(tx: Db, seat: { userId: string | null; organizationId: string | null }) {
  if (seat.organizationId) return findRepresentativeRecipients(tx, seat.organizationId);
  if (!seat.userId) return [];
  return tx
    .select({ email: users.email, display_name: users.displayName, language: users.language })
    .from(users)
    .where(and(eq(users.id, seat.userId), isNull(users.disabledAt), isNull(users.erasedAt)));
}

async function mailSeats(
  tx: Db,
  meetingId: string,
  template: TemplateName,
  publicUrl: string,
  participantIds?: string[],
): Promise<void> {
  const [row] = await tx
    .select({ m: meetings, nameBg: governingBodies.nameBg, nameEn: governingBodies.nameEn })
    .from(meetings)
    .innerJoin(governingBodies, eq(governingBodies.id, meetings.bodyId))
    .where(eq(meetings.id, meetingId));
  if (!row) return;
  const m = row.m;
  const seats = await tx
    .select({ userId: meetingParticipants.userId, organizationId: meetingParticipants.organizationId })
    .from(meetingParticipants)
    .where(
      participantIds
        ? and(eq(meetingParticipants.meetingId, meetingId), inArray(meetingParticipants.id, participantIds))
        : eq(meetingParticipants.meetingId, meetingId),
    );
  const sent = new Set<string>();
  for (const seat of seats) {
    for (const u of await recipientsOf(tx, seat)) {
      // One email per person, even one who answers for two seats.
      if (sent.has(u.email)) continue;
      sent.add(u.email);
      const lang = u.language;
      const title = lang === 'en' ? m.titleEn || m.titleBg : m.titleBg;
      const body = lang === 'en' ? row.nameEn || row.nameBg : row.nameBg;
      await enqueueEmail(tx, {
        to: u.email,
        language: lang,
        template,
        values: {
          name: u.display_name,
          title,
          body,
          when: meetingWhenText(m.startsAt, m.endsAt, lang),
          place: placeText(m),
          reason: m.cancelReason ?? '',
          link: `${publicUrl}${EMAILED_PAGES.meeting.href(m.id)}`,
        },
        calendar: { event: meetingIcal(m, `${body}: ${title}`, publicUrl) },
      });
    }
  }
}

export const meetingHandlers: EventHandlers<
  'meeting.invited' | 'meeting.changed' | 'meeting.cancelled' | 'meeting.reminder'
> = {
  async 'meeting.invited'(tx, event, { publicUrl }) {
    const [m] = await tx
      .select({ status: meetings.status })
      .from(meetings)
      .where(eq(meetings.id, event.meetingId));
    if (m?.status !== 'invited') return;
    await mailSeats(tx, event.meetingId, 'meeting_invitation', publicUrl, event.participantIds);
  },
  async 'meeting.changed'(tx, event, { publicUrl }) {
    const [m] = await tx
      .select({ status: meetings.status, sequence: meetings.sequence })
      .from(meetings)
      .where(eq(meetings.id, event.meetingId));
    // A later change has its own event (with the newer entry): only the latest is sent.
    if (m?.status !== 'invited' || m.sequence !== event.sequence) return;
    await mailSeats(tx, event.meetingId, 'meeting_updated', publicUrl);
  },
  async 'meeting.cancelled'(tx, event, { publicUrl }) {
    await mailSeats(tx, event.meetingId, 'meeting_cancelled', publicUrl);
  },
  async 'meeting.reminder'(tx, event, { publicUrl }) {
    const [m] = await tx
      .select({ status: meetings.status })
      .from(meetings)
      .where(eq(meetings.id, event.meetingId));
    if (m?.status !== 'invited') return;
    await mailSeats(tx, event.meetingId, 'meeting_reminder', publicUrl);
  },
};
