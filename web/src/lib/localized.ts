import type { Language } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '@/i18n/index.ts';

/** The UI language as a typed value, re-rendering the component when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'bg';
}

/** Picks the bg or en variant of a bilingual pair (`nameBg`/`nameEn`), falling back to the other if empty. */
export function pickLocalized(bg: string, en: string, language: Language): { text: string; lang: Language } {
  const [preferred, other]: [Language, Language] = language === 'bg' ? ['bg', 'en'] : ['en', 'bg'];
  const texts: Record<Language, string> = { bg, en };
  return texts[preferred].trim()
    ? { text: texts[preferred], lang: preferred }
    : { text: texts[other], lang: other };
}
