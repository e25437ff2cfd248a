import { type Db, eq, meetingParticipants, meetings } from '@portal/db';
import { type PositionKind, type Principal, termHeldOn, todayInSofia } from '@portal/shared';
import { findPositionsOfUser } from '../bodies/bodies.repository.ts';

/**
 * Who may do what with a meeting (decision 041). Access follows the state of things today, never a role
 * once granted:
 * - a body's **officers** are the holders today of its chair, deputy chair or secretary positions; they
 *   (and administrators) plan the body's meetings, send invitations, record attendance and votes;
 * - a **seat** at a meeting (a `meeting_participants` row) is answered (RSVP) and voted by its person (a
 *   position's user) or, at the general assembly, by any representative of that organisation while it is
 *   an active member now.
 */

/** The positions that run a body's meetings. */
export const OFFICER_POSITIONS: readonly PositionKind[] = ['chair', 'deputy_chair', 'secretary'];

/** The officer positions `userId` holds in the body on `day` (empty: not an officer). */
export async function officerPositions(
  db: Db,
  userId: string,
  bodyId: string,
  day = todayInSofia(),
): Promise<PositionKind[]> {
  const positions = await findPositionsOfUser(db, bodyId, userId);
  return positions
    .filter((p) => OFFICER_POSITIONS.includes(p.position) && termHeldOn(p, day))
    .map((p) => p.position);
}

/** May `user` run the meetings of the body (plan, invite, record attendance and votes)? */
export async function mayRunMeetingsOf(
  db: Db,
  user: Principal,
  bodyId: string,
  day = todayInSofia(),
): Promise<boolean> {
  if (user.roles.includes('admin')) return true;
  return (await officerPositions(db, user.id, bodyId, day)).length > 0;
}

/** Is `user` the chair of the body today (approves minutes, §3)? */
export async function chairsBody(
  db: Db,
  user: Principal,
  bodyId: string,
  day = todayInSofia(),
): Promise<boolean> {
  return (await officerPositions(db, user.id, bodyId, day)).includes('chair');
}

/**
 * The seats of the meeting `user` answers for now: their own (their position's row) and, for the general
 * assembly, those of the organisations they represent that are active members now.
 */
export async function seatsOf(db: Db, user: Principal, meetingId: string): Promise<string[]> {
  const rows = await db
    .select({
      id: meetingParticipants.id,
      userId: meetingParticipants.userId,
      organizationId: meetingParticipants.organizationId,
    })
    .from(meetingParticipants)
    .where(eq(meetingParticipants.meetingId, meetingId));
  return rows
    .filter(
      (r) =>
        r.userId === user.id ||
        (r.organizationId !== null && user.memberOrganizationIds.includes(r.organizationId)),
    )
    .map((r) => r.id);
}

/** The meeting's body, or undefined for an unknown meeting. */
export async function bodyOfMeeting(db: Db, meetingId: string): Promise<string | undefined> {
  const [row] = await db.select({ bodyId: meetings.bodyId }).from(meetings).where(eq(meetings.id, meetingId));
  return row?.bodyId;
}
