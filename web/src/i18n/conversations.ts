import type { Language } from '@portal/shared';
import { type ConversationsMessages, conversationsBg } from './conversations.bg.ts';
import { conversationsEn } from './conversations.en.ts';
import { i18n } from './index.ts';

/**
 * The `conversations` section of the messages, in every language, registered on evaluation like
 * decisions.ts: the conversation components import this module, so the shell does not bundle these texts
 * (the header's badge uses the shell's `nav.conversations`).
 */
export const conversationsResources: Record<Language, ConversationsMessages> = {
  bg: conversationsBg,
  en: conversationsEn,
};

for (const [language, conversations] of Object.entries(conversationsResources)) {
  i18n.addResourceBundle(language, 'translation', { conversations }, true, false);
}
