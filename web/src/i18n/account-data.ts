import type { Language } from '@portal/shared';
import { type AccountDataMessages, accountDataBg } from './account-data.bg.ts';
import { accountDataEn } from './account-data.en.ts';
import { i18n } from './index.ts';

/**
 * The `accountData` section of the messages (the account page's "Your data": download, erase), in every
 * language, registered on evaluation: the account page's data section imports this module, so the texts
 * are there before it renders and the shell does not bundle them.
 */
export const accountDataResources: Record<Language, AccountDataMessages> = {
  bg: accountDataBg,
  en: accountDataEn,
};

for (const [language, accountData] of Object.entries(accountDataResources)) {
  i18n.addResourceBundle(language, 'translation', { accountData }, true, false);
}
