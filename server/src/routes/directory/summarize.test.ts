import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUMMARY_LENGTH, summarize } from './directory.service.ts';

/** The specification: collapse whitespace, trim, cut at the last space past half, strip, add an ellipsis. */
function reference(text: string, max = SUMMARY_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = (lastSpace > max / 2 ? cut.slice(0, lastSpace) : clean.slice(0, max)).replace(
    /[\s,;:.–—-]+$/,
    '',
  );
  return `${head}…`;
}

/** Words, punctuation and every kind of whitespace `\s` knows, in runs. */
const piece = fc.oneof(
  fc.constantFrom('дума', 'word', 'София', 'a', 'дълга-дума', 'x'.repeat(120), '😀', 'é'),
  fc.constantFrom(',', ';', ':', '.', '–', '—', '-', '...', ', '),
  fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028'),
  fc.constantFrom('\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b'),
);

describe('summarize', () => {
  it('gives what the regex version gives, for any mix of words, punctuation and whitespace', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 140 }), fc.integer({ min: 1, max: 220 }), (pieces, max) => {
        const text = pieces.join('');
        expect(summarize(text, max)).toBe(reference(text, max));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a short description whole and cuts a long one at a word boundary', () => {
    expect(summarize('  Кратко\n\tописание. ')).toBe('Кратко описание.');
    const s = summarize(`${'дума, '.repeat(60)}край`);
    expect(s.length).toBeLessThanOrEqual(SUMMARY_LENGTH + 1);
    expect(s).toMatch(/дума…$/);
  });
});
