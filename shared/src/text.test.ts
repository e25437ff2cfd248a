import { describe, expect, it } from 'vitest';
import { controlCharacterPaths, hasControlCharacters } from './text.ts';

describe('control characters in text input', () => {
  it('finds NUL, other C0 and C1 controls and DEL, but allows tab and line breaks', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085'])
      expect(hasControlCharacters(`a${c}b`)).toBe(true);
    expect(hasControlCharacters('ред 1\nред 2\r\n\tотстъп')).toBe(false);
    expect(hasControlCharacters('София „Дигитална“ 🙂')).toBe(false);
  });

  it('names every string at any depth that holds one, keys included, and skips raw bytes', () => {
    const body = {
      name: 'ok',
      contact: { email: 'a\u0000@b.bg' },
      areas: ['ict', 'x\u0001'],
      'k\u0000': 'v',
      file: new Uint8Array([0, 1, 2]),
    };
    expect(controlCharacterPaths(body)).toEqual([['contact', 'email'], ['areas', '1'], ['k\u0000']]);
    expect(controlCharacterPaths('\u0000')).toEqual([[]]);
    expect(controlCharacterPaths(null)).toEqual([]);
  });
});
