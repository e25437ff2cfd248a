/** The part of a pino logger the background workers use. Never given a message's text or a full address. */
export interface WorkerLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** `ivan.petrov@example.bg` → `i…@example.bg`: enough to tell messages apart in the log. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '…';
  return `${address[0]}…${address.slice(at)}`;
}

/** Every address in `text` masked. */
export function maskEmails(text: string): string {
  return text.replace(/[^\s<>"'@:;,()]+@[^\s<>"'@:;,()]+/g, maskEmail);
}
