import { describe, expect, it } from 'vitest';
import { cleanPdfFileName } from './file-names.ts';

describe('file names of uploaded documents', () => {
  it('keeps an ordinary name, Cyrillic included', () => {
    expect(cleanPdfFileName('Удостоверение за актуално състояние.pdf')).toBe(
      'Удостоверение за актуално състояние.pdf',
    );
    expect(cleanPdfFileName('report.PDF')).toBe('report.pdf');
  });

  it('always ends in .pdf, whatever the name claimed', () => {
    expect(cleanPdfFileName('page.html')).toBe('page.pdf');
    expect(cleanPdfFileName('archive.tar.gz')).toBe('archive.tar.pdf');
    expect(cleanPdfFileName('no extension')).toBe('no extension.pdf');
  });

  it('strips right-to-left overrides, zero-width and control characters', () => {
    expect(cleanPdfFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.pdf');
    expect(cleanPdfFileName('a\u200Bb\u2066c\u0007d\u0000.pdf')).toBe('abcd.pdf');
  });

  it('keeps only the last path part and never starts with a dot', () => {
    expect(cleanPdfFileName('../../etc/passwd')).toBe('passwd.pdf');
    expect(cleanPdfFileName('C:\\Users\\x\\..hidden.pdf')).toBe('hidden.pdf');
    expect(cleanPdfFileName('a<b>:c|d?.pdf')).toBe('a_b__c_d_.pdf');
  });

  it('names an empty or invisible-only name "document.pdf" and caps the length', () => {
    expect(cleanPdfFileName('\u202E\u200B')).toBe('document.pdf');
    expect(cleanPdfFileName('.pdf')).toBe('document.pdf');
    expect(cleanPdfFileName(`${'я'.repeat(300)}.pdf`)).toBe(`${'я'.repeat(120)}.pdf`);
  });
});
