import { describe, expect, it } from 'vitest';
import {
  BodyCreateBodySchema,
  PositionCreateBodySchema,
  PositionUpdateBodySchema,
  termHeldOn,
  termsOverlap,
} from './bodies.ts';

const codesOf = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; params?: unknown }[] };
}) =>
  (result.error?.issues ?? []).map((i) => [
    i.path.join('.'),
    (i.params as { code?: string } | undefined)?.code,
  ]);

describe('terms are half-open [startsOn, endsOn) days', () => {
  it('is held from its first day up to the day before it ends', () => {
    const term = { startsOn: '2026-01-15', endsOn: '2026-03-01' };
    expect(termHeldOn(term, '2026-01-14')).toBe(false);
    expect(termHeldOn(term, '2026-01-15')).toBe(true);
    expect(termHeldOn(term, '2026-02-28')).toBe(true);
    expect(termHeldOn(term, '2026-03-01')).toBe(false);
    expect(termHeldOn({ startsOn: '2026-01-15', endsOn: null }, '2099-01-01')).toBe(true);
    // Ended on the day it started: never held.
    expect(termHeldOn({ startsOn: '2026-01-15', endsOn: '2026-01-15' }, '2026-01-15')).toBe(false);
  });

  it('overlaps another term when they share a day; one ending the day the other starts does not', () => {
    const a = { startsOn: '2026-01-01', endsOn: '2026-06-01' };
    expect(termsOverlap(a, { startsOn: '2026-06-01', endsOn: null })).toBe(false);
    expect(termsOverlap(a, { startsOn: '2026-05-31', endsOn: null })).toBe(true);
    expect(termsOverlap({ startsOn: '2025-01-01', endsOn: null }, a)).toBe(true);
    expect(termsOverlap(a, { startsOn: '2025-01-01', endsOn: '2026-01-01' })).toBe(false);
  });
});

describe('position input', () => {
  const base = { position: 'member', startsOn: '2026-02-01' };
  it('takes a user or a named person, not both, not neither', () => {
    expect(PositionCreateBodySchema.safeParse({ ...base, personName: 'Петя' }).success).toBe(true);
    expect(
      PositionCreateBodySchema.safeParse({ ...base, userId: '00000000-0000-4000-8000-000000000001' }).success,
    ).toBe(true);
    expect(codesOf(PositionCreateBodySchema.safeParse(base))).toEqual([['userId', 'bodies.holder_one']]);
    expect(
      codesOf(
        PositionCreateBodySchema.safeParse({
          ...base,
          personName: 'Петя',
          userId: '00000000-0000-4000-8000-000000000001',
        }),
      ),
    ).toEqual([['userId', 'bodies.holder_one']]);
  });

  it('refuses a term that ends before it starts (on update too), and positions that do not exist', () => {
    expect(
      codesOf(PositionCreateBodySchema.safeParse({ ...base, personName: 'Петя', endsOn: '2026-01-31' })),
    ).toEqual([['endsOn', 'bodies.term_order']]);
    expect(
      codesOf(
        PositionUpdateBodySchema.safeParse({ ...base, personName: 'Петя', endsOn: '2026-01-31', version: 1 }),
      ),
    ).toEqual([['endsOn', 'bodies.term_order']]);
    expect(
      PositionCreateBodySchema.safeParse({ ...base, personName: 'Петя', endsOn: '2026-02-01' }).success,
    ).toBe(true);
    expect(
      PositionCreateBodySchema.safeParse({ ...base, position: 'treasurer', personName: 'П' }).success,
    ).toBe(false);
    expect(PositionCreateBodySchema.safeParse({ ...base, personName: '   ' }).success).toBe(false);
    expect(
      PositionCreateBodySchema.safeParse({ ...base, startsOn: '2026-02-30', personName: 'П' }).success,
    ).toBe(false);
  });
});

describe('body input', () => {
  const base = {
    kind: 'general_assembly',
    nameBg: 'Общо събрание',
    nameEn: 'General assembly',
    quorum: 'more_than_half',
    majority: 'simple',
  };
  it('uses the voting rules vocabulary and defaults to a body still to be founded', () => {
    const parsed = BodyCreateBodySchema.parse(base);
    expect(parsed).toMatchObject({
      foundedOn: null,
      dissolvedOn: null,
      allowsProxy: false,
      reviewsApplications: false,
    });
    expect(BodyCreateBodySchema.safeParse({ ...base, quorum: 'most' }).success).toBe(false);
    expect(BodyCreateBodySchema.safeParse({ ...base, majority: 'two_thirds' }).success).toBe(true);
    expect(BodyCreateBodySchema.safeParse({ ...base, kind: 'senate' }).success).toBe(false);
  });

  it('is dissolved only after it was founded', () => {
    expect(codesOf(BodyCreateBodySchema.safeParse({ ...base, dissolvedOn: '2026-01-01' }))).toEqual([
      ['dissolvedOn', 'bodies.dissolved_order'],
    ]);
    expect(
      codesOf(
        BodyCreateBodySchema.safeParse({ ...base, foundedOn: '2026-02-01', dissolvedOn: '2026-01-01' }),
      ),
    ).toEqual([['dissolvedOn', 'bodies.dissolved_order']]);
  });
});
