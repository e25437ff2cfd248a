import type { TFunction } from 'i18next';

/** "45 seconds", "3 minutes", "2 hours": a Retry-After wait, rounded up to the unit that reads best. */
export function formatWait(seconds: number, t: TFunction): string {
  if (seconds < 60) return t('auth.seconds', { count: Math.max(1, Math.ceil(seconds)) });
  if (seconds < 3600) return t('auth.minutes', { count: Math.ceil(seconds / 60) });
  return t('auth.hours', { count: Math.ceil(seconds / 3600) });
}
