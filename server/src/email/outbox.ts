import { type Db, outboxMessages } from '@portal/db';
import { isErasedEmail, type Language } from '@portal/shared';
import { buildCalendar, type IcalEvent } from './ical.ts';
import { renderEmail, type TemplateName } from './templates.ts';

export interface OutgoingEmail {
  to: string;
  language: Language;
  template: TemplateName;
  values: Record<string, string>;
  /**
   * A calendar entry sent along (text/calendar part and `invitation.ics`): the event in the reader's
   * calendar, replaced by a later email with the same uid and a higher `sequence`, removed by `status:
   * 'CANCELLED'`. Always METHOD:PUBLISH (see ical.ts: answers are given on the portal's pages).
   */
  calendar?: { method?: 'PUBLISH'; event: IcalEvent };
  /** Where a reply goes instead of the portal's address (a visitor's message to a member; decision 053). */
  replyTo?: string;
}

/**
 * Queues an email with `db` — the transaction of the event that causes it — so the message exists if
 * and only if the event committed. The worker (./worker.ts) delivers it when SMTP is configured.
 */
export async function enqueueEmail(db: Db, email: OutgoingEmail): Promise<void> {
  // An erased account's placeholder address can receive nothing (and must not gather messages).
  if (isErasedEmail(email.to)) return;
  const { subject, text } = renderEmail(email.template, email.language, email.values);
  await db.insert(outboxMessages).values({
    toEmail: email.to,
    language: email.language,
    template: email.template,
    subject,
    text,
    calendar: email.calendar ? buildCalendar({ events: [email.calendar.event] }) : null,
    replyTo: email.replyTo ?? null,
  });
}
