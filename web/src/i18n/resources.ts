import type { Language } from '@portal/shared';
import { i18n } from './index.ts';
import { type ResourcesMessages, resourcesBg } from './resources.bg.ts';
import { resourcesEn } from './resources.en.ts';

/**
 * The `resources` section of the messages (shared resources, calendars, bookings), registered on
 * evaluation like fees.ts: the loaders of those pages import this module, so the shell does not bundle it.
 */
export const resourcesResources: Record<Language, ResourcesMessages> = { bg: resourcesBg, en: resourcesEn };

for (const [language, resources] of Object.entries(resourcesResources)) {
  i18n.addResourceBundle(language, 'translation', { resources }, true, false);
}
