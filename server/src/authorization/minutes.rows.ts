import { bodyPositions, governingBodies, meetingMinutes, meetingParticipants, meetings } from '@portal/db';
import { expect } from 'vitest';
import {
  ANON,
  allow,
  type Expectations,
  everyone,
  type Fixtures,
  FORBIDDEN,
  h,
  type Outcome,
  type Row,
} from './matrix.ts';

/**
 * The minutes of meetings (issue 15 §3, decision 045). Each row gets a meeting of its own working group,
 * held, whose chair is the matrix's committee chair and whose secretary is its committee member (both
 * seats of the meeting); minutes members-only unless the row says otherwise.
 */
async function heldMeeting(
  f: Fixtures,
  options: { visibility?: 'public' | 'members'; minutes?: 'draft' | 'approved' } = {},
): Promise<string> {
  const [body] = await h.db
    .insert(governingBodies)
    .values({ kind: 'working_group', nameBg: 'Работна група', nameEn: 'Working group' })
    .returning({ id: governingBodies.id });
  const bodyId = body!.id;
  const chair = f.actors.committee_chair.user!;
  const secretary = f.actors.committee_member.user!;
  const positions = await h.db
    .insert(bodyPositions)
    .values([
      { bodyId, position: 'chair', userId: chair.id, startsOn: '2026-01-01' },
      { bodyId, position: 'secretary', userId: secretary.id, startsOn: '2026-01-01' },
    ])
    .returning({ id: bodyPositions.id, userId: bodyPositions.userId });
  const [meeting] = await h.db
    .insert(meetings)
    .values({
      bodyId,
      titleBg: 'Заседание на работната група',
      startsAt: new Date('2026-03-02T08:00:00Z'),
      endsAt: new Date('2026-03-02T10:00:00Z'),
      status: 'held',
      quorum: 'more_than_half',
      majority: 'simple',
      allowsProxy: false,
      minutesVisibility: options.visibility ?? 'members',
    })
    .returning({ id: meetings.id });
  const meetingId = meeting!.id;
  await h.db.insert(meetingParticipants).values(
    positions.map((p) => ({
      meetingId,
      positionId: p.id,
      userId: p.userId,
      name: 'Член',
      attendance: 'present' as const,
    })),
  );
  if (options.minutes) {
    await h.db.insert(meetingMinutes).values({
      meetingId,
      revision: 1,
      textBg: '# Протокол\n\nТекст.',
      status: options.minutes,
      approvedAt: options.minutes === 'approved' ? new Date() : null,
    });
  }
  return meetingId;
}

const NOT_FOUND: Outcome = { deny: 404, code: 'minutes.not_found' };
/** Members-only minutes: members, the committee (here also the meeting's seats) and administrators. */
const membersRead: Expectations = {
  anonymous: NOT_FOUND,
  no_role: NOT_FOUND,
  applicant: NOT_FOUND,
  other_applicant: NOT_FOUND,
  representative: allow(200),
  committee_member: allow(200),
  committee_chair: allow(200),
  admin: allow(200),
};
/** The meeting's officers (its chair and secretary) and administrators. */
const officers = (status: number): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative: FORBIDDEN,
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: allow(status),
});
/** Those who read the draft: the meeting's seats and officers, administrators; others may not know it. */
const draftReaders = (status: number): Expectations => ({
  anonymous: ANON,
  no_role: NOT_FOUND,
  applicant: NOT_FOUND,
  other_applicant: NOT_FOUND,
  representative: NOT_FOUND,
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: allow(status),
});

/** The meetings the public list's row made last: the public one must be listed, the members-only one not. */
const listed = { public: '', members: '', draft: '' };

export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/api/public/minutes',
    permission: 'public',
    label: 'the public list of approved public minutes (anyone; never members-only minutes or drafts)',
    expect: everyone(200),
    build: async (f) => {
      listed.public = await heldMeeting(f, { minutes: 'approved', visibility: 'public' });
      listed.members = await heldMeeting(f, { minutes: 'approved', visibility: 'members' });
      listed.draft = await heldMeeting(f, { minutes: 'draft', visibility: 'public' });
      return { url: '/api/public/minutes?pageSize=100' };
    },
    check: (body) => {
      const ids = (body as { items: { meetingId: string }[] }).items.map((i) => i.meetingId);
      expect(ids).toContain(listed.public);
      expect(ids).not.toContain(listed.members);
      expect(ids).not.toContain(listed.draft);
    },
  },
  {
    method: 'GET',
    url: '/api/meetings/:id/minutes',
    permission: 'public',
    record: true,
    label: 'members-only approved minutes (members, the committee, administrators)',
    expect: membersRead,
    lapsed: NOT_FOUND,
    candidate: NOT_FOUND,
    build: async (f) => ({ url: `/api/meetings/${await heldMeeting(f, { minutes: 'approved' })}/minutes` }),
    check: (body) => expect((body as { revisions: unknown[] }).revisions).toHaveLength(1),
  },
  {
    method: 'GET',
    url: '/api/meetings/:id/minutes',
    permission: 'public',
    record: true,
    label: 'public approved minutes (anyone)',
    expect: everyone(200),
    build: async (f) => ({
      url: `/api/meetings/${await heldMeeting(f, { minutes: 'approved', visibility: 'public' })}/minutes`,
    }),
  },
  {
    method: 'GET',
    url: '/api/meetings/:id/minutes.pdf',
    permission: 'public',
    record: true,
    label: 'members-only minutes as PDF',
    expect: membersRead,
    lapsed: NOT_FOUND,
    candidate: NOT_FOUND,
    build: async (f) => ({
      url: `/api/meetings/${await heldMeeting(f, { minutes: 'approved' })}/minutes.pdf`,
    }),
    check: (body) => expect(String(body).slice(0, 5)).toBe('%PDF-'),
  },
  {
    method: 'GET',
    url: '/api/meetings/:id/minutes/prefill',
    permission: 'meetings.manage',
    record: true,
    label: "the pre-filled draft (the meeting's officers)",
    expect: officers(200),
    build: async (f) => ({ url: `/api/meetings/${await heldMeeting(f)}/minutes/prefill?lang=bg` }),
    check: (body) => expect((body as { text: string }).text).toContain('Протокол'),
  },
  {
    method: 'PUT',
    url: '/api/meetings/:id/minutes/draft',
    permission: 'meetings.manage',
    record: true,
    label: "drafting the minutes (the meeting's officers)",
    expect: officers(200),
    build: async (f) => ({
      url: `/api/meetings/${await heldMeeting(f)}/minutes/draft`,
      payload: { textBg: '# Протокол\n\nПроект.' },
    }),
  },
  {
    method: 'POST',
    url: '/api/meetings/:id/minutes/comments',
    permission: 'meetings.attend',
    record: true,
    label: "commenting on the draft (the meeting's seats and officers)",
    expect: draftReaders(200),
    build: async (f) => ({
      url: `/api/meetings/${await heldMeeting(f, { minutes: 'draft' })}/minutes/comments`,
      payload: { text: 'Предлагам поправка в т. 2.' },
    }),
  },
  {
    method: 'POST',
    url: '/api/meetings/:id/minutes/approve',
    permission: 'meetings.manage',
    record: true,
    label: 'approving the draft (the chair, administrators)',
    expect: { ...draftReaders(200), committee_member: FORBIDDEN },
    build: async (f) => ({
      url: `/api/meetings/${await heldMeeting(f, { minutes: 'draft' })}/minutes/approve`,
      payload: { version: 1 },
    }),
  },
];
