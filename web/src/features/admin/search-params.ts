import type { ListSearch } from '@/lib/search-params.ts';

/** The administration lists keep their filters and page in the URL, read and written by the shared helpers. */
export { currentPage, hasFilters, isUuid, readSearch, withChange } from '@/lib/search-params.ts';

export const USER_PARAMS = ['q', 'role', 'status', 'page'] as const;
export type UserSearch = ListSearch<(typeof USER_PARAMS)[number]>;

export const AUDIT_PARAMS = ['actorId', 'entityType', 'entityId', 'action', 'from', 'to', 'page'] as const;
export type AuditSearch = ListSearch<(typeof AUDIT_PARAMS)[number]>;

export const MAILBOX_PARAMS = ['to', 'page'] as const;
export type MailboxSearch = ListSearch<(typeof MAILBOX_PARAMS)[number]>;

export const CONVERSATION_PARAMS = ['q', 'status', 'page'] as const;
export type ConversationSearch = ListSearch<(typeof CONVERSATION_PARAMS)[number]>;

export const USERS_PAGE_SIZE = 20;
export const CONVERSATIONS_PAGE_SIZE = 25;
export const AUDIT_PAGE_SIZE = 25;
export const MAILBOX_PAGE_SIZE = 20;
export const HISTORY_PAGE_SIZE = 10;
