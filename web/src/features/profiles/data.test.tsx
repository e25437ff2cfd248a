import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { historyFixture, historyPath, historyUrl, orgId } from '@/testing/mocks/fixtures/my-organization.ts';
import { profileServer } from '@/testing/mocks/handlers/my-organization.ts';
import { json, problem } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const dataUrl = `/my/organizations/${orgId}/data`;
const exportPath = `/api/account/organizations/${orgId}/export`;
const region = async (name: string) => within(await screen.findByRole('region', { name }));

const organizationExport = {
  kind: 'organization',
  exportedAt: '2026-11-27T10:00:00.000Z',
  organization: { id: orgId, contactName: 'Мария Петрова' },
  areas: [],
  logo: null,
  membership: { category: 'regular', status: 'active' },
  membershipEvents: [],
  feePayments: [],
  boardItems: [],
  sharedResources: [],
  resourceBookings: [],
  resourcePhotos: [],
  calendarFeeds: [],
  conversations: [],
  partnerships: [],
  representatives: [],
  invitations: [],
  applications: [],
  decisions: [],
  auditEvents: [],
};

let saved: Blob[] = [];
beforeEach(() => {
  saved = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    saved.push(blob);
    return 'blob:export';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe("the organisation's data tab", () => {
  it("downloads the organisation's data under the server's dated name", async () => {
    const api = profileServer({
      extra: {
        [exportPath]: () =>
          json(organizationExport, 200, {
            'content-disposition': 'attachment; filename="portal-organization-123456789-2026-11-27.json"',
          }),
      },
    });
    const app = renderApp(dataUrl);
    const panel = await region('Данните на организацията');
    await app.user.click(panel.getByRole('button', { name: 'Изтегли данните на организацията' }));
    expect(
      await panel.findByText('Файлът portal-organization-123456789-2026-11-27.json е изтеглен.'),
    ).toBeVisible();
    expect(api.requestsTo(exportPath)).toHaveLength(1);
    expect(JSON.parse(await saved[0]!.text())).toMatchObject({
      organization: { contactName: 'Мария Петрова' },
    });
  });

  it('downloads my own data too and links to the account page to erase it', async () => {
    const api = profileServer({
      extra: { '/api/account/export': () => problem(503, 'Услугата е временно недостъпна') },
    });
    const app = renderApp(dataUrl);
    const panel = await region('Вашите лични данни');
    expect(panel.getByRole('link', { name: 'Към „Моят профил“' })).toHaveAttribute('href', '/account#data');
    await app.user.click(panel.getByRole('button', { name: 'Изтегли моите данни' }));
    expect(await panel.findByText('Услугата е временно недостъпна')).toBeVisible();
    expect(api.requestsTo('/api/account/export')).toHaveLength(1);
    expect(saved).toEqual([]);
  });

  it('shows an erased colleague in the history as "Изтрит потребител"', async () => {
    profileServer({
      extra: { [historyPath]: () => json({ items: [{ ...historyFixture[0], actorName: '' }] }) },
    });
    renderApp(historyUrl);
    expect(await screen.findByText(/Редактиран профил · Изтрит потребител ·/)).toBeVisible();
  });
});
