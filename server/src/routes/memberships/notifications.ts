import { eq, organizations } from '@portal/db';
import { EMAILED_PAGES } from '@portal/shared';
import { enqueueEmail } from '../../email/outbox.ts';
import type { EventHandlers } from '../../events/events.ts';
import { findRepresentativeRecipients } from './memberships.repository.ts';
import { LABELS } from './memberships.service.ts';

/**
 * The organisation's representatives hear of a change of its membership by email (decision 030): the
 * handler of the `membership.changed` event, which looks them up when the event is dispatched.
 */
export const membershipHandlers: EventHandlers<'membership.changed'> = {
  async 'membership.changed'(tx, event, { publicUrl }) {
    const [org] = await tx
      .select({ nameBg: organizations.nameBg, nameEn: organizations.nameEn })
      .from(organizations)
      .where(eq(organizations.id, event.organizationId));
    if (!org) return;
    for (const u of await findRepresentativeRecipients(tx, event.organizationId)) {
      const lang = u.language;
      await enqueueEmail(tx, {
        to: u.email,
        language: lang,
        template: 'membership_changed',
        values: {
          name: u.display_name,
          organization: lang === 'en' ? org.nameEn : org.nameBg,
          change: LABELS.action[event.action][lang],
          status: LABELS.status[event.status][lang],
          category: LABELS.category[event.category][lang],
          effectiveOn: event.effectiveOn,
          decision: event.decisionNumber
            ? lang === 'en'
              ? ` (decision No ${event.decisionNumber})`
              : ` (решение № ${event.decisionNumber})`
            : '',
          link: `${publicUrl}${EMAILED_PAGES.myOrganization.href(event.organizationId)}`,
        },
      });
    }
  },
};
