import type { Language } from '@portal/shared';
import { type BodiesMessages, bodiesBg } from './bodies.bg.ts';
import { bodiesEn } from './bodies.en.ts';
import { i18n } from './index.ts';

/**
 * The `bodies` section of the messages ("Who runs the cluster" and its administration), registered on
 * evaluation like resources.ts: the loaders of those pages import this module, so the shell does not bundle it.
 */
export const bodiesResources: Record<Language, BodiesMessages> = { bg: bodiesBg, en: bodiesEn };

for (const [language, bodies] of Object.entries(bodiesResources)) {
  i18n.addResourceBundle(language, 'translation', { bodies }, true, false);
}
