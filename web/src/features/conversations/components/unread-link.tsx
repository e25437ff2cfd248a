import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useCan } from '@/lib/api/session.ts';
import { paths } from '@/lib/paths.ts';
import { useUnreadCount } from '../api/conversations.ts';

/**
 * The header's link to the conversations, with the count of unread messages as a badge (asked every
 * minute while the tab is visible, and again on focus). Only for representatives; shell texts only, so
 * the header does not load the conversations bundle.
 */
export function ConversationsNavLink() {
  const { t } = useTranslation();
  const allowed = useCan('conversations.use');
  const unread = useUnreadCount(allowed);
  if (!allowed) return null;
  const count = unread.data?.total ?? 0;
  return (
    <NavLink
      to={paths.conversations.href()}
      className="nav-link"
      // The badge stays beside the word, on the same line.
      style={{ display: 'inline-flex', alignItems: 'center', whiteSpace: 'nowrap' }}
      aria-label={count > 0 ? t('nav.conversationsUnread', { count }) : undefined}
    >
      {t('nav.conversations')}
      {count > 0 ? (
        <Badge color="red" size="sm" ml={6} circle={count < 10} aria-hidden="true" data-testid="unread-badge">
          {count > 99 ? '99+' : count}
        </Badge>
      ) : null}
    </NavLink>
  );
}

/** The unread messages' count for the phone's menu button (0 for anyone who is not a representative). */
export function useUnreadTotal(): number {
  const allowed = useCan('conversations.use');
  const unread = useUnreadCount(allowed);
  return allowed ? (unread.data?.total ?? 0) : 0;
}
