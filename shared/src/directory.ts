import * as z from 'zod';
import { AreaIdSchema, AreaRefSchema, PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './common.ts';
import { PublicPartnerSchema } from './conversations.ts';
import { MembershipCategorySchema, OrganizationKindSchema, SizeClassSchema } from './organization.ts';
import { isKidCode } from './plausibility.ts';

// ---------- organizations (public directory) ----------

export const ORGANIZATION_SORTS = ['name', '-name', 'memberSince', '-memberSince'] as const;
export const OrganizationSortSchema = z.enum(ORGANIZATION_SORTS);
export type OrganizationSort = z.infer<typeof OrganizationSortSchema>;

export const OrganizationListQuerySchema = z.object({
  /** Free text over bg and en names and descriptions: any case, Cyrillic or Latin, partial words. */
  q: z.string().trim().max(200).optional(),
  /** An area slug; a parent area includes its sub-areas. */
  area: AreaIdSchema.optional(),
  kind: OrganizationKindSchema.optional(),
  size: SizeClassSchema.optional(),
  sort: OrganizationSortSchema.default('name'),
  page: z.coerce.number().int().min(1).max(PAGE_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type OrganizationListQuery = z.infer<typeof OrganizationListQuerySchema>;
export type OrganizationListQueryInput = z.input<typeof OrganizationListQuerySchema>;

/** What a member offers to or seeks from the cluster: free text per kind of sharing (issue 11 C8). */
export const SharingSchema = z.strictObject({
  infrastructure: z.string().trim().max(2000).optional(),
  information: z.string().trim().max(2000).optional(),
  people: z.string().trim().max(2000).optional(),
  projects: z.string().trim().max(2000).optional(),
});
export type Sharing = z.infer<typeof SharingSchema>;
export const SHARING_KINDS = ['infrastructure', 'information', 'people', 'projects'] as const;
export const SharingKindSchema = z.enum(SHARING_KINDS);
export type SharingKind = z.infer<typeof SharingKindSchema>;

/** A public board offer as a directory card names it. */
export const BoardOfferRefSchema = z.object({ id: z.uuid(), titleBg: z.string(), titleEn: z.string() });
export type BoardOfferRef = z.infer<typeof BoardOfferRefSchema>;

export const OrganizationIdParamsSchema = z.object({ id: z.uuid() });

export const OrganizationSummarySchema = z.object({
  id: z.uuid(),
  nameBg: z.string(),
  nameEn: z.string(),
  kind: OrganizationKindSchema,
  sizeClass: SizeClassSchema.nullable(),
  city: z.string().nullable(),
  /** The description's first sentences, for result cards. */
  summaryBg: z.string(),
  summaryEn: z.string(),
  areas: z.array(AreaRefSchema),
  category: MembershipCategorySchema,
  memberSince: z.iso.date().nullable(),
  /** The kinds of sharing the member offers and seeks (the texts are on its profile), for finding partners. */
  offers: z.array(SharingKindSchema),
  seeks: z.array(SharingKindSchema),
  /** The small logo's versioned URL (cacheable for ever), or null when there is no logo. */
  logoUrl: z.string().nullable(),
  /**
   * Up to 3 of the member's newest offers on the cooperation board that are on the board now and public
   * (titles only, as the board's public teaser shows them), newest first.
   */
  boardOffers: z.array(BoardOfferRefSchema),
});
export type OrganizationSummary = z.infer<typeof OrganizationSummarySchema>;

export const OrganizationListResponseSchema = z.object({
  items: z.array(OrganizationSummarySchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type OrganizationListResponse = z.infer<typeof OrganizationListResponseSchema>;

export const NaceCodeSchema = z.string().regex(/^\d{2}(\.\d{1,2})?$/);
/** A КИД-2008 code as typed in a form: the format, and a division and group that exist (decision 015). */
export const KidCodeSchema = NaceCodeSchema.refine(isKidCode, { params: { code: 'nace.unknown' } });

/** The contact fields' values (each null when empty or above the reader's level; see privacy.ts). */
export const ContactValuesShape = {
  address: z.string().nullable(),
  website: z.string().nullable(),
  publicEmail: z.string().nullable(),
  publicPhone: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPosition: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
};

/**
 * The public profile: each contact field only when its organisation made it public (null otherwise; see
 * privacy.ts). The contact person is not public unless the organisation chose so.
 */
export const OrganizationProfileSchema = z.object({
  id: z.uuid(),
  eik: z.string(),
  nameBg: z.string(),
  nameEn: z.string(),
  kind: OrganizationKindSchema,
  sizeClass: SizeClassSchema.nullable(),
  employees: z.number().int().nonnegative().nullable(),
  foundedYear: z.number().int().nullable(),
  city: z.string().nullable(),
  ...ContactValuesShape,
  descriptionBg: z.string(),
  descriptionEn: z.string(),
  naceCodes: z.array(NaceCodeSchema),
  areas: z.array(AreaRefSchema),
  /** What the member offers to and seeks from the cluster (public: it is there to find partners). */
  offers: SharingSchema,
  seeks: SharingSchema,
  category: MembershipCategorySchema,
  memberSince: z.iso.date().nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
  /** The large logo's versioned URL (cacheable for ever), or null when there is no logo. */
  logoUrl: z.string().nullable(),
  /**
   * "Partners in the cluster": partnerships agreed in conversations that both sides consented to show
   * (issue 14 §2, decision 036). Answered by the public profile; absent elsewhere.
   */
  partners: z.array(PublicPartnerSchema).optional(),
  /**
   * Whether the member accepts messages from visitors through the portal's contact form (issue 17,
   * decision 053): the page shows the form only then. The address the message goes to is never shown.
   */
  acceptsContact: z.boolean(),
});
export type OrganizationProfile = z.infer<typeof OrganizationProfileSchema>;
