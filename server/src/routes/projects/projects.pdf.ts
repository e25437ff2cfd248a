import { formatEuroCents, type Language, type Project } from '@portal/shared';
import { PDFDocument as PdfLib } from 'pdf-lib';
import { type PdfBlock, renderPdf } from '../../pdf/document.ts';

/**
 * A project's one-page summary (decision 052, after decision 044): title, call, status, lead, the partners
 * with roles and budget shares, the total, how much of the checklist is uploaded and the open tasks. It must
 * stay one A4 page: long lists end in "+N more" and long names are cut, and when a page is still not
 * enough the lists are shortened further until it is.
 */

const WORDS = {
  bg: {
    status: {
      idea: 'Идея',
      forming: 'Сформиране на консорциум',
      submitted: 'Подаден',
      funded: 'Финансиран',
      not_funded: 'Не е финансиран',
      withdrawn: 'Оттеглен',
    },
    call: 'Покана',
    noCall: 'без покана',
    statusLabel: 'Състояние',
    lead: 'Водещ партньор',
    total: 'Общ бюджет',
    partners: 'Партньори',
    columns: ['Партньор', 'Държава', 'Роля', 'Дял (EUR)', 'Дял (%)'],
    checklist: 'Документи по поканата',
    checklistValue: (done: number, all: number) => `${done} от ${all} качени`,
    openTasks: 'Отворени задачи',
    noTasks: 'Няма отворени задачи.',
    due: (d: string) => `срок ${d}`,
    more: (n: number) => `+ още ${n}`,
    totalRow: 'Общо',
    page: (page: number, pages: number) => `Страница ${page} от ${pages}`,
  },
  en: {
    status: {
      idea: 'Idea',
      forming: 'Forming a consortium',
      submitted: 'Submitted',
      funded: 'Funded',
      not_funded: 'Not funded',
      withdrawn: 'Withdrawn',
    },
    call: 'Call',
    noCall: 'no call',
    statusLabel: 'Status',
    lead: 'Lead partner',
    total: 'Total budget',
    partners: 'Partners',
    columns: ['Partner', 'Country', 'Role', 'Share (EUR)', 'Share (%)'],
    checklist: "The call's documents",
    checklistValue: (done: number, all: number) => `${done} of ${all} uploaded`,
    openTasks: 'Open tasks',
    noTasks: 'No open tasks.',
    due: (d: string) => `due ${d}`,
    more: (n: number) => `+${n} more`,
    totalRow: 'Total',
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },
} as const;

/** At most `max` characters, with an ellipsis when cut. */
const cut = (s: string, max: number) => {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

/** 2026-12-07 → 07.12.2026 */
const dmy = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');

/** Uploaded and required checklist slots: one per item, or one per partner where the item is per partner. */
export function checklistCompletion(project: Project): { done: number; all: number } {
  let done = 0;
  let all = 0;
  const partnerIds = new Set(project.partners.map((p) => p.id));
  for (const item of project.checklist) {
    if (item.perPartner) {
      all += partnerIds.size;
      done += new Set(
        item.uploads.filter((u) => u.partnerId && partnerIds.has(u.partnerId)).map((u) => u.partnerId),
      ).size;
    } else {
      all += 1;
      if (item.uploads.some((u) => u.partnerId === null)) done += 1;
    }
  }
  return { done, all };
}

interface Limits {
  partners: number;
  tasks: number;
  text: number;
}

function summaryBlocks(project: Project, lang: Language, limits: Limits): PdfBlock[] {
  const w = WORDS[lang];
  const en = lang === 'en';
  const pick = (bg: string, english: string) => (en ? english || bg : bg || english);
  const lead = project.partners.find((p) => p.isLead);
  const { done, all } = checklistCompletion(project);
  const blocks: PdfBlock[] = [];
  const summary = pick(project.summaryBg, project.summaryEn);
  if (summary) blocks.push({ kind: 'paragraph', text: cut(summary, limits.text * 4) });
  blocks.push({
    kind: 'facts',
    items: [
      {
        label: w.call,
        value: project.callCode
          ? cut(
              `${project.callCode} — ${pick(project.callTitleBg ?? '', project.callTitleEn ?? '')}`,
              limits.text * 2,
            )
          : w.noCall,
      },
      { label: w.statusLabel, value: w.status[project.status] },
      { label: w.lead, value: lead ? cut(pick(lead.name, lead.nameEn), limits.text * 2) : '—' },
      { label: w.total, value: `${formatEuroCents(project.totalCents)} EUR` },
      { label: w.checklist, value: w.checklistValue(done, all) },
    ],
  });

  const percent = (cents: number) =>
    project.totalCents > 0 ? ((cents * 100) / project.totalCents).toFixed(2) : '';
  const shown = project.partners.length > limits.partners ? limits.partners - 1 : project.partners.length;
  const rows = project.partners
    .slice(0, shown)
    .map((p) => [
      cut(`${pick(p.name, p.nameEn)}${p.isLead ? ' *' : ''}`, limits.text),
      p.country,
      cut(p.role, limits.text),
      formatEuroCents(p.shareCents),
      percent(p.shareCents),
    ]);
  const rest = project.partners.slice(shown);
  if (rest.length > 0) {
    const restCents = rest.reduce((sum, p) => sum + p.shareCents, 0);
    rows.push([w.more(rest.length), '', '', formatEuroCents(restCents), percent(restCents)]);
  }
  rows.push([
    w.totalRow,
    '',
    '',
    formatEuroCents(project.totalCents),
    project.totalCents > 0 ? '100.00' : '',
  ]);
  blocks.push({ kind: 'heading', text: w.partners });
  blocks.push({
    kind: 'table',
    columns: [
      { label: w.columns[0], width: 38 },
      { label: w.columns[1], width: 9 },
      { label: w.columns[2], width: 25 },
      { label: w.columns[3], width: 16 },
      { label: w.columns[4], width: 12 },
    ],
    rows,
  });

  const open = project.tasks.filter((t) => !t.done);
  blocks.push({ kind: 'heading', text: w.openTasks });
  if (open.length === 0) {
    blocks.push({ kind: 'paragraph', text: w.noTasks });
  } else {
    const shownTasks = open.length > limits.tasks ? limits.tasks - 1 : open.length;
    const items = open.slice(0, shownTasks).map((t) => {
      const owner = project.partners.find((p) => p.id === t.ownerPartnerId);
      const extra = [
        owner ? cut(pick(owner.name, owner.nameEn), 40) : null,
        t.dueOn ? w.due(dmy(t.dueOn)) : null,
      ]
        .filter(Boolean)
        .join(', ');
      return `${cut(t.title, limits.text * 2)}${extra ? ` (${extra})` : ''}`;
    });
    if (open.length > shownTasks) items.push(w.more(open.length - shownTasks));
    blocks.push({ kind: 'list', items });
  }
  return blocks;
}

/** Shorter and shorter lists until the summary fits one page (the last step always does). */
const STEPS: Limits[] = [
  { partners: 18, tasks: 10, text: 60 },
  { partners: 12, tasks: 6, text: 50 },
  { partners: 8, tasks: 4, text: 40 },
  { partners: 4, tasks: 2, text: 30 },
];

export async function projectSummaryPdf(
  clusterName: string,
  project: Project,
  lang: Language,
  createdAt = new Date(),
): Promise<Buffer> {
  const w = WORDS[lang];
  const title = lang === 'en' ? project.titleEn || project.titleBg : project.titleBg || project.titleEn;
  let pdf: Buffer = Buffer.alloc(0);
  for (const limits of STEPS) {
    pdf = await renderPdf({
      header: clusterName,
      title: cut(title, limits.text * 2),
      language: lang,
      createdAt,
      blocks: summaryBlocks(project, lang, limits),
      pageLabel: w.page,
    });
    if ((await PdfLib.load(pdf)).getPageCount() === 1) return pdf;
  }
  return pdf;
}
