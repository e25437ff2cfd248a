import { addDays, type Language, sofiaWallClock } from '@portal/shared';

/** Sofia-time texts for the resource pages: the portal's resources keep Sofia hours whatever the browser's zone. */
const locales: Record<Language, string> = { bg: 'bg-BG', en: 'en-GB' };

/** A calendar date (YYYY-MM-DD) as a Date at UTC noon, for formatting its name without zone surprises. */
const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/** "пн, 23 март" / "Mon 23 Mar". */
export function dayLabel(date: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(noon(date));
}

/** "понеделник, 23 март 2026 г." — the full name, for screen readers and headings. */
export function longDayLabel(date: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(noon(date));
}

/** "март 2026" / "March 2026". */
export function monthLabel(date: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(noon(date));
}

/** Weekday names, Monday first, short ("пн" … "нд"). */
export function weekdayNames(language: Language): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(locales[language], { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 1 + i, 12)),
    ),
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Minutes since midnight as "09:30" ("24:00" for the day's end). */
export const clockOf = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** An instant's Sofia time, "09:30". */
export const sofiaClock = (iso: string) => clockOf(sofiaWallClock(new Date(iso)).minutes);

/** An instant as a Sofia date and time in the UI language: "24.03.2026 г., 10:00". */
export function sofiaDateTimeText(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Sofia',
  }).format(new Date(iso));
}

/** A booking's range in the UI language: "24.03.2026 г., 10:00–12:00" (the end's date when another day). */
export function rangeText(startsAt: string, endsAt: string, language: Language): string {
  const start = sofiaWallClock(new Date(startsAt));
  const end = sofiaWallClock(new Date(endsAt));
  const sameDay = start.date === end.date || (end.minutes === 0 && end.date === addDays(start.date, 1));
  const endText = sameDay
    ? end.minutes === 0
      ? '24:00'
      : clockOf(end.minutes)
    : sofiaDateTimeText(endsAt, language);
  return `${sofiaDateTimeText(startsAt, language)}–${endText}`;
}

/** Today's date in Sofia. */
export const sofiaToday = (now = new Date()) => sofiaWallClock(now).date;
