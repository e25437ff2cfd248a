import { describe, expect, it } from 'vitest';
import { admissionDecisionText, formatDecisionNumber, membershipDecisionText } from './decisions.ts';

const organization = { nameBg: 'Алфа ООД', nameEn: 'Alpha Ltd', eik: '131468980' };
const tally = { for: 4, against: 1, abstain: 0 };

describe('the texts of the register of decisions', () => {
  it('numbers a decision by its year and a three-digit sequence', () => {
    expect(formatDecisionNumber(2026, 14)).toBe('2026-014');
    expect(formatDecisionNumber(2027, 1234)).toBe('2027-1234');
  });

  it('words an admission with the organisation, its ЕИК and the votes, in both languages', () => {
    expect(admissionDecisionText('approved', organization, tally)).toEqual({
      textBg:
        'Комитетът приема за член на клъстера Алфа ООД (ЕИК 131468980) с гласове за/против/въздържали се 4/1/0.',
      textEn:
        'The committee admits as a member of the cluster Alpha Ltd (EIK 131468980) by 4/1/0 votes for/against/abstaining.',
    });
  });

  it('words an adopted change of category with the new category and the date it takes effect', () => {
    const proposal = {
      action: 'change_category',
      category: 'associated',
      effectiveOn: '2026-12-01',
    } as const;
    expect(membershipDecisionText('approved', proposal, organization, tally)).toEqual({
      textBg:
        'Комитетът реши: промяна на категорията (асоцииран член) на членството на Алфа ООД (ЕИК 131468980) от 2026-12-01, с гласове за/против/въздържали се 4/1/0.',
      textEn:
        'The committee decided: change of category (associated member) of the membership of Alpha Ltd (EIK 131468980) from 2026-12-01, by 4/1/0 votes for/against/abstaining.',
    });
  });

  it('names the membership once for a suspension, and the body that decided at a meeting', () => {
    const proposal = { action: 'suspend', category: null, effectiveOn: '2027-01-01' } as const;
    const text = membershipDecisionText('approved', proposal, organization, tally, {
      bg: 'Общото събрание',
      en: 'The general assembly',
    });
    expect(text.textBg).toBe(
      'Общото събрание реши: спиране на членството на Алфа ООД (ЕИК 131468980) от 2027-01-01, с гласове за/против/въздържали се 4/1/0.',
    );
    expect(text.textEn).toBe(
      'The general assembly decided: suspension of the membership of Alpha Ltd (EIK 131468980) from 2027-01-01, by 4/1/0 votes for/against/abstaining.',
    );
    const withdrawn = membershipDecisionText(
      'approved',
      { ...proposal, action: 'withdraw' },
      organization,
      tally,
    );
    expect(withdrawn.textBg).toContain(
      'прекратяване на членството на Алфа ООД (ЕИК 131468980) по негово желание от',
    );
  });

  it('words a rejected proposal without a date, as not adopted', () => {
    const proposal = { action: 'exclude', category: null, effectiveOn: '2026-12-01' } as const;
    expect(
      membershipDecisionText('rejected', proposal, organization, { for: 1, against: 3, abstain: 1 }),
    ).toEqual({
      textBg:
        'Комитетът не прие предложението за изключване на Алфа ООД (ЕИК 131468980) от клъстера; гласове за/против/въздържали се 1/3/1.',
      textEn:
        'The committee did not adopt the proposed exclusion of Alpha Ltd (EIK 131468980) from the cluster; 1/3/1 votes for/against/abstaining.',
    });
  });
});
