import type { NewsPost, NewsPublicPost } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const POST_ID = 'e0000000-0000-4000-8000-000000000001';

function publicPost(overrides: Partial<NewsPublicPost> = {}): NewsPublicPost {
  return {
    id: POST_ID,
    slug: 'first-meeting',
    category: 'news',
    titleBg: 'Първо заседание на комитета',
    titleEn: 'First meeting of the committee',
    summaryBg: 'Комитетът прие визията.',
    summaryEn: 'The committee adopted the vision.',
    bodyBg:
      'Комитетът прие **визията**. [Стратегията](https://example.bg/isis)\n\n[лоша](javascript:alert(1))',
    bodyEn: 'The committee adopted the **vision**.',
    areas: [{ id: 'ict', nameBg: 'Информатика и ИКТ', nameEn: 'Informatics and ICT' }],
    publishedAt: '2026-11-20T10:00:00.000Z',
    organization: null,
    authorName: 'Иван Иванов',
    coverVersion: null,
    event: null,
    ...overrides,
  };
}

function editorPost(overrides: Partial<NewsPost> = {}): NewsPost {
  return {
    id: POST_ID,
    slug: 'first-meeting',
    category: 'news',
    status: 'draft',
    effectiveStatus: 'draft',
    titleBg: 'Първо заседание на комитета',
    titleEn: '',
    summaryBg: '',
    summaryEn: '',
    bodyBg: 'Текст',
    bodyEn: '',
    areaIds: [],
    publishAt: null,
    organization: null,
    author: { id: '11111111-2222-4333-8444-555555555555', name: 'Мария Петрова' },
    editor: null,
    returnReason: null,
    coverVersion: null,
    submittedAt: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const committee = () => signedIn(meFixture({ roles: ['committee_member'], organizations: [] }));

describe('the public news', () => {
  it('lists the posts, filters by category in the URL and links each to its page', async () => {
    const api = stubApi({
      '/api/news': (url) =>
        json({
          items: url.searchParams.get('category') === 'call' ? [] : [publicPost()],
          total: 1,
          page: 1,
          pageSize: 10,
        }),
    });
    const app = renderApp('/news');
    const link = await screen.findByRole('link', { name: 'Първо заседание на комитета' });
    expect(link).toHaveAttribute('href', '/news/first-meeting');
    expect(screen.getByText('20 ноември 2026 г.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'RSS емисия' })).toHaveAttribute('href', '/api/news/feed/bg');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Категория' }), 'Покана');
    await waitFor(() => expect(app.searchParams().get('category')).toBe('call'));
    await waitFor(() =>
      expect(api.requestsTo('/api/news').at(-1)?.url.searchParams.get('category')).toBe('call'),
    );
    expect(await screen.findByText('Още няма публикувани новини.')).toBeVisible();
  });

  it('renders a post’s Markdown as elements, drops an unsafe link, and names the author', async () => {
    stubApi({ '/api/news/posts/:slug': () => json(publicPost()) });
    renderApp('/news/first-meeting');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Първо заседание на комитета' }),
    ).toBeVisible();
    expect(screen.getByText('визията').tagName).toBe('STRONG');
    expect(screen.getByRole('link', { name: 'Стратегията' })).toHaveAttribute(
      'href',
      'https://example.bg/isis',
    );
    // The javascript: link keeps its text but loses its target.
    expect(screen.queryByRole('link', { name: 'лоша' })).toBeNull();
    expect(screen.getByText('Автор: Иван Иванов')).toBeVisible();
    expect(document.querySelector('script')).toBeNull();
  });

  it('says when a post exists only in the other language, and when its author was erased', async () => {
    stubApi({
      '/api/news/posts/:slug': () =>
        json(publicPost({ titleBg: '', summaryBg: '', bodyBg: '', authorName: null })),
    });
    renderApp('/news/first-meeting');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'First meeting of the committee' }),
    ).toBeVisible();
    expect(screen.getByText('Тази новина е публикувана само на английски.')).toBeVisible();
    expect(screen.getByText('Автор: бивш потребител')).toBeVisible();
  });

  it('says a post is not there (yet) on a 404', async () => {
    stubApi({ '/api/news/posts/:slug': () => problem(404, 'Новината не е намерена') });
    renderApp('/news/not-yet');
    expect(await screen.findByText('Няма такава новина или тя още не е публикувана.')).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'Няма такава новина' })).toBeVisible();
  });
});

describe('the news editor', () => {
  it('creates a post with a preview, refusing HTML before sending', async () => {
    let created: unknown;
    const api = stubApi({
      ...committee(),
      '/api/committee/news': (_url, request) => {
        if (request.method !== 'POST') return json({ items: [], total: 0, page: 1, pageSize: 20 });
        created = request.body;
        return json(editorPost(), 201);
      },
      '/api/committee/news/:id': () => json(editorPost()),
    });
    const app = renderApp('/committee/news/new');
    const title = await screen.findByRole('textbox', { name: 'Заглавие (български)' });
    await app.user.type(title, 'Първо заседание');
    const body = screen.getByRole('textbox', { name: 'Текст (български, Markdown)' });
    await app.user.type(body, 'Текст <script>');
    await app.user.click(screen.getByRole('button', { name: 'Запази' }));
    expect(await screen.findByText(/Текстът не може да съдържа HTML/)).toBeVisible();
    expect(api.requestsTo('/api/committee/news').filter((r) => r.method === 'POST')).toHaveLength(0);

    await app.user.clear(body);
    await app.user.type(body, 'Комитетът прие **визията**.');
    await app.user.click(screen.getByRole('button', { name: 'Преглед' }));
    expect((await screen.findByText('визията')).tagName).toBe('STRONG');
    await app.user.click(screen.getByRole('button', { name: 'Редактиране' }));
    await app.user.click(screen.getByRole('button', { name: 'Запази' }));
    await waitFor(() => expect(api.requestsTo('/api/committee/news').map((r) => r.method)).toContain('POST'));
    await waitFor(() => expect(app.pathname()).toBe(`/committee/news/${POST_ID}`));
    // The post's page says it was saved as a draft.
    expect(await screen.findByRole('status')).toHaveTextContent('Новината е създадена като чернова.');
    expect(created).toMatchObject({ category: 'news', titleBg: 'Първо заседание', slug: null, areaIds: [] });
  });

  it('warns on an event with registrations that a new time or place emails them', async () => {
    const event = (confirmed: number, waiting: number) => ({
      event: {
        startsAt: '2027-03-12T08:00:00.000Z',
        endsAt: '2027-03-12T11:00:00.000Z',
        place: 'Зала',
        onlineUrl: null,
        registrationEnabled: true,
        registrationOpenTo: 'public',
        capacity: 2,
        registrationClosesAt: null,
        seatsLeft: 2 - confirmed,
        waiting,
        registrationOpen: true,
        confirmed,
        sequence: 0,
      },
      items: [],
    });
    let registered = 0;
    stubApi({
      ...committee(),
      '/api/committee/news/:id': () => json(editorPost({ category: 'event' })),
      '/api/committee/news/:id/registrations': () => json(event(registered, 0)),
    });
    const first = renderApp(`/committee/news/${POST_ID}`);
    expect(await screen.findByText('Часовете са по българско време.')).toBeVisible();
    expect(screen.queryByText(/Записаните ще получат имейл/)).toBeNull();
    first.unmount();

    registered = 1;
    renderApp(`/committee/news/${POST_ID}`);
    expect(
      await screen.findByText(
        'Часовете са по българско време. Записаните ще получат имейл, ако промените часа или мястото.',
      ),
    ).toBeVisible();
  });

  it('publishes after a confirmation and says so', async () => {
    const api = stubApi({
      ...committee(),
      '/api/committee/news/:id/publish': () =>
        json(
          editorPost({
            status: 'published',
            effectiveStatus: 'published',
            publishAt: '2026-12-07T10:00:00.000Z',
            version: 2,
          }),
        ),
      '/api/committee/news/:id': () => json(editorPost()),
    });
    const app = renderApp(`/committee/news/${POST_ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Публикувай' }));
    const dialog = await screen.findByRole('dialog', { name: 'Публикуване на новината' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Публикувай' }));
    expect(await screen.findByText('Новината е публикувана.')).toBeVisible();
    expect(api.requestsTo(`/api/committee/news/${POST_ID}/publish`)[0]?.body).toEqual({
      version: 1,
      publishAt: null,
    });
  });

  it('lists posts by status from the URL', async () => {
    const api = stubApi({
      ...committee(),
      '/api/committee/news': () =>
        json({
          items: [editorPost({ status: 'submitted', effectiveStatus: 'submitted' })],
          total: 1,
          page: 1,
          pageSize: 20,
        }),
    });
    renderApp('/committee/news?status=submitted');
    expect(await screen.findByRole('link', { name: 'Първо заседание на комитета' })).toHaveAttribute(
      'href',
      `/committee/news/${POST_ID}`,
    );
    expect(within(screen.getByRole('table')).getByText('Изпратена за одобрение')).toBeVisible();
    expect(api.requestsTo('/api/committee/news').at(-1)?.url.searchParams.get('status')).toBe('submitted');
  });
});
