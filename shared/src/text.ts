/**
 * Control characters in text input (issue 11 A9). PostgreSQL cannot store NUL in `text` or `jsonb`, and
 * the other C0/C1 controls are never typed by a person: they come from fuzzers, broken clients or attempts
 * to hide text. Every string the API receives (query, path parameters, body, at any depth, keys included)
 * is checked by this one rule before validation; see decision 015.
 *
 * Tab, line feed and carriage return are allowed: multi-line fields (descriptions, motivations, comments)
 * need them, and a single-line field's own schema refuses what it does not fit.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

/**
 * The paths (as segments) of every string in a parsed JSON value or query object that holds a control
 * character, object keys included (a key's own path is reported). Buffers (raw uploads) are not text
 * and are skipped.
 */
export function controlCharacterPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return hasControlCharacters(value) ? [path] : [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => controlCharacterPaths(item, [...path, String(i)]));
  if (value === null || typeof value !== 'object') return [];
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    hasControlCharacters(key) ? [[...path, key]] : controlCharacterPaths(item, [...path, key]),
  );
}
