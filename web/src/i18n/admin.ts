import type { Language } from '@portal/shared';
import { type AdminMessages, adminBg } from './admin.bg.ts';
import { adminEn } from './admin.en.ts';
import { i18n } from './index.ts';

/**
 * The `admin` section of the messages, in every language. It stays out of the app shell's bundle: the
 * router's loaders for the administration pages import this module, which registers it on evaluation, so
 * the texts are there before such a page first renders, and a language switch finds the other language too.
 */
export const adminResources: Record<Language, AdminMessages> = { bg: adminBg, en: adminEn };

for (const [language, admin] of Object.entries(adminResources)) {
  // Deep merge into the bundled `translation` namespace, without overwriting the shell's texts.
  i18n.addResourceBundle(language, 'translation', { admin }, true, false);
}
