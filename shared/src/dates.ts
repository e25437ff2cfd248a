/** Calendar dates in the cluster's time zone (a leaf module: fees and plausibility rules both use it). */

/** Today's date (`YYYY-MM-DD`) in the cluster's time zone, Sofia: due dates are Bulgarian calendar days. */
export function todayInSofia(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Sofia',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
