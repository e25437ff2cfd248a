import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@portal/shared';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { bg } from './bg.ts';
import { en } from './en.ts';

export const resources = { bg: { translation: bg }, en: { translation: en } } as const;

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'portal.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled (private mode, strict cookie settings): fall back to the default.
    return DEFAULT_LANGUAGE;
  }
}

function applyToDocument(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // Resources are bundled, so initialise synchronously: the first render already has its texts.
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

/** The language the UI currently shows. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** Switches the UI language, remembers it for the next visit and updates `<html lang>`. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch still works for this visit.
  }
  await i18n.changeLanguage(language);
}

/** Re-reads the remembered language; tests use it to start each render from a clean state. */
export async function resetLanguageFromStorage(): Promise<void> {
  await i18n.changeLanguage(storedLanguage());
}
