import type { Language } from '@portal/shared';
import { type DashboardMessages, dashboardBg } from './dashboard.bg.ts';
import { dashboardEn } from './dashboard.en.ts';
import { i18n } from './index.ts';

/**
 * The `dashboard` section of the messages (the committee's dashboard and the public figures), registered on
 * evaluation like suggestions.ts: the loaders of both pages import this module.
 */
export const dashboardResources: Record<Language, DashboardMessages> = {
  bg: dashboardBg,
  en: dashboardEn,
};

for (const [language, dashboard] of Object.entries(dashboardResources)) {
  i18n.addResourceBundle(language, 'translation', { dashboard }, true, false);
}
