import { computedIndicator, type Language, type ReadinessSet, type ReadinessStatus } from '@portal/shared';
import { type PdfBlock, renderPdf } from '../../pdf/document.ts';

/**
 * A readiness set as a PDF (decision 051, after decision 044): each criterion with its status in words (a
 * print carries no colour), the figure and threshold of a rule, the next step and the list of evidence,
 * then the history of runs.
 */
const WORDS = {
  bg: {
    status: { green: 'Изпълнено (зелено)', amber: 'Частично (жълто)', red: 'Не е изпълнено (червено)' },
    asOf: (d: string) => `Към ${d}`,
    source: 'Източник',
    figure: 'Стойност',
    threshold: 'Праг',
    noFigure: 'няма данни',
    manual: 'Ръчно доказателство',
    next: 'Следваща стъпка',
    evidence: 'Доказателства',
    none: 'няма',
    decision: (n: string) => `Решение № ${n}`,
    history: 'История на проверките',
    columns: ['Дата', 'Кой', 'Зелени', 'Жълти', 'Червени'],
    page: (page: number, pages: number) => `Страница ${page} от ${pages}`,
  },
  en: {
    status: { green: 'Met (green)', amber: 'Partly met (amber)', red: 'Not met (red)' },
    asOf: (d: string) => `As of ${d}`,
    source: 'Source',
    figure: 'Figure',
    threshold: 'Threshold',
    noFigure: 'no data',
    manual: 'Manual evidence item',
    next: 'Next step',
    evidence: 'Evidence',
    none: 'none',
    decision: (n: string) => `Decision No. ${n}`,
    history: 'History of the checks',
    columns: ['Date', 'Who', 'Green', 'Amber', 'Red'],
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },
} as const;

export function readinessPdf(clusterName: string, set: ReadinessSet, lang: Language): Promise<Buffer> {
  const w = WORDS[lang];
  const en = lang === 'en';
  const dateTime = (iso: string) =>
    new Intl.DateTimeFormat(en ? 'en-GB' : 'bg-BG', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Sofia',
    }).format(new Date(iso));
  const statusText = (s: ReadinessStatus) => w.status[s];
  const blocks: PdfBlock[] = [];
  const description = en ? set.descriptionEn : set.descriptionBg;
  if (description) blocks.push({ kind: 'paragraph', text: description });
  if (set.sourceName || set.sourceUrl) {
    blocks.push({
      kind: 'facts',
      items: [{ label: w.source, value: [set.sourceName, set.sourceUrl].filter(Boolean).join(' — ') }],
    });
  }
  for (const c of set.criteria) {
    blocks.push({ kind: 'heading', text: `${c.code}. ${en ? c.titleEn : c.titleBg}` });
    const facts: { label: string; value: string }[] = [
      { label: en ? 'Status' : 'Състояние', value: statusText(c.status) },
    ];
    if (c.kind === 'rule') {
      const def = c.indicatorKey ? computedIndicator(c.indicatorKey) : undefined;
      const sign = c.comparison === 'lte' ? '≤' : '≥';
      facts.push({
        label: w.figure,
        value: `${c.figure === null ? w.noFigure : String(c.figure)}${def ? ` — ${en ? def.labelEn : def.labelBg}` : ''}`,
      });
      facts.push({
        label: w.threshold,
        value: `${sign} ${c.green}${c.amber !== null ? ` (${en ? 'amber' : 'жълто'} ${sign} ${c.amber})` : ''}`,
      });
    } else {
      facts.push({ label: w.figure, value: w.manual });
    }
    const guidance = en ? c.guidanceEn : c.guidanceBg;
    if (guidance) facts.push({ label: w.next, value: guidance });
    blocks.push({ kind: 'facts', items: facts });
    blocks.push({ kind: 'paragraph', text: `${w.evidence}:` });
    blocks.push({
      kind: 'list',
      items:
        c.evidence.length === 0
          ? [w.none]
          : c.evidence.map((e) =>
              e.kind === 'link'
                ? `${e.title} — ${e.url}`
                : e.kind === 'decision'
                  ? w.decision(e.decisionNumber ?? e.title)
                  : `${e.fileName ?? e.title} (PDF)`,
            ),
    });
  }
  if (set.history.length > 0) {
    blocks.push({ kind: 'heading', text: w.history });
    blocks.push({
      kind: 'table',
      columns: w.columns.map((label, i) => ({ label, width: [0.3, 0.34, 0.12, 0.12, 0.12][i]! })),
      rows: set.history.map((r) => [
        dateTime(r.ranAt),
        r.ranByName ?? '—',
        String(r.counts.green),
        String(r.counts.amber),
        String(r.counts.red),
      ]),
    });
  }
  return renderPdf({
    header: clusterName,
    title: en ? set.titleEn : set.titleBg,
    subtitle: [
      w.asOf(set.asOf),
      `${set.counts.green} ${en ? 'green' : 'зелени'} · ${set.counts.amber} ${en ? 'amber' : 'жълти'} · ${set.counts.red} ${en ? 'red' : 'червени'}`,
    ].join(' · '),
    language: lang,
    createdAt: new Date(),
    pageLabel: w.page,
    blocks,
  });
}
