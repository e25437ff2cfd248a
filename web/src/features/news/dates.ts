import type { Language } from '@portal/shared';

const locales: Record<Language, string> = { bg: 'bg-BG', en: 'en-GB' };

/** An instant as a date (and time) in Sofia, whatever the browser's time zone. */
export function formatSofia(iso: string, language: Language, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Europe/Sofia',
  }).format(date);
}

/** Sofia's offset from UTC in minutes at `instant`. */
function sofiaOffset(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Sofia',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - instant.getTime()) / 60_000);
}

/** A day (`YYYY-MM-DD`) and a time (`HH:MM`) on the clock in Sofia as an ISO instant; null when malformed. */
export function sofiaToIso(day: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim() || '00:00');
  if (!d || !t) return null;
  const asUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const first = asUtc - sofiaOffset(new Date(asUtc)) * 60_000;
  const instant = asUtc - sofiaOffset(new Date(first)) * 60_000;
  return new Date(instant).toISOString();
}

/** An ISO instant as the day (`YYYY-MM-DD`) and time (`HH:MM`) on the clock in Sofia. */
export function isoToSofia(iso: string): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Sofia',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
