import {
  CONTACT_FIELDS,
  type ContactField,
  type FullVisibilityMap,
  PROFILE_EDITABLE_FIELDS,
  type ProfileEditableField,
  type ProfileEditBody,
  SHARING_KINDS,
  type Sharing,
  type StoredProfile,
  VISIBILITIES,
  type Visibility,
} from '@portal/shared';

/**
 * The profile editor's form values: flat, text as typed (the staff count too), lists as arrays, the
 * offers/seeks pairs as `offers.people`… Converting to and from the PUT body lives here, as do the
 * comparison and the re-application of the user's changes onto a newer version (after a 412).
 */
export const SHARING_SIDES = ['offers', 'seeks'] as const;
type Side = (typeof SHARING_SIDES)[number];
type SharingKind = (typeof SHARING_KINDS)[number];
export type SharingField = `${Side}.${SharingKind}`;
/** Who sees a contact field (`visibility.contactEmail`): one of VISIBILITIES. */
export type VisibilityField = `visibility.${ContactField}`;

type ListField = 'areaIds' | 'naceCodes';
/** The editable fields (shared) whose form value is one text or one list: not the offers, seeks and visibility maps. */
type FlatField = Exclude<ProfileEditableField, Side | 'visibility'>;
type TextField = Exclude<FlatField, ListField> | SharingField | VisibilityField;

/** Text fields hold text; `acceptsContact` (a switch) holds 'yes' or ''. */
export type ProfileValues = Record<TextField, string> & Record<ListField, string[]>;
export type ProfileField = keyof ProfileValues;

export const visibilityField = (field: ContactField): VisibilityField => `visibility.${field}`;

export const SHARING_FIELDS: SharingField[] = SHARING_SIDES.flatMap((side) =>
  SHARING_KINDS.map((kind): SharingField => `${side}.${kind}`),
);

const FLAT_FIELDS = PROFILE_EDITABLE_FIELDS.filter(
  (field): field is FlatField => field !== 'offers' && field !== 'seeks' && field !== 'visibility',
);

/** Every field, in the order of the form (the comparison and the history list them so too). */
export const PROFILE_FIELDS: ProfileField[] = [
  ...FLAT_FIELDS,
  ...CONTACT_FIELDS.map(visibilityField),
  ...SHARING_FIELDS,
];

export function isVisibilityField(field: string): field is VisibilityField {
  return field.startsWith('visibility.');
}

export function isVisibility(value: unknown): value is Visibility {
  return (VISIBILITIES as readonly unknown[]).includes(value);
}

export function isProfileField(value: string): value is ProfileField {
  return (PROFILE_FIELDS as string[]).includes(value);
}

export function isListField(field: ProfileField): field is ListField {
  return field === 'areaIds' || field === 'naceCodes';
}

export function valuesOf(profile: StoredProfile): ProfileValues {
  const sharing = Object.fromEntries(
    SHARING_SIDES.flatMap((side) =>
      SHARING_KINDS.map((kind) => [`${side}.${kind}`, profile[side][kind] ?? '']),
    ),
  ) as Record<SharingField, string>;
  const visibility = Object.fromEntries(
    CONTACT_FIELDS.map((field) => [visibilityField(field), profile.visibility[field]]),
  ) as Record<VisibilityField, string>;
  return {
    nameBg: profile.nameBg,
    nameEn: profile.nameEn,
    descriptionBg: profile.descriptionBg,
    descriptionEn: profile.descriptionEn,
    areaIds: [...profile.areaIds],
    naceCodes: [...profile.naceCodes],
    employees: profile.employees === null ? '' : String(profile.employees),
    city: profile.city ?? '',
    address: profile.address ?? '',
    website: profile.website ?? '',
    publicEmail: profile.publicEmail ?? '',
    publicPhone: profile.publicPhone ?? '',
    contactName: profile.contactName ?? '',
    contactPosition: profile.contactPosition ?? '',
    contactEmail: profile.contactEmail ?? '',
    contactPhone: profile.contactPhone ?? '',
    acceptsContact: profile.acceptsContact ? 'yes' : '',
    ...visibility,
    ...sharing,
  };
}

/** A whole number from a text field; NaN (refused by the schema) for anything else, null when empty. */
export function toStaff(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function sharingOf(values: ProfileValues, side: Side): Sharing {
  const sharing: Sharing = {};
  for (const kind of SHARING_KINDS) {
    const text = values[`${side}.${kind}`];
    if (text.trim() !== '') sharing[kind] = text;
  }
  return sharing;
}

/** The PUT body (unvalidated: the shared schema decides). Empty optional fields are null or left out. */
export function toBody(values: ProfileValues): ProfileEditBody {
  return {
    nameBg: values.nameBg,
    nameEn: values.nameEn,
    descriptionBg: values.descriptionBg,
    descriptionEn: values.descriptionEn,
    areaIds: values.areaIds,
    naceCodes: values.naceCodes.map((code) => code.trim()),
    employees: toStaff(values.employees),
    city: orNull(values.city),
    address: orNull(values.address),
    website: orNull(values.website),
    publicEmail: orNull(values.publicEmail),
    publicPhone: orNull(values.publicPhone),
    contactName: orNull(values.contactName),
    contactPosition: orNull(values.contactPosition),
    contactEmail: orNull(values.contactEmail),
    contactPhone: orNull(values.contactPhone),
    acceptsContact: values.acceptsContact === 'yes',
    offers: sharingOf(values, 'offers'),
    seeks: sharingOf(values, 'seeks'),
    visibility: Object.fromEntries(
      CONTACT_FIELDS.map((field) => [field, values[visibilityField(field)]]),
    ) as FullVisibilityMap,
  };
}

/** A field's value as the server would store it: trimmed text, lists in a stable order. */
function canonical(values: ProfileValues, field: ProfileField): string {
  const value = values[field];
  return Array.isArray(value)
    ? [...value]
        .map((v) => v.trim())
        .sort()
        .join('\n')
    : value.trim();
}

/** The fields whose values differ between `a` and `b` (whitespace around text and list order aside). */
export function changedFields(a: ProfileValues, b: ProfileValues): ProfileField[] {
  return PROFILE_FIELDS.filter((field) => canonical(a, field) !== canonical(b, field));
}

/**
 * Re-applies the user's changes onto a newer saved version: each field the user changed (`mine` against
 * the version the form was opened on, `base`) keeps the user's value; every other field takes the newer
 * saved value, so a colleague's edit of a field the user did not touch is not undone.
 */
export function reapply(mine: ProfileValues, base: ProfileValues, current: ProfileValues): ProfileValues {
  const mineChanged = new Set(changedFields(mine, base));
  const next = { ...current };
  for (const field of mineChanged) (next as Record<ProfileField, unknown>)[field] = mine[field];
  return next;
}
