import type { Language } from '@portal/shared';
import { type DateFieldMessages, dateFieldBg } from './date-field.bg.ts';
import { dateFieldEn } from './date-field.en.ts';
import { i18n } from './index.ts';

/**
 * The `dateField` section of the messages, in every language, registered on evaluation like admin.ts: only
 * the date field's lazy module imports it, so the texts come with the calendar and a language switch finds
 * the other language too.
 */
export const dateFieldResources: Record<Language, DateFieldMessages> = { bg: dateFieldBg, en: dateFieldEn };

for (const [language, dateField] of Object.entries(dateFieldResources)) {
  i18n.addResourceBundle(language, 'translation', { dateField }, true, false);
}
