import type { Meeting } from '@portal/shared';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const ID = '00000000-de00-4900-8000-000000000002';
const MINE = '00000000-de00-4b00-8000-000000000100';
const OTHER = '00000000-de00-4b00-8000-000000000101';

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: ID,
    bodyId: '00000000-de00-4700-8000-000000000002',
    bodyNameBg: 'Общо събрание',
    bodyNameEn: 'General assembly',
    titleBg: 'Учредително общо събрание',
    titleEn: 'Founding general assembly',
    startsAt: '2030-05-14T11:00:00.000Z',
    endsAt: '2030-05-14T14:00:00.000Z',
    place: 'София Тех Парк',
    onlineUrl: null,
    status: 'invited',
    quorum: 'more_than_half',
    majority: 'simple',
    allowsProxy: true,
    minutesVisibility: 'members',
    sequence: 0,
    invitedAt: '2030-04-01T09:00:00.000Z',
    heldAt: null,
    cancelledAt: null,
    cancelReason: null,
    version: 2,
    agenda: [],
    documents: [],
    participants: [
      {
        id: MINE,
        name: 'Дигитална София',
        positionId: null,
        organizationId: '00000000-0000-4000-8000-0000000000a1',
        invitedAt: null,
        rsvp: null,
        rsvpProxyId: null,
        rsvpAt: null,
        attendance: null,
        attendanceProxyId: null,
      },
      {
        id: OTHER,
        name: 'Тераформ',
        positionId: null,
        organizationId: '00000000-0000-4000-8000-0000000000a2',
        invitedAt: null,
        rsvp: null,
        rsvpProxyId: null,
        rsvpAt: null,
        attendance: null,
        attendanceProxyId: null,
      },
    ] as Meeting['participants'],
    mySeats: [MINE],
    mayManage: false,
    ...overrides,
  };
}

describe('the meeting page (decision 041)', () => {
  it('shows the time in Sofia time in the viewer’s language and sends the seat’s RSVP', async () => {
    const api = stubApi({
      ...signedIn(meFixture()),
      [`/api/meetings/${ID}/rsvp`]: () => json(meeting()),
      [`/api/meetings/${ID}`]: () => json(meeting()),
    });
    const app = renderApp(`/meetings/${ID}`);
    expect(await screen.findByRole('heading', { name: 'Учредително общо събрание' })).toBeInTheDocument();
    // 11:00 UTC is 14:00 in Sofia in May.
    expect(screen.getByText(/14:00–17:00 ч\. \(българско време\)/)).toBeInTheDocument();
    await app.user.click(screen.getByRole('radio', { name: 'Ще присъства' }));
    await app.user.click(screen.getByRole('button', { name: 'Запази отговора' }));
    await waitFor(() => expect(api.requestsTo(`/api/meetings/${ID}/rsvp`)).toHaveLength(1));
    expect(api.requestsTo(`/api/meetings/${ID}/rsvp`)[0]?.body).toEqual({
      participantId: MINE,
      answer: 'yes',
      proxyId: null,
    });
    expect(await screen.findByText('Отговорът е запазен.')).toBeInTheDocument();
  });

  it('shows the server’s field error for a proxy under the proxy field', async () => {
    stubApi({
      ...signedIn(meFixture()),
      [`/api/meetings/${ID}/rsvp`]: () =>
        problem(400, 'Невалидни данни', [
          { path: 'body.proxyId', message: 'Изберете на кого давате пълномощно.' },
        ]),
      [`/api/meetings/${ID}`]: () => json(meeting()),
    });
    const app = renderApp(`/meetings/${ID}`);
    await app.user.click(await screen.findByRole('radio', { name: 'С пълномощно' }));
    await app.user.click(screen.getByRole('button', { name: 'Запази отговора' }));
    expect(await screen.findByText('Изберете на кого давате пълномощно.')).toBeInTheDocument();
  });

  it('hides the proxy answer where the body allows none, and the form from those without a seat', async () => {
    stubApi({
      ...signedIn(meFixture()),
      [`/api/meetings/${ID}`]: () => json(meeting({ allowsProxy: false })),
    });
    renderApp(`/meetings/${ID}`);
    expect(await screen.findByRole('radio', { name: 'Ще присъства' })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'С пълномощно' })).not.toBeInTheDocument();
  });
});
