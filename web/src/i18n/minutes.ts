import type { Language } from '@portal/shared';
import { i18n } from './index.ts';
import { type MinutesMessages, minutesBg } from './minutes.bg.ts';
import { minutesEn } from './minutes.en.ts';

/** The `minutes` section of the messages, registered on evaluation like decisions.ts. */
export const minutesResources: Record<Language, MinutesMessages> = {
  bg: minutesBg,
  en: minutesEn,
};

for (const [language, minutes] of Object.entries(minutesResources)) {
  i18n.addResourceBundle(language, 'translation', { minutes }, true, false);
}
