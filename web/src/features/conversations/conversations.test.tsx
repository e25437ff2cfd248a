import { MantineProvider } from '@mantine/core';
import type { Conversation } from '@portal/shared';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProvider } from '@/app/provider.tsx';
import { createQueryClient } from '@/app/query-client.ts';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { profileFixture } from '@/testing/fixtures.ts';
import { orgId } from '@/testing/mocks/fixtures/my-organization.ts';
import { profileServer } from '@/testing/mocks/handlers/my-organization.ts';
import { json, noContent, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';
import { InterestButton } from './components/interest-button.tsx';
import { LinkifiedText } from './components/linkified-text.tsx';

const ME = meFixture();
const MY_ORG = ME.organizations[0]!;
const OTHER = { id: '99999999-0000-4000-8000-000000000001', nameBg: 'Студио Гама', nameEn: 'Gamma Studio' };
const CONVERSATION_ID = 'cccccccc-0000-4000-8000-000000000001';
const ITEM = {
  id: 'dddddddd-0000-4000-8000-000000000001',
  titleBg: 'Споделена GPU лаборатория',
  titleEn: 'Shared GPU and test lab',
  kind: 'offer' as const,
};

function conversationFixture(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: CONVERSATION_ID,
    item: ITEM,
    owner: OTHER,
    interested: { id: MY_ORG.id, nameBg: MY_ORG.nameBg, nameEn: MY_ORG.nameEn },
    mySide: 'interested',
    status: 'open',
    lastMessageAt: '2026-11-20T10:00:00.000Z',
    createdAt: '2026-11-20T09:00:00.000Z',
    unread: 0,
    agreedProposedByOrganizationId: null,
    agreedProposedAt: null,
    agreedConfirmedAt: null,
    proposalEnded: null,
    partnership: null,
    messages: [
      {
        id: 'eeeeeeee-0000-4000-8000-000000000001',
        authorName: 'Иван Иванов',
        authorOrganizationId: OTHER.id,
        mine: false,
        body: 'Вижте https://example.bg/lab. <img src=x onerror="alert(1)"> **не е удебелено**',
        createdAt: '2026-11-20T10:00:00.000Z',
      },
    ],
    version: 1,
    ...overrides,
  };
}

describe('a message as plain text', () => {
  it('renders its links as anchors and nothing else: no HTML, no markdown', () => {
    const { container } = render(
      <MantineProvider>
        <LinkifiedText
          text={'Здравейте! <b>смело</b> <img src=x onerror="alert(1)"> **звезди** https://example.bg/a?b=1.'}
        />
      </MantineProvider>,
    );
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('href', 'https://example.bg/a?b=1');
    expect(links[0]).toHaveAttribute('rel', expect.stringContaining('noopener'));
    expect(container.querySelector('img, b, strong, script')).toBeNull();
    expect(container.textContent).toContain('<b>смело</b> <img src=x onerror="alert(1)"> **звезди**');
  });

  it('links only http and https addresses', () => {
    render(
      <MantineProvider>
        <LinkifiedText text="javascript:alert(1) ftp://x.bg www.example.bg" />
      </MantineProvider>,
    );
    expect(screen.queryByRole('link')).toBeNull();
  });
});

describe('the unread badge in the header', () => {
  it('shows a representative how many messages are unread, and links to the conversations', async () => {
    stubApi({ ...signedIn(), '/api/conversations/unread': () => json({ total: 3 }) });
    const app = renderApp('/');
    // The link is in the header's cooperation group, whose button says so while it is closed.
    await app.user.click(
      await screen.findByRole('button', { name: 'Сътрудничество, 3 непрочетени съобщения' }),
    );
    const link = await screen.findByRole('link', { name: 'Разговори, 3 непрочетени съобщения' });
    expect(link).toHaveAttribute('href', '/conversations');
    expect(within(link).getByText('3')).toBeVisible();
    // On a phone the link is in the menu's drawer: the menu button says so too.
    expect(await screen.findByRole('button', { name: 'Меню, 3 непрочетени съобщения' })).toBeInTheDocument();
  });

  it('shows no badge without unread messages, and no link to someone who is not a representative', async () => {
    stubApi(signedIn());
    const first = renderApp('/');
    await first.user.click(await screen.findByRole('button', { name: 'Сътрудничество' }));
    expect(await screen.findByRole('link', { name: 'Разговори' })).toBeVisible();
    expect(screen.queryByTestId('unread-badge')).toBeNull();
    expect(screen.getByRole('button', { name: 'Меню' })).toBeInTheDocument();
    first.unmount();
    stubApi(signedIn(meFixture({ roles: ['committee_member'], organizations: [] })));
    renderApp('/');
    await screen.findByRole('link', { name: 'Членове' });
    expect(screen.queryByRole('link', { name: /^Разговори/ })).toBeNull();
  });
});

describe('a conversation', () => {
  function conversationApi(conversation = conversationFixture()) {
    return stubApi({
      ...signedIn(),
      [`/api/conversations/${CONVERSATION_ID}`]: () => json(conversation),
      [`/api/conversations/${CONVERSATION_ID}/read`]: () => noContent(),
    });
  }

  it("says so under a heading when the conversation is not there or not the reader's", async () => {
    stubApi({
      ...signedIn(),
      [`/api/conversations/${CONVERSATION_ID}`]: () =>
        problem(404, 'Няма такъв разговор', undefined, { code: 'conversation.not_found' }),
    });
    renderApp(`/conversations/${CONVERSATION_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Няма такъв разговор' })).toBeVisible();
    expect(screen.getByRole('link', { name: /Всички разговори/ })).toHaveAttribute('href', '/conversations');
  });

  it('shows the messages as plain text with clickable links', async () => {
    conversationApi();
    renderApp(`/conversations/${CONVERSATION_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Разговор с Студио Гама' })).toBeVisible();
    const messages = screen.getByRole('region', { name: 'Съобщения' });
    expect(within(messages).getByRole('link', { name: 'https://example.bg/lab' })).toBeVisible();
    expect(within(messages).getByText(/<img src=x onerror="alert\(1\)">/)).toBeVisible();
    expect(document.querySelector('main img')).toBeNull();
  });

  it('checks the message in Bulgarian before sending: required, at most 5000 characters', async () => {
    const api = conversationApi();
    const app = renderApp(`/conversations/${CONVERSATION_ID}`);
    const field = await screen.findByRole('textbox', { name: 'Ново съобщение' });
    await app.user.click(screen.getByRole('button', { name: 'Изпрати' }));
    expect(await screen.findByText('Попълнете полето.')).toBeVisible();
    fireEvent.change(field, { target: { value: 'а'.repeat(5001) } });
    expect(screen.getByText('5001 от 5000 знака')).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Изпрати' }));
    expect(await screen.findByText('Въведете най-много 5000 знака.')).toBeVisible();
    expect(field).toHaveFocus();
    expect(api.sent(`/api/conversations/${CONVERSATION_ID}/messages`, 'POST')).toEqual([]);
  });

  it("sends a message, and shows the server's field error beside the field", async () => {
    let calls = 0;
    const api = stubApi({
      ...signedIn(),
      [`/api/conversations/${CONVERSATION_ID}`]: () => json(conversationFixture()),
      [`/api/conversations/${CONVERSATION_ID}/messages`]: () => {
        calls += 1;
        return calls === 1
          ? problem(400, 'Невалидни данни', [
              {
                path: 'body.body',
                message: 'Полето съдържа управляващи символи (напр. NUL), които не са позволени.',
              },
            ])
          : json(conversationFixture({ messages: [] }), 201);
      },
    });
    const app = renderApp(`/conversations/${CONVERSATION_ID}`);
    const field = await screen.findByRole('textbox', { name: 'Ново съобщение' });
    await app.user.type(field, 'Здравейте');
    expect(screen.getByText('9 от 5000 знака')).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Изпрати' }));
    expect(await screen.findByText(/управляващи символи/)).toBeVisible();
    expect(field).toHaveValue('Здравейте');
    await app.user.click(screen.getByRole('button', { name: 'Изпрати' }));
    await waitFor(() => expect(field).toHaveValue(''));
    expect(api.sent(`/api/conversations/${CONVERSATION_ID}/messages`, 'POST').map((r) => r.body)).toEqual([
      { body: 'Здравейте' },
      { body: 'Здравейте' },
    ]);
  });

  it('proposes "agreed" only after a confirmation', async () => {
    const api = stubApi({
      ...signedIn(),
      [`/api/conversations/${CONVERSATION_ID}`]: () => json(conversationFixture()),
      [`/api/conversations/${CONVERSATION_ID}/agree`]: () =>
        json(
          conversationFixture({
            status: 'agreed_proposed',
            agreedProposedByOrganizationId: MY_ORG.id,
            agreedProposedAt: '2026-11-21T10:00:00.000Z',
            version: 2,
          }),
        ),
    });
    const app = renderApp(`/conversations/${CONVERSATION_ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Отбележи като договорено' }));
    const dialog = await screen.findByRole('dialog', { name: 'Договорихте ли партньорство?' });
    expect(api.sent(`/api/conversations/${CONVERSATION_ID}/agree`, 'POST')).toEqual([]);
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, договорено е' }));
    expect(await screen.findByText(/Очаква се потвърждение от другата страна/)).toBeVisible();
    expect(api.sent(`/api/conversations/${CONVERSATION_ID}/agree`, 'POST').map((r) => r.body)).toEqual([
      { version: 1 },
    ]);
  });
});

describe('withdrawing or declining a proposal of "agreed"', () => {
  const proposed = (by: string) =>
    conversationFixture({
      status: 'agreed_proposed',
      agreedProposedByOrganizationId: by,
      agreedProposedAt: '2026-11-21T10:00:00.000Z',
      version: 2,
    });

  it('withdraws our own proposal only after a confirmation, and says so', async () => {
    const api = stubApi({
      ...signedIn(),
      [`/api/conversations/${CONVERSATION_ID}`]: () => json(proposed(MY_ORG.id)),
      [`/api/conversations/${CONVERSATION_ID}/withdraw`]: () =>
        json(
          conversationFixture({
            version: 3,
            proposalEnded: {
              action: 'withdrawn',
              byOrganizationId: MY_ORG.id,
              at: '2026-11-21T11:00:00.000Z',
              reason: null,
            },
          }),
        ),
    });
    const app = renderApp(`/conversations/${CONVERSATION_ID}`);
    // Our proposal: no confirm and no decline, only withdraw.
    await app.user.click(await screen.findByRole('button', { name: 'Оттегли предложението' }));
    expect(screen.queryByRole('button', { name: 'Отклони' })).toBeNull();
    const dialog = await screen.findByRole('dialog', { name: 'Да оттеглите ли предложението?' });
    expect(api.sent(`/api/conversations/${CONVERSATION_ID}/withdraw`, 'POST')).toEqual([]);
    await app.user.click(within(dialog).getByRole('button', { name: 'Оттегли' }));
    expect(await screen.findByText('Оттеглихте предложението си за партньорство.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Отбележи като договорено' })).toBeVisible();
    expect(api.sent(`/api/conversations/${CONVERSATION_ID}/withdraw`, 'POST').map((r) => r.body)).toEqual([
      { version: 2 },
    ]);
  });

  it("declines the other side's proposal with a reason, after a confirmation", async () => {
    const api = stubApi({
      ...signedIn(),
      [`/api/conversations/${CONVERSATION_ID}`]: () => json(proposed(OTHER.id)),
      [`/api/conversations/${CONVERSATION_ID}/decline`]: () =>
        json(
          conversationFixture({
            version: 3,
            proposalEnded: {
              action: 'declined',
              byOrganizationId: MY_ORG.id,
              at: '2026-11-21T11:00:00.000Z',
              reason: 'Цената още не е уточнена',
            },
          }),
        ),
    });
    const app = renderApp(`/conversations/${CONVERSATION_ID}`);
    expect(await screen.findByRole('button', { name: 'Потвърди партньорството' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Оттегли предложението' })).toBeNull();
    await app.user.click(screen.getByRole('button', { name: 'Отклони' }));
    const dialog = await screen.findByRole('dialog', { name: 'Да отклоните ли предложението?' });
    expect(within(dialog).getByText(/Представителите на Студио Гама ще получат имейл/)).toBeVisible();
    await app.user.type(
      within(dialog).getByRole('textbox', { name: 'Причина (по желание)' }),
      ' Цената още не е уточнена ',
    );
    await app.user.click(within(dialog).getByRole('button', { name: 'Отклони предложението' }));
    expect(await screen.findByText('Отклонихте предложението за партньорство.')).toBeVisible();
    expect(screen.getByText('Причина: „Цената още не е уточнена“')).toBeVisible();
    expect(api.sent(`/api/conversations/${CONVERSATION_ID}/decline`, 'POST').map((r) => r.body)).toEqual([
      { version: 2, reason: 'Цената още не е уточнена' },
    ]);
  });

  it("shows the server's 409 in the dialog and the conversation as it is now", async () => {
    let current = proposed(OTHER.id);
    stubApi({
      ...signedIn(),
      [`/api/conversations/${CONVERSATION_ID}`]: () => json(current),
      [`/api/conversations/${CONVERSATION_ID}/decline`]: () => {
        // The other side withdrew meanwhile.
        current = conversationFixture({
          version: 3,
          proposalEnded: {
            action: 'withdrawn',
            byOrganizationId: OTHER.id,
            at: '2026-11-21T11:00:00.000Z',
            reason: null,
          },
        });
        return problem(409, 'Няма предложение за споразумение', undefined, {
          code: 'conversation.no_proposal',
          detail: 'В разговора вече няма чакащо предложение за споразумение.',
        });
      },
    });
    const app = renderApp(`/conversations/${CONVERSATION_ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Отклони' }));
    const dialog = await screen.findByRole('dialog', { name: 'Да отклоните ли предложението?' });
    // No reason: an empty field sends none.
    await app.user.click(within(dialog).getByRole('button', { name: 'Отклони предложението' }));
    expect(await within(dialog).findByText('Няма предложение за споразумение')).toBeVisible();
    expect(
      await screen.findByText('Студио Гама оттегли предложението си за партньорство.'),
    ).toBeInTheDocument();
  });
});

describe('the "Interested" button', () => {
  function renderButton() {
    const queryClient = createQueryClient();
    queryClient.setDefaultOptions({ queries: { retry: false } });
    const router = createMemoryRouter(
      [
        { path: '/board', element: <InterestButton item={{ ...ITEM, organization: OTHER }} /> },
        { path: '/conversations/:id', element: <p>Разговорът</p> },
      ],
      { initialEntries: ['/board'] },
    );
    render(
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>,
    );
    return { router, user: userEvent.setup() };
  }

  it('sends the first message from a modal and opens the conversation', async () => {
    const api = stubApi({
      ...signedIn(),
      [`/api/board/items/${ITEM.id}/interest`]: () => json(conversationFixture(), 201),
    });
    const { router, user } = renderButton();
    await user.click(await screen.findByRole('button', { name: 'Проявете интерес' }));
    const dialog = await screen.findByRole('dialog', { name: 'Интерес към „Споделена GPU лаборатория“' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Първо съобщение' }), 'Бихме искали достъп.');
    await user.click(within(dialog).getByRole('button', { name: 'Изпрати' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/conversations/${CONVERSATION_ID}`));
    expect(api.sent(`/api/board/items/${ITEM.id}/interest`, 'POST').map((r) => r.body)).toEqual([
      { body: 'Бихме искали достъп.' },
    ]);
  });

  it("is not offered on the own organisation's item", async () => {
    stubApi(signedIn());
    const queryClient = createQueryClient();
    const router = createMemoryRouter(
      [{ path: '/', element: <InterestButton item={{ ...ITEM, organization: { ...MY_ORG } }} /> }],
      { initialEntries: ['/'] },
    );
    render(
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>,
    );
    await waitFor(() => expect(queryClient.getQueryData(['auth', 'session'])).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Проявете интерес' })).toBeNull();
  });
});

describe('partners in the cluster', () => {
  const PARTNERSHIP = {
    id: 'ffffffff-0000-4000-8000-000000000001',
    conversationId: CONVERSATION_ID,
    partner: OTHER,
    agreedAt: '2026-11-22T10:00:00.000Z',
    areas: [{ id: 'creative', nameBg: 'Творчески индустрии', nameEn: 'Creative industries' }],
    myConsent: false,
    otherConsent: true,
  };

  it("lets a representative consent to show a partnership on the organisation's profile", async () => {
    let consent = false;
    const api = profileServer({
      extra: {
        [`/api/account/organizations/${orgId}/partnerships`]: () =>
          json({ items: [{ ...PARTNERSHIP, myConsent: consent }] }),
        [`/api/account/partnerships/${PARTNERSHIP.id}/consent`]: (_url, request) => {
          consent = (request.body as { shown: boolean }).shown;
          return noContent();
        },
      },
    });
    const app = renderApp(`/my/organizations/${orgId}/partners`);
    const nav = await screen.findByRole('navigation', { name: 'Раздели на организацията' });
    expect(within(nav).getByRole('link', { name: 'Партньори' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('heading', { name: 'Студио Гама' })).toBeVisible();
    expect(screen.getByText('Другата организация е съгласна.', { exact: false })).toBeVisible();
    const toggle = screen.getByRole('switch', { name: /Показвай партньорството/ });
    expect(toggle).not.toBeChecked();
    await app.user.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(api.sent(`/api/account/partnerships/${PARTNERSHIP.id}/consent`, 'PUT').map((r) => r.body)).toEqual(
      [{ shown: true }],
    );
  });

  it('turns new-message emails off on the account page', async () => {
    const api = stubApi({
      ...signedIn(),
      '/api/account/conversation-settings': (_url, request) =>
        request.method === 'PUT' ? json(request.body) : json({ emailsEnabled: true }),
    });
    const app = renderApp('/account');
    const section = within(await screen.findByRole('region', { name: 'Известия' }));
    const toggle = await section.findByRole('switch', {
      name: /^Изпращай ми имейл за нови съобщения/,
    });
    expect(toggle).toBeChecked();
    await app.user.click(toggle);
    expect(await section.findByText('Настройката е запазена.')).toBeVisible();
    expect(toggle).not.toBeChecked();
    expect(api.sent('/api/account/conversation-settings', 'PUT').map((r) => r.body)).toEqual([
      { emailsEnabled: false },
    ]);
  });

  it('shows the partnerships both sides consented to on the public profile, linked to the partner', async () => {
    stubApi({
      '/api/organizations/:id': () =>
        json({
          ...profileFixture,
          partners: [{ organization: OTHER, agreedAt: PARTNERSHIP.agreedAt, areas: PARTNERSHIP.areas }],
        }),
    });
    renderApp(`/members/${profileFixture.id}`);
    const section = within(await screen.findByRole('region', { name: 'Партньори в клъстера' }));
    expect(section.getByRole('link', { name: 'Студио Гама' })).toHaveAttribute(
      'href',
      `/members/${OTHER.id}`,
    );
    expect(section.getByText(/Творчески индустрии/)).toBeVisible();
  });

  it('shows no partners section when there are none', async () => {
    stubApi({ '/api/organizations/:id': () => json({ ...profileFixture, partners: [] }) });
    renderApp(`/members/${profileFixture.id}`);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('region', { name: 'Партньори в клъстера' })).toBeNull();
  });
});
