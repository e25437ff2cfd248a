import { type Db, directoryEntries, eq, organizations } from '@portal/db';
import { EMAILED_PAGES, type MemberContactBody } from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { enqueueEmail } from '../../email/outbox.ts';
import { AppError } from '../../errors.ts';
import { findRepresentativeRecipients } from '../memberships/memberships.repository.ts';

/**
 * A visitor's message to a member through the contact form of its public page (issue 17, decision 053).
 * The message exists only as the outbox emails to the member's representatives (Reply-To: the visitor);
 * nothing else keeps it, and the audit event records that a message was sent, not what it said or who
 * sent it.
 */

export interface ContactTarget {
  id: string;
  nameBg: string;
  nameEn: string;
  acceptsContact: boolean;
}

/** A publicly listed member (a row of the directory read model), or null. */
export async function findContactTarget(db: Db, id: string): Promise<ContactTarget | null> {
  const [row] = await db
    .select({
      id: organizations.id,
      nameBg: organizations.nameBg,
      nameEn: organizations.nameEn,
      acceptsContact: organizations.acceptsContact,
    })
    .from(organizations)
    .innerJoin(directoryEntries, eq(directoryEntries.organizationId, organizations.id))
    .where(eq(organizations.id, id));
  return row ?? null;
}

/** 404 for anything but a listed member, 409 when the member does not accept messages. */
export function assertAccepts(target: ContactTarget | null): asserts target is ContactTarget {
  if (!target) throw new AppError('organization.not_found', 404);
  if (!target.acceptsContact) throw new AppError('organization.contact_closed', 409);
}

/** Whether the field people never see was filled in (by a robot). */
export function isHoneypot(body: MemberContactBody): boolean {
  return body.website.trim() !== '';
}

/**
 * Queues one email per representative, in each one's language, and the audit event, in one transaction.
 * A filled honeypot (`website`) sends nothing and records nothing: the caller answers as if it had.
 */
export async function sendMemberContact(
  db: Db,
  actor: Actor,
  target: ContactTarget,
  body: MemberContactBody,
  publicUrl: string,
): Promise<void> {
  if (isHoneypot(body)) return;
  await db.transaction(async (tx) => {
    // Re-read inside the transaction: a representative who just turned the form off is respected.
    const current = await findContactTarget(tx, target.id);
    assertAccepts(current);
    const recipients = await findRepresentativeRecipients(tx, target.id);
    for (const r of recipients) {
      await enqueueEmail(tx, {
        to: r.email,
        language: r.language,
        template: 'member_contact',
        replyTo: body.email,
        values: {
          name: r.display_name,
          organization: r.language === 'en' ? current.nameEn || current.nameBg : current.nameBg,
          senderName: body.name,
          senderEmail: body.email,
          senderOrganization: body.organization || '—',
          subject: body.subject,
          message: body.message,
          link: `${publicUrl}${EMAILED_PAGES.myOrganization.href(target.id)}`,
        },
      });
    }
    await recordAudit(tx, actor, {
      action: 'organization.contacted',
      entityType: 'organization',
      entityId: target.id,
      after: { count: recipients.length },
    });
  });
}
