import * as z from 'zod';

/**
 * Funding calls (issue 16 §3): programme calls the cluster's members prepare for, with their dates in
 * Europe/Sofia. The status is never stored: it follows from the opening and the deadline at read time
 * (upcoming before the opening, open until the deadline, closed after it).
 */

export const FUNDING_CALL_STATUSES = ['upcoming', 'open', 'closed'] as const;
export const FundingCallStatusSchema = z.enum(FUNDING_CALL_STATUSES);
export type FundingCallStatus = z.infer<typeof FundingCallStatusSchema>;

export function fundingCallStatus(opensAt: string | Date, deadlineAt: string | Date, now: Date = new Date()) {
  const t = now.getTime();
  if (t < new Date(opensAt).getTime()) return 'upcoming' as const;
  if (t < new Date(deadlineAt).getTime()) return 'open' as const;
  return 'closed' as const;
}

export const FUNDING_CALL_PROGRAMME_MAX = 200;
export const FUNDING_CALL_CODE_MAX = 60;
export const FUNDING_CALL_TITLE_MAX = 300;
export const FUNDING_CALL_SUMMARY_MAX = 4000;
export const FUNDING_CALL_DOCUMENT_NAME_MAX = 300;
/** Documents a call may require. */
export const FUNDING_CALL_DOCUMENTS_MAX = 40;
/** Days before the deadline on which interested members are reminded by email. */
export const FUNDING_CALL_REMINDER_DAYS = [30, 7, 1] as const;
