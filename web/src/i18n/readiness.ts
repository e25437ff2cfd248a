import type { Language } from '@portal/shared';
import { i18n } from './index.ts';
import { type ReadinessMessages, readinessBg } from './readiness.bg.ts';
import { readinessEn } from './readiness.en.ts';

/**
 * The `readiness` section of the messages (the readiness checks and their administration), registered on
 * evaluation like resources.ts: the loaders of those pages import this module, so the shell does not bundle it.
 */
export const readinessResources: Record<Language, ReadinessMessages> = { bg: readinessBg, en: readinessEn };

for (const [language, readiness] of Object.entries(readinessResources)) {
  i18n.addResourceBundle(language, 'translation', { readiness }, true, false);
}
