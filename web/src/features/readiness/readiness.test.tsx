import type { ReadinessCriterion, ReadinessSet, ReadinessSetList } from '@portal/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { bytesOf, json, noContent, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const SET = '00000000-de00-5e00-8000-000000000001';
const RULE = '00000000-de00-5f00-8000-000000000001';
const MANUAL = '00000000-de00-5f00-8000-000000000002';
const LINK = '00000000-de00-6000-8000-000000000001';

function rule(overrides: Partial<ReadinessCriterion> = {}): ReadinessCriterion {
  return {
    id: RULE,
    code: 'P1',
    titleBg: 'Поне 15 ясно ангажирани членове',
    titleEn: 'At least 15 clearly committed members',
    guidanceBg: 'Поканете още членове.',
    guidanceEn: 'Invite more members.',
    kind: 'rule',
    indicatorKey: 'members.active_total',
    indicatorParam: null,
    comparison: 'gte',
    green: 15,
    amber: 10,
    manualStatus: 'missing',
    position: 1,
    version: 1,
    figure: 12,
    status: 'amber',
    evidence: [],
    ...overrides,
  };
}

const manual: ReadinessCriterion = rule({
  id: MANUAL,
  code: 'P4',
  titleBg: 'Уебсайт на английски език',
  titleEn: 'A website in English',
  guidanceBg: '',
  guidanceEn: '',
  kind: 'manual',
  indicatorKey: null,
  comparison: null,
  green: null,
  amber: null,
  figure: null,
  status: 'red',
  evidence: [
    {
      id: LINK,
      kind: 'link',
      title: 'Английската версия',
      url: 'https://example.org/en',
      decisionId: null,
      decisionNumber: null,
      fileName: null,
      sizeBytes: null,
      createdAt: '2026-12-01T10:00:00Z',
    },
  ],
});

function set(overrides: Partial<ReadinessSet> = {}): ReadinessSet {
  return {
    id: SET,
    slug: 'eccp-profile',
    titleBg: 'Профил в Европейската платформа',
    titleEn: 'Profile on the European platform',
    descriptionBg: '',
    descriptionEn: '',
    sourceName: 'ECCP',
    sourceUrl: 'https://clustercollaboration.eu',
    position: 1,
    version: 2,
    counts: { green: 0, amber: 1, red: 1 },
    asOf: '2026-12-07',
    criteria: [rule(), manual],
    history: [],
    ...overrides,
  };
}

const list: ReadinessSetList = {
  items: [
    {
      id: SET,
      slug: 'eccp-profile',
      titleBg: 'Профил в Европейската платформа',
      titleEn: 'Profile on the European platform',
      descriptionBg: '',
      descriptionEn: '',
      sourceName: 'ECCP',
      sourceUrl: null,
      position: 1,
      version: 2,
      counts: { green: 3, amber: 1, red: 2 },
      lastRunAt: '2026-12-05T08:30:00Z',
    },
  ],
};

const chair = () => signedIn(meFixture({ roles: ['committee_chair'] }));
const admin = () => signedIn(meFixture({ roles: ['admin'] }));

describe('the readiness checks (issue 16 §2)', () => {
  it('lists the sets with their counts in words and the day of the last check', async () => {
    stubApi({
      ...chair(),
      '/api/committee/readiness': () => json(list),
      '/api/committee/readiness/eccp-profile': () => json(set()),
    });
    const app = renderApp('/committee/readiness');
    expect(await screen.findByRole('heading', { level: 1, name: 'Проверки за готовност' })).toBeVisible();
    const counts = await screen.findByRole('list', { name: 'Критерии по състояние' });
    expect(within(counts).getByText('Изпълнени: 3')).toBeVisible();
    expect(within(counts).getByText('Частично: 1')).toBeVisible();
    expect(within(counts).getByText('Неизпълнени: 2')).toBeVisible();
    expect(screen.getByText(/Последна проверка: 05\.12\.2026 10:30/)).toBeVisible();
    await app.user.click(screen.getByRole('link', { name: 'Профил в Европейската платформа' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Профил в Европейската платформа' }),
    ).toBeVisible();
    expect(app.pathname()).toBe('/committee/readiness/eccp-profile');
  });

  it('says so when there are no sets', async () => {
    stubApi({ ...chair(), '/api/committee/readiness': () => json({ items: [] }) });
    renderApp('/committee/readiness');
    expect(await screen.findByText('Още няма набори от критерии.')).toBeVisible();
  });

  it('shows each criterion’s status in words, its figure against the thresholds and the next step', async () => {
    stubApi({ ...chair(), '/api/committee/readiness/eccp-profile': () => json(set()) });
    renderApp('/committee/readiness/eccp-profile');
    const p1 = await screen.findByRole('article', { name: /Поне 15 ясно ангажирани членове/ });
    expect(within(p1).getByText('Частично')).toBeVisible();
    expect(within(p1).getByText('Стойност: 12')).toBeVisible();
    expect(within(p1).getByText(/Изпълнено при ≥ 15, частично при ≥ 10/)).toBeVisible();
    expect(within(p1).getByText('Поканете още членове.')).toBeVisible();
    const p4 = screen.getByRole('article', { name: /Уебсайт на английски език/ });
    expect(within(p4).getByText('Не е изпълнено')).toBeVisible();
    expect(within(p4).getByRole('radio', { name: 'Липсва' })).toBeChecked();
    expect(screen.getByRole('link', { name: 'PDF (на английски)' })).toHaveAttribute(
      'href',
      '/api/committee/readiness/eccp-profile/export.pdf?lang=en',
    );
    expect(
      screen.getByText('Проверката още не е пускана. Пуснете я, за да запишете днешното състояние.'),
    ).toBeVisible();
  });

  it('adds a link as evidence and shows the server’s field error beside the field', async () => {
    const api = stubApi({
      ...chair(),
      '/api/committee/readiness/eccp-profile': () => json(set()),
      [`/api/committee/readiness/criteria/${RULE}/evidence`]: (_url, request) => {
        const body = request.body as { url: string; title: string };
        if (!body.url.startsWith('https://')) {
          return problem(400, 'Невалидни данни', [
            { path: 'body.url', message: 'Адресът трябва да започва с http:// или https://.' },
          ]);
        }
        return json(
          set({
            criteria: [
              rule({
                evidence: [
                  {
                    ...manual.evidence[0]!,
                    id: '00000000-de00-6000-8000-000000000009',
                    title: body.title,
                    url: body.url,
                  },
                ],
              }),
              manual,
            ],
          }),
          201,
        );
      },
    });
    const app = renderApp('/committee/readiness/eccp-profile');
    const p1 = await screen.findByRole('article', { name: /Поне 15 ясно ангажирани членове/ });
    await app.user.click(within(p1).getByRole('button', { name: /Добави доказателство: P1/ }));
    await app.user.type(within(p1).getByRole('textbox', { name: /Заглавие/ }), 'Списък на членовете');
    await app.user.type(within(p1).getByRole('textbox', { name: /Адрес/ }), 'members');
    await app.user.click(within(p1).getByRole('button', { name: 'Добави' }));
    expect(await within(p1).findByText('Адресът трябва да започва с http:// или https://.')).toBeVisible();
    await app.user.clear(within(p1).getByRole('textbox', { name: /Адрес/ }));
    await app.user.type(within(p1).getByRole('textbox', { name: /Адрес/ }), 'https://example.org/members');
    await app.user.click(within(p1).getByRole('button', { name: 'Добави' }));
    expect(await within(p1).findByRole('link', { name: 'Списък на членовете' })).toHaveAttribute(
      'href',
      'https://example.org/members',
    );
    expect(api.requestsTo(`/api/committee/readiness/criteria/${RULE}/evidence`).at(-1)?.body).toEqual({
      kind: 'link',
      title: 'Списък на членовете',
      url: 'https://example.org/members',
    });
    expect(screen.getByRole('status')).toHaveTextContent('Доказателството е добавено.');
  });

  it('uploads a PDF as evidence: the file itself goes up and the list shows it', async () => {
    const DOC = '00000000-de00-6000-8000-00000000000a';
    const documents = `/api/committee/readiness/criteria/${RULE}/documents`;
    const api = stubApi({
      ...chair(),
      '/api/committee/readiness/eccp-profile': () => json(set()),
      [documents]: (url) =>
        json(
          set({
            criteria: [
              rule({
                evidence: [
                  {
                    id: DOC,
                    kind: 'document',
                    title: url.searchParams.get('filename')!,
                    url: null,
                    decisionId: null,
                    decisionNumber: null,
                    fileName: url.searchParams.get('filename'),
                    sizeBytes: 17,
                    createdAt: '2026-12-07T10:00:00Z',
                  },
                ],
              }),
              manual,
            ],
          }),
          201,
        ),
    });
    const app = renderApp('/committee/readiness/eccp-profile');
    const p1 = await screen.findByRole('article', { name: /Поне 15 ясно ангажирани членове/ });
    await app.user.click(within(p1).getByRole('button', { name: /Добави доказателство: P1/ }));
    await app.user.selectOptions(within(p1).getByRole('combobox', { name: 'Вид' }), 'document');
    const pdf = new File(['%PDF-1.7 членове'], 'spisak-chlenove.pdf', { type: 'application/pdf' });
    await app.user.upload(within(p1).getByLabelText(/PDF файл \(до 10 MB\)/), pdf);
    await app.user.click(within(p1).getByRole('button', { name: 'Добави' }));
    expect(await within(p1).findByRole('link', { name: 'PDF: spisak-chlenove.pdf' })).toHaveAttribute(
      'href',
      `/api/committee/readiness/evidence/${DOC}/document`,
    );
    const [upload, ...more] = api.requestsTo(documents);
    expect(more).toHaveLength(0);
    expect(upload!.method).toBe('POST');
    // The API takes the PDF as the raw body (not multipart), its name in the query (decision 051).
    expect(upload!.headers.get('content-type')).toBe('application/pdf');
    expect(upload!.url.searchParams.get('filename')).toBe('spisak-chlenove.pdf');
    expect(upload!.body).toEqual(await bytesOf(pdf));
    expect(screen.getByRole('status')).toHaveTextContent('Доказателството е добавено.');
  });

  it('refuses a file that is not a PDF or is too large beside the field, in Bulgarian', async () => {
    const documents = `/api/committee/readiness/criteria/${RULE}/documents`;
    const api = stubApi({
      ...chair(),
      '/api/committee/readiness/eccp-profile': () => json(set()),
      [documents]: () =>
        problem(400, 'Невалидни данни', [{ path: 'body', message: 'Файлът не е PDF документ.' }]),
    });
    const app = renderApp('/committee/readiness/eccp-profile');
    const p1 = await screen.findByRole('article', { name: /Поне 15 ясно ангажирани членове/ });
    await app.user.click(within(p1).getByRole('button', { name: /Добави доказателство: P1/ }));
    await app.user.selectOptions(within(p1).getByRole('combobox', { name: 'Вид' }), 'document');
    const input = within(p1).getByLabelText(/PDF файл \(до 10 MB\)/);
    const add = within(p1).getByRole('button', { name: 'Добави' });

    // (The picker honours `accept`; a drop or "all files" does not, hence the check.)
    fireEvent.change(input, {
      target: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] },
    });
    await app.user.click(add);
    expect(await within(p1).findByText('Файлът „notes.txt“ не е PDF. Изберете PDF файл.')).toBeVisible();
    expect(input).toHaveAttribute('aria-invalid', 'true');

    const big = new File(['%PDF-1.7'], 'golyam.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    fireEvent.change(input, { target: { files: [big] } });
    await app.user.click(add);
    expect(await within(p1).findByText('Файлът „golyam.pdf“ е по-голям от 10 MB.')).toBeVisible();
    expect(api.requestsTo(documents)).toHaveLength(0);

    // A file named .pdf that is not one: the server's field error, beside the field.
    fireEvent.change(input, {
      target: { files: [new File(['<html>%PDF-</html>'], 'fake.pdf', { type: 'application/pdf' })] },
    });
    await app.user.click(add);
    expect(await within(p1).findByText('Файлът не е PDF документ.')).toBeVisible();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(api.requestsTo(documents)).toHaveLength(1);
    expect(within(p1).queryByRole('link', { name: /fake\.pdf/ })).toBeNull();
  });

  it('asks before removing evidence', async () => {
    let removed = false;
    const api = stubApi({
      ...chair(),
      '/api/committee/readiness/eccp-profile': () =>
        json(removed ? set({ criteria: [rule(), { ...manual, evidence: [] }] }) : set()),
      [`/api/committee/readiness/evidence/${LINK}`]: () => {
        removed = true;
        return noContent();
      },
    });
    const app = renderApp('/committee/readiness/eccp-profile');
    await app.user.click(await screen.findByRole('button', { name: 'Премахни: Английската версия' }));
    const dialog = await screen.findByRole('dialog', { name: 'Премахване на доказателство' });
    expect(within(dialog).getByText(/„Английската версия“ ще бъде премахнато/)).toBeVisible();
    expect(api.requestsTo(`/api/committee/readiness/evidence/${LINK}`)).toHaveLength(0);
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, премахни' }));
    await waitFor(() => expect(api.requestsTo(`/api/committee/readiness/evidence/${LINK}`)).toHaveLength(1));
    expect(api.requestsTo(`/api/committee/readiness/evidence/${LINK}`)[0]!.method).toBe('DELETE');
    const p4 = screen.getByRole('article', { name: /Уебсайт на английски език/ });
    expect(await within(p4).findByText('Още няма доказателства.')).toBeVisible();
  });

  it('runs the check and shows the stored run in the history', async () => {
    const api = stubApi({
      ...chair(),
      '/api/committee/readiness/eccp-profile': () => json(set()),
      '/api/committee/readiness/eccp-profile/runs': () =>
        json(
          set({
            history: [
              {
                id: '00000000-de00-6100-8000-000000000001',
                ranAt: '2026-12-07T18:05:00Z',
                ranByName: 'Мария Петрова',
                counts: { green: 0, amber: 1, red: 1 },
                results: [],
              },
            ],
          }),
          201,
        ),
    });
    const app = renderApp('/committee/readiness/eccp-profile');
    await app.user.click(await screen.findByRole('button', { name: 'Пусни проверката' }));
    const history = screen.getByRole('region', { name: 'История на проверките' });
    expect(await within(history).findByText('07.12.2026 20:05 — Мария Петрова')).toBeVisible();
    expect(within(history).getByText('Неизпълнени: 1')).toBeVisible();
    expect(api.requestsTo('/api/committee/readiness/eccp-profile/runs')[0]!.method).toBe('POST');
    expect(screen.getByRole('status')).toHaveTextContent('Проверката е записана в историята.');
  });

  it('marks a manual item as the API allows', async () => {
    const api = stubApi({
      ...chair(),
      '/api/committee/readiness/eccp-profile': () => json(set()),
      [`/api/committee/readiness/criteria/${MANUAL}/manual`]: () =>
        json(set({ criteria: [rule(), { ...manual, manualStatus: 'partial', status: 'amber' }] })),
    });
    const app = renderApp('/committee/readiness/eccp-profile');
    const p4 = await screen.findByRole('article', { name: /Уебсайт на английски език/ });
    await app.user.click(within(p4).getByRole('radio', { name: 'Частично' }));
    await waitFor(() =>
      expect(within(p4).getByText('Частично', { selector: '.mantine-Badge-label' })).toBeVisible(),
    );
    expect(api.requestsTo(`/api/committee/readiness/criteria/${MANUAL}/manual`)[0]!.body).toEqual({
      status: 'partial',
    });
  });

  it('reads in English', async () => {
    stubApi({
      ...chair(),
      '/api/committee/readiness': () => json(list),
      '/api/committee/readiness/eccp-profile': () => json(set()),
    });
    const app = renderApp('/committee/readiness/eccp-profile');
    await screen.findByRole('article', { name: /Поне 15/ });
    await app.user.click(screen.getByRole('button', { name: /English|EN/ }));
    const p1 = await screen.findByRole('article', { name: /At least 15 clearly committed members/ });
    expect(within(p1).getByText('Partly met')).toBeVisible();
    expect(within(p1).getByText(/Met at ≥ 15, partly met at ≥ 10/)).toBeVisible();
  });
});

describe('administrators edit the readiness sets', () => {
  it('shows the server’s field error for an unknown indicator beside the indicator', async () => {
    const api = stubApi({
      ...admin(),
      '/api/committee/readiness/eccp-profile': () => json(set()),
      [`/api/admin/readiness/sets/${SET}/criteria`]: () =>
        problem(400, 'Невалидни данни', [{ path: 'body.indicatorKey', message: 'Няма такъв показател.' }]),
    });
    const app = renderApp('/admin/readiness/eccp-profile');
    await app.user.click(await screen.findByRole('button', { name: 'Нов критерий' }));
    const dialog = await screen.findByRole('dialog', { name: 'Нов критерий' });
    await app.user.type(within(dialog).getByRole('textbox', { name: /Код/ }), 'P7');
    await app.user.type(within(dialog).getByRole('textbox', { name: /Заглавие \(на български\)/ }), 'Нов');
    await app.user.type(within(dialog).getByRole('textbox', { name: /Заглавие \(на английски\)/ }), 'New');
    await app.user.click(within(dialog).getByRole('combobox', { name: /Показател/ }));
    await app.user.keyboard('{ArrowDown}{Enter}');
    await app.user.type(within(dialog).getByRole('textbox', { name: /Праг за „изпълнено“/ }), '5');
    await app.user.click(within(dialog).getByRole('button', { name: 'Запис' }));
    expect(await within(dialog).findByText('Няма такъв показател.')).toBeVisible();
    const sent = api.requestsTo(`/api/admin/readiness/sets/${SET}/criteria`)[0]!;
    expect(sent.body).toMatchObject({
      code: 'P7',
      kind: 'rule',
      indicatorKey: 'members.active_total',
      green: 5,
    });
  });

  it('names the version read and offers the saved version after a 412', async () => {
    const api = stubApi({
      ...admin(),
      '/api/committee/readiness/eccp-profile': () => json(set()),
      [`/api/admin/readiness/sets/${SET}`]: () => problem(412, 'Записът е променен междувременно'),
    });
    const app = renderApp('/admin/readiness/eccp-profile');
    const title = await screen.findByRole('textbox', { name: /Заглавие \(на английски\)/ });
    await app.user.type(title, ' (EN)');
    await app.user.click(screen.getByRole('button', { name: 'Запис' }));
    expect(
      await screen.findByText(
        'Някой друг е записал междувременно. Заредете записаното и направете промените отново.',
      ),
    ).toBeVisible();
    expect(api.requestsTo(`/api/admin/readiness/sets/${SET}`)[0]!.headers.get('if-match')).toBe('"2"');
    await app.user.click(screen.getByRole('button', { name: 'Зареди записаното' }));
    await waitFor(() =>
      expect(api.requestsTo('/api/committee/readiness/eccp-profile').length).toBeGreaterThan(1),
    );
  });
});
