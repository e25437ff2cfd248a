import { describe, expect, it } from 'vitest';
import { buildCalendar } from './ical.ts';

const event = {
  uid: 'meeting-1@portal.test',
  start: new Date('2027-03-02T14:30:00Z'),
  end: new Date('2027-03-02T16:00:00Z'),
  stamp: new Date('2027-02-01T09:00:00Z'),
  summary: 'Заседание',
};

const lines = (text: string) => text.split('\r\n');

describe('buildCalendar', () => {
  it('writes a confirmed revision-0 entry unless told otherwise', () => {
    const text = buildCalendar({ events: [event] });
    expect(lines(text)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Cluster portal//Calendar//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:meeting-1@portal.test',
      'DTSTAMP:20270201T090000Z',
      'LAST-MODIFIED:20270201T090000Z',
      'DTSTART:20270302T143000Z',
      'DTEND:20270302T160000Z',
      'SUMMARY:Заседание',
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('names a feed, and carries a page, a revision and a cancellation', () => {
    const text = buildCalendar({
      name: 'Лаборатории',
      events: [{ ...event, url: 'https://portal.test/meetings/1', sequence: 3, status: 'CANCELLED' }],
    });
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        'X-WR-CALNAME:Лаборатории',
        'X-WR-TIMEZONE:Europe/Sofia',
        'URL:https://portal.test/meetings/1',
        'SEQUENCE:3',
        'STATUS:CANCELLED',
      ]),
    );
    expect(lines(text)).not.toContain('STATUS:CONFIRMED');
  });
});
