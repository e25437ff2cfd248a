import type { Language } from '@portal/shared';
import { i18n } from './index.ts';
import { type SuggestionsMessages, suggestionsBg } from './suggestions.bg.ts';
import { suggestionsEn } from './suggestions.en.ts';

/**
 * The `suggestions` section of the messages (explained partner suggestions), registered on evaluation like
 * fees.ts: the loaders of the suggestions page and of the organisation's overview import this module.
 */
export const suggestionsResources: Record<Language, SuggestionsMessages> = {
  bg: suggestionsBg,
  en: suggestionsEn,
};

for (const [language, suggestions] of Object.entries(suggestionsResources)) {
  i18n.addResourceBundle(language, 'translation', { suggestions }, true, false);
}
