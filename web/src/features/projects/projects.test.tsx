import type { Project } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { makeSummaries, profileFixture, summaryOf } from '@/testing/fixtures.ts';
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
      '/api/members/organizations': () =>
        json({ items: [], total: 0, page: 1, pageSize: 50, level: 'members' }),
      [`/api/projects/${ID}/budget`]: () =>
        problem(412, 'Данните вече са променени', undefined, { code: 'precondition.failed' }),
    });
    const { user } = renderApp(`/projects/${ID}`);
    const share = await screen.findByRole('textbox', { name: 'Дял на Fraunhofer в евро' });
    // The exports next to each other, in the reader's language.
    expect(screen.getByRole('link', { name: 'Консорциумът като CSV' })).toHaveAttribute(
      'href',
      `/api/projects/${ID}/consortium.csv`,
    );
    expect(screen.getByRole('link', { name: 'Консорциумът като XLSX' })).toHaveAttribute(
      'href',
      `/api/projects/${ID}/consortium.xlsx?lang=bg`,
    );
    expect(screen.getByRole('link', { name: 'Обобщение (PDF, една страница)' })).toHaveAttribute(
      'href',
      `/api/projects/${ID}/summary.pdf?lang=bg`,
    );
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

describe('a new joint project', () => {
  it('is linked to the funding call the call page sent the member from, chosen among the calls still open', async () => {
    const call = (id: string, code: string, titleBg: string, status: 'upcoming' | 'open' | 'closed') => ({
      id,
      programme: 'ПКИП',
      code,
      titleBg,
      titleEn: titleBg,
      summaryBg: '',
      summaryEn: '',
      opensAt: '2027-03-01T08:00:00.000Z',
      deadlineAt: '2027-06-30T14:30:00.000Z',
      status,
      budgetCents: null,
      eligibleKinds: [],
      url: null,
      interestedCount: 0,
      version: 1,
    });
    const open = call('c1000000-0000-4000-8000-000000000001', 'BG-1', 'Развитие на клъстерите', 'upcoming');
    const closed = call('c1000000-0000-4000-8000-000000000002', 'BG-2', 'Стара покана', 'closed');
    const api = stubApi({
      ...signedIn(me),
      '/api/projects': (_url, request) =>
        request.method === 'POST' ? json({ ...project, callId: open.id }) : json({ items: [] }),
      '/api/projects/invitations': () => json({ items: [] }),
      '/api/public/calls': () => json({ items: [open, closed], total: 2, page: 1, pageSize: 100 }),
      [`/api/projects/${ID}`]: () => json({ ...project, callId: open.id }),
    });
    const { user } = renderApp(`/projects?call=${open.id}`);
    const select = await screen.findByRole('combobox', { name: 'Процедура' });
    await waitFor(() => expect(select).toHaveValue(open.id));
    expect(screen.getByRole('option', { name: 'BG-1 — Развитие на клъстерите' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Стара покана/ })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Заглавие на български' }), 'Цифрови двойници');
    await user.type(screen.getByRole('textbox', { name: 'Заглавие на английски' }), 'Digital twins');
    await user.click(screen.getByRole('button', { name: 'Създай проекта' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(api.requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      callId: open.id,
      titleBg: 'Цифрови двойници',
    });
  });
});

describe('inviting a partner', () => {
  it('finds the member by name, leaves out the partners, and sends the chosen organisation', async () => {
    const contacts = {
      address: null,
      website: null,
      publicEmail: null,
      publicPhone: null,
      contactName: null,
      contactPosition: null,
      contactEmail: null,
      contactPhone: null,
    };
    const pixel = { ...makeSummaries(1)[0]!, nameBg: 'Пиксел Медия', ...contacts };
    // The lead itself is a partner already: not offered.
    const lead = { ...summaryOf(profileFixture), id: me.organizations[0]!.id, nameBg: 'Водещ', ...contacts };
    const api = stubApi({
      ...signedIn(me),
      [`/api/projects/${ID}`]: () => json(project),
      // The server searches by name: nothing until the user types.
      '/api/members/organizations': (url) =>
        url.searchParams.get('q')
          ? json({ items: [pixel, lead], total: 2, page: 1, pageSize: 50, level: 'members' })
          : json({ items: [], total: 0, page: 1, pageSize: 50, level: 'members' }),
      [`/api/projects/${ID}/invitations`]: () => json(project),
    });
    const { user } = renderApp(`/projects/${ID}`);
    const picker = await screen.findByRole('combobox', { name: /^Поканете член на клъстера/ });
    await user.type(picker, 'Пиксел');
    // jsdom has no layout, so Mantine's popover stays display:none: wait for the server's suggestion, then
    // choose it with the keyboard as a user could.
    await screen.findByRole('option', { name: pixel.nameBg, hidden: true });
    const suggestions = screen.getByRole('listbox', { hidden: true });
    expect(
      within(suggestions)
        .getAllByRole('option', { hidden: true })
        .map((o) => o.textContent),
    ).toEqual([pixel.nameBg]);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(picker).toHaveValue(pixel.nameBg);
    await user.click(screen.getByRole('button', { name: 'Покани' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
      organizationId: pixel.id,
      message: '',
    });
    const search = api.requests.filter((r) => r.url.pathname === '/api/members/organizations');
    expect(search.map((r) => r.url.searchParams.get('q'))).toContain('Пиксел');
  });
});
