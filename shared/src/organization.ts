import * as z from 'zod';

/** Kinds of organization that may join a cluster (DESIGN.md, Domain). */
export const ORGANIZATION_KINDS = [
  'company',
  'sole_trader',
  'public_authority',
  'university',
  'research_institute',
  'school',
  'ngo',
  'employers_organization',
  'foreign_entity',
] as const;
export const OrganizationKindSchema = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;

/** Size classes of the Small and Medium-sized Enterprises Act (ЗМСП, art. 3): staff under 10/50/250. */
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export const SizeClassSchema = z.enum(SIZE_CLASSES);
export type SizeClass = z.infer<typeof SizeClassSchema>;

export function sizeClassFromStaff(staff: number): SizeClass {
  if (!Number.isInteger(staff) || staff < 0)
    throw new RangeError(`staff must be a non-negative integer: ${staff}`);
  if (staff < 10) return 'micro';
  if (staff < 50) return 'small';
  if (staff < 250) return 'medium';
  return 'large';
}

export const MEMBERSHIP_CATEGORIES = ['candidate', 'regular', 'associated', 'engaged'] as const;
export const MembershipCategorySchema = z.enum(MEMBERSHIP_CATEGORIES);
export type MembershipCategory = z.infer<typeof MembershipCategorySchema>;

export const MEMBERSHIP_STATUSES = ['active', 'suspended', 'withdrawn', 'excluded'] as const;
export const MembershipStatusSchema = z.enum(MEMBERSHIP_STATUSES);
export type MembershipStatus = z.infer<typeof MembershipStatusSchema>;

/**
 * Only active members with a non-candidate category are listed publicly: a candidate's accession is
 * still to be decided (e.g. Sofia Municipality in the demo data).
 */
export function isPubliclyListed(m: { status: MembershipStatus; category: MembershipCategory }): boolean {
  return m.status === 'active' && m.category !== 'candidate';
}

/**
 * An organisation's standing in the cluster as the members-only rules see it (issue 11 A1, decision 012):
 * `active` — a member in good standing (an active, admitted membership: the organisations the directory
 * lists); `suspended`, `withdrawn`, `excluded` — its membership is on hold or ended; `none` — not a member
 * (no membership on file, or a candidate whose accession is still to be decided).
 */
export const MEMBER_STANDINGS = ['active', 'suspended', 'withdrawn', 'excluded', 'none'] as const;
export const MemberStandingSchema = z.enum(MEMBER_STANDINGS);
export type MemberStanding = z.infer<typeof MemberStandingSchema>;

export function memberStanding(
  m: { status: MembershipStatus; category: MembershipCategory } | null | undefined,
): MemberStanding {
  if (!m || m.category === 'candidate') return 'none';
  return m.status;
}
