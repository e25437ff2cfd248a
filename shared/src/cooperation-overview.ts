import * as z from 'zod';
import { BoardItemTypeSchema } from './board.ts';
import { AreaIdSchema, AreaRefSchema } from './common.ts';
import { todayInSofia } from './dates.ts';
import { OrganizationKindSchema } from './organization.ts';

/**
 * The committee's overview of cooperation and the network picture of the cluster (issue 14 §5, decision
 * 037). Months are calendar months in Sofia (`YYYY-MM`); a period is a range of whole months.
 */

/** A month `YYYY-MM` from 1900 to 2999 (PostgreSQL has no year 0, and nothing older is cooperation). */
export const MonthSchema = z.string().regex(/^(19\d\d|2\d{3})-(0[1-9]|1[0-2])$/);

/** The longest period one request may cover (three years of months). */
export const OVERVIEW_MONTHS_MAX = 36;
/** The default period: the last twelve months, this one included. */
export const OVERVIEW_MONTHS_DEFAULT = 12;
/** How many of the most active members the overview lists. */
export const OVERVIEW_TOP_MEMBERS = 10;

/** The month (`YYYY-MM`) `months` after `month` (negative: before). */
export function shiftMonth(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included (empty when `to` is before `from`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length <= OVERVIEW_MONTHS_MAX * 4; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

/** This month in Sofia. */
export function monthInSofia(now: Date = new Date()): string {
  return todayInSofia(now).slice(0, 7);
}

/** The default period ending with this month in Sofia. */
export function defaultOverviewPeriod(now: Date = new Date()): { from: string; to: string } {
  const to = monthInSofia(now);
  return { from: shiftMonth(to, -(OVERVIEW_MONTHS_DEFAULT - 1)), to };
}

/** The filters of the overview and the network: a period of months and a thematic area. */
export const CooperationQuerySchema = z
  .object({
    from: MonthSchema.optional(),
    to: MonthSchema.optional(),
    /** A theme (top-level area): only items, organisations and links in it. */
    area: AreaIdSchema.optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    if (q.to < q.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        input: q.to,
        params: { code: 'cooperation.period_order' },
      });
    } else if (monthsBetween(q.from, q.to).length > OVERVIEW_MONTHS_MAX) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        input: q.to,
        params: { code: 'cooperation.period_too_long', values: { max: OVERVIEW_MONTHS_MAX } },
      });
    }
  });
export type CooperationQuery = z.infer<typeof CooperationQuerySchema>;

const count = z.number().int().nonnegative();

export const OverviewMemberSchema = z.object({
  organizationId: z.uuid(),
  nameBg: z.string(),
  nameEn: z.string(),
  /** Items it published in the period. */
  items: count,
  /** Confirmed bookings it made or hosted in the period. */
  bookings: count,
  /** Conversations it took part in, opened in the period. */
  conversations: count,
  /** Partnerships it agreed in the period. */
  partnerships: count,
  total: count,
});
export type OverviewMember = z.infer<typeof OverviewMemberSchema>;

export const UnansweredRequestSchema = z.object({
  id: z.uuid(),
  titleBg: z.string(),
  titleEn: z.string(),
  organizationId: z.uuid(),
  organizationNameBg: z.string(),
  organizationNameEn: z.string(),
  publishedAt: z.string(),
  validUntil: z.string().nullable(),
});
export type UnansweredRequest = z.infer<typeof UnansweredRequestSchema>;

export const CooperationOverviewSchema = z.object({
  from: MonthSchema,
  to: MonthSchema,
  area: AreaIdSchema.nullable(),
  months: z.array(MonthSchema),
  /** The themes (top-level areas), in taxonomy order: the legend of the per-area series. */
  areas: z.array(AreaRefSchema),
  /** Items published per month (Sofia) and type. */
  itemsPerMonth: z.array(z.object({ month: MonthSchema, type: BoardItemTypeSchema, count })),
  /** Items published in the period per theme and type (an item in two themes counts in both). */
  itemsPerArea: z.array(z.object({ areaId: AreaIdSchema, type: BoardItemTypeSchema, count })),
  /** Confirmed bookings per month of their start (Sofia). */
  bookingsPerMonth: z.array(z.object({ month: MonthSchema, count })),
  /** Conversations opened and partnerships agreed per month (Sofia). */
  conversationsPerMonth: z.array(z.object({ month: MonthSchema, conversations: count, partnerships: count })),
  /** Conversations opened and partnerships agreed in the period per theme (of the item they are about). */
  conversationsPerArea: z.array(
    z.object({ areaId: AreaIdSchema, conversations: count, partnerships: count }),
  ),
  /** The most active members in the period. */
  activeMembers: z.array(OverviewMemberSchema),
  /** Requests on the board now that no one has answered (no conversation about them), oldest first. */
  unansweredRequests: z.array(UnansweredRequestSchema),
});
export type CooperationOverview = z.infer<typeof CooperationOverviewSchema>;

export const NETWORK_LINK_TYPES = ['partnership', 'booking'] as const;
export const NetworkLinkTypeSchema = z.enum(NETWORK_LINK_TYPES);
export type NetworkLinkType = z.infer<typeof NetworkLinkTypeSchema>;

export const NetworkNodeSchema = z.object({
  id: z.uuid(),
  nameBg: z.string(),
  nameEn: z.string(),
  kind: OrganizationKindSchema,
  /** Its first theme in taxonomy order (null: none). */
  areaId: AreaIdSchema.nullable(),
});
export type NetworkNode = z.infer<typeof NetworkNodeSchema>;

export const NetworkLinkSchema = z.object({
  source: z.uuid(),
  target: z.uuid(),
  type: NetworkLinkTypeSchema,
  /** How many partnerships or confirmed bookings join the two in the period. */
  count: z.number().int().positive(),
});
export type NetworkLink = z.infer<typeof NetworkLinkSchema>;

export const CooperationNetworkSchema = z.object({
  from: MonthSchema,
  to: MonthSchema,
  area: AreaIdSchema.nullable(),
  areas: z.array(AreaRefSchema),
  nodes: z.array(NetworkNodeSchema),
  links: z.array(NetworkLinkSchema),
});
export type CooperationNetwork = z.infer<typeof CooperationNetworkSchema>;
