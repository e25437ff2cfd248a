import type { MemberOrganizationSummary, Visibility } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { makeSummaries, profileFixture, summaryOf } from '@/testing/fixtures.ts';
import { type Handler, json, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const noContacts = {
  address: null,
  website: null,
  publicEmail: null,
  publicPhone: null,
  contactName: null,
  contactPosition: null,
  contactEmail: null,
  contactPhone: null,
};

/** Pixel Factory as the members endpoint answers a representative: the members-level contact person too. */
const pixelForMembers: MemberOrganizationSummary = {
  ...summaryOf(profileFixture),
  address: profileFixture.address,
  website: profileFixture.website,
  publicEmail: profileFixture.publicEmail,
  publicPhone: profileFixture.publicPhone,
  contactName: 'Иван Петров',
  contactPosition: 'Управител',
  contactEmail: 'ivan@pixel-factory.example',
  // Committee-level: the members endpoint leaves it out for a representative.
  contactPhone: null,
};

const others = makeSummaries(2).map((o) => ({ ...o, ...noContacts }));

/** The public and the members endpoints of the directory; `members` answers at `level`. */
function directoryApi(
  auth: Record<string, Handler> = {},
  {
    level = 'members',
    pixel = pixelForMembers,
  }: { level?: Visibility; pixel?: MemberOrganizationSummary } = {},
) {
  const publicItems = [summaryOf(profileFixture), ...makeSummaries(2)];
  return stubApi({
    ...auth,
    '/api/organizations': () => json({ items: publicItems, total: 3, page: 1, pageSize: 12 }),
    '/api/members/organizations': () =>
      json({ items: [pixel, ...others], total: 3, page: 1, pageSize: 12, level }),
  });
}

/** The switch is lazy: give it the time it would take to appear before concluding it is not there. */
async function expectNoSwitch() {
  await expect(screen.findByRole('radiogroup', {}, { timeout: 1500 })).rejects.toThrow();
}

const representative = () => signedIn(meFixture({ roles: ['representative'] }));

function pixelCard(name = 'Пиксел Фабрика') {
  const card = screen.getByRole('link', { name }).closest('article');
  expect(card).not.toBeNull();
  return within(card as HTMLElement);
}

describe('the members view of the directory', () => {
  it('is not offered to anonymous visitors, and a view=members URL shows them the public directory', async () => {
    const api = directoryApi();
    renderApp('/members?view=members');
    expect(await screen.findByRole('heading', { level: 2, name: 'Намерени: 3 члена' })).toBeVisible();
    await expectNoSwitch();
    expect(screen.queryByText('Иван Петров')).toBeNull();
    expect(pixelCard().queryByRole('link', { name: /ivan@/ })).toBeNull();
    expect(api.requestsTo('/api/organizations')).not.toHaveLength(0);
    expect(api.requestsTo('/api/members/organizations')).toHaveLength(0);
  });

  it('is not offered to a signed-in user without members.view, who also falls back to the public view', async () => {
    const api = directoryApi(signedIn(meFixture({ roles: ['applicant'], organizations: [] })));
    renderApp('/members?view=members');
    expect(await screen.findByRole('heading', { level: 2, name: 'Намерени: 3 члена' })).toBeVisible();
    // The session has answered (the list waits for it on a view=members URL), and still no switch.
    expect(api.requestsTo('/api/auth/session')).not.toHaveLength(0);
    await expectNoSwitch();
    expect(screen.queryByText('Иван Петров')).toBeNull();
    expect(api.requestsTo('/api/members/organizations')).toHaveLength(0);
  });

  it('lets a representative switch to the members view, which lists the contacts they may see', async () => {
    const api = directoryApi(representative());
    const app = renderApp('/members?q=пиксел');
    const switcher = await screen.findByRole('radiogroup', { name: 'Изглед на регистъра' });
    expect(within(switcher).getByRole('radio', { name: 'Публичен' })).toBeChecked();
    await screen.findByRole('heading', { level: 2, name: 'Намерени: 3 члена' });
    expect(screen.queryByText('Иван Петров', { exact: false })).toBeNull();

    await app.user.click(within(switcher).getByRole('radio', { name: 'За членове' }));

    await waitFor(() => expect(app.searchParams().get('view')).toBe('members'));
    expect(app.searchParams().get('q')).toBe('пиксел');
    expect(await screen.findByText('Иван Петров, Управител')).toBeVisible();
    const card = pixelCard();
    expect(card.getByRole('link', { name: 'ivan@pixel-factory.example' })).toHaveAttribute(
      'href',
      'mailto:ivan@pixel-factory.example',
    );
    expect(card.getByRole('link', { name: 'hello@pixel-factory.example' })).toHaveAttribute(
      'href',
      'mailto:hello@pixel-factory.example',
    );
    expect(card.getByRole('link', { name: '+359 32 123 456' })).toHaveAttribute('href', 'tel:+35932123456');
    expect(card.getByRole('link', { name: /^pixel-factory\.example/ })).toHaveAttribute(
      'href',
      'https://pixel-factory.example/',
    );
    expect(card.getByText('Лице за контакт', { selector: 'dt' })).toBeVisible();
    expect(
      screen.getByText('Виждате и контактите, които организациите споделят само с членовете на клъстера.'),
    ).toBeVisible();
    // The same search goes to the members endpoint.
    const sent = api.requestsTo('/api/members/organizations').at(-1)?.url.searchParams;
    expect(sent?.get('q')).toBe('пиксел');
    // An organisation without contacts shows none.
    expect(
      within(screen.getByRole('link', { name: 'Член 01' }).closest('article') as HTMLElement).queryByRole(
        'term',
      ),
    ).toBeNull();

    // And back to the public view, with the keyboard.
    within(switcher).getByRole('radio', { name: 'За членове' }).focus();
    await app.user.keyboard('{ArrowLeft}');
    await waitFor(() => expect(app.searchParams().get('view')).toBeNull());
    await waitFor(() => expect(screen.queryByText('Иван Петров, Управител')).toBeNull());
    expect(within(switcher).getByRole('radio', { name: 'Публичен' })).toBeChecked();
  });

  it('opens a view=members URL straight in the members view for a representative', async () => {
    const api = directoryApi(representative());
    renderApp('/members?view=members');
    expect(await screen.findByText('Иван Петров, Управител')).toBeVisible();
    expect(screen.getByRole('radio', { name: 'За членове' })).toBeChecked();
    // It waited for the session instead of fetching the public list first.
    expect(api.requestsTo('/api/organizations')).toHaveLength(0);
  });

  it('tells the committee that they see every contact', async () => {
    directoryApi(signedIn(meFixture({ roles: ['committee_member'], organizations: [] })), {
      level: 'committee',
      pixel: { ...pixelForMembers, contactPhone: '+359 88 000 111' },
    });
    renderApp('/members?view=members');
    expect(await screen.findByRole('link', { name: '+359 88 000 111' })).toHaveAttribute(
      'href',
      'tel:+35988000111',
    );
    expect(screen.getByText('Като член на комитета виждате всички контакти на организациите.')).toBeVisible();
  });

  it('shows the switch and the contacts in English', async () => {
    directoryApi(representative());
    const app = renderApp('/members?view=members');
    await screen.findByText('Иван Петров, Управител');
    await app.user.click(screen.getByRole('button', { name: /English/ }));
    const switcher = await screen.findByRole('radiogroup', { name: 'Directory view' });
    expect(within(switcher).getByRole('radio', { name: 'Members' })).toBeChecked();
    expect(within(switcher).getByRole('radio', { name: 'Public' })).not.toBeChecked();
    expect(pixelCard('Pixel Factory').getByText('Contact person', { selector: 'dt' })).toBeVisible();
    expect(
      screen.getByText('You also see the contacts organisations share with cluster members only.'),
    ).toBeVisible();
  });
});
