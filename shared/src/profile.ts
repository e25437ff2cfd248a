import * as z from 'zod';
import { AreaIdSchema } from './common.ts';
import { ContactValuesShape, KidCodeSchema, SharingSchema } from './directory.ts';
import { OrganizationKindSchema, SizeClassSchema } from './organization.ts';
import { FullVisibilityMapSchema } from './privacy.ts';

/**
 * A member organisation's profile as its representatives edit it (issue 5). Writes are conditional: the
 * client sends the ETag it read (`If-Match: "<version>"`); a stale one is refused with 412, none with
 * 428, so a colleague's edit is never overwritten.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) => z.string().trim().max(max);
const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,30}$/);

export const ProfileEditBodySchema = z.strictObject({
  nameBg: text(300),
  nameEn: text(300),
  descriptionBg: optional(5000),
  descriptionEn: optional(5000),
  areaIds: z.array(AreaIdSchema).min(1).max(10),
  naceCodes: z.array(KidCodeSchema).max(10),
  employees: z.number().int().min(0).max(1_000_000).nullable(),
  city: optional(100).nullable(),
  address: optional(300).nullable(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(300)
    .nullable(),
  publicEmail: z.email().max(254).nullable(),
  publicPhone: PhoneSchema.nullable(),
  /** The contact person (personal data; by default not public, see privacy.ts). */
  contactName: optional(200).nullable(),
  contactPosition: optional(200).nullable(),
  contactEmail: z.email().max(254).nullable(),
  contactPhone: PhoneSchema.nullable(),
  offers: SharingSchema,
  seeks: SharingSchema,
  /** Who sees each contact field: every field, public / members / committee. */
  visibility: FullVisibilityMapSchema,
  /**
   * "Accept messages from visitors through the portal" (issue 17, decision 053); off by default. Optional
   * so that a client which does not know it leaves it as it is.
   */
  acceptsContact: z.boolean().optional(),
});
export type ProfileEditBody = z.infer<typeof ProfileEditBodySchema>;

/** The fields a profile edit may change (every key of the body), in the order audit snapshots list them. */
export const PROFILE_EDITABLE_FIELDS = [
  'nameBg',
  'nameEn',
  'descriptionBg',
  'descriptionEn',
  'areaIds',
  'naceCodes',
  'employees',
  'city',
  'address',
  'website',
  'publicEmail',
  'publicPhone',
  'contactName',
  'contactPosition',
  'contactEmail',
  'contactPhone',
  'offers',
  'seeks',
  'visibility',
  'acceptsContact',
] as const satisfies readonly (keyof ProfileEditBody)[];
export type ProfileEditableField = (typeof PROFILE_EDITABLE_FIELDS)[number];

/** What GET returns (and PUT answers with): the editable fields plus what the editor shows but cannot change. */
export const EditableProfileSchema = ProfileEditBodySchema.extend({
  acceptsContact: z.boolean(),
  id: z.uuid(),
  eik: z.string(),
  kind: OrganizationKindSchema,
  sizeClass: SizeClassSchema.nullable(),
  /** The row version; also the ETag (`"<version>"`). */
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime({ offset: true }),
  /** The large logo's versioned URL for the representatives (logos.ts), or null when there is none. */
  logoUrl: z.string().nullable(),
  /**
   * The user who saved this version (profile or logo), when known: the editor tells a conflict with the
   * user's own other tab from a colleague's save (issue 11 C13).
   */
  updatedBy: z.uuid().nullable().optional(),
});
export type EditableProfile = z.infer<typeof EditableProfileSchema>;

/**
 * The profile as it is stored, which GET answers: the contract's shape without its editing rules, because a
 * row on file may predate them (e.g. an organisation with no area yet, an old phone format). The editor
 * applies the rules on save, beside the fields, instead of failing to open the page.
 */
export const StoredProfileSchema = EditableProfileSchema.extend({
  nameBg: z.string(),
  nameEn: z.string(),
  descriptionBg: z.string(),
  descriptionEn: z.string(),
  areaIds: z.array(z.string()),
  naceCodes: z.array(z.string()),
  employees: z.number().int().nullable(),
  city: z.string().nullable(),
  ...ContactValuesShape,
  offers: z.record(z.string(), z.string()),
  seeks: z.record(z.string(), z.string()),
});
export type StoredProfile = z.infer<typeof StoredProfileSchema>;

export const ProfileHistoryEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  actorName: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type ProfileHistoryEntry = z.infer<typeof ProfileHistoryEntrySchema>;
export const ProfileHistoryResponseSchema = z.object({ items: z.array(ProfileHistoryEntrySchema) });

/** `"7"` ⇄ 7: the ETag of a row version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}
export function versionFromEtag(etag: string | undefined): number | null {
  const m = etag ? /^(?:W\/)?"(\d{1,9})"$/.exec(etag.trim()) : null;
  return m ? Number(m[1]) : null;
}
