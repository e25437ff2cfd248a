import {
  and,
  boardItems,
  type Db,
  eq,
  gte,
  isNull,
  lte,
  memberships,
  ne,
  or,
  organizations,
  sql,
  userOrganizations,
  users,
} from '@portal/db';
import { addDays, EMAILED_PAGES, type Language } from '@portal/shared';
import { enqueueEmail } from '../../email/outbox.ts';
import { type EventHandlers, recordEvent } from '../../events/events.ts';
import { findRepresentativeRecipients } from '../memberships/memberships.repository.ts';

/**
 * The "expires soon" reminder of the cooperation board (issue 14 §1, decision 033): a daily housekeeping
 * pass raises one `board.item_expiring` event per item on the board whose last day is at most
 * REMINDER_DAYS away, and notes the date reminded of on the item (`reminded_for`), so the item is reminded
 * of once per date however often housekeeping runs; an edit with a new date gets a new reminder. The
 * event's handler emails the item's author, or the organisation's representatives when the author is gone.
 */
export const BOARD_REMINDER_DAYS = 7;

/**
 * Marks the items due for a reminder on `today` (Sofia) and records their events, in `tx` (the
 * housekeeping transaction). Returns how many.
 */
export async function remindExpiringBoardItems(tx: Db, today: string): Promise<number> {
  const due = await tx
    .update(boardItems)
    .set({ remindedFor: sql`${boardItems.validUntil}` })
    .where(
      and(
        eq(boardItems.status, 'published'),
        gte(boardItems.validUntil, today),
        lte(boardItems.validUntil, addDays(today, BOARD_REMINDER_DAYS)),
        or(isNull(boardItems.remindedFor), ne(boardItems.remindedFor, boardItems.validUntil)),
        // Only items on the board: an organisation that is no longer an active member has none there.
        sql`exists (select 1 from ${memberships} m where m.organization_id = ${boardItems.organizationId}
          and m.status = 'active' and m.category <> 'candidate')`,
      ),
    )
    .returning({ id: boardItems.id, validUntil: boardItems.validUntil });
  for (const item of due) {
    await recordEvent(tx, {
      type: 'board.item_expiring',
      payload: { itemId: item.id, validUntil: item.validUntil ?? today },
    });
  }
  return due.length;
}

/** The day as people write it: `31.03.2027 г.` in Bulgarian, `31 March 2027` in English. */
function dayText(day: string, language: Language): string {
  const [y, m, d] = day.split('-');
  if (language === 'bg') return `${d}.${m}.${y} г.`;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

export const boardHandlers: EventHandlers<'board.item_expiring'> = {
  async 'board.item_expiring'(tx, event, { publicUrl }) {
    const [item] = await tx
      .select({
        organizationId: boardItems.organizationId,
        titleBg: boardItems.titleBg,
        titleEn: boardItems.titleEn,
        status: boardItems.status,
        validUntil: boardItems.validUntil,
        createdBy: boardItems.createdBy,
        nameBg: organizations.nameBg,
        nameEn: organizations.nameEn,
      })
      .from(boardItems)
      .innerJoin(organizations, eq(organizations.id, boardItems.organizationId))
      .where(eq(boardItems.id, event.itemId));
    // Closed, removed or given another date since: nothing to remind of (a new date has its own event).
    if (item?.status !== 'published' || item.validUntil !== event.validUntil) return;
    // The author while they still represent the organisation; else every representative.
    const author = item.createdBy
      ? await tx
          .select({ email: users.email, display_name: users.displayName, language: users.language })
          .from(users)
          .innerJoin(
            userOrganizations,
            and(
              eq(userOrganizations.userId, users.id),
              eq(userOrganizations.organizationId, item.organizationId),
            ),
          )
          .where(and(eq(users.id, item.createdBy), isNull(users.disabledAt)))
      : [];
    const recipients =
      author.length > 0 ? author : await findRepresentativeRecipients(tx, item.organizationId);
    for (const u of recipients) {
      const lang = u.language;
      const preferred = lang === 'en' ? item.titleEn || item.titleBg : item.titleBg || item.titleEn;
      await enqueueEmail(tx, {
        to: u.email,
        language: lang,
        template: 'board_item_expiring',
        values: {
          name: u.display_name,
          title: preferred,
          organization: lang === 'en' ? item.nameEn : item.nameBg,
          date: dayText(event.validUntil, lang),
          link: `${publicUrl}${EMAILED_PAGES.myOrganizationBoard.href(item.organizationId)}`,
        },
      });
    }
  },
};
