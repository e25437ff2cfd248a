import type { Language } from '@portal/shared';
import { i18n } from './index.ts';
import { type StrategyMessages, strategyBg } from './strategy.bg.ts';
import { strategyEn } from './strategy.en.ts';

/**
 * The `strategy` section of the messages (the public strategy page and its editor), registered on
 * evaluation like resources.ts: the loaders of those pages import this module, so the shell does not bundle it.
 */
export const strategyResources: Record<Language, StrategyMessages> = { bg: strategyBg, en: strategyEn };

for (const [language, strategy] of Object.entries(strategyResources)) {
  i18n.addResourceBundle(language, 'translation', { strategy }, true, false);
}
