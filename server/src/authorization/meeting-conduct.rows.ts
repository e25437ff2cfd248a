import {
  bodyPositions,
  governingBodies,
  meetingAgendaItems,
  meetingItemVotes,
  meetingParticipants,
  meetings,
  sql,
} from '@portal/db';
import { expect } from 'vitest';
import {
  ANON,
  allow,
  bodyOf,
  type Expectations,
  type Fixtures,
  FORBIDDEN,
  h,
  type Outcome,
  type Row,
} from './matrix.ts';

/**
 * What happens at a meeting (decision 043). Each row's meeting is fresh: a body whose secretary today is
 * the committee member (an officer: runs its meetings), with a seat held by the representative.
 */
async function meetingOf(f: Fixtures, options: { held?: boolean; vote?: 'tally' | 'ballots' } = {}) {
  const [body] = await h.db
    .insert(governingBodies)
    .values({ kind: 'working_group', nameBg: 'Работна група', nameEn: 'Working group' })
    .returning({ id: governingBodies.id });
  const bodyId = body!.id;
  await h.db.insert(bodyPositions).values([
    { bodyId, position: 'secretary', userId: f.actors.committee_member.user!.id, startsOn: '2020-01-01' },
    { bodyId, position: 'member', userId: f.actors.representative.user!.id, startsOn: '2020-01-01' },
  ]);
  const [position] = await h.query<{ id: string }>(
    sql`select id from body_positions where body_id = ${bodyId} and position = 'member'`,
  );
  const [meeting] = await h.db
    .insert(meetings)
    .values({
      bodyId,
      titleBg: 'Заседание',
      startsAt: new Date('2026-12-01T08:00:00Z'),
      endsAt: new Date('2026-12-01T10:00:00Z'),
      status: options.held ? 'held' : 'invited',
      quorum: 'more_than_half',
      majority: 'simple',
      allowsProxy: false,
    })
    .returning({ id: meetings.id });
  const meetingId = meeting!.id;
  const [seat] = await h.db
    .insert(meetingParticipants)
    .values({
      meetingId,
      positionId: position!.id,
      userId: f.actors.representative.user!.id,
      name: 'Представител',
      attendance: options.held ? 'present' : null,
    })
    .returning({ id: meetingParticipants.id });
  const [item] = await h.db
    .insert(meetingAgendaItems)
    .values({ meetingId, position: 1, titleBg: 'Точка' })
    .returning({ id: meetingAgendaItems.id });
  if (options.vote) {
    await h.db
      .insert(meetingItemVotes)
      .values({ agendaItemId: item!.id, meetingId, mode: options.vote, motionBg: 'Приема.' });
  }
  return { meetingId, seatId: seat!.id, itemId: item!.id };
}

const NOT_FOUND: Outcome = { deny: 404, code: 'conduct.meeting_not_found' };

/** The body's officer (the committee member) and administrators. */
const officers = (status: number): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative: FORBIDDEN,
  committee_member: allow(status),
  committee_chair: FORBIDDEN,
  admin: allow(status),
});

export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/api/meetings/:id/conduct',
    permission: 'meetings.attend',
    label: "a meeting's attendance, quorum and votes (officers, seats, members)",
    record: true,
    expect: {
      anonymous: ANON,
      no_role: NOT_FOUND,
      applicant: NOT_FOUND,
      other_applicant: NOT_FOUND,
      representative: allow(200),
      committee_member: allow(200),
      committee_chair: allow(200),
      admin: allow(200),
    },
    build: async (f) => ({ url: `/api/meetings/${(await meetingOf(f)).meetingId}/conduct` }),
    check: (body) => expect(bodyOf(body)).toHaveProperty('seats'),
  },
  {
    method: 'PUT',
    url: '/api/meetings/:id/attendance',
    permission: 'meetings.manage',
    label: 'recording attendance (the body’s officers)',
    record: true,
    expect: officers(200),
    build: async (f) => {
      const m = await meetingOf(f);
      return {
        url: `/api/meetings/${m.meetingId}/attendance`,
        payload: { entries: [{ participantId: m.seatId, attendance: 'present' }] },
      };
    },
    check: (body) => expect(bodyOf(body)).toMatchObject({ status: 'held', quorumMet: true }),
  },
  {
    method: 'POST',
    url: '/api/meetings/:id/items/:itemId/vote',
    permission: 'meetings.manage',
    label: 'opening the vote on an agenda item (the body’s officers)',
    record: true,
    expect: officers(200),
    build: async (f) => {
      const m = await meetingOf(f, { held: true });
      return {
        url: `/api/meetings/${m.meetingId}/items/${m.itemId}/vote`,
        payload: { mode: 'tally', motionBg: 'Приема.' },
      };
    },
  },
  {
    method: 'PUT',
    url: '/api/meetings/:id/items/:itemId/ballot',
    permission: 'meetings.attend',
    label: "casting a seat's ballot (the seat's own person)",
    record: true,
    expect: {
      anonymous: ANON,
      no_role: NOT_FOUND,
      applicant: NOT_FOUND,
      other_applicant: NOT_FOUND,
      representative: allow(200),
      committee_member: FORBIDDEN,
      committee_chair: FORBIDDEN,
      admin: FORBIDDEN,
    },
    build: async (f) => {
      const m = await meetingOf(f, { held: true, vote: 'ballots' });
      return {
        url: `/api/meetings/${m.meetingId}/items/${m.itemId}/ballot`,
        payload: { participantId: m.seatId, choice: 'for' },
      };
    },
  },
  {
    method: 'POST',
    url: '/api/meetings/:id/items/:itemId/vote/close',
    permission: 'meetings.manage',
    label: "closing an item's vote (the body’s officers)",
    record: true,
    expect: officers(200),
    build: async (f) => {
      const m = await meetingOf(f, { held: true, vote: 'tally' });
      return {
        url: `/api/meetings/${m.meetingId}/items/${m.itemId}/vote/close`,
        payload: { tally: { for: 1, against: 0, abstain: 0 } },
      };
    },
    check: (body) => expect(JSON.stringify(body)).toContain('"outcome":"approved"'),
  },
];
