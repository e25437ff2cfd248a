import { http } from 'msw';
import { json } from '../responses.ts';

/**
 * What a signed-in representative's pages ask of the conversations by default (issue 14 §2): no unread
 * messages (the header's badge), new-message emails on (the account page), no partnerships (the
 * organisation's partners tab). A test answers otherwise with its own handlers.
 */
export const conversationHandlers = [
  http.get('/api/conversations/unread', () => json({ total: 0 })),
  http.get('/api/account/conversation-settings', () => json({ emailsEnabled: true })),
  http.get('/api/account/organizations/:id/partnerships', () => json({ items: [] })),
];
