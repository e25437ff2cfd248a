import * as z from 'zod';
import { NewsSummarySchema } from './news.ts';
import { MembershipCategorySchema } from './organization.ts';

/**
 * The public home page in one answer (issue 17 "A public face", decision 054): the cluster's identity, its
 * key figures, the specialisation areas with a few of their members, a strip of member logos, the latest
 * news, the next events, the open funding calls and this year's fee per membership category. Public data
 * only: published posts, public calls, publicly listed members' names and logos.
 */

/** How many members each area card shows, how many logos the strip holds, and the lists' lengths. */
export const HOME_AREA_MEMBERS = 5;
export const HOME_LOGO_STRIP = 12;
export const HOME_LIST_SIZE = 3;

/** A publicly listed member as the home page shows it: its name and logo (null: show its initials). */
export const HomeMemberSchema = z.object({
  id: z.uuid(),
  nameBg: z.string(),
  nameEn: z.string(),
  /** The small logo rendition's versioned URL, or null. */
  logoUrl: z.string().nullable(),
});
export type HomeMember = z.infer<typeof HomeMemberSchema>;

export const HomeFiguresSchema = z.object({
  /** Publicly listed members (active, not candidates). */
  members: z.number().int().nonnegative(),
  /** Of them: companies and sole traders of size micro, small or medium. */
  smes: z.number().int().nonnegative(),
  /** Of them: universities and research institutes. */
  universities: z.number().int().nonnegative(),
  /** Of them: public authorities. */
  publicBodies: z.number().int().nonnegative(),
  /** Funding calls open now. */
  openCalls: z.number().int().nonnegative(),
  /** Public events still to begin. */
  upcomingEvents: z.number().int().nonnegative(),
});
export type HomeFigures = z.infer<typeof HomeFiguresSchema>;

/** A top-level specialisation area with its member count and up to HOME_AREA_MEMBERS of its members. */
export const HomeAreaSchema = z.object({
  id: z.string(),
  nameBg: z.string(),
  nameEn: z.string(),
  isPriority: z.boolean(),
  memberCount: z.number().int().nonnegative(),
  members: z.array(HomeMemberSchema),
});
export type HomeArea = z.infer<typeof HomeAreaSchema>;

/** A latest post on the home page: the public news summary's fields the page shows. */
export const HomeNewsItemSchema = NewsSummarySchema.pick({
  id: true,
  slug: true,
  category: true,
  titleBg: true,
  titleEn: true,
  summaryBg: true,
  summaryEn: true,
  publishedAt: true,
});
export type HomeNewsItem = z.infer<typeof HomeNewsItemSchema>;

export const HomeEventSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  titleBg: z.string(),
  titleEn: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  /** Whether it can be followed online. */
  online: z.boolean(),
});
export type HomeEvent = z.infer<typeof HomeEventSchema>;

export const HomeCallSchema = z.object({
  id: z.uuid(),
  programme: z.string(),
  code: z.string(),
  titleBg: z.string(),
  titleEn: z.string(),
  deadlineAt: z.string(),
  budgetCents: z.number().int().nullable(),
});
export type HomeCall = z.infer<typeof HomeCallSchema>;

export const HomeFeeSchema = z.object({
  category: MembershipCategorySchema,
  /** 0: no fee that year. */
  amountCents: z.number().int().nonnegative(),
});

export const HomeResponseSchema = z.object({
  cluster: z.object({
    nameBg: z.string(),
    nameEn: z.string(),
    taglineBg: z.string(),
    taglineEn: z.string(),
    missionBg: z.string(),
    missionEn: z.string(),
  }),
  figures: HomeFiguresSchema,
  areas: z.array(HomeAreaSchema),
  logos: z.array(HomeMemberSchema),
  news: z.array(HomeNewsItemSchema),
  events: z.array(HomeEventSchema),
  calls: z.array(HomeCallSchema),
  /** This year's annual fee per membership category a member can hold (candidates pay none). */
  fees: z.object({ year: z.number().int(), rates: z.array(HomeFeeSchema) }),
  /** When the answer was computed (it is cached for up to a minute). */
  generatedAt: z.string(),
});
export type HomeResponse = z.infer<typeof HomeResponseSchema>;
