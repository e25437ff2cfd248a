import { type Language, todayInSofia } from '@portal/shared';

// Money is formatted in lib (the category fee beside a category choice uses it outside this feature).
export { formatMoney } from '@/lib/format.ts';

/** Cents as the text of an amount field: `50000` → `500`, `25050` → `250,50` (bg) / `250.50` (en). */
export function centsToInput(cents: number, language: Language): string {
  const euros = Math.trunc(cents / 100);
  const rest = cents % 100;
  if (rest === 0) return String(euros);
  return `${euros}${language === 'bg' ? ',' : '.'}${String(rest).padStart(2, '0')}`;
}

/**
 * An amount typed in euro as whole cents: `500`, `250,5`, `250.50`, `1 250,00` → cents; anything else
 * (three decimals, letters, a negative sign, both separators) → null. No floating point on the way.
 */
export function parseEuros(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const euros = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return euros * 100 + cents;
}

/** The calendar year in Sofia (the cluster's), the year pickers' default. */
export function currentYear(): number {
  return Number(todayInSofia().slice(0, 4));
}
