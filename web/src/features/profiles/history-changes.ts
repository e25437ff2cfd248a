import { isProfileField, PROFILE_FIELDS } from './profile-values.ts';

/** One changed field of a history entry: its key (a form field's, `offers.people`) and both values. */
export interface HistoryChange {
  key: string;
  before: unknown;
  after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An audit snapshot as dotted keys: `{ offers: { people: 'x' } }` → `{ 'offers.people': 'x' }`. */
function flatten(snapshot: unknown): Record<string, unknown> {
  if (!isRecord(snapshot)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(snapshot)) {
    if (isRecord(value)) for (const [inner, v] of Object.entries(value)) out[`${key}.${inner}`] = v;
    else out[key] = value;
  }
  return out;
}

const order = (key: string) => (isProfileField(key) ? PROFILE_FIELDS.indexOf(key) : PROFILE_FIELDS.length);

/**
 * What an audit event changed: the fields whose before and after differ (the server records the changed
 * fields only, but a nested `offers` holds its unchanged kinds too), in the form's order.
 */
export function historyChanges(before: unknown, after: unknown): HistoryChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((key) => JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null))
    .sort((x, y) => order(x) - order(y) || x.localeCompare(y))
    .map((key) => ({ key, before: b[key], after: a[key] }));
}
