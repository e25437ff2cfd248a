import type { MinutesView, PublicMinutesList } from '@portal/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const ID = '00000000-de00-4900-8000-000000000031';

const list: PublicMinutesList = {
  items: [
    {
      meetingId: ID,
      bodyNameBg: 'Общо събрание',
      bodyNameEn: 'General assembly',
      titleBg: 'Редовно общо събрание',
      titleEn: 'Annual general assembly',
      // 22:30 UTC on 31 March is already 1 April in Sofia.
      startsAt: '2026-03-31T22:30:00.000Z',
      revision: 2,
      approvedAt: '2026-04-10T09:00:00.000Z',
    },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
};

const view: MinutesView = {
  meeting: {
    id: ID,
    titleBg: 'Редовно общо събрание',
    titleEn: 'Annual general assembly',
    bodyNameBg: 'Общо събрание',
    bodyNameEn: 'General assembly',
    startsAt: '2026-03-31T22:30:00.000Z',
    endsAt: '2026-04-01T01:00:00.000Z',
    place: 'София',
    status: 'minutes_approved',
    minutesVisibility: 'public',
  },
  revisions: [
    {
      id: '00000000-de00-4d00-8000-000000000031',
      revision: 2,
      status: 'approved',
      textBg: '# Протокол\n\nСъбранието приема отчета.',
      textEn: '# Minutes\n\nThe assembly adopts the report.',
      correctionReason: null,
      draftedBy: null,
      approvedBy: null,
      approvedAt: '2026-04-10T09:00:00.000Z',
      updatedAt: '2026-04-10T09:00:00.000Z',
      version: 2,
    },
  ],
  comments: [],
  may: { draft: false, comment: false, approve: false },
};

describe('public minutes (issue 15 §3)', () => {
  it('lists the public minutes for a visitor without an account, with the printable page and both PDFs', async () => {
    const api = stubApi({
      '/api/public/minutes': () => json(list),
      [`/api/meetings/${ID}/minutes`]: () => json(view),
    });
    const app = renderApp('/governance/minutes');
    expect(await screen.findByRole('heading', { name: 'Публични протоколи' })).toBeInTheDocument();
    const row = (await screen.findByRole('link', { name: 'Редовно общо събрание' })).closest('tr')!;
    expect(within(row).getByText('1 април 2026 г.')).toBeInTheDocument();
    expect(within(row).getByText('Общо събрание')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'PDF на български' })).toHaveAttribute(
      'href',
      `/api/meetings/${ID}/minutes.pdf?lang=bg`,
    );
    expect(within(row).getByRole('link', { name: 'PDF на английски' })).toHaveAttribute(
      'href',
      `/api/meetings/${ID}/minutes.pdf?lang=en`,
    );
    await app.user.click(within(row).getByRole('link', { name: 'Редовно общо събрание' }));
    expect(await screen.findByRole('heading', { name: 'Редовно общо събрание' })).toBeInTheDocument();
    expect(screen.getByText('Събранието приема отчета.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Печат' })).toBeInTheDocument();
    // Nobody signed in: the list and the minutes are read without a session.
    expect(api.requestsTo('/api/public/minutes')).toHaveLength(1);
  });

  it('says so when there are none, and when a meeting has no minutes for the visitor', async () => {
    stubApi({
      '/api/public/minutes': () => json({ ...list, items: [], total: 0 }),
      [`/api/meetings/${ID}/minutes`]: () => problem(404, 'Няма протокол'),
    });
    renderApp('/governance/minutes');
    expect(await screen.findByText('Още няма публикувани протоколи.')).toBeInTheDocument();
    renderApp(`/governance/minutes/${ID}`);
    expect(await screen.findByText('Няма публикуван протокол за това заседание.')).toBeInTheDocument();
  });
});
