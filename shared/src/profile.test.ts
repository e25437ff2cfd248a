import { describe, expect, it } from 'vitest';
import { CONTACT_FIELD_DEFAULTS } from './privacy.ts';
import {
  EditableProfileSchema,
  PROFILE_EDITABLE_FIELDS,
  ProfileEditBodySchema,
  StoredProfileSchema,
} from './profile.ts';

const stored = {
  id: '7c1f3a52-2b6e-4f0e-9a51-0d3c4b1e2f60',
  eik: '121212121',
  kind: 'company',
  sizeClass: null,
  version: 2,
  updatedAt: '2026-01-15T10:00:00.000Z',
  logoUrl: null,
  updatedBy: null,
  nameBg: 'Пиксел',
  nameEn: 'Pixel',
  descriptionBg: '',
  descriptionEn: '',
  areaIds: ['ict-software'],
  naceCodes: ['62.01'],
  employees: 12,
  city: 'Пловдив',
  address: null,
  website: null,
  publicEmail: null,
  publicPhone: null,
  contactName: null,
  contactPosition: null,
  contactEmail: null,
  contactPhone: null,
  offers: { people: 'Стажове' },
  seeks: {},
  visibility: CONTACT_FIELD_DEFAULTS,
  acceptsContact: false,
};

describe('the organisation profile contract', () => {
  it('lists every field of the edit body as editable, once', () => {
    expect([...PROFILE_EDITABLE_FIELDS].sort()).toEqual(Object.keys(ProfileEditBodySchema.shape).sort());
    expect(new Set(PROFILE_EDITABLE_FIELDS).size).toBe(PROFILE_EDITABLE_FIELDS.length);
  });

  it('reads a stored profile that predates the editing rules, which the editable shape refuses', () => {
    const old = { ...stored, areaIds: [], publicPhone: 'call the office', offers: { barter: 'x' } };
    expect(StoredProfileSchema.parse(old)).toEqual(old);
    expect(EditableProfileSchema.safeParse(old).success).toBe(false);
    expect(EditableProfileSchema.parse(stored)).toEqual(stored);
  });
});
