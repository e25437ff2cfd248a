/**
 * Decision 052: a project's summary is one A4 page whatever the consortium's size — long lists end in
 * "+N more" — and reads back with the call, status, lead, partners, total, checklist and open tasks.
 */
import type { Project } from '@portal/shared';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { checklistCompletion, projectSummaryPdf } from './projects.pdf.ts';

async function readPdf(bytes: Buffer): Promise<{ pages: string[]; width: number; height: number }> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  let width = 0;
  let height = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : ''))
        .join('')
        .replace(/\s+/g, ' '),
    );
  }
  await pdf.destroy();
  return { pages, width, height };
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function project(partners: number, tasks: number): Project {
  const share = 100_00;
  return {
    id: uuid(1),
    titleBg: 'Цифрови двойници за малки производители',
    titleEn: 'Digital twins for small manufacturers',
    summaryBg: 'Кратко описание.',
    summaryEn: 'A short summary.',
    callId: uuid(2),
    callCode: 'BG16RFPR001-1.007',
    callTitleBg: 'Клъстери',
    callTitleEn: 'Clusters',
    leadOrganizationId: uuid(3),
    status: 'forming',
    totalCents: share * partners,
    version: 3,
    partners: Array.from({ length: partners }, (_, i) => ({
      id: uuid(100 + i),
      organizationId: i === 0 ? uuid(3) : null,
      name:
        i === 0 ? 'Водещ ООД' : `Партньор ${i} с доста дълго наименование на организацията, за да се пренесе`,
      nameEn: i === 0 ? 'Lead Ltd' : `Partner ${i} with a rather long organisation name that would wrap`,
      country: 'BG',
      kind: null,
      role: i === 0 ? 'Coordinator' : 'Research partner and pilot site',
      shareCents: share,
      isLead: i === 0,
    })),
    tasks: Array.from({ length: tasks }, (_, i) => ({
      id: uuid(500 + i),
      title: `Task ${i + 1}: prepare the partner's declaration and the letter of intent`,
      ownerPartnerId: uuid(100),
      dueOn: '2027-02-15',
      done: i === 0,
      version: 1,
    })),
    checklist: [
      {
        callDocumentId: uuid(900),
        nameBg: 'Формуляр',
        nameEn: 'Form',
        perPartner: false,
        uploads: [
          { id: uuid(901), partnerId: null, filename: 'f.pdf', size: 3, uploadedAt: '2027-01-01T00:00:00Z' },
        ],
      },
      {
        callDocumentId: uuid(902),
        nameBg: 'Декларация',
        nameEn: 'Declaration',
        perPartner: true,
        uploads: [
          {
            id: uuid(903),
            partnerId: uuid(100),
            filename: 'd.pdf',
            size: 3,
            uploadedAt: '2027-01-01T00:00:00Z',
          },
        ],
      },
    ],
    joins: [],
    access: 'lead',
    updatedAt: '2027-01-01T00:00:00Z',
  };
}

describe('projectSummaryPdf', () => {
  it('reads back the call, status, lead, partners, total, checklist and open tasks on one A4 page', async () => {
    const p = project(3, 3);
    expect(checklistCompletion(p)).toEqual({ done: 2, all: 4 });
    const { pages, width, height } = await readPdf(await projectSummaryPdf('Cluster', p, 'en'));
    expect(pages).toHaveLength(1);
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]); // A4
    const text = pages[0]!;
    for (const expected of [
      'Digital twins for small manufacturers',
      'BG16RFPR001-1.007 — Clusters',
      'Forming a consortium',
      'Lead partner: Lead Ltd',
      'Total budget: 300.00 EUR',
      '2 of 4 uploaded',
      'Coordinator',
      '33.33',
      'due 15.02.2027',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Task 1:'); // done
    expect(text).toContain('Task 3:');
  });

  it('stays on one page with many partners and tasks, ending the lists in "+N more" (Bulgarian)', async () => {
    const { pages } = await readPdf(await projectSummaryPdf('Клъстер', project(60, 40), 'bg'));
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text).toContain('Цифрови двойници');
    expect(text).toMatch(/\+ още \d+/);
    expect(text).toContain('Общо');
    expect(text).toContain('6000.00');
    expect(text).toContain('Страница 1 от 1');
  });
});
