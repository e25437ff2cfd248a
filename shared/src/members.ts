import * as z from 'zod';
import { ContactValuesShape, OrganizationProfileSchema, OrganizationSummarySchema } from './directory.ts';
import { VisibilitySchema } from './privacy.ts';

/**
 * The members-only view of the directory (issue 5, privacy): the same listed members, search, filters and
 * paging as the public directory, plus the contact fields the viewer may see. Representatives see
 * `members` fields, the committee and administrators `committee` fields; a field above the viewer's level
 * (or one the organisation left empty) is null. The public endpoints never adapt to the viewer: they are
 * public-level always, so a cached answer can never carry a members-only value.
 */

export const MemberOrganizationSummarySchema = OrganizationSummarySchema.extend(ContactValuesShape);
export type MemberOrganizationSummary = z.infer<typeof MemberOrganizationSummarySchema>;

export const MemberOrganizationListResponseSchema = z.object({
  items: z.array(MemberOrganizationSummarySchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  /** The viewer's level: which contact fields the answer may carry. */
  level: VisibilitySchema,
});
export type MemberOrganizationListResponse = z.infer<typeof MemberOrganizationListResponseSchema>;

/** The public profile's shape (contacts included, nullable), with the contacts at the viewer's level. */
export const MemberOrganizationProfileSchema = OrganizationProfileSchema.extend({
  level: VisibilitySchema,
});
export type MemberOrganizationProfile = z.infer<typeof MemberOrganizationProfileSchema>;
