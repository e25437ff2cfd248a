import type { Language } from '@portal/shared';
import { i18n } from './index.ts';
import { type MembersViewMessages, membersViewBg } from './members-view.bg.ts';
import { membersViewEn } from './members-view.en.ts';

/**
 * The `membersView` section of the messages (the members-only directory view and the non-public contacts
 * of a profile), registered on evaluation like fees.ts: only the members-only code imports this module,
 * loaded when the user may see that view, so the public pages do not bundle these texts.
 */
export const membersViewResources: Record<Language, MembersViewMessages> = {
  bg: membersViewBg,
  en: membersViewEn,
};

for (const [language, membersView] of Object.entries(membersViewResources)) {
  i18n.addResourceBundle(language, 'translation', { membersView }, true, false);
}
