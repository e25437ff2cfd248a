import type { Language } from '@portal/shared';

const locales: Record<Language, string> = { bg: 'bg-BG', en: 'en-GB' };

/** Euro cents as money in the UI language: `1 250,50 €` (bg), `€1,250.50` (en). */
export function formatMoney(cents: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(value);
}

/** A share (0–1) as a percentage in the UI language: `81 %` (bg), `81%` (en). */
export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { style: 'percent' }).format(share);
}

/** A month (`2026-03`) short, in the UI language: `мар 2026 г.`, `Mar 2026`. */
export function formatMonth(month: string, language: Language): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locales[language], {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 15)));
}

/** Formats a calendar date (`2024-03-15`) without letting the browser's time zone shift the day. */
export function formatDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * Formats an instant (`2026-01-15T10:00:00Z`) as a date and time in Sofia time: the cluster's meetings,
 * bookings and deadlines happen in Sofia, so a viewer abroad (or a server-side renderer in UTC) sees the
 * same time as the people in the room.
 */
export function formatDateTime(isoDateTime: string, language: Language): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Sofia',
  }).format(date);
}
