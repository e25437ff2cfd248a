import type { Language } from '@portal/shared';

/**
 * How a calendar date is written in a date field, per UI language: Bulgarian `05.03.2026`, English
 * `05/03/2026` (day first, as en-GB and the rest of the English interface write dates). Both are day first,
 * so one parser reads what a user types in either language.
 *
 * Pure string arithmetic, no `Date`: the value of a date field is a calendar day (`YYYY-MM-DD`), and no
 * time zone or daylight-saving change of the browser can move it.
 */
const SEPARATOR: Record<Language, string> = { bg: '.', en: '/' };

/** The format a user sees and types, in dayjs tokens (`DD.MM.YYYY`), for placeholders and hints. */
export function dateTextPattern(language: Language): string {
  return ['DD', 'MM', 'YYYY'].join(SEPARATOR[language]);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD` (not `2026-02-30`). */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  return m !== null && isoOf(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

/** `2026-03-05` → `05.03.2026` (bg) or `05/03/2026` (en); anything that is not an ISO day is returned as is. */
export function formatDateText(iso: string, language: Language): string {
  const m = ISO.exec(iso);
  if (!m || !isIsoDate(iso)) return iso;
  return [m[3], m[2], m[1]].join(SEPARATOR[language]);
}

/** Day, month, four-digit year, separated by `.`, `/`, `-` or spaces; Bulgarian may end in `г.`. */
const DAY_FIRST = /^(\d{1,2})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{4})\s*(?:г\.?)?$/u;

/**
 * What a user typed, as an ISO day, or null while it is not (yet) a whole, real date: `5.3.2026`,
 * `05.03.2026`, `05/03/2026`, `05-03-2026` and `2026-03-05` all give `2026-03-05`; `05.03.202`,
 * `31.02.2026` and `05.03.26` give null (a two-digit year is not guessed).
 */
export function parseDateText(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = DAY_FIRST.exec(trimmed);
  return m ? isoOf(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}
