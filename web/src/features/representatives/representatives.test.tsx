import type { Invitation, InvitationPreview, Representative } from '@portal/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/i18n/index.ts';
import { linkToken, meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { orgId } from '@/testing/mocks/fixtures/my-organization.ts';
import { profileServer } from '@/testing/mocks/handlers/my-organization.ts';
import { json, noContent, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const pageUrl = `/my/organizations/${orgId}/representatives`;
const repsPath = `/api/account/organizations/${orgId}/representatives`;
const invitationsPath = `/api/account/organizations/${orgId}/invitations`;
const me = meFixture();

const maria: Representative = {
  userId: me.id,
  displayName: me.displayName,
  email: me.email,
  linkedSince: '2025-03-12T09:00:00.000Z',
  isMe: true,
};
const ivan: Representative = {
  userId: '22222222-2222-4222-8222-222222222222',
  displayName: 'Иван Колев',
  email: 'ivan@example.bg',
  linkedSince: '2025-06-01T09:00:00.000Z',
  isMe: false,
};
const openInvitation: Invitation = {
  id: '33333333-3333-4333-8333-333333333333',
  email: 'petya@example.bg',
  invitedBy: { id: me.id, displayName: me.displayName },
  createdAt: '2026-02-01T10:00:00.000Z',
  expiresAt: '2026-02-08T10:00:00.000Z',
  expired: false,
};

/** A fake of the representatives API keeping its state: list, invite, revoke, remove. */
function representativesServer(options: { reps?: Representative[]; invitations?: Invitation[] } = {}) {
  let reps = options.reps ?? [maria, ivan];
  let invitations = options.invitations ?? [openInvitation];
  const api = profileServer({
    extra: {
      [repsPath]: () => json({ representatives: reps, invitations }),
      [`${repsPath}/:userId`]: (url, request) => {
        if (request.method !== 'DELETE') return undefined;
        reps = reps.filter((r) => !url.pathname.endsWith(r.userId));
        return noContent();
      },
      [invitationsPath]: (_url, request) => {
        const { email } = request.body as { email: string };
        if (reps.some((r) => r.email === email)) {
          return problem(409, 'Вече е представител', [
            {
              path: 'body.email',
              message: 'Потребителят с този имейл вече е представител на организацията.',
            },
          ]);
        }
        const invitation = { ...openInvitation, id: '44444444-4444-4444-8444-444444444444', email };
        invitations = [invitation, ...invitations];
        return json({ invitation, resent: false }, 201);
      },
      [`${invitationsPath}/:invitationId`]: (url, request) => {
        if (request.method !== 'DELETE') return undefined;
        invitations = invitations.filter((i) => !url.pathname.endsWith(i.id));
        return noContent();
      },
    },
  });
  return api;
}

const section = async () => within(await screen.findByRole('region', { name: 'Представители' }));

describe('the representatives tab', () => {
  it('lists the representatives (you marked) and the open invitations', async () => {
    representativesServer();
    renderApp(pageUrl);
    const page = await section();
    const cards = await page.findAllByRole('listitem');
    expect(within(cards[0] as HTMLElement).getByText('Мария Петрова')).toBeVisible();
    expect(within(cards[0] as HTMLElement).getByText('вие')).toBeVisible();
    expect(within(cards[1] as HTMLElement).getByText('ivan@example.bg')).toBeVisible();
    const invitations = within(page.getByRole('list', { name: 'Изпратени покани' }));
    expect(invitations.getByText('petya@example.bg')).toBeVisible();
    expect(invitations.getByText(/Изпратена от Мария Петрова/)).toBeVisible();
  });

  it('says when the organisation has been excluded and offers no invitation form (issue 11 A1)', async () => {
    const excluded = meFixture({
      organizations: me.organizations.map((o) => ({ ...o, standing: 'excluded' as const })),
    });
    profileServer({
      extra: {
        '/api/auth/session': () => json({ user: excluded }),
        [repsPath]: () => json({ representatives: [maria, ivan], invitations: [] }),
      },
    });
    renderApp(pageUrl);
    expect(await screen.findByText('Организацията е изключена от клъстера')).toBeVisible();
    const page = await section();
    expect(
      await page.findByText(
        'Нови представители могат да се канят само докато организацията е действащ член на клъстера.',
      ),
    ).toBeVisible();
    expect(page.queryByRole('textbox', { name: /Имейл на колегата/ })).toBeNull();
    expect(page.queryByRole('button', { name: 'Изпрати покана' })).toBeNull();
  });

  it('invites a colleague, and shows a refusal beside the email field', async () => {
    const api = representativesServer();
    const app = renderApp(pageUrl);
    const page = await section();
    const email = await page.findByRole('textbox', { name: /Имейл на колегата/ });
    await app.user.type(email, 'ivan@example.bg');
    await app.user.click(page.getByRole('button', { name: 'Изпрати покана' }));
    expect(
      await page.findByText('Потребителят с този имейл вече е представител на организацията.'),
    ).toBeVisible();
    expect(email).toHaveAttribute('aria-invalid', 'true');

    await app.user.clear(email);
    await app.user.type(email, ' New.Colleague@Example.bg ');
    await app.user.click(page.getByRole('button', { name: 'Изпрати покана' }));
    expect(await page.findByText('Поканата до new.colleague@example.bg е изпратена.')).toBeVisible();
    const posts = api.requestsTo(invitationsPath).filter((r) => r.method === 'POST');
    expect(posts.at(-1)?.body).toEqual({ email: 'new.colleague@example.bg' });
    expect(await page.findByText('new.colleague@example.bg')).toBeVisible();
  });

  it('checks the address before sending', async () => {
    const api = representativesServer();
    const app = renderApp(pageUrl);
    const page = await section();
    await app.user.type(await page.findByRole('textbox', { name: /Имейл на колегата/ }), 'not-an-email');
    await app.user.click(page.getByRole('button', { name: 'Изпрати покана' }));
    expect(await page.findByText('Въведете валиден имейл адрес.')).toBeVisible();
    expect(api.requestsTo(invitationsPath)).toEqual([]);
  });

  it('removes a colleague after a confirmation', async () => {
    const api = representativesServer();
    const app = renderApp(pageUrl);
    const page = await section();
    await app.user.click(await page.findByRole('button', { name: 'Премахни Иван Колев' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Премахване на представител' }));
    expect(dialog.getByText(/Иван Колев \(ivan@example\.bg\) вече няма да може/)).toBeVisible();
    // Backing out sends nothing.
    await app.user.click(dialog.getByRole('button', { name: 'Отказ' }));
    expect(api.requestsTo(`${repsPath}/${ivan.userId}`)).toEqual([]);

    await app.user.click(page.getByRole('button', { name: 'Премахни Иван Колев' }));
    const again = within(await screen.findByRole('dialog', { name: 'Премахване на представител' }));
    await app.user.click(again.getByRole('button', { name: 'Да, премахни' }));
    expect(await page.findByText('Иван Колев вече не е представител.')).toBeVisible();
    expect(api.requestsTo(`${repsPath}/${ivan.userId}`).map((r) => r.method)).toEqual(['DELETE']);
    expect(page.queryByText('ivan@example.bg')).toBeNull();
    // Now the only one: no removal, and why.
    expect(page.queryByRole('button', { name: 'Напусни' })).toBeNull();
    expect(page.getByText(/Единственият представител не може да бъде премахнат/)).toBeVisible();
  });

  it('revokes an invitation after a confirmation', async () => {
    const api = representativesServer();
    const app = renderApp(pageUrl);
    const page = await section();
    await app.user.click(await page.findByRole('button', { name: 'Оттегли поканата до petya@example.bg' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Оттегляне на покана' }));
    await app.user.click(dialog.getByRole('button', { name: 'Да, оттегли' }));
    expect(await page.findByText('Поканата до petya@example.bg е оттеглена.')).toBeVisible();
    expect(api.requestsTo(`${invitationsPath}/${openInvitation.id}`).map((r) => r.method)).toEqual([
      'DELETE',
    ]);
    expect(await page.findByText('Няма покани, които чакат отговор.')).toBeVisible();
  });

  it('shows the tab in English', async () => {
    representativesServer({ reps: [maria], invitations: [{ ...openInvitation, expired: true }] });
    await setLanguage('en');
    renderApp(pageUrl);
    const page = within(await screen.findByRole('region', { name: 'Representatives' }));
    expect(await page.findByText('you')).toBeVisible();
    expect(page.getByText(/The only representative cannot be removed/)).toBeVisible();
    expect(page.getByText('expired')).toBeVisible();
    expect(page.getByRole('button', { name: 'Send invitation' })).toBeVisible();
  });
});

const preview: InvitationPreview = {
  organization: { id: orgId, nameBg: 'Пиксел Фабрика', nameEn: 'Pixel Factory' },
  email: me.email,
  invitedBy: 'Иван Колев',
  expiresAt: '2026-02-08T10:00:00.000Z',
  emailMatches: true,
  accepted: false,
};

describe('accepting an invitation', () => {
  it('shows whom and what organisation, accepts, then links to the organisation', async () => {
    const api = stubApi({
      ...signedIn(),
      '/api/invitations/preview': () => json(preview),
      '/api/invitations/accept': () => json({ organization: preview.organization, alreadyAccepted: false }),
    });
    const app = renderApp(`/invitations/accept?token=${linkToken}`);
    expect(
      await screen.findByRole('heading', { name: 'Покана да представлявате Пиксел Фабрика' }),
    ).toBeVisible();
    expect(
      screen.getByText('Иван Колев ви кани да станете представител на Пиксел Фабрика в портала на клъстера.'),
    ).toBeVisible();
    expect(screen.getByText(/Поканата е изпратена до maria@example\.bg/)).toBeVisible();
    expect(api.requestsTo('/api/invitations/preview')[0]?.body).toEqual({ token: linkToken });

    await app.user.click(screen.getByRole('button', { name: 'Приеми поканата' }));
    expect(await screen.findByText('Вече сте представител на Пиксел Фабрика.')).toBeVisible();
    expect(api.requestsTo('/api/invitations/accept')[0]?.body).toEqual({ token: linkToken });
    expect(screen.getByRole('link', { name: 'Към профила на организацията' })).toHaveAttribute(
      'href',
      `/my/organizations/${orgId}`,
    );
    expect(screen.getByRole('link', { name: 'Към представителите' })).toHaveAttribute('href', pageUrl);
  });

  it('tells a user signed in with another address which one was invited', async () => {
    const api = stubApi({
      ...signedIn(),
      '/api/invitations/preview': () => json({ ...preview, email: 'other@example.bg', emailMatches: false }),
    });
    await setLanguage('en');
    renderApp(`/invitations/accept?token=${linkToken}`);
    expect(
      await screen.findByText(
        /You are logged in as maria@example\.bg, but the invitation is for other@example\.bg/,
      ),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Accept the invitation' })).toBeNull();
    expect(api.requestsTo('/api/invitations/accept')).toEqual([]);
  });

  it('explains an expired link', async () => {
    stubApi({
      ...signedIn(),
      '/api/invitations/preview': () =>
        problem(410, 'Поканата е изтекла', undefined, {
          code: 'invitation.expired',
          detail: 'Срокът на тази покана изтече. Помолете колегата си да ви изпрати нова.',
        }),
    });
    renderApp(`/invitations/accept?token=${linkToken}`);
    expect(
      await screen.findByText('Срокът на тази покана изтече. Помолете колегата си да ви изпрати нова.'),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Приеми поканата' })).toBeNull();
  });

  it('says a mangled link is not valid instead of pointing at field errors', async () => {
    stubApi({
      ...signedIn(),
      '/api/invitations/preview': () =>
        problem(400, 'Невалидни данни', [
          { path: 'body.token', message: 'Връзката е невалидна, изтекла или вече използвана.' },
        ]),
    });
    renderApp('/invitations/accept?token=cut-short');
    expect(await screen.findByText('Връзката е невалидна, изтекла или вече използвана.')).toBeVisible();
  });

  it('sends an anonymous visitor to log in and back', async () => {
    stubApi();
    const app = renderApp(`/invitations/accept?token=${linkToken}`);
    await screen.findByRole('heading', { level: 1, name: /Вход/ });
    expect(app.pathname()).toBe('/login');
    expect(app.searchParams().get('next')).toBe(`/invitations/accept?token=${linkToken}`);
  });
});
