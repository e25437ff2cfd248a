import { isErasedEmail } from '@portal/shared';
import type { TFunction } from 'i18next';

/**
 * How a person is shown wherever the portal names one (audit log, votes, timelines, representatives): an
 * erased account keeps an empty name and a placeholder address, and is shown as "Erased user".
 */
export function personName(t: TFunction, name: string): string {
  return name.trim() === '' ? t('common.erasedUser') : name;
}

/** A person's email as shown: an erased account's placeholder address reads "Erased user". */
export function personEmail(t: TFunction, email: string): string {
  return isErasedEmail(email) ? t('common.erasedUser') : email;
}
