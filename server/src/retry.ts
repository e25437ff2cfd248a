/**
 * Retrying background work (the mail worker's deliveries, the event dispatcher's handlers): the same
 * backoff and the same short description of what went wrong.
 */

const BASE_BACKOFF_SECONDS = 30;
const MAX_BACKOFF_SECONDS = 3600;
const MAX_ERROR_LENGTH = 500;

/** Seconds to wait after the `attempts`-th failed attempt: 30 s, 1 min, 2 min, … at most 1 h. */
export function backoffSeconds(attempts: number): number {
  return Math.min(BASE_BACKOFF_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_SECONDS);
}

/** What went wrong, as the SMTP server, the network or the database said it, without our stack; short. */
export function describeError(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    text =
      typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  } else {
    text = String(error);
  }
  text = text.replace(/\s+/g, ' ').trim() || 'unknown error';
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
