/**
 * File names of uploaded documents (issue 11 A8, decision 015). A name is only a label the uploader
 * chose: it must not hide its real extension behind a right-to-left override ("invoice" + U+202E + "fdp.exe", shown as "invoiceexe.pdf"),
 * carry control characters or path parts, or make a download look like anything but a PDF.
 */

/** Bidirectional controls (embeddings, overrides, isolates, marks) and zero-width characters. */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
/** Characters Windows refuses in a file name; replaced so the name can be saved as it is shown. */
const RESERVED = /[<>:"|?*]/g;
const MAX_LENGTH = 120;

/** A clean, `.pdf`-ending file name: `C:\\tmp\\Устав.pdf` → `Устав.pdf`, `a.html` → `a.pdf`, U+202E removed. */
export function cleanPdfFileName(name: string): string {
  const lastPart = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let clean = lastPart
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .trim()
    // Whatever it claimed to be, it is served as a PDF: drop its extension (`.pdf` is added back).
    .replace(/\.[^.\s]{1,10}$/, '')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (clean.length === 0) clean = 'document';
  return `${[...clean].slice(0, MAX_LENGTH).join('').trim()}.pdf`;
}
