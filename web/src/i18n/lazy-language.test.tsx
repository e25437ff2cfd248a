import { act, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '@/testing/mocks/stub-api.ts';

// The shell bundles only Bulgarian; English loads on demand. Each test imports the i18n module afresh
// (vi.resetModules), so its instance has never seen the English texts, as on a first visit.
type I18nModule = typeof import('./index.ts');

async function freshI18n(): Promise<I18nModule> {
  vi.resetModules();
  return import('./index.ts');
}

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  vi.doUnmock('./en.ts');
});

describe('the active-language-only shell', () => {
  it('starts with the Bulgarian texts only', async () => {
    const { i18n } = await freshI18n();
    expect(i18n.language).toBe('bg');
    expect(i18n.getResource('bg', 'translation', 'nav.members')).toBe('Членове');
    expect(i18n.getResource('en', 'translation', 'nav.members')).toBeUndefined();
  });

  it('loads the English texts when switching, then switches, remembers it and sets <html lang>', async () => {
    const { i18n, setLanguage, LANGUAGE_STORAGE_KEY } = await freshI18n();
    await setLanguage('en');
    expect(i18n.getResource('en', 'translation', 'nav.members')).toBe('Members');
    expect(i18n.language).toBe('en');
    expect(i18n.t('nav.members')).toBe('Members');
    expect(i18n.t('directory.found', { count: 1234 })).toBe('1,234 members found');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    await setLanguage('bg');
    expect(i18n.t('nav.members')).toBe('Членове');
    expect(document.documentElement.lang).toBe('bg');
  });

  it('keeps a feature section registered before the English shell texts', async () => {
    const { i18n, setLanguage } = await freshI18n();
    await import('./admin.ts');
    await setLanguage('en');
    expect(i18n.t('admin.nav.users')).toBe('Users');
    expect(i18n.t('nav.members')).toBe('Members');
  });

  it('ends in the language chosen last, even if an earlier choice is still loading', async () => {
    const { i18n, setLanguage } = await freshI18n();
    const toEnglish = setLanguage('en');
    await setLanguage('bg');
    await toEnglish;
    expect(i18n.language).toBe('bg');
    expect(document.documentElement.lang).toBe('bg');
  });

  it('applies the remembered language with its texts loaded', async () => {
    const { i18n, applyStoredLanguage, LANGUAGE_STORAGE_KEY } = await freshI18n();
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    await applyStoredLanguage();
    expect(i18n.language).toBe('en');
    expect(i18n.t('nav.members')).toBe('Members');
  });

  it('stays in Bulgarian when the English texts cannot be loaded', async () => {
    const { i18n, applyStoredLanguage, LANGUAGE_STORAGE_KEY } = await freshI18n();
    vi.doMock('./en.ts', () => {
      throw new Error('chunk failed to load');
    });
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    await applyStoredLanguage();
    expect(i18n.language).toBe('bg');
    expect(i18n.t('nav.members')).toBe('Членове');
  });
});

describe('startApp', () => {
  let actEnvironment: unknown;
  beforeEach(() => {
    // A real start, as main.tsx does it: React renders on its own schedule, not inside act().
    actEnvironment = Reflect.get(globalThis, 'IS_REACT_ACT_ENVIRONMENT');
    Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', false);
  });
  afterEach(() => {
    Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', actEnvironment);
  });

  it('paints English first when English is remembered, with no Bulgarian flash', async () => {
    stubApi();
    const { i18n, LANGUAGE_STORAGE_KEY } = await freshI18n();
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const { startApp } = await import('@/app/start.tsx');
    expect(i18n.getResource('en', 'translation', 'nav.members')).toBeUndefined();

    const container = document.createElement('div');
    document.body.append(container);
    // Every text the page ever showed, mutation by mutation.
    const painted: string[] = [];
    const observer = new MutationObserver(() => painted.push(container.textContent ?? ''));
    observer.observe(container, { childList: true, subtree: true, characterData: true });

    const root = await startApp(container);
    // Nothing is rendered before the language is in place.
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.language).toBe('en');

    await waitFor(() => expect(container.textContent).toContain('Members'));
    observer.disconnect();
    expect(painted.length).toBeGreaterThan(0);
    expect(painted.filter((text) => /Членове|Начало|Към съдържанието/.test(text))).toEqual([]);
    const english = container.querySelector<HTMLButtonElement>('button[lang="en"]');
    expect(english).toHaveAttribute('aria-pressed', 'true');

    act(() => root.unmount());
    container.remove();
  });
});
