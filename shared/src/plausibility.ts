import * as z from 'zod';
import { todayInSofia } from './dates.ts';

/**
 * Plausible values (issue 11 C13, decision 015): rules shared by the forms and the API, so both refuse
 * the same things with the same message codes (bg/en texts: the server's catalogue and the web's
 * `apply.validation`).
 */

/** The earliest founding year accepted: older than any organisation that could apply. */
export const FOUNDED_YEAR_MIN = 1800;

/** A founding year: from 1800 to the current year (checked when parsed, so it moves with the calendar). */
export const FoundedYearSchema = z
  .number()
  .int()
  .refine((year) => year >= FOUNDED_YEAR_MIN, {
    params: { code: 'year.too_early', values: { min: FOUNDED_YEAR_MIN } },
    abort: true,
  })
  .refine((year) => year <= Number(todayInSofia().slice(0, 4)), { params: { code: 'year.future' } });

/** A date something was decided on: a real calendar date, not after today. */
export const PastDateSchema = z.iso
  .date()
  .refine((date) => date <= todayInSofia(), { params: { code: 'date.future' } });

/** Motivations and other texts that must say something: at least `min` characters after trimming. */
export const MOTIVATION_MIN_LENGTH = 50;
export function substantialText(min: number, max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((text) => text.length >= min, { params: { code: 'text.too_short', values: { min } } });
}

/**
 * КИД-2008 (the Bulgarian edition of NACE Rev. 2) divisions, each with the digits of its groups: `62`
 * has only `62.0`, `99` only `99.0`. A code is a division (`62`), a group (`62.0`) or a class (`62.01`);
 * the division and group must exist. Classes are checked for their group only (the class list, 615
 * codes, is not embedded: a wrong last digit within a real group passes). See decision 015.
 */
const KID_GROUPS: Record<string, string> = {
  '01': '1234567',
  '02': '1234',
  '03': '12',
  '05': '12',
  '06': '12',
  '07': '12',
  '08': '19',
  '09': '19',
  '10': '123456789',
  '11': '0',
  '12': '0',
  '13': '1239',
  '14': '123',
  '15': '12',
  '16': '12',
  '17': '12',
  '18': '12',
  '19': '12',
  '20': '123456',
  '21': '12',
  '22': '12',
  '23': '123456789',
  '24': '12345',
  '25': '12345679',
  '26': '12345678',
  '27': '123459',
  '28': '12349',
  '29': '123',
  '30': '12349',
  '31': '0',
  '32': '123459',
  '33': '12',
  '35': '123',
  '36': '0',
  '37': '0',
  '38': '123',
  '39': '0',
  '41': '12',
  '42': '129',
  '43': '1239',
  '45': '1234',
  '46': '123456789',
  '47': '123456789',
  '49': '12345',
  '50': '1234',
  '51': '12',
  '52': '12',
  '53': '12',
  '55': '1239',
  '56': '123',
  '58': '12',
  '59': '12',
  '60': '12',
  '61': '1239',
  '62': '0',
  '63': '19',
  '64': '1239',
  '65': '123',
  '66': '123',
  '68': '123',
  '69': '12',
  '70': '12',
  '71': '12',
  '72': '12',
  '73': '12',
  '74': '1239',
  '75': '0',
  '77': '1234',
  '78': '123',
  '79': '19',
  '80': '123',
  '81': '123',
  '82': '1239',
  '84': '123',
  '85': '123456',
  '86': '129',
  '87': '1239',
  '88': '19',
  '90': '0',
  '91': '0',
  '92': '0',
  '93': '12',
  '94': '129',
  '95': '12',
  '96': '0',
  '97': '0',
  '98': '12',
  '99': '0',
};

export function isKidCode(code: string): boolean {
  const match = /^(\d{2})(?:\.(\d)(\d)?)?$/.exec(code);
  if (!match) return false;
  const groups = KID_GROUPS[match[1]!];
  if (!groups) return false;
  return match[2] === undefined || groups.includes(match[2]);
}
