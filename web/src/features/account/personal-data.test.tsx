import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { json, noContent, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const section = async () => within(await screen.findByRole('region', { name: 'Вашите данни' }));

const accountExport = {
  kind: 'account',
  exportedAt: '2026-11-27T10:00:00.000Z',
  account: {
    id: meFixture().id,
    email: 'maria@example.bg',
    displayName: 'Мария Петрова',
    language: 'bg',
    emailVerifiedAt: null,
    disabledAt: null,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-01-10T09:00:00.000Z',
  },
  roles: [],
  bodyPositions: [],
  sessions: [],
  organizations: [],
  applications: [],
  votes: [],
  meetingBallots: [],
  meetingRsvps: [],
  invitationsSent: [],
  invitationsReceived: [],
  emails: [],
  boardItems: [],
  newsPosts: [],
  fundingCallInterests: [],
  strategyValues: [],
  readinessEvidence: [],
  readinessMarks: [],
  readinessRuns: [],
  minutesComments: [],
  eventRegistrations: [],
  projectJoins: [],
  projectDocuments: [],
  bookings: [],
  conversationMessages: [],
  conversationSettings: [],
  auditEvents: [],
};

let created: Blob[] = [];
beforeEach(() => {
  created = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    created.push(blob);
    return 'blob:export';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('your data on the account page', () => {
  it('downloads my data as the dated file the server names', async () => {
    const api = stubApi({
      ...signedIn(),
      '/api/account/export': () =>
        json(accountExport, 200, {
          'content-disposition': 'attachment; filename="portal-account-2026-11-27.json"',
        }),
    });
    const app = renderApp('/account');
    const data = await section();
    await app.user.click(data.getByRole('button', { name: 'Изтегли моите данни' }));
    expect(await data.findByText('Файлът portal-account-2026-11-27.json е изтеглен.')).toBeVisible();
    expect(api.requestsTo('/api/account/export')).toHaveLength(1);
    expect(JSON.parse(await created[0]!.text())).toMatchObject({ account: { email: 'maria@example.bg' } });
  });

  it('erases the account only after the password and a confirmation, then shows the home page with a notice', async () => {
    const api = stubApi({ ...signedIn(), '/api/account/erase': () => noContent() });
    const app = renderApp('/account');
    const data = await section();
    const erase = data.getByRole('button', { name: 'Изтрий профила ми' });

    // No password: nothing is asked or sent.
    await app.user.click(erase);
    expect(await data.findByText('Попълнете полето.')).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();

    await app.user.type(data.getByLabelText(/Парола \(за потвърждение\)/), 'my secret passphrase');
    await app.user.click(erase);
    let dialog = await screen.findByRole('dialog', { name: 'Изтриване на профила' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requestsTo('/api/account/erase')).toHaveLength(0);

    await app.user.click(erase);
    dialog = await screen.findByRole('dialog', { name: 'Изтриване на профила' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, изтрий профила' }));

    expect(await screen.findByText('Профилът ви е изтрит, а личните ви данни — заличени.')).toBeVisible();
    expect(app.router.state.location.pathname).toBe('/');
    const [request] = api.requestsTo('/api/account/erase');
    expect(request).toMatchObject({ method: 'POST', body: { password: 'my secret passphrase' } });
  });

  it('shows a wrong password beside the field and the only-representative refusal as an alert', async () => {
    let answer = () =>
      problem(400, 'Невалидни данни', [{ path: 'body.password', message: 'Паролата не е вярна.' }]);
    stubApi({ ...signedIn(), '/api/account/erase': () => answer() });
    const app = renderApp('/account');
    const data = await section();
    await app.user.type(data.getByLabelText(/Парола \(за потвърждение\)/), 'wrong one');
    const submit = async () => {
      await app.user.click(data.getByRole('button', { name: 'Изтрий профила ми' }));
      const dialog = await screen.findByRole('dialog', { name: 'Изтриване на профила' });
      await app.user.click(within(dialog).getByRole('button', { name: 'Да, изтрий профила' }));
    };
    await submit();
    expect(await data.findByText('Паролата не е вярна.')).toBeVisible();
    expect(app.router.state.location.pathname).toBe('/account');

    answer = () =>
      problem(409, 'Вие сте единственият представител', undefined, {
        code: 'account.only_representative',
        detail: 'Вие сте единственият представител на „Пиксел Фабрика“.',
      });
    await submit();
    expect(await data.findByText('Вие сте единственият представител на „Пиксел Фабрика“.')).toBeVisible();
    expect(app.router.state.location.pathname).toBe('/account');
  });
});
