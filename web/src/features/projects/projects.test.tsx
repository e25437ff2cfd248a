import type { Project } from '@portal/shared';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const ID = 'd1000000-0000-4000-8000-000000000001';
const me = meFixture();
const project: Project = {
  id: ID,
  titleBg: 'Цифрови двойници',
  titleEn: 'Digital twins',
  summaryBg: '',
  summaryEn: '',
  callId: null,
  callCode: null,
  callTitleBg: null,
  callTitleEn: null,
  leadOrganizationId: me.organizations[0]!.id,
  status: 'forming',
  totalCents: 100_000,
  version: 3,
  partners: [
    {
      id: 'd2000000-0000-4000-8000-000000000001',
      organizationId: me.organizations[0]!.id,
      name: 'Водещ',
      nameEn: 'Lead',
      country: 'BG',
      kind: 'company',
      role: '',
      shareCents: 60_000,
      isLead: true,
    },
    {
      id: 'd2000000-0000-4000-8000-000000000002',
      organizationId: null,
      name: 'Fraunhofer',
      nameEn: 'Fraunhofer',
      country: 'DE',
      kind: 'research_institute',
      role: '',
      shareCents: 40_000,
      isLead: false,
    },
  ],
  tasks: [],
  checklist: [],
  joins: [],
  access: 'lead',
  updatedAt: '2026-03-01T10:00:00.000Z',
};

describe('the budget of a joint project', () => {
  it('shows the sum live, saves with the version read, and says so when a partner saved meanwhile', async () => {
    const api = stubApi({
      ...signedIn(me),
      [`/api/projects/${ID}`]: () => json(project),
      [`/api/projects/${ID}/budget`]: () =>
        problem(412, 'Данните вече са променени', undefined, { code: 'precondition.failed' }),
    });
    const { user } = renderApp(`/projects/${ID}`);
    const share = await screen.findByRole('textbox', { name: 'Дял на Fraunhofer в евро' });
    expect(screen.getByText('Сбор на дяловете: 1000,00 € от 1000,00 €')).toBeVisible();
    await user.clear(share);
    await user.type(share, '300');
    // One euro short: the sum turns red and saving waits until it balances.
    expect(screen.getByText(/Сбор на дяловете: 900,00 € от 1000,00 €/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Запиши бюджета' })).toBeDisabled();
    await user.clear(screen.getByRole('textbox', { name: 'Общ бюджет (€)' }));
    await user.type(screen.getByRole('textbox', { name: 'Общ бюджет (€)' }), '900');
    await user.click(screen.getByRole('button', { name: 'Запиши бюджета' }));
    expect(await screen.findByText(/Друг партньор е записал бюджета междувременно/)).toBeVisible();
    const put = api.requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('if-match')).toBe('"3"');
    expect(put?.body).toEqual({
      totalCents: 90_000,
      lines: [
        { partnerId: project.partners[0]!.id, shareCents: 60_000 },
        { partnerId: project.partners[1]!.id, shareCents: 30_000 },
      ],
    });
    await waitFor(() =>
      expect(api.requests.filter((r) => r.url.pathname === `/api/projects/${ID}`).length).toBeGreaterThan(1),
    );
  });
});
