import type { Meeting, MinutesView } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const ID = '00000000-de00-4900-8000-000000000001';

const meeting = {
  id: ID,
  bodyId: '00000000-de00-4700-8000-000000000001',
  bodyNameBg: 'Инициативен комитет',
  bodyNameEn: 'Initiative committee',
  titleBg: 'Първо официално заседание',
  titleEn: 'First official meeting',
  startsAt: '2026-02-05T08:00:00.000Z',
  endsAt: '2026-02-05T10:30:00.000Z',
  place: 'София Тех Парк',
  onlineUrl: null,
  status: 'held',
  quorum: 'more_than_half',
  majority: 'simple',
  allowsProxy: false,
  minutesVisibility: 'public',
  sequence: 0,
  invitedAt: null,
  heldAt: '2026-02-05T08:00:00.000Z',
  cancelledAt: null,
  cancelReason: null,
  version: 3,
  agenda: [],
  documents: [],
  participants: [],
  mySeats: [],
  mayManage: true,
} as unknown as Meeting;

const revision = (overrides: Partial<MinutesView['revisions'][number]> = {}) => ({
  id: '00000000-de00-4d00-8000-000000000001',
  revision: 1,
  status: 'approved' as const,
  textBg: '# Протокол\n\n**Решение № 2026-010:** Комитетът приема стратегията.',
  textEn: '',
  correctionReason: null,
  draftedBy: 'Петър Секретаров',
  approvedBy: 'Мария Председателева',
  approvedAt: '2026-02-12T09:00:00.000Z',
  updatedAt: '2026-02-12T09:00:00.000Z',
  version: 2,
  ...overrides,
});

const view = (overrides: Partial<MinutesView> = {}): MinutesView => ({
  meeting: {
    id: ID,
    titleBg: meeting.titleBg,
    titleEn: meeting.titleEn,
    bodyNameBg: 'Инициативен комитет',
    bodyNameEn: 'Initiative committee',
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    place: meeting.place,
    status: 'minutes_approved',
    minutesVisibility: 'public',
  },
  revisions: [revision()],
  comments: [],
  may: { draft: false, comment: false, approve: false },
  ...overrides,
});

describe('the minutes on the meeting page (decision 045)', () => {
  it('shows the approved minutes as Markdown with who approved them and the PDF', async () => {
    stubApi({
      ...signedIn(meFixture()),
      [`/api/meetings/${ID}/minutes`]: () => json(view()),
      [`/api/meetings/${ID}`]: () => json({ ...meeting, mayManage: false }),
    });
    renderApp(`/meetings/${ID}`);
    const section = await screen.findByRole('region', { name: 'Протокол' });
    expect(within(section).getByText('Решение № 2026-010:')).toBeInTheDocument();
    expect(within(section).getByText(/Одобрен от Мария Председателева/)).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'PDF на български' })).toHaveAttribute(
      'href',
      `/api/meetings/${ID}/minutes.pdf?lang=bg&revision=1`,
    );
  });

  it('lets an officer fill the draft from the record, save it, and shows the server’s field error', async () => {
    const api = stubApi({
      ...signedIn(meFixture()),
      [`/api/meetings/${ID}/minutes/prefill`]: (url) =>
        json({
          text: url.searchParams.get('lang') === 'en' ? '# Minutes' : '# Протокол от заседание',
        }),
      [`/api/meetings/${ID}/minutes/draft`]: () =>
        problem(400, 'Невалидни данни', [
          {
            path: 'body.textEn',
            message: 'Текстът не може да съдържа HTML (например <script> или <div>); използвайте Markdown.',
          },
        ]),
      [`/api/meetings/${ID}/minutes`]: () =>
        json(view({ revisions: [], may: { draft: true, comment: false, approve: false } })),
      [`/api/meetings/${ID}`]: () => json(meeting),
    });
    const app = renderApp(`/meetings/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Попълни от данните на заседанието' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/Текст на български/)).toHaveValue('# Протокол от заседание'),
    );
    expect(screen.getByLabelText(/Текст на английски/)).toHaveValue('# Minutes');
    await app.user.click(screen.getByRole('button', { name: 'Запази проекта' }));
    expect(await screen.findByText(/Текстът не може да съдържа HTML/)).toBeInTheDocument();
    expect(api.requestsTo(`/api/meetings/${ID}/minutes/draft`)[0]?.body).toEqual({
      textBg: '# Протокол от заседание',
      textEn: '# Minutes',
    });
  });

  it('asks the chair to confirm, then approves the version read', async () => {
    const draft = revision({ status: 'draft', approvedAt: null, approvedBy: null, version: 4 });
    const api = stubApi({
      ...signedIn(meFixture()),
      [`/api/meetings/${ID}/minutes/approve`]: () => json(view()),
      [`/api/meetings/${ID}/minutes`]: () =>
        json(view({ revisions: [draft], may: { draft: true, comment: true, approve: true } })),
      [`/api/meetings/${ID}`]: () => json(meeting),
    });
    const app = renderApp(`/meetings/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Одобри протокола' }));
    const dialog = await screen.findByRole('dialog', { name: 'Одобряване на протокола' });
    expect(api.requestsTo(`/api/meetings/${ID}/minutes/approve`)).toHaveLength(0);
    await app.user.click(within(dialog).getByRole('button', { name: 'Одобри' }));
    await waitFor(() => expect(api.requestsTo(`/api/meetings/${ID}/minutes/approve`)).toHaveLength(1));
    expect(api.requestsTo(`/api/meetings/${ID}/minutes/approve`)[0]?.body).toEqual({ version: 4 });
  });
});
