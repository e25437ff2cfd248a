import type { AuditSearch, ConversationSearch, MailboxSearch, UserSearch } from '../search-params.ts';

/** Everything the administration pages cache lives under `admin`. */
export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userLists: () => [...adminKeys.users(), 'list'] as const,
  userList: (search: UserSearch) => [...adminKeys.userLists(), search] as const,
  user: (id: string) => [...adminKeys.users(), 'detail', id] as const,
  organizations: (q: string) => [...adminKeys.all, 'organizations', q] as const,
  audit: () => [...adminKeys.all, 'audit'] as const,
  auditList: (search: AuditSearch & { pageSize: number }) => [...adminKeys.audit(), search] as const,
  mailbox: (search: MailboxSearch) => [...adminKeys.all, 'mailbox', search] as const,
  conversations: (search: ConversationSearch) => [...adminKeys.all, 'conversations', search] as const,
};
