import type { MembershipCategory } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { usePublicFeeRates } from '@/lib/api/fee-rates.ts';
import { formatMoney } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';

/**
 * "Annual fee for 2026: 500,00 €" for a membership category, in the UI language (issue 11 C6), shown
 * where a category is chosen. Nothing while the rates load or when they cannot be read: the choice works
 * without it. `enabled: false` reads nothing until a category choice is on screen.
 */
export function useCategoryFeeText(enabled = true): (category: MembershipCategory) => string | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const rates = usePublicFeeRates(enabled);
  return (category) => {
    if (!rates.data) return null;
    const { year } = rates.data;
    const rate = rates.data.rates.find((r) => r.category === category);
    return rate && rate.amountCents > 0
      ? t('categoryFee.amount', { year, amount: formatMoney(rate.amountCents, language) })
      : t('categoryFee.none', { year });
  };
}
