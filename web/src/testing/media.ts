import { vi } from 'vitest';

/** A `MediaQueryList` as jsdom lacks it: `matches` fixed, listeners inert (Mantine's useMediaQuery reads it). */
export function mediaQueryList(query: string, matches: boolean): MediaQueryList {
  return {
    matches,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  } as MediaQueryList;
}

/** A screen as narrow as a phone: every `max-width` query matches. Undo with `vi.restoreAllMocks()`. */
export const onPhone = () =>
  vi
    .spyOn(window, 'matchMedia')
    .mockImplementation((query: string) => mediaQueryList(query, query.includes('max-width')));
