import type { Language } from '@portal/shared';
import { type BoardMessages, boardBg } from './board.bg.ts';
import { boardEn } from './board.en.ts';
import { i18n } from './index.ts';

/**
 * The `board` section of the messages (the cooperation board), registered on evaluation like fees.ts:
 * the loaders of the board's pages import this module, so the shell does not bundle these texts.
 */
export const boardResources: Record<Language, BoardMessages> = { bg: boardBg, en: boardEn };

for (const [language, board] of Object.entries(boardResources)) {
  i18n.addResourceBundle(language, 'translation', { board }, true, false);
}
