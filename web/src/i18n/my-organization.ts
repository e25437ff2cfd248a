import type { Language } from '@portal/shared';
import { i18n } from './index.ts';
import { type MyOrganizationMessages, myOrganizationBg } from './my-organization.bg.ts';
import { myOrganizationEn } from './my-organization.en.ts';

/**
 * The `myOrganization` section of the messages (the organisation profile editor), in every language,
 * registered on evaluation like apply.ts: the router's loader of that page imports this module, so the
 * shell does not bundle these texts.
 */
export const myOrganizationResources: Record<Language, MyOrganizationMessages> = {
  bg: myOrganizationBg,
  en: myOrganizationEn,
};

for (const [language, myOrganization] of Object.entries(myOrganizationResources)) {
  i18n.addResourceBundle(language, 'translation', { myOrganization }, true, false);
}
