import type { MemberOrganizationProfile, OrganizationProfile, Visibility } from '@portal/shared';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { profileFixture } from '@/testing/fixtures.ts';
import { type Handler, json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const profilePath = `/members/${profileFixture.id}`;
const membersPath = `/api/members/organizations/${profileFixture.id}`;

/** The contact person as the members endpoint answers: name, position and e-mail members-level, phone committee. */
function forLevel(level: Visibility, base: OrganizationProfile = profileFixture): MemberOrganizationProfile {
  return {
    ...base,
    contactName: 'Иван Петров',
    contactPosition: 'Управител',
    contactEmail: 'ivan@pixel-factory.example',
    contactPhone: level === 'committee' ? '+359 88 000 111' : null,
    level,
  };
}

function profileApi(
  auth: Record<string, Handler> = {},
  {
    publicProfile = profileFixture,
    members,
  }: { publicProfile?: OrganizationProfile; members?: Handler } = {},
) {
  return stubApi({
    ...auth,
    '/api/organizations/:id': () => json(publicProfile),
    '/api/members/organizations/:id': members ?? (() => json(forLevel('members', publicProfile))),
  });
}

/** The value shown next to a label in the profile's fact lists. */
function fact(label: string): string | null | undefined {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
}

describe('the contacts of a member profile', () => {
  it('shows an anonymous visitor only the public contacts, without asking the members endpoint', async () => {
    const api = profileApi();
    renderApp(profilePath);
    expect(await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' })).toBeVisible();
    expect(fact('Адрес')).toBe('ул. „Тестова“ 1');
    expect(screen.getByRole('link', { name: 'hello@pixel-factory.example' })).toBeVisible();
    expect(screen.queryByText('Лице за контакт', { selector: 'dt' })).toBeNull();
    expect(screen.queryByText(/Иван Петров/)).toBeNull();
    expect(screen.queryByText(/видимо само за членове/)).toBeNull();
    expect(api.requestsTo(membersPath)).toHaveLength(0);
  });

  it('shows a contact person the organisation made public to everyone, with links and no note', async () => {
    profileApi(
      {},
      {
        publicProfile: {
          ...profileFixture,
          contactName: 'Ана Иванова',
          contactPosition: 'Маркетинг',
          contactEmail: 'ana@pixel-factory.example',
          contactPhone: '+359 88 123 456',
        },
      },
    );
    renderApp(profilePath);
    expect(await screen.findByText('Ана Иванова, Маркетинг')).toBeVisible();
    expect(screen.getByRole('link', { name: 'ana@pixel-factory.example' })).toHaveAttribute(
      'href',
      'mailto:ana@pixel-factory.example',
    );
    expect(screen.getByRole('link', { name: '+359 88 123 456' })).toHaveAttribute('href', 'tel:+35988123456');
    expect(fact('Лице за контакт')).toBe('Ана Иванова, Маркетингana@pixel-factory.example+359 88 123 456');
  });

  it('does not ask the members endpoint for a signed-in user without members.view', async () => {
    const api = profileApi(signedIn(meFixture({ roles: ['applicant'], organizations: [] })));
    renderApp(profilePath);
    await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' });
    await waitFor(() => expect(api.requestsTo('/api/auth/session')).not.toHaveLength(0));
    await expect(screen.findByText(/Иван Петров/, {}, { timeout: 1500 })).rejects.toThrow();
    expect(api.requestsTo(membersPath)).toHaveLength(0);
  });

  it('shows a representative the members-level contacts, each marked as visible to members only', async () => {
    const api = profileApi(signedIn(meFixture({ roles: ['representative'] })));
    renderApp(profilePath);
    expect(await screen.findByText('Иван Петров, Управител')).toBeVisible();
    expect(api.requestsTo(membersPath)).toHaveLength(1);
    expect(fact('Лице за контакт')).toBe(
      'Иван Петров, Управител (видимо само за членове)ivan@pixel-factory.example (видимо само за членове)',
    );
    expect(screen.getByRole('link', { name: 'ivan@pixel-factory.example' })).toHaveAttribute(
      'href',
      'mailto:ivan@pixel-factory.example',
    );
    // The public fields carry no note; the committee-level phone is not there.
    expect(fact('Имейл')).toBe('hello@pixel-factory.example');
    expect(fact('Адрес')).toBe('ул. „Тестова“ 1');
    expect(screen.queryByText(/\+359 88 000 111/)).toBeNull();
  });

  it('shows the committee every contact, the non-public ones marked as such', async () => {
    profileApi(signedIn(meFixture({ roles: ['committee_member'], organizations: [] })), {
      members: () => json(forLevel('committee')),
    });
    renderApp(profilePath);
    expect(await screen.findByRole('link', { name: '+359 88 000 111' })).toHaveAttribute(
      'href',
      'tel:+35988000111',
    );
    expect(fact('Лице за контакт')).toContain('+359 88 000 111 (не е публично)');
  });

  it('marks the members-level contacts in English too', async () => {
    profileApi(signedIn(meFixture({ roles: ['representative'] })));
    const app = renderApp(profilePath);
    await screen.findByText('Иван Петров, Управител');
    await app.user.click(screen.getByRole('button', { name: /English/ }));
    await waitFor(() =>
      expect(fact('Contact person')).toBe(
        'Иван Петров, Управител (visible to members only)ivan@pixel-factory.example (visible to members only)',
      ),
    );
  });

  it('keeps the public profile when the members-only contacts cannot be loaded, and retries', async () => {
    let fail = true;
    profileApi(signedIn(meFixture({ roles: ['representative'] })), {
      members: () => (fail ? problem(500, 'Грешка') : json(forLevel('members'))),
    });
    const app = renderApp(profilePath);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Данните не можаха да бъдат заредени.');
    expect(fact('Адрес')).toBe('ул. „Тестова“ 1');
    fail = false;
    await app.user.click(screen.getByRole('button', { name: 'Опитай отново' }));
    expect(await screen.findByText('Иван Петров, Управител')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
