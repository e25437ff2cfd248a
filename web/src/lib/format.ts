import type { Language } from '@portal/shared';

const locales: Record<Language, string> = { bg: 'bg-BG', en: 'en-GB' };

/** Euro cents as money in the UI language: `1 250,50 €` (bg), `€1,250.50` (en). */
export function formatMoney(cents: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(value);
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
