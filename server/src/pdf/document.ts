import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * Printable documents as real PDF (issue 15 §3: the minutes), drawn with PDFKit (decision 041 §PDF): a
 * maintained pure-JavaScript library that lays out text, wraps lines, breaks pages and embeds (subsets) a
 * TrueType font, so Cyrillic text is selectable and searchable. Headless Chromium would print the web
 * page exactly, but the portal must run where only Node is installed (the README's quick start, the
 * container image), and a browser per request costs ~100 MB and a second; PDFKit needs neither.
 *
 * The font is DejaVu Sans (the `dejavu-fonts-ttf` package; free licence, full Latin and Cyrillic), read
 * from its package directory at run time — both packages stay external to the server bundle.
 */

export type PdfBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  /** Label–value lines (date, place, quorum…). */
  | { kind: 'facts'; items: { label: string; value: string }[] }
  /** Columns' widths are shares of the text width; the header repeats on every page the table reaches. */
  | { kind: 'table'; columns: { label: string; width: number }[]; rows: string[][] };

export interface PdfDocumentSpec {
  /** The first line of every page's header: the cluster's name. */
  header: string;
  title: string;
  subtitle?: string;
  language: 'bg' | 'en';
  /** The document's date (its metadata; the same input gives the same bytes apart from the file ID). */
  createdAt: Date;
  blocks: PdfBlock[];
  /** "Page 2 of 5" in the document's language. */
  pageLabel: (page: number, pages: number) => string;
}

const require = createRequire(import.meta.url);
const fontDirectory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(fontDirectory, 'DejaVuSans.ttf');
const BOLD = join(fontDirectory, 'DejaVuSans-Bold.ttf');

const MARGIN = 56; // points: about 2 cm
const GREY = '#555555';
const LINE = '#bbbbbb';

/** Draws the document and answers its bytes. */
export function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + 18, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    font: REGULAR,
    lang: spec.language,
    displayTitle: true,
    info: {
      Title: spec.title,
      Author: spec.header,
      Creator: spec.header,
      CreationDate: spec.createdAt,
      ModDate: spec.createdAt,
    },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN * 2;
  doc.font('bold').fontSize(16).text(spec.title, { width });
  if (spec.subtitle) doc.moveDown(0.2).font('regular').fontSize(11).fillColor(GREY).text(spec.subtitle);
  doc.fillColor('black').moveDown(0.8);

  for (const block of spec.blocks) drawBlock(doc, block, width);

  // Every page: the cluster's name above, "page n of N" below (drawn once the page count is known).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not add a page
    doc.font('regular').fontSize(8).fillColor(GREY);
    doc.text(spec.header, MARGIN, MARGIN - 12, { width, lineBreak: false });
    doc.text(spec.pageLabel(i + 1, range.count), MARGIN, doc.page.height - MARGIN + 18, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
  doc.end();
  return done;
}

function drawBlock(doc: PDFKit.PDFDocument, block: PdfBlock, width: number): void {
  const left = MARGIN;
  switch (block.kind) {
    case 'heading':
      ensureRoom(doc, 40);
      doc.moveDown(0.4).font('bold').fontSize(12).text(block.text, left, doc.y, { width }).moveDown(0.3);
      return;
    case 'paragraph':
      doc.font('regular').fontSize(10).text(block.text, left, doc.y, { width, align: 'left' }).moveDown(0.5);
      return;
    case 'list':
      doc
        .font('regular')
        .fontSize(10)
        .list(block.items, left, doc.y, { width, bulletRadius: 1.5 })
        .moveDown(0.5);
      return;
    case 'facts':
      for (const { label, value } of block.items) {
        doc.font('bold').fontSize(10).text(`${label}: `, left, doc.y, { width, continued: true });
        doc.font('regular').text(value);
      }
      doc.moveDown(0.5);
      return;
    case 'table':
      drawTable(doc, block, width);
      doc.moveDown(0.5);
      return;
  }
}

/** Starts a new page unless `height` points are left on this one. */
function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function drawTable(
  doc: PDFKit.PDFDocument,
  table: Extract<PdfBlock, { kind: 'table' }>,
  width: number,
): void {
  const padding = 3;
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => (c.width / total) * width);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const rowHeight = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(9);
    return (
      Math.max(
        ...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - padding * 2 })),
      ) +
      padding * 2
    );
  };
  const drawRow = (cells: string[], font: 'regular' | 'bold') => {
    const height = rowHeight(cells, font);
    const y = doc.y;
    doc.font(font).fontSize(9).fillColor('black');
    cells.forEach((cell, i) => {
      doc.text(cell, (xs[i] ?? MARGIN) + padding, y + padding, { width: (widths[i] ?? 0) - padding * 2 });
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .lineWidth(0.5)
      .strokeColor(LINE)
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  const header = table.columns.map((c) => c.label);
  ensureRoom(doc, rowHeight(header, 'bold') + 24);
  drawRow(header, 'bold');
  for (const row of table.rows) {
    if (doc.y + rowHeight(row, 'regular') > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawRow(header, 'bold');
    }
    drawRow(row, 'regular');
  }
}
