import {
  governingBodies,
  meetingAgendaItems,
  meetingDocuments,
  meetingParticipants,
  meetings,
} from '@portal/db';
import { expect } from 'vitest';
import {
  ANON,
  bodyOf,
  type Expectations,
  FORBIDDEN,
  f,
  h,
  type Outcome,
  PDF,
  type Row,
  signedIn,
} from './matrix.ts';

/**
 * Meetings (issue 15 §2, decision 041). Reading: the members (the representative of active member A), the
 * committee and administrators, and each seat's own person; the others get a record-level 404. Planning:
 * the body's officers today and administrators — none of the matrix's other actors holds a position, so
 * they get 403. RSVP: only the seat's own person (here organisation A's representative).
 */

const HIDDEN: Outcome = { deny: 404, code: 'meeting.not_found' };
const readers: Expectations = {
  anonymous: ANON,
  no_role: HIDDEN,
  applicant: HIDDEN,
  other_applicant: HIDDEN,
  representative: { allow: 200 },
  committee_member: { allow: 200 },
  committee_chair: { allow: 200 },
  admin: { allow: 200 },
};
const managers = (status: number): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative: FORBIDDEN,
  committee_member: FORBIDDEN,
  committee_chair: FORBIDDEN,
  admin: { allow: status },
});

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000);

/** A fresh working group and a meeting of it (planned, or invited with organisation A's seat). */
async function newMeeting(invited = false): Promise<{ bodyId: string; id: string; seatId: string | null }> {
  const [body] = await h.db
    .insert(governingBodies)
    .values({ kind: 'working_group', nameBg: 'Работна група', nameEn: 'Working group' })
    .returning({ id: governingBodies.id });
  const start = inAWeek();
  const [m] = await h.db
    .insert(meetings)
    .values({
      bodyId: body!.id,
      titleBg: 'Заседание',
      startsAt: start,
      endsAt: new Date(start.getTime() + 3_600_000),
      quorum: 'more_than_half',
      majority: 'simple',
      allowsProxy: true,
      ...(invited ? { status: 'invited' as const, invitedAt: new Date() } : {}),
    })
    .returning({ id: meetings.id });
  let seatId: string | null = null;
  if (invited) {
    const [seat] = await h.db
      .insert(meetingParticipants)
      .values({ meetingId: m!.id, organizationId: f.orgA.id, name: 'A', invitedAt: new Date() })
      .returning({ id: meetingParticipants.id });
    seatId = seat!.id;
  }
  return { bodyId: body!.id, id: m!.id, seatId };
}
async function newItem(meetingId: string): Promise<string> {
  const [row] = await h.db
    .insert(meetingAgendaItems)
    .values({ meetingId, position: 1, titleBg: 'Точка' })
    .returning({ id: meetingAgendaItems.id });
  return row!.id;
}
async function newDocument(meetingId: string): Promise<string> {
  const [row] = await h.db
    .insert(meetingDocuments)
    .values({ meetingId, filename: 'a.pdf', size: PDF.length, sha256: 'x', content: PDF })
    .returning({ id: meetingDocuments.id });
  return row!.id;
}
const fields = {
  titleBg: 'Заседание',
  date: '2030-05-14',
  startTime: '10:00',
  endTime: '12:00',
  place: 'София',
};

export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/api/meetings',
    permission: 'meetings.attend',
    record: true,
    label: 'the meetings the caller may see (filtered per caller)',
    expect: signedIn(200),
    build: () => ({ url: '/api/meetings' }),
    check: (body) => expect(bodyOf(body)).toHaveProperty('items'),
  },
  {
    method: 'POST',
    url: '/api/meetings',
    permission: 'meetings.manage',
    record: true,
    label: "planning a meeting (the body's officers, administrators)",
    expect: managers(201),
    build: async () => ({
      url: '/api/meetings',
      payload: { ...fields, bodyId: (await newMeeting()).bodyId },
    }),
  },
  {
    method: 'GET',
    url: '/api/meetings/:id',
    permission: 'meetings.attend',
    record: true,
    label: 'a meeting with its agenda and documents (members, committee, administrators, seats)',
    expect: readers,
    lapsed: HIDDEN,
    build: async () => ({ url: `/api/meetings/${(await newMeeting()).id}` }),
    check: (body) => expect(bodyOf(body)).toHaveProperty('agenda'),
  },
  {
    method: 'PUT',
    url: '/api/meetings/:id',
    permission: 'meetings.manage',
    record: true,
    label: 'changing a meeting',
    expect: managers(200),
    build: async () => ({
      url: `/api/meetings/${(await newMeeting()).id}`,
      payload: { ...fields, version: 1 },
    }),
  },
  {
    method: 'POST',
    url: '/api/meetings/:id/cancel',
    permission: 'meetings.manage',
    record: true,
    label: 'cancelling a meeting',
    expect: managers(200),
    build: async () => ({
      url: `/api/meetings/${(await newMeeting()).id}/cancel`,
      payload: { reason: 'Няма зала' },
    }),
  },
  {
    method: 'POST',
    url: '/api/meetings/:id/invitations',
    permission: 'meetings.manage',
    record: true,
    label: 'sending the invitations',
    expect: managers(200),
    build: async () => ({ url: `/api/meetings/${(await newMeeting()).id}/invitations` }),
  },
  {
    method: 'POST',
    url: '/api/meetings/:id/rsvp',
    permission: 'meetings.attend',
    record: true,
    label: "answering the invitation for one's own seat",
    expect: {
      anonymous: ANON,
      no_role: FORBIDDEN,
      applicant: FORBIDDEN,
      other_applicant: FORBIDDEN,
      representative: { allow: 200 },
      committee_member: FORBIDDEN,
      committee_chair: FORBIDDEN,
      admin: FORBIDDEN,
    },
    lapsed: FORBIDDEN,
    build: async () => {
      const m = await newMeeting(true);
      return { url: `/api/meetings/${m.id}/rsvp`, payload: { participantId: m.seatId, answer: 'yes' } };
    },
  },
  {
    method: 'POST',
    url: '/api/meetings/:id/agenda',
    permission: 'meetings.manage',
    record: true,
    label: 'adding an agenda item',
    expect: managers(201),
    build: async () => ({
      url: `/api/meetings/${(await newMeeting()).id}/agenda`,
      payload: { kind: 'text', titleBg: 'Точка' },
    }),
  },
  {
    method: 'PUT',
    url: '/api/meetings/:id/agenda',
    permission: 'meetings.manage',
    record: true,
    label: 'reordering the agenda',
    expect: managers(200),
    build: async () => {
      const { id } = await newMeeting();
      return { url: `/api/meetings/${id}/agenda`, payload: { itemIds: [await newItem(id)] } };
    },
  },
  {
    method: 'PUT',
    url: '/api/meetings/:id/agenda/:itemId',
    permission: 'meetings.manage',
    record: true,
    label: 'editing an agenda item',
    expect: managers(200),
    build: async () => {
      const { id } = await newMeeting();
      return {
        url: `/api/meetings/${id}/agenda/${await newItem(id)}`,
        payload: { kind: 'text', titleBg: 'Нова точка', version: 1 },
      };
    },
  },
  {
    method: 'DELETE',
    url: '/api/meetings/:id/agenda/:itemId',
    permission: 'meetings.manage',
    record: true,
    label: 'removing an agenda item',
    expect: managers(200),
    build: async () => {
      const { id } = await newMeeting();
      return { url: `/api/meetings/${id}/agenda/${await newItem(id)}` };
    },
  },
  {
    method: 'POST',
    url: '/api/meetings/:id/documents',
    permission: 'meetings.manage',
    record: true,
    label: 'uploading a meeting document (PDF)',
    expect: managers(201),
    build: async () => ({
      url: `/api/meetings/${(await newMeeting()).id}/documents?filename=agenda.pdf`,
      payload: PDF,
      contentType: 'application/pdf',
    }),
  },
  {
    method: 'GET',
    url: '/api/meetings/:id/documents/:documentId',
    permission: 'meetings.attend',
    record: true,
    label: 'downloading a meeting document (members, committee, administrators, seats)',
    expect: readers,
    lapsed: HIDDEN,
    build: async () => {
      const { id } = await newMeeting();
      return { url: `/api/meetings/${id}/documents/${await newDocument(id)}` };
    },
  },
  {
    method: 'DELETE',
    url: '/api/meetings/:id/documents/:documentId',
    permission: 'meetings.manage',
    record: true,
    label: 'removing a meeting document',
    expect: managers(204),
    build: async () => {
      const { id } = await newMeeting();
      return { url: `/api/meetings/${id}/documents/${await newDocument(id)}` };
    },
  },
];
