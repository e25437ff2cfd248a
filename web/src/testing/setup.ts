import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { applyStoredLanguage, LANGUAGE_STORAGE_KEY } from '@/i18n/index.ts';

// The first render of a lazy route compiles its module, and in the full run the database suites share the
// two cores: a screen can take several seconds to appear. Waiting longer only costs time when a test fails.
configure({ asyncUtilTimeout: 15_000 });

// jsdom lacks the layout APIs Mantine relies on.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
window.scrollTo = () => {};
Element.prototype.scrollIntoView ??= () => {};

beforeEach(async () => {
  // Every test starts in Bulgarian, the default, with nothing remembered. English texts load on demand, as
  // in the app, when a test switches (setLanguage) or remembers English and calls applyStoredLanguage.
  localStorage.removeItem(LANGUAGE_STORAGE_KEY);
  await applyStoredLanguage();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.title = '';
});
