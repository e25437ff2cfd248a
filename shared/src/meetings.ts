import * as z from 'zod';

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
export const AGENDA_ITEM_KINDS = ['text', 'application', 'membership', 'board_item'] as const;
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
