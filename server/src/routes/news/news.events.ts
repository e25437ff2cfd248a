import { and, eq, isNull, newsPosts, organizations, users } from '@portal/db';
import { EMAILED_PAGES } from '@portal/shared';
import { enqueueEmail } from '../../email/outbox.ts';
import type { EventHandlers } from '../../events/events.ts';
import { findRepresentativeRecipients } from '../memberships/memberships.repository.ts';
import { emailEventChanged, emailPromoted } from './events.service.ts';

/**
 * The committee's decision on a proposed member news reaches its proposer by email (decision 040): approved
 * with the link to the post, or returned with the reason. A proposer whose account is gone or disabled
 * is replaced by the organisation's representatives.
 */
export const newsHandlers: EventHandlers<
  'news.proposal_decided' | 'news.registration_promoted' | 'news.event_changed'
> = {
  async 'news.registration_promoted'(tx, event, { publicUrl }) {
    await emailPromoted(tx, event.registrationId, publicUrl);
  },
  async 'news.event_changed'(tx, event, { publicUrl }) {
    await emailEventChanged(tx, event.postId, event.sequence, publicUrl);
  },
  async 'news.proposal_decided'(tx, event, { publicUrl }) {
    const [post] = await tx
      .select({
        slug: newsPosts.slug,
        status: newsPosts.status,
        titleBg: newsPosts.titleBg,
        titleEn: newsPosts.titleEn,
        returnReason: newsPosts.returnReason,
        authorId: newsPosts.authorId,
        organizationId: newsPosts.organizationId,
        nameBg: organizations.nameBg,
        nameEn: organizations.nameEn,
      })
      .from(newsPosts)
      .innerJoin(organizations, eq(organizations.id, newsPosts.organizationId))
      .where(eq(newsPosts.id, event.postId));
    if (!post?.organizationId) return;
    // Decided otherwise since (e.g. returned, then approved): the later event speaks.
    if (event.approved !== (post.status === 'published')) return;
    const author = post.authorId
      ? await tx
          .select({ email: users.email, display_name: users.displayName, language: users.language })
          .from(users)
          .where(and(eq(users.id, post.authorId), isNull(users.disabledAt), isNull(users.erasedAt)))
      : [];
    const recipients = author.length ? author : await findRepresentativeRecipients(tx, post.organizationId);
    for (const u of recipients) {
      const lang = u.language;
      await enqueueEmail(tx, {
        to: u.email,
        language: lang,
        template: event.approved ? 'news_proposal_approved' : 'news_proposal_returned',
        values: {
          name: u.display_name,
          title: (lang === 'en' ? post.titleEn || post.titleBg : post.titleBg || post.titleEn) || '—',
          organization: lang === 'en' ? post.nameEn : post.nameBg,
          reason: post.returnReason ?? '',
          link: `${publicUrl}${event.approved ? EMAILED_PAGES.newsPost.href(post.slug) : EMAILED_PAGES.myNews.href()}`,
        },
      });
    }
  },
};
