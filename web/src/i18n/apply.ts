import type { Language } from '@portal/shared';
import { type ApplyMessages, applyBg } from './apply.bg.ts';
import { applyEn } from './apply.en.ts';
import { i18n } from './index.ts';

/**
 * The `apply` section of the messages (the applicant's pages), in every language. Like admin.ts, it stays
 * out of the shell's bundle: the router's loaders of those pages import this module, which registers it.
 */
export const applyResources: Record<Language, ApplyMessages> = { bg: applyBg, en: applyEn };

for (const [language, apply] of Object.entries(applyResources)) {
  i18n.addResourceBundle(language, 'translation', { apply }, true, false);
}
