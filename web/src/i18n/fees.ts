import type { Language } from '@portal/shared';
import { type FeesMessages, feesBg } from './fees.bg.ts';
import { feesEn } from './fees.en.ts';
import { i18n } from './index.ts';

/**
 * The `fees` section of the messages (annual fees: the administrators' rates, the committee's payments,
 * a member's own status), registered on evaluation like apply.ts: the loaders of those pages import this
 * module, so the shell does not bundle these texts.
 */
export const feesResources: Record<Language, FeesMessages> = { bg: feesBg, en: feesEn };

for (const [language, fees] of Object.entries(feesResources)) {
  i18n.addResourceBundle(language, 'translation', { fees }, true, false);
}
