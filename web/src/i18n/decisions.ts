import type { Language } from '@portal/shared';
import { type DecisionsMessages, decisionsBg } from './decisions.bg.ts';
import { decisionsEn } from './decisions.en.ts';
import { i18n } from './index.ts';

/**
 * The `decisions` section of the messages, in every language, registered on evaluation like admin.ts: the
 * router's loader of /decisions imports this module, so the shell does not bundle these texts.
 */
export const decisionsResources: Record<Language, DecisionsMessages> = { bg: decisionsBg, en: decisionsEn };

for (const [language, decisions] of Object.entries(decisionsResources)) {
  i18n.addResourceBundle(language, 'translation', { decisions }, true, false);
}
