import type { Language, MinutesRevision, MinutesView } from '@portal/shared';
import type { List, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString as plainText } from 'mdast-util-to-string';
import { type PdfBlock, renderPdf } from '../../pdf/document.ts';

/**
 * The minutes as a PDF (decision 044): the revision's Markdown read into blocks — headings, paragraphs,
 * lists (numbered ones keep their numbers); anything else (quotes, code, tables) as plain paragraphs —
 * under the cluster's name, the meeting and the approval.
 */

const WORDS = {
  bg: {
    revision: (n: number) => `Редакция ${n}`,
    approved: (by: string | null, on: string) => `Одобрен${by ? ` от ${by}` : ''} на ${on}`,
    draft: 'Проект — не е одобрен',
    correction: (reason: string) => `Поправка: ${reason}`,
    page: (page: number, pages: number) => `Страница ${page} от ${pages}`,
  },
  en: {
    revision: (n: number) => `Revision ${n}`,
    approved: (by: string | null, on: string) => `Approved${by ? ` by ${by}` : ''} on ${on}`,
    draft: 'Draft — not approved',
    correction: (reason: string) => `Correction: ${reason}`,
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },
} as const;

/** Blocks from Markdown text (what the PDF can draw). */
export function markdownBlocks(text: string): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  const visit = (node: RootContent) => {
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'heading', text: plainText(node) });
        return;
      case 'list': {
        const list = node as List;
        const start = list.start ?? 1;
        blocks.push({
          kind: 'list',
          items: list.children.map((item, i) => (list.ordered ? `${start + i}. ` : '') + plainText(item)),
        });
        return;
      }
      case 'thematicBreak':
        return;
      default: {
        const value = plainText(node).trim();
        if (value) blocks.push({ kind: 'paragraph', text: value });
      }
    }
  };
  for (const node of fromMarkdown(text).children) visit(node);
  return blocks;
}

export function minutesPdf(
  clusterName: string,
  view: MinutesView,
  revision: MinutesRevision,
  lang: Language,
): Promise<Buffer> {
  const w = WORDS[lang];
  const text = lang === 'en' && revision.textEn ? revision.textEn : revision.textBg;
  const date = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'bg' ? 'bg-BG' : 'en-GB', {
      dateStyle: 'long',
      timeZone: 'Europe/Sofia',
    }).format(new Date(iso));
  const meetingTitle = lang === 'en' && view.meeting.titleEn ? view.meeting.titleEn : view.meeting.titleBg;
  const status =
    revision.status === 'approved' && revision.approvedAt
      ? w.approved(revision.approvedBy, date(revision.approvedAt))
      : w.draft;
  const blocks = markdownBlocks(text);
  // The document's title is the first heading when the text starts with one.
  const first = blocks[0];
  const title = first?.kind === 'heading' ? first.text : meetingTitle;
  return renderPdf({
    header: clusterName,
    title,
    subtitle: [meetingTitle, date(view.meeting.startsAt), w.revision(revision.revision), status].join(' · '),
    language: lang,
    createdAt: new Date(revision.approvedAt ?? revision.updatedAt),
    pageLabel: w.page,
    blocks: [
      ...(revision.correctionReason
        ? [{ kind: 'paragraph' as const, text: w.correction(revision.correctionReason) }]
        : []),
      ...(first?.kind === 'heading' ? blocks.slice(1) : blocks),
    ],
  });
}
