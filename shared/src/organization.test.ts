import { describe, expect, it } from 'vitest';
import { isPubliclyListed, sizeClassFromStaff } from './organization.ts';

describe('size class from staff (SME Act)', () => {
  it.each([
    [0, 'micro'],
    [9, 'micro'],
    [10, 'small'],
    [49, 'small'],
    [50, 'medium'],
    [249, 'medium'],
    [250, 'large'],
  ] as const)('%i staff is %s', (staff, size) => {
    expect(sizeClassFromStaff(staff)).toBe(size);
  });

  it('refuses a negative or fractional staff count', () => {
    expect(() => sizeClassFromStaff(-1)).toThrow(RangeError);
    expect(() => sizeClassFromStaff(2.5)).toThrow(RangeError);
  });
});

describe('public listing', () => {
  it('lists active members but not candidates, suspended or former members', () => {
    expect(isPubliclyListed({ status: 'active', category: 'regular' })).toBe(true);
    expect(isPubliclyListed({ status: 'active', category: 'candidate' })).toBe(false);
    expect(isPubliclyListed({ status: 'suspended', category: 'regular' })).toBe(false);
    expect(isPubliclyListed({ status: 'withdrawn', category: 'engaged' })).toBe(false);
  });
});
