import { describe, expect, it } from 'vitest';
import { addDays } from './fees.ts';
import {
  type BookingRules,
  bookingIssues,
  mondayOf,
  sofiaInstant,
  sofiaWallClock,
  withinOpeningHours,
} from './resources.ts';

const nineToFive = { opens: '09:00', closes: '17:00' };
const RULES: BookingRules = {
  minNoticeHours: 24,
  maxBookingHours: 4,
  openingHours: [nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, nineToFive],
};
const NOW = new Date('2026-03-20T08:00:00Z');
const codes = (range: { startsAt: string; endsAt: string }, rules = RULES, now = NOW) =>
  bookingIssues(range, rules, now).map((i) => i.code);

describe('booking rules', () => {
  it('accepts a booking within the opening hours, with enough notice and not too long', () => {
    // 2026-03-24 is a Tuesday; Sofia is UTC+2 in winter: 10:00–12:00 local.
    expect(codes({ startsAt: '2026-03-24T08:00:00Z', endsAt: '2026-03-24T10:00:00Z' })).toEqual([]);
  });

  it('refuses a booking that ends before (or when) it starts, naming the end', () => {
    const issues = bookingIssues(
      { startsAt: '2026-03-24T10:00:00Z', endsAt: '2026-03-24T09:00:00Z' },
      RULES,
      NOW,
    );
    expect(issues).toEqual([{ path: 'body.endsAt', code: 'resources.booking_end_before_start' }]);
    expect(codes({ startsAt: '2026-03-24T10:00:00Z', endsAt: '2026-03-24T10:00:00Z' })).toEqual([
      'resources.booking_end_before_start',
    ]);
  });

  it('refuses a booking in the past', () => {
    expect(codes({ startsAt: '2026-03-19T08:00:00Z', endsAt: '2026-03-19T09:00:00Z' })).toContain(
      'resources.booking_in_past',
    );
  });

  it('refuses a booking with less notice than the resource asks for', () => {
    const issues = bookingIssues(
      { startsAt: '2026-03-20T12:00:00Z', endsAt: '2026-03-20T13:00:00Z' },
      RULES,
      NOW,
    );
    expect(issues).toEqual([
      { path: 'body.startsAt', code: 'resources.booking_notice_too_short', values: { hours: 24 } },
    ]);
  });

  it('refuses a booking longer than allowed', () => {
    expect(codes({ startsAt: '2026-03-24T07:00:00Z', endsAt: '2026-03-24T12:00:00Z' })).toEqual([
      'resources.booking_too_long',
    ]);
  });

  it('refuses a booking outside the opening hours or on a closed day', () => {
    // 08:00–10:00 local: starts before opening.
    expect(codes({ startsAt: '2026-03-24T06:00:00Z', endsAt: '2026-03-24T08:00:00Z' })).toEqual([
      'resources.booking_outside_hours',
    ]);
    const closedOnSunday: BookingRules = {
      ...RULES,
      openingHours: [...RULES.openingHours.slice(0, 6), null],
    };
    // 2026-03-22 is a Sunday.
    expect(
      codes({ startsAt: '2026-03-22T08:00:00Z', endsAt: '2026-03-22T10:00:00Z' }, closedOnSunday),
    ).toEqual(['resources.booking_outside_hours']);
  });

  it('reads opening hours as Sofia wall-clock time on both sides of the spring DST change', () => {
    // Sofia moves from UTC+2 to UTC+3 at 03:00 local on Sunday 2026-03-29.
    expect(sofiaWallClock(new Date('2026-03-28T07:00:00Z'))).toMatchObject({ minutes: 9 * 60, weekday: 5 });
    expect(sofiaWallClock(new Date('2026-03-29T06:00:00Z'))).toMatchObject({ minutes: 9 * 60, weekday: 6 });
    const hours = RULES.openingHours;
    // The same UTC times are 09:00–17:00 after the change and 08:00–16:00 before it.
    expect(
      withinOpeningHours(new Date('2026-03-29T06:00:00Z'), new Date('2026-03-29T14:00:00Z'), hours),
    ).toBe(true);
    expect(
      withinOpeningHours(new Date('2026-03-28T06:00:00Z'), new Date('2026-03-28T14:00:00Z'), hours),
    ).toBe(false);
    // And in autumn (2026-10-25, back to UTC+2): 09:00 local is 07:00Z.
    expect(
      withinOpeningHours(new Date('2026-10-25T07:00:00Z'), new Date('2026-10-25T15:00:00Z'), hours),
    ).toBe(true);
    expect(
      withinOpeningHours(new Date('2026-10-25T06:00:00Z'), new Date('2026-10-25T14:00:00Z'), hours),
    ).toBe(false);
  });

  it('lets a booking end at midnight of its day but not run into the next', () => {
    const allDay = Array.from({ length: 7 }, () => ({ opens: '00:00', closes: '24:00' }));
    // 20:00–24:00 local on 2026-03-24 (UTC+2).
    expect(
      withinOpeningHours(new Date('2026-03-24T18:00:00Z'), new Date('2026-03-24T22:00:00Z'), allDay),
    ).toBe(true);
    expect(
      withinOpeningHours(new Date('2026-03-24T18:00:00Z'), new Date('2026-03-24T22:30:00Z'), allDay),
    ).toBe(false);
  });
});

describe('Sofia wall-clock instants', () => {
  it('turns a Sofia date and time into the instant, in winter and in summer', () => {
    expect(sofiaInstant('2026-01-15', '09:00')).toBe('2026-01-15T07:00:00.000Z');
    expect(sofiaInstant('2026-07-15', '09:00')).toBe('2026-07-15T06:00:00.000Z');
    expect(sofiaInstant('2026-07-15', '24:00')).toBe('2026-07-15T21:00:00.000Z');
  });
  it('finds the Monday of a week and adds days across months', () => {
    expect(mondayOf('2026-03-29')).toBe('2026-03-23');
    expect(mondayOf('2026-03-23')).toBe('2026-03-23');
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
  });
});
