import { DEFAULT_LANGUAGE, LANGUAGE_COOKIE, LANGUAGE_PARAM, LANGUAGES, type Language } from '@portal/shared';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { bg, type ShellMessages } from './bg.ts';

/**
 * The shell's texts of each language. Bulgarian, the default, is bundled; the others are separate chunks,
 * loaded only when a visitor uses them (at start-up when remembered, or on switching), so the shell does
 * not download a language nobody reads. The feature sections (admin.ts, apply.ts…) load with their pages.
 */
const shellTexts: Record<Language, () => Promise<ShellMessages>> = {
  bg: async () => bg,
  en: () => import('./en.ts').then((m) => m.en),
};

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'portal.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language remembered in this browser's storage, if any. */
export function rememberedLanguage(): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
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
  resources: { bg: { translation: bg } },
  // Starts in the bundled language; `applyStoredLanguage` (awaited before the first render) switches to the
  // remembered one once its texts are there.
  lng: 'bg',
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // Bulgarian is bundled, so initialise synchronously.
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

/** Shell texts registered (or being registered) per language; a failed load is forgotten, to retry. */
const loaded = new Map<Language, Promise<void>>([['bg', Promise.resolve()]]);

/** Loads the shell's texts of `language` and registers them, once. */
export function loadLanguage(language: Language): Promise<void> {
  let done = loaded.get(language);
  if (!done) {
    done = shellTexts[language]().then(
      (messages) => {
        // Deep merge: a feature section registered earlier for this language stays.
        i18n.addResourceBundle(language, 'translation', messages, true, false);
      },
      (error: unknown) => {
        loaded.delete(language);
        throw error;
      },
    );
    loaded.set(language, done);
  }
  return done;
}

/** The language last asked for: a slower load of an earlier choice must not override a later one. */
let requested: Language | undefined;

async function switchTo(language: Language): Promise<void> {
  requested = language;
  await loadLanguage(language);
  if (requested === language) await i18n.changeLanguage(language);
}

/**
 * Switches the UI language, once its texts are loaded, remembers it for the next visit and updates
 * `<html lang>` (through `languageChanged`).
 */
export async function setLanguage(language: Language): Promise<void> {
  remember(language);
  // A page opened in English by its `?lang=en` URL: the address no longer names a language, so a reload
  // renders the page in the one just chosen (the cookie).
  if (typeof window !== 'undefined') {
    const url = new URL(window.location.href);
    if (url.searchParams.has(LANGUAGE_PARAM)) {
      url.searchParams.delete(LANGUAGE_PARAM);
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    }
  }
  await switchTo(language);
}

/**
 * Remembers the language for the next visit: in the browser's storage for the app, and in a cookie for the
 * server, which renders public pages in it (issue 17).
 */
function remember(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch still works for this visit.
  }
  if (typeof document !== 'undefined') {
    // biome-ignore lint/suspicious/noDocumentCookie: a fixed, valid value; the Cookie Store API is not in every browser the portal serves
    document.cookie = `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`;
  }
}

/** Starts a server-rendered page in the language the server rendered it in, and remembers that language. */
export async function adoptServerLanguage(language: Language): Promise<void> {
  remember(language);
  await switchTo(language);
}

/**
 * Switches to the remembered language, loading its texts first. The app awaits it before the first render,
 * so a visitor who chose English never sees Bulgarian flash; tests use it to start from a clean state. If
 * the texts cannot be loaded (offline, a stale deployment), the UI stays in the default language.
 */
export async function applyStoredLanguage(): Promise<void> {
  try {
    await switchTo(storedLanguage());
  } catch {
    await switchTo(DEFAULT_LANGUAGE);
  }
}
