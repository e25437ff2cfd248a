import * as z from 'zod';
import { isActiveMemberRepresentative, type Principal } from './permissions.ts';

/**
 * Per-field privacy of an organisation's contact details (issue 5). Each contact field has a visibility;
 * a reader sees a field only when their level reaches it. The public directory and anonymous API calls
 * get `public` fields only; members (representatives) also `members` fields; the committee and
 * administrators everything.
 */
export const VISIBILITIES = ['public', 'members', 'committee'] as const;
export const VisibilitySchema = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof VisibilitySchema>;

/** The organisation's contact fields, each with its own visibility. */
export const CONTACT_FIELDS = [
  'address',
  'website',
  'publicEmail',
  'publicPhone',
  'contactName',
  'contactPosition',
  'contactEmail',
  'contactPhone',
] as const;
export const ContactFieldSchema = z.enum(CONTACT_FIELDS);
export type ContactField = z.infer<typeof ContactFieldSchema>;

/** The visibility of a field its organisation has not set. The contact person is not public by default. */
export const CONTACT_FIELD_DEFAULTS: Record<ContactField, Visibility> = {
  address: 'public',
  website: 'public',
  publicEmail: 'public',
  publicPhone: 'public',
  contactName: 'members',
  contactPosition: 'members',
  contactEmail: 'members',
  contactPhone: 'committee',
};

/** The stored map (fields may be missing: they have their default). */
export const VisibilityMapSchema = z.partialRecord(ContactFieldSchema, VisibilitySchema);
export type VisibilityMap = z.infer<typeof VisibilityMapSchema>;
/** Every field with its effective visibility. */
export const FullVisibilityMapSchema = z.record(ContactFieldSchema, VisibilitySchema);
export type FullVisibilityMap = z.infer<typeof FullVisibilityMapSchema>;

export function effectiveVisibility(map: VisibilityMap | null | undefined): FullVisibilityMap {
  const out = { ...CONTACT_FIELD_DEFAULTS };
  for (const field of CONTACT_FIELDS) {
    const v = map?.[field];
    if (v && (VISIBILITIES as readonly string[]).includes(v)) out[field] = v;
  }
  return out;
}

/**
 * How far a reader sees: anonymous visitors and plain accounts `public`; representatives of an active
 * member `members` (a suspended, withdrawn, excluded or candidate organisation's representatives only
 * `public`: decision 012).
 */
export function viewerLevel(user: Principal | null): Visibility {
  if (!user) return 'public';
  if (
    user.roles.includes('admin') ||
    user.roles.includes('committee_member') ||
    user.roles.includes('committee_chair')
  )
    return 'committee';
  if (isActiveMemberRepresentative(user)) return 'members';
  return 'public';
}

/** Does a reader at `level` see a field of `visibility`? */
export function canSee(level: Visibility, visibility: Visibility): boolean {
  return VISIBILITIES.indexOf(level) >= VISIBILITIES.indexOf(visibility);
}

/**
 * The contact fields of `values` a reader at `level` may see; every other contact field becomes null.
 * Fields that are not contact fields pass through untouched.
 */
export function redactContacts<T extends Partial<Record<ContactField, unknown>>>(
  values: T,
  map: VisibilityMap | null | undefined,
  level: Visibility,
): T {
  const visibility = effectiveVisibility(map);
  const out: Record<string, unknown> = { ...values };
  for (const field of CONTACT_FIELDS) {
    if (field in out && !canSee(level, visibility[field])) out[field] = null;
  }
  return out as T;
}
