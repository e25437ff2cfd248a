import {
  applications,
  bodyPositions,
  type DbHandle,
  governingBodies,
  meetingAgendaItems,
  meetingParticipants,
  meetings,
} from '@portal/db';
import type { MajorityRule, QuorumRule } from '@portal/shared';
import { insertUser, nextEik } from '../../testing.ts';

/**
 * A body and one of its meetings as the invitations leave them (the other helper's invitations write the
 * seats; the tests write them directly): a secretary who runs it (no seat), `seats` members each with a
 * portal account and a seat, and agenda items.
 */
export interface MeetingFixture {
  bodyId: string;
  meetingId: string;
  secretary: { id: string; email: string };
  /** The seats in order, each with its person. */
  seats: { id: string; user: { id: string; email: string } }[];
  textItemId: string;
}

export async function makeMeeting(
  h: DbHandle,
  options: { seats?: number; quorum?: QuorumRule; majority?: MajorityRule; allowsProxy?: boolean } = {},
): Promise<MeetingFixture> {
  const { seats: n = 5, quorum = 'more_than_half', majority = 'simple', allowsProxy = true } = options;
  const [body] = await h.db
    .insert(governingBodies)
    .values({
      kind: 'management_board',
      nameBg: 'Управителен съвет',
      nameEn: 'Management board',
      quorum,
      majority,
      allowsProxy,
    })
    .returning({ id: governingBodies.id });
  const bodyId = body!.id;
  const secretary = await insertUser(h);
  await h.db
    .insert(bodyPositions)
    .values({ bodyId, position: 'secretary', userId: secretary.id, startsOn: '2020-01-01' });
  const [meeting] = await h.db
    .insert(meetings)
    .values({
      bodyId,
      titleBg: 'Заседание на съвета',
      titleEn: 'Board meeting',
      startsAt: new Date('2026-12-01T08:00:00Z'),
      endsAt: new Date('2026-12-01T10:00:00Z'),
      status: 'invited',
      quorum,
      majority,
      allowsProxy,
      invitedAt: new Date('2026-11-20T08:00:00Z'),
    })
    .returning({ id: meetings.id });
  const meetingId = meeting!.id;
  const seats: MeetingFixture['seats'] = [];
  for (let i = 0; i < n; i++) {
    const user = await insertUser(h, { displayName: `Член ${i + 1}` });
    const [position] = await h.db
      .insert(bodyPositions)
      .values({ bodyId, position: 'member', userId: user.id, startsOn: '2020-01-01' })
      .returning({ id: bodyPositions.id });
    const [seat] = await h.db
      .insert(meetingParticipants)
      .values({
        meetingId,
        positionId: position!.id,
        userId: user.id,
        name: `Член ${i + 1}`,
        invitedAt: new Date(),
      })
      .returning({ id: meetingParticipants.id });
    seats.push({ id: seat!.id, user });
  }
  const textItemId = await addItem(h, meetingId, { position: 1, titleBg: 'Стратегия', titleEn: 'Strategy' });
  return { bodyId, meetingId, secretary, seats, textItemId };
}

export async function addItem(
  h: DbHandle,
  meetingId: string,
  item: { position: number; titleBg: string; titleEn?: string; applicationId?: string },
): Promise<string> {
  const [row] = await h.db
    .insert(meetingAgendaItems)
    .values({
      meetingId,
      position: item.position,
      titleBg: item.titleBg,
      titleEn: item.titleEn ?? '',
      kind: item.applicationId ? 'application' : 'text',
      applicationId: item.applicationId ?? null,
    })
    .returning({ id: meetingAgendaItems.id });
  return row!.id;
}

/** An application under review (enough of its data for a decision). */
export async function makeApplication(h: DbHandle, state: 'under_review' | 'submitted' = 'under_review') {
  const applicant = await insertUser(h, { roles: ['applicant'] });
  const eik = nextEik();
  const data = {
    organization: {
      nameBg: `Фирма ${eik}`,
      nameEn: `Company ${eik}`,
      eik,
      kind: 'company' as const,
      employees: 10,
      foundedYear: 2015,
      city: 'София',
      address: 'ул. Тестова 1',
      naceCodes: ['62.01'],
    },
  };
  const [row] = await h.db
    .insert(applications)
    .values({ applicantId: applicant.id, state, data, eik, kind: 'company', submittedAt: new Date() })
    .returning({ id: applications.id });
  return { id: row!.id, applicant, eik };
}
