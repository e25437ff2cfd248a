import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { type PdfDocumentSpec, renderPdf } from './document.ts';

/** The text of every page (whitespace and line breaks as single spaces), read back by Mozilla's PDF.js. */
async function readPdf(bytes: Buffer): Promise<{ pages: string[]; title: unknown }> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : ''))
        .join('')
        .replace(/\s+/g, ' '),
    );
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, title: (info as { Title?: unknown }).Title };
}

const spec = (blocks: PdfDocumentSpec['blocks']): PdfDocumentSpec => ({
  header: 'Клъстер „София – град на знанието“',
  title: 'Протокол № 1 от заседание на Инициативния комитет',
  subtitle: '14 януари 2027 г., 10:00 ч., София',
  language: 'bg',
  createdAt: new Date('2027-01-20T10:00:00Z'),
  pageLabel: (page, pages) => `Страница ${page} от ${pages}`,
  blocks,
});

describe('renderPdf', () => {
  it('writes a PDF whose Cyrillic text, facts, list and table read back as written', async () => {
    const bytes = await renderPdf(
      spec([
        {
          kind: 'facts',
          items: [
            { label: 'Присъстват', value: '5 от 7' },
            { label: 'Кворум', value: 'има (повече от половината)' },
          ],
        },
        { kind: 'heading', text: '1. Стратегия за интелигентна специализация' },
        { kind: 'paragraph', text: 'Комитетът приема стратегията на София за пътна карта на клъстера.' },
        { kind: 'list', items: ['„за“ — 5', '„против“ — 0'] },
        {
          kind: 'table',
          columns: [
            { label: 'Име', width: 2 },
            { label: 'Присъствие', width: 1 },
          ],
          rows: [
            ['Мария Иванова', 'присъства'],
            ['Georgi Petrov', 'чрез пълномощник'],
          ],
        },
      ]),
    );
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, title } = await readPdf(bytes);
    expect(title).toBe('Протокол № 1 от заседание на Инициативния комитет');
    expect(pages).toHaveLength(1);
    const text = pages[0] ?? '';
    for (const expected of [
      'Клъстер „София – град на знанието“',
      'Протокол № 1 от заседание на Инициативния комитет',
      'Присъстват: 5 от 7',
      '1. Стратегия за интелигентна специализация',
      'Комитетът приема стратегията на София за пътна карта на клъстера.',
      '„против“ — 0',
      'Мария Иванова',
      'чрез пълномощник',
      'Страница 1 от 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('breaks a long table over pages, repeating its header and numbering every page', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [
      `Участник ${i + 1}`,
      i % 2 ? 'присъства' : 'отсъства',
    ]);
    const { pages } = await readPdf(
      await renderPdf(
        spec([
          {
            kind: 'table',
            columns: [
              { label: 'Име', width: 2 },
              { label: 'Присъствие', width: 1 },
            ],
            rows,
          },
        ]),
      ),
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`Страница ${i + 1} от ${pages.length}`);
      expect(page).toContain('Клъстер „София – град на знанието“');
      expect(page).toContain('Присъствие');
    });
    const all = pages.join('\n');
    expect(all).toContain('Участник 1 отсъства');
    expect(all).toContain('Участник 120');
  });
});
