import { ProfileEditBodySchema } from '@portal/shared';
import { describe, expect, it } from 'vitest';
import { editableFixture } from '@/testing/mocks/fixtures/my-organization.ts';
import { historyChanges } from './history-changes.ts';
import { changedFields, reapply, toBody, valuesOf } from './profile-values.ts';

describe('the profile form values', () => {
  it('turn a loaded profile back into the same valid body', () => {
    const body = toBody(valuesOf(editableFixture));
    expect(ProfileEditBodySchema.parse(body)).toEqual({
      ...body,
      offers: { people: 'Стажове за студенти' },
      seeks: {},
    });
    expect(body.employees).toBe(42);
  });

  it('send empty optional fields as null and leave empty offers out', () => {
    const values = { ...valuesOf(editableFixture), city: '  ', employees: '', 'offers.people': ' ' };
    expect(toBody(values)).toMatchObject({ city: null, employees: null, offers: {} });
    expect(toBody({ ...values, employees: '12a' }).employees).toBeNaN();
  });

  it('compare fields ignoring surrounding spaces and the order of lists', () => {
    const base = valuesOf(editableFixture);
    expect(
      changedFields(base, { ...base, city: ' Пловдив ', areaIds: ['ict-software', 'creative-games'] }),
    ).toEqual([]);
    expect(changedFields(base, { ...base, city: 'Варна', 'seeks.people': 'Стажанти' })).toEqual([
      'city',
      'seeks.people',
    ]);
  });

  it('re-apply the user’s changes onto a newer version without undoing a colleague’s other changes', () => {
    const base = valuesOf(editableFixture);
    const mine = { ...base, city: 'София', naceCodes: ['62.01'] };
    const current = { ...base, city: 'Варна', publicPhone: '+359 52 000 000' };
    expect(reapply(mine, base, current)).toEqual({
      ...base,
      city: 'София',
      naceCodes: ['62.01'],
      publicPhone: '+359 52 000 000',
    });
  });
});

describe('the changes of a history entry', () => {
  it('lists the changed fields in the form’s order, the nested offers by kind', () => {
    expect(
      historyChanges(
        { website: null, nameEn: 'A', offers: { people: 'x', projects: 'y' } },
        { website: 'https://a.example', nameEn: 'B', offers: { people: 'x', projects: 'z' }, extra: 1 },
      ),
    ).toEqual([
      { key: 'nameEn', before: 'A', after: 'B' },
      { key: 'website', before: null, after: 'https://a.example' },
      { key: 'offers.projects', before: 'y', after: 'z' },
      { key: 'extra', before: undefined, after: 1 },
    ]);
    expect(historyChanges(null, undefined)).toEqual([]);
  });
});
