import type { Language } from '@portal/shared';

const locales: Record<Language, string> = { bg: 'bg-BG', en: 'en-GB' };

/** A meeting's day and times in Sofia time, in the viewer's language (the meeting happens in Sofia). */
export function meetingWhen(startsAt: string, endsAt: string, language: Language) {
  const day = new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'full',
    timeZone: 'Europe/Sofia',
  }).format(new Date(startsAt));
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Sofia',
  });
  return { date: day, start: time.format(new Date(startsAt)), end: time.format(new Date(endsAt)) };
}

/** The Sofia day (`YYYY-MM-DD`) and time (`HH:MM`) of an instant, for the edit form. */
export function sofiaParts(at: string): { date: string; time: string } {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Sofia',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(at))
      .map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
