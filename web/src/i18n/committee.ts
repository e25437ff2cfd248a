import type { Language } from '@portal/shared';
import { type CommitteeMessages, committeeBg } from './committee.bg.ts';
import { committeeEn } from './committee.en.ts';
import { i18n } from './index.ts';

/**
 * The `committee` section of the messages, in every language, registered on evaluation like admin.ts: the
 * router's loaders of the committee pages import this module, so the shell does not bundle these texts.
 */
export const committeeResources: Record<Language, CommitteeMessages> = { bg: committeeBg, en: committeeEn };

for (const [language, committee] of Object.entries(committeeResources)) {
  i18n.addResourceBundle(language, 'translation', { committee }, true, false);
}
