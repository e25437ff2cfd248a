import { describe, expect, it } from 'vitest';
import { pickLanguage } from './i18n.ts';

describe('language negotiation', () => {
  it.each([
    [undefined, 'bg'],
    ['', 'bg'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['bg-BG,bg;q=0.9,en;q=0.8', 'bg'],
    ['de-DE,de;q=0.9,en;q=0.5', 'en'],
    ['fr', 'bg'],
    ['bg;q=0.2,en;q=0.8', 'en'],
    ['en;q=0', 'bg'],
  ])('%s → %s', (header, lang) => {
    expect(pickLanguage(header)).toBe(lang);
  });
});
