import type { Language } from '@portal/shared';
import { i18n } from './index.ts';
import { type NewsMessages, newsBg } from './news.bg.ts';
import { newsEn } from './news.en.ts';

/** The `news` section of the messages, registered on evaluation: the news pages' loaders import it. */
export const newsResources: Record<Language, NewsMessages> = { bg: newsBg, en: newsEn };

for (const [language, news] of Object.entries(newsResources)) {
  i18n.addResourceBundle(language, 'translation', { news }, true, false);
}
