import { and, type Db, eq, fundingCalls, organizations, sql } from '@portal/db';
import { EMAILED_PAGES, FUNDING_CALL_REMINDER_DAYS, type Language, todayInSofia } from '@portal/shared';
import { ACTIVE_MEMBERSHIP, execute } from '../../db.ts';
import { enqueueEmail } from '../../email/outbox.ts';
import { type EventHandlers, recordEvent } from '../../events/events.ts';
import { findRepresentativeRecipients } from '../memberships/memberships.repository.ts';

/**
 * Deadline reminders of funding calls (issue 16 §3, decision 049): the representatives of each interested
 * member organisation hear 30, 7 and 1 days (Sofia calendar days) before the deadline, each once — the row
 * in `funding_call_reminders` is written in the same transaction as the event, and its key refuses a second.
 * A run that missed a day (the server was down) sends the reminder of the nearest threshold not yet passed:
 * five days before, the 7-day one if it was not sent; the 30-day one is then never sent late.
 */

const DAY_MS = 86_400_000;

/** Whole Sofia calendar days from `today` to the Sofia day of `deadline`. */
export function daysUntil(today: string, deadline: Date): number {
  return Math.round((Date.parse(todayInSofia(deadline)) - Date.parse(today)) / DAY_MS);
}

/** The reminder due with `days` left: the smallest threshold at or above it (null beyond 30 days). */
export function reminderDue(days: number): number | null {
  if (days < 0) return null;
  return [...FUNDING_CALL_REMINDER_DAYS].sort((a, b) => a - b).find((d) => days <= d) ?? null;
}

/**
 * Raises the reminders due at `now`, in `tx` (the housekeeping transaction). Returns how many. The calls
 * whose deadline is near are read (a handful), the threshold due for each is worked out on the Sofia
 * calendar here, and one `insert … select … on conflict do nothing` writes a row for every interested active
 * member of those calls; only the rows it wrote (`returning`) raise an event, so a second run the same day
 * raises nothing.
 */
export async function remindCallDeadlines(tx: Db, now: Date = new Date()): Promise<number> {
  const today = todayInSofia(now);
  const horizon = new Date(now.getTime() + (Math.max(...FUNDING_CALL_REMINDER_DAYS) + 2) * DAY_MS);
  const calls = await execute<{ id: string; deadline_at: Date | string }>(
    tx,
    sql`select c.id, c.deadline_at from funding_calls c
         where c.deadline_at > ${now.toISOString()}::timestamptz
           and c.deadline_at <= ${horizon.toISOString()}::timestamptz
           and exists (select 1 from funding_call_interests i where i.call_id = c.id)`,
  );
  const due = calls.flatMap((c) => {
    const daysBefore = reminderDue(daysUntil(today, new Date(c.deadline_at)));
    return daysBefore === null ? [] : [sql`(${c.id}::uuid, ${daysBefore}::int)`];
  });
  if (due.length === 0) return 0;
  const inserted = await execute<{ call_id: string; organization_id: string; days_before: number }>(
    tx,
    sql`insert into funding_call_reminders (call_id, organization_id, days_before)
        select d.call_id, i.organization_id, d.days_before
          from (values ${sql.join(due, sql`, `)}) as d (call_id, days_before)
          join funding_call_interests i on i.call_id = d.call_id
          join memberships m on m.organization_id = i.organization_id
         where ${ACTIVE_MEMBERSHIP}
         order by d.call_id, i.organization_id
        on conflict do nothing
        returning call_id, organization_id, days_before`,
  );
  for (const row of inserted) {
    await recordEvent(tx, {
      type: 'call.deadline_reminder',
      payload: {
        callId: row.call_id,
        organizationId: row.organization_id,
        daysBefore: Number(row.days_before),
      },
    });
  }
  return inserted.length;
}

/** The deadline as people read it, in Sofia time: `15.06.2027 г., 17:00` / `15 June 2027, 17:00`. */
export function deadlineText(deadline: Date, language: Language): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Sofia',
  }).format(deadline);
  if (language === 'en') {
    const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Sofia' }).format(
      deadline,
    );
    return `${day}, ${time}`;
  }
  const [y, m, d] = todayInSofia(deadline).split('-');
  return `${d}.${m}.${y} г., ${time}`;
}

export const callHandlers: EventHandlers<'call.deadline_reminder'> = {
  async 'call.deadline_reminder'(tx, event, { publicUrl }) {
    const [call] = await tx
      .select({
        programme: fundingCalls.programme,
        titleBg: fundingCalls.titleBg,
        titleEn: fundingCalls.titleEn,
        deadlineAt: fundingCalls.deadlineAt,
      })
      .from(fundingCalls)
      .where(eq(fundingCalls.id, event.callId));
    const [org] = await tx
      .select({ nameBg: organizations.nameBg, nameEn: organizations.nameEn })
      .from(organizations)
      .where(and(eq(organizations.id, event.organizationId)));
    // Removed since, or the interest withdrawn: nothing to remind of.
    if (!call || !org) return;
    const [still] = await execute<{ one: number }>(
      tx,
      sql`select 1 as one from funding_call_interests
           where call_id = ${event.callId} and organization_id = ${event.organizationId}`,
    );
    if (!still) return;
    for (const u of await findRepresentativeRecipients(tx, event.organizationId)) {
      const lang = u.language;
      await enqueueEmail(tx, {
        to: u.email,
        language: lang,
        template: 'call_deadline_reminder',
        values: {
          name: u.display_name,
          title: lang === 'en' ? call.titleEn : call.titleBg,
          programme: call.programme,
          organization: lang === 'en' ? org.nameEn : org.nameBg,
          deadline: deadlineText(call.deadlineAt, lang),
          link: `${publicUrl}${EMAILED_PAGES.fundingCall.href(event.callId)}`,
        },
      });
    }
  },
};
