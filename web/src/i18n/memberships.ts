import type { Language } from '@portal/shared';
import { i18n } from './index.ts';
import { type MembershipsMessages, membershipsBg } from './memberships.bg.ts';
import { membershipsEn } from './memberships.en.ts';

/**
 * The `memberships` section of the messages (the committee's membership administration), registered on
 * evaluation like committee.ts: the loaders of those pages import this module, so the shell does not
 * bundle these texts.
 */
export const membershipsResources: Record<Language, MembershipsMessages> = {
  bg: membershipsBg,
  en: membershipsEn,
};

for (const [language, memberships] of Object.entries(membershipsResources)) {
  i18n.addResourceBundle(language, 'translation', { memberships }, true, false);
}
