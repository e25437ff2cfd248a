import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { applyStoredLanguage, LANGUAGE_STORAGE_KEY } from '@/i18n/index.ts';
import { mediaQueryList } from './media.ts';
import { server } from './mocks/server.ts';

// The first render of a lazy route compiles its module, and in the full run the database suites share the
// two cores: a screen can take several seconds to appear. Waiting longer only costs time when a test fails.
configure({ asyncUtilTimeout: 15_000 });

// jsdom lacks the layout APIs Mantine relies on.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => mediaQueryList(query, false),
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
// Mantine's autosize Textarea listens for web fonts loading (`document.fonts`), which jsdom does not have.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => {}, removeEventListener: () => {} },
  });
}

// Vitest 4.1 hands a jsdom Blob to Node's fetch (which MSW intercepts) as `blob[impl]._buffer`, a field that
// jsdom 29 renamed `_bytes`: without this alias an uploaded file reaches the network as the text "undefined".
const blobImpl = (blob: Blob) => {
  const impl = Object.getOwnPropertySymbols(blob)[0];
  return impl ? (blob as unknown as Record<symbol, object>)[impl] : undefined;
};
const blobImplPrototype = Object.getPrototypeOf(blobImpl(new Blob()) ?? {}) as object;
if (!('_buffer' in blobImplPrototype) && '_bytes' in (blobImpl(new Blob()) ?? {})) {
  Object.defineProperty(blobImplPrototype, '_buffer', {
    get(this: { _bytes: Uint8Array }) {
      return this._bytes;
    },
  });
}

// The network: one MSW server for the file; an unanswered request is an error, not a silent 404.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

beforeEach(async () => {
  // Every test starts in Bulgarian, the default, with nothing remembered. English texts load on demand, as
  // in the app, when a test switches (setLanguage) or remembers English and calls applyStoredLanguage.
  localStorage.removeItem(LANGUAGE_STORAGE_KEY);
  await applyStoredLanguage();
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  server.events.removeAllListeners();
  vi.unstubAllGlobals();
  document.title = '';
});
