import * as z from 'zod';
import { MembershipProposalSchema } from './membership-admin.ts';

/**
 * Meetings of the governing bodies (issue 15 §2, decision 041): a meeting of one body with its agenda,
 * documents, invitations and RSVPs, attendance and live quorum, and the decisions taken per agenda item.
 *
 * Status: planned → invited (invitations sent) → held (attendance recorded, the meeting took place) →
 * minutes_approved (§3); a planned or invited meeting may be cancelled.
 */

export const MEETING_STATUSES = ['planned', 'invited', 'held', 'minutes_approved', 'cancelled'] as const;
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

/** Who may read the approved minutes (§3): anyone, or the active members only. */
export const MINUTES_VISIBILITIES = ['public', 'members'] as const;
export const MinutesVisibilitySchema = z.enum(MINUTES_VISIBILITIES);
export type MinutesVisibility = z.infer<typeof MinutesVisibilitySchema>;

/**
 * What an agenda item is about: free text, a join application, a membership action (an organisation and
 * a proposed change, the membership votes' proposal), or an item of the cooperation board. Strategy items
 * join when the strategy exists (issue 16).
 */
/**
 * `minutes`: approving the minutes of an earlier meeting of the same body (issue 15 §3, decision 046);
 * `strategy`: an item of the cluster's strategy, one of its specialisation areas (ISIS, decision 046).
 */
export const AGENDA_ITEM_KINDS = [
  'text',
  'application',
  'membership',
  'board_item',
  'minutes',
  'strategy',
] as const;
export const AgendaItemKindSchema = z.enum(AGENDA_ITEM_KINDS);
export type AgendaItemKind = z.infer<typeof AgendaItemKindSchema>;

/** An invitee's answer: coming, not coming, or giving a proxy to another invitee (if the body allows it). */
export const RSVP_ANSWERS = ['yes', 'no', 'proxy'] as const;
export const RsvpAnswerSchema = z.enum(RSVP_ANSWERS);
export type RsvpAnswer = z.infer<typeof RsvpAnswerSchema>;

/** Attendance recorded at the meeting. */
export const ATTENDANCE_KINDS = ['present', 'proxy', 'absent'] as const;
export const AttendanceKindSchema = z.enum(ATTENDANCE_KINDS);
export type AttendanceKind = z.infer<typeof AttendanceKindSchema>;

/** How an agenda item's vote was taken: tallies entered by the secretary, or ballots cast in the portal. */
export const ITEM_VOTE_MODES = ['tally', 'ballots'] as const;
export const ItemVoteModeSchema = z.enum(ITEM_VOTE_MODES);
export type ItemVoteMode = z.infer<typeof ItemVoteModeSchema>;

// ---------- the API's contract ----------

const title = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max);
const day = z.iso.date();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const instant = z.iso.datetime({ offset: true });

/** An online meeting's link: http or https only (never `javascript:` or a file). */
export const MeetingUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((v) => /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(v), { params: { code: 'meetings.url_invalid' } });

/**
 * What the officers enter for a meeting: its day and start and end times as Sofia wall-clock times (the
 * server turns them into instants), place and/or online link.
 */
export const MeetingFieldsSchema = z.object({
  titleBg: title(200),
  titleEn: optionalText(200).default(''),
  date: day,
  startTime: clock,
  endTime: clock,
  place: optionalText(300).default(''),
  onlineUrl: MeetingUrlSchema.nullable().default(null),
  minutesVisibility: MinutesVisibilitySchema.default('members'),
});
export type MeetingFields = z.infer<typeof MeetingFieldsSchema>;

export const MeetingCreateBodySchema = MeetingFieldsSchema.extend({ bodyId: z.uuid() });
export type MeetingCreateBody = z.infer<typeof MeetingCreateBodySchema>;
export const MeetingUpdateBodySchema = MeetingFieldsSchema.extend({ version: z.number().int().positive() });
export type MeetingUpdateBody = z.infer<typeof MeetingUpdateBodySchema>;
export const MeetingCancelBodySchema = z.object({ reason: title(1000) });
export type MeetingCancelBody = z.infer<typeof MeetingCancelBodySchema>;

export const MeetingParamsSchema = z.object({ id: z.uuid() });
export const AgendaItemParamsSchema = z.object({ id: z.uuid(), itemId: z.uuid() });
export const MeetingDocumentParamsSchema = z.object({ id: z.uuid(), documentId: z.uuid() });

/** An agenda item as entered: its kind says which link it needs. */
export const AgendaItemBodySchema = z.object({
  kind: AgendaItemKindSchema.default('text'),
  titleBg: title(300),
  titleEn: optionalText(300).default(''),
  notesBg: optionalText(5000).default(''),
  notesEn: optionalText(5000).default(''),
  applicationId: z.uuid().nullable().default(null),
  organizationId: z.uuid().nullable().default(null),
  /** A membership item's proposed change (the membership votes' proposal). */
  proposal: MembershipProposalSchema.nullable().default(null),
  boardItemId: z.uuid().nullable().default(null),
  /** A minutes item's earlier meeting (same body) whose draft minutes this meeting approves. */
  minutesMeetingId: z.uuid().nullable().default(null),
  /** A strategy item's specialisation area (the strategy's ISIS area or sub-area, by its slug). */
  areaId: z.string().trim().min(1).max(63).nullable().default(null),
});
export type AgendaItemBody = z.infer<typeof AgendaItemBodySchema>;
export const AgendaItemUpdateBodySchema = AgendaItemBodySchema.extend({
  version: z.number().int().positive(),
});
export type AgendaItemUpdateBody = z.infer<typeof AgendaItemUpdateBodySchema>;
/** The agenda's new order: every item's id exactly once. */
export const AgendaOrderBodySchema = z.object({ itemIds: z.array(z.uuid()).min(1).max(200) });

export const RsvpBodySchema = z.object({
  participantId: z.uuid(),
  answer: RsvpAnswerSchema,
  proxyId: z.uuid().nullable().default(null),
});
export type RsvpBody = z.infer<typeof RsvpBodySchema>;

export const MeetingListQuerySchema = z.object({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  bodyId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuerySchema>;

export const MeetingSummarySchema = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyNameBg: z.string(),
  bodyNameEn: z.string(),
  titleBg: z.string(),
  titleEn: z.string(),
  startsAt: instant,
  endsAt: instant,
  place: z.string(),
  onlineUrl: z.string().nullable(),
  status: MeetingStatusSchema,
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;
export const MeetingListResponseSchema = z.object({
  items: z.array(MeetingSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Bodies whose meetings the caller may plan (the "new meeting" button). */
  manageableBodyIds: z.array(z.uuid()),
});
export type MeetingListResponse = z.infer<typeof MeetingListResponseSchema>;

export const AgendaItemSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: AgendaItemKindSchema,
  titleBg: z.string(),
  titleEn: z.string(),
  notesBg: z.string(),
  notesEn: z.string(),
  applicationId: z.uuid().nullable(),
  organizationId: z.uuid().nullable(),
  organizationNameBg: z.string().nullable(),
  organizationNameEn: z.string().nullable(),
  proposal: MembershipProposalSchema.nullable(),
  boardItemId: z.uuid().nullable(),
  minutesMeetingId: z.uuid().nullable(),
  areaId: z.string().nullable(),
  version: z.number().int(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const MeetingDocumentSchema = z.object({
  id: z.uuid(),
  agendaItemId: z.uuid().nullable(),
  filename: z.string(),
  size: z.number().int(),
  uploadedAt: instant,
});
export type MeetingDocument = z.infer<typeof MeetingDocumentSchema>;

export const ParticipantSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  positionId: z.uuid().nullable(),
  organizationId: z.uuid().nullable(),
  invitedAt: instant.nullable(),
  /** Answers are shown to the officers, and each seat sees its own. */
  rsvp: RsvpAnswerSchema.nullable(),
  rsvpProxyId: z.uuid().nullable(),
  rsvpAt: instant.nullable(),
  attendance: AttendanceKindSchema.nullable(),
  attendanceProxyId: z.uuid().nullable(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const MeetingSchema = MeetingSummarySchema.extend({
  quorum: z.string(),
  majority: z.string(),
  allowsProxy: z.boolean(),
  minutesVisibility: MinutesVisibilitySchema,
  sequence: z.number().int(),
  invitedAt: instant.nullable(),
  heldAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
  agenda: z.array(AgendaItemSchema),
  documents: z.array(MeetingDocumentSchema),
  /** Every seat (names only for members; answers as said on ParticipantSchema). */
  participants: z.array(ParticipantSchema),
  /** The caller's own seats (ids), which they answer for. */
  mySeats: z.array(z.uuid()),
  /** May the caller run this meeting (an officer of the body today, or an administrator)? */
  mayManage: z.boolean(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

/** Is the meeting's agenda (and documents) still open to changes? */
export function agendaOpen(status: MeetingStatus): boolean {
  return status === 'planned' || status === 'invited';
}
