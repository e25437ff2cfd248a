import { etagOf, type Me } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { applicationFixture } from '@/testing/mocks/fixtures/applications.ts';
import { editableFixture, profilePath } from '@/testing/mocks/fixtures/my-organization.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const applicationSummary = {
  state: 'draft',
  nameBg: null,
  nameEn: null,
  eik: null,
  kind: null,
  applicantName: 'Мария Петрова',
  submittedAt: null,
  updatedAt: '2026-01-10T09:00:00.000Z',
};

/** A log-in endpoint that signs `me` in (the session follows) or answers with `refuse`. */
function logInApi(options: { me?: Me; refuse?: () => Response; applications?: { id: string }[] } = {}) {
  const me = options.me ?? meFixture();
  let user: Me | null = null;
  const account = signedIn(me);
  return stubApi({
    ...account,
    '/api/auth/session': () => json({ user }),
    '/api/applications/mine': () =>
      json({ items: (options.applications ?? []).map((a) => ({ ...applicationSummary, ...a })) }),
    '/api/applications/:id': (url) => json(applicationFixture({ id: url.pathname.split('/').at(-1) ?? '' })),
    // Where a committee member lands: the queue of applications.
    '/api/committee/applications': () => json({ items: [], total: 0, page: 1, pageSize: 20, counts: {} }),
    // Where a representative lands: their organisation's profile.
    [profilePath]: () => json(editableFixture, 200, { ETag: etagOf(editableFixture.version) }),
    '/api/auth/log-in': () => {
      if (options.refuse) return options.refuse();
      user = me;
      return json({ user: me });
    },
  });
}

async function fillAndSubmit(app: ReturnType<typeof renderApp>, email: string, password: string) {
  await app.user.type(await screen.findByRole('textbox', { name: 'Имейл' }), email);
  await app.user.type(screen.getByLabelText(/^Парола/), password);
  await app.user.click(screen.getByRole('button', { name: 'Влез' }));
}

describe('logging in', () => {
  it('tells a visitor sent here by "Apply online" why they must log in (issue 11 C4)', async () => {
    logInApi();
    renderApp('/login?next=%2Fapply');
    expect(
      await screen.findByText('За да кандидатствате за членство, влезте в профила си или създайте нов.'),
    ).toBeVisible();
  });

  it('signs in with the normalised email and goes on to the page in `next`', async () => {
    const api = logInApi();
    const app = renderApp('/login?next=%2Fmembers%3Fq%3D%D0%B8%D0%BA%D1%82');
    await fillAndSubmit(app, ' Maria@Example.BG ', 'a long enough password');

    await waitFor(() => expect(app.pathname()).toBe('/members'));
    expect(app.searchParams().get('q')).toBe('икт');
    const request = api.requestsTo('/api/auth/log-in')[0];
    expect(request?.method).toBe('POST');
    expect(request?.body).toEqual({ email: 'maria@example.bg', password: 'a long enough password' });
    // The header knows the user at once, without asking the session again.
    expect(await screen.findByText('Мария Петрова')).toBeVisible();
  });

  it("switches the UI to the user's saved language", async () => {
    logInApi({ me: meFixture({ language: 'en' }) });
    const app = renderApp('/login?next=%2Fmembers');
    await fillAndSubmit(app, 'maria@example.bg', 'a long enough password');
    await waitFor(() => expect(app.pathname()).toBe('/members'));
    expect(await screen.findByRole('link', { name: 'Members' })).toBeVisible();
    expect(document.documentElement.lang).toBe('en');
  });

  it('does not follow a `next` to another site: the user lands where their work is instead', async () => {
    logInApi();
    const app = renderApp('/login?next=%2F%2Fevil.example%2Fphish');
    await fillAndSubmit(app, 'maria@example.bg', 'a long enough password');
    // The fixture is a representative: their organisation (issue 11 C4).
    await waitFor(() => expect(app.pathname()).toBe(`/my/organizations/${meFixture().organizations[0]!.id}`));
  });

  it('without a return address, lands a committee member on the committee (issue 11 C4)', async () => {
    logInApi({ me: meFixture({ roles: ['committee_member'], organizations: [] }) });
    const committee = renderApp('/login');
    await fillAndSubmit(committee, 'maria@example.bg', 'a long enough password');
    await waitFor(() => expect(committee.pathname()).toBe('/committee'));
  });

  it('without a return address, lands a user with one application on it (issue 11 C4)', async () => {
    const id = '99999999-2222-4333-8444-555555555555';
    logInApi({ me: meFixture({ roles: ['applicant'], organizations: [] }), applications: [{ id }] });
    const app = renderApp('/login');
    await fillAndSubmit(app, 'maria@example.bg', 'a long enough password');
    await waitFor(() => expect(app.pathname()).toBe(`/applications/${id}`));
  });

  it('without a return address, lands a user with no role and no application on the application form (issue 11 C4)', async () => {
    logInApi({ me: meFixture({ roles: [], organizations: [] }) });
    const app = renderApp('/login');
    await fillAndSubmit(app, 'maria@example.bg', 'a long enough password');
    await waitFor(() => expect(app.pathname()).toBe('/apply'));
  });

  it('says the email or password is wrong, in the UI language, and stays on the page', async () => {
    logInApi({
      refuse: () => problem(401, 'Unauthorized', undefined, { code: 'auth.invalid_credentials' }),
    });
    const app = renderApp('/login');
    await fillAndSubmit(app, 'maria@example.bg', 'wrong password!!');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Грешен имейл или парола.')).toBeVisible();
    expect(app.pathname()).toBe('/login');

    await app.user.click(screen.getByRole('button', { name: /English/ }));
    expect(await within(screen.getByRole('alert')).findByText('Wrong e-mail or password.')).toBeVisible();
  });

  it('shows how long to wait after too many attempts', async () => {
    logInApi({
      refuse: () =>
        problem(429, 'Too Many Requests', undefined, {
          code: 'rate_limited',
          headers: { 'Retry-After': '120' },
        }),
    });
    const app = renderApp('/login');
    await fillAndSubmit(app, 'maria@example.bg', 'a long enough password');
    expect(
      await screen.findByText('Твърде много опити за вход. Опитайте отново след 2 минути.'),
    ).toBeVisible();
  });

  it('offers to send the confirmation email again when the address is not confirmed', async () => {
    const api = stubApi({
      '/api/auth/log-in': () => problem(403, 'Forbidden', undefined, { code: 'auth.email_unverified' }),
      '/api/auth/resend-verification': () => json({ status: 'accepted' }, 202),
    });
    const app = renderApp('/login');
    await fillAndSubmit(app, 'maria@example.bg', 'a long enough password');

    expect(await screen.findByText(/Имейл адресът ви още не е потвърден/)).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Изпрати писмото отново' }));
    expect(
      await screen.findByText(
        'Ако профилът съществува и още не е потвърден, изпратихме нова връзка на maria@example.bg.',
      ),
    ).toBeVisible();
    expect(api.requestsTo('/api/auth/resend-verification')[0]?.body).toEqual({
      email: 'maria@example.bg',
    });
  });

  it('checks the form before asking the server, with messages beside the fields', async () => {
    const api = logInApi();
    const app = renderApp('/login');
    await app.user.click(await screen.findByRole('button', { name: 'Влез' }));

    const email = screen.getByRole('textbox', { name: 'Имейл' });
    expect(email).toHaveAccessibleDescription('Попълнете полето.');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText(/^Парола/)).toHaveAccessibleDescription('Попълнете полето.');

    await app.user.type(email, 'not-an-email');
    await app.user.click(screen.getByRole('button', { name: 'Влез' }));
    expect(email).toHaveAccessibleDescription('Въведете валиден имейл адрес.');
    expect(api.requestsTo('/api/auth/log-in')).toHaveLength(0);
  });

  it('shows the password on request with a keyboard-reachable toggle', async () => {
    logInApi();
    const app = renderApp('/login');
    const password = await screen.findByLabelText(/^Парола/);
    expect(password).toHaveAttribute('type', 'password');
    const toggle = screen.getByRole('button', { name: 'Покажи паролата' });
    expect(toggle).not.toHaveAttribute('tabindex', '-1');
    await app.user.click(toggle);
    expect(password).toHaveAttribute('type', 'text');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
  });

  it('sends a signed-in visitor of the log-in page straight on', async () => {
    stubApi(signedIn());
    const app = renderApp('/login?next=%2Fmembers');
    await waitFor(() => expect(app.pathname()).toBe('/members'));
  });
});
