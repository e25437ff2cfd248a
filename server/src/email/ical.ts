/**
 * A minimal iCalendar writer (RFC 5545) for the booking feeds (decision 034): lines end in CRLF, long lines
 * are folded at 75 octets (never inside a UTF-8 character), text values are escaped, times are in UTC
 * (`…Z`, so no VTIMEZONE is needed and every client shows them in its own zone).
 */

export interface IcalEvent {
  /** Stable across requests and resets: the booking's id at the portal's host. */
  uid: string;
  start: Date;
  end: Date;
  /** When the booking was last changed (DTSTAMP and LAST-MODIFIED). */
  stamp: Date;
  summary: string;
  description?: string;
  location?: string;
  /** A page about it (URL property). */
  url?: string;
  /**
   * Revision (SEQUENCE): a later email about the same `uid` with a higher number replaces the entry in the
   * reader's calendar — a meeting moved to another time or place.
   */
  sequence?: number;
  /** CANCELLED removes (or strikes through) the entry in the reader's calendar. */
  status?: 'CONFIRMED' | 'CANCELLED';
}

/**
 * How a calendar is meant (RFC 5546 §1.4). The portal sends PUBLISH: the entry goes into the reader's
 * calendar, and answers (RSVPs, cancellations of a registration) are given on the portal's own pages, so
 * the email asks for no iTIP reply and needs no ORGANIZER/ATTENDEE lines.
 */
export type CalendarMethod = 'PUBLISH';

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A DATE-TIME in UTC: 20260105T090000Z. */
export function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const encoder = new TextEncoder();

/**
 * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets; each continuation starts with one
 * space, which counts towards its 75. Characters are never split, so a Cyrillic name stays valid UTF-8.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function buildCalendar(options: { name?: string; events: IcalEvent[] }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cluster portal//Calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`, 'X-WR-TIMEZONE:Europe/Sofia'] : []),
  ];
  for (const e of options.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(e.stamp)}`,
      `LAST-MODIFIED:${utcStamp(e.stamp)}`,
      `DTSTART:${utcStamp(e.start)}`,
      `DTEND:${utcStamp(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      ...(e.url ? [`URL:${e.url}`] : []),
      ...(e.sequence ? [`SEQUENCE:${e.sequence}`] : []),
      `STATUS:${e.status ?? 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
