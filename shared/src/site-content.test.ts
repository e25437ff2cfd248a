import { describe, expect, it } from 'vitest';
import { textBlocks } from './site-content.ts';

describe('the plain-text bodies of the information pages', () => {
  it('splits paragraphs at blank lines and joins wrapped lines', () => {
    expect(textBlocks('Първи ред\nпродължение\n\n\nВтори абзац.')).toEqual([
      { kind: 'paragraph', text: 'Първи ред продължение' },
      { kind: 'paragraph', text: 'Втори абзац.' },
    ]);
  });

  it('reads a short line on its own, not ending like a sentence, as a heading', () => {
    expect(textBlocks('Цели\n\nКлъстерът има цели.\n\nКратко изречение.')).toEqual([
      { kind: 'heading', text: 'Цели' },
      { kind: 'paragraph', text: 'Клъстерът има цели.' },
      { kind: 'paragraph', text: 'Кратко изречение.' },
    ]);
  });

  it('reads a block of "- " lines as a list and keeps markup as text', () => {
    expect(textBlocks('- едно\r\n- <b>две</b>\n\nКрай.')).toEqual([
      { kind: 'list', items: ['едно', '<b>две</b>'] },
      { kind: 'paragraph', text: 'Край.' },
    ]);
  });

  it('has no blocks for an empty page', () => {
    expect(textBlocks('  \n\n ')).toEqual([]);
  });
});
