import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { adminApi } from '@/testing/mocks/handlers/admin.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const IMPORT = '/api/admin/organizations/import';
const CSV = 'eik,name_bg,name_en,kind,areas\n000000019,Алфа,Alfa,company,ict-software\n';

const section = async (name: string | RegExp) => within(await screen.findByRole('region', { name }));

/** The admin API plus an import that answers `answer` (dry run or not). */
function importApi(answer: (dryRun: boolean) => Response) {
  return adminApi({
    handlers: {
      [IMPORT]: (url, request) =>
        request.method === 'POST' ? answer(url.searchParams.get('dryRun') === 'true') : undefined,
    },
  });
}

async function paste(app: ReturnType<typeof renderApp>, text: string) {
  const form = await section('Файл за внасяне');
  const area = form.getByRole('textbox', { name: 'Или поставете съдържанието на файла' });
  await app.user.click(area);
  await app.user.paste(text);
  return form;
}

describe('the organisation import page', () => {
  it('checks a pasted file and lists its errors by line, importing nothing', async () => {
    const api = importApi(() =>
      problem(
        400,
        'Файлът има грешки',
        [
          { path: 'line 3 › eik', message: 'Задължителен валиден ЕИК/БУЛСТАТ от 9 или 13 цифри.' },
          { path: 'line 1', message: 'Файлът няма редове с организации.' },
        ],
        {
          code: 'import.invalid',
          detail: 'Нищо не е внесено: файлът има грешки (2); вижте списъка по редове.',
        },
      ),
    );
    const app = renderApp('/admin/import');
    expect(await screen.findByRole('heading', { level: 1, name: 'Внасяне на организации' })).toBeVisible();
    const form = await paste(app, CSV);
    await app.user.click(form.getByRole('button', { name: 'Провери' }));

    const alert = await form.findByRole('alert');
    expect(within(alert).getByText('Нищо не е внесено')).toBeVisible();
    const items = within(within(alert).getByRole('list')).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Ред 3, колона eik: Задължителен валиден ЕИК/БУЛСТАТ от 9 или 13 цифри.',
      'Ред 1: Файлът няма редове с организации.',
    ]);
    const [request] = api.requestsTo(IMPORT);
    expect(request?.url.searchParams.get('dryRun')).toBe('true');
    expect(request?.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(request?.body).toBe(CSV);
  });

  it('reports a good check, and imports only after the confirmation', async () => {
    const api = importApi((dryRun) => json({ dryRun, rows: 2, imported: dryRun ? 0 : 2 }));
    const app = renderApp('/admin/import');
    const form = await paste(app, CSV);
    await app.user.click(form.getByRole('button', { name: 'Провери' }));
    expect(await form.findByText('Файлът е наред: 2 организации могат да бъдат внесени.')).toBeVisible();

    // Cancelling the confirmation imports nothing.
    await app.user.click(form.getByRole('button', { name: 'Внеси' }));
    let dialog = await screen.findByRole('dialog', { name: 'Внасяне на организации' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requestsTo(IMPORT).filter((r) => !r.url.searchParams.has('dryRun'))).toEqual([]);

    await app.user.click(form.getByRole('button', { name: 'Внеси' }));
    dialog = await screen.findByRole('dialog', { name: 'Внасяне на организации' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, внеси' }));
    expect(await form.findByText('Внесени са 2 организации.')).toBeVisible();
    const imports = api.requestsTo(IMPORT).filter((r) => !r.url.searchParams.has('dryRun'));
    expect(imports).toHaveLength(1);
    expect(imports[0]?.body).toBe(CSV);
  });

  it('sends a chosen file', async () => {
    const api = importApi((dryRun) => json({ dryRun, rows: 1, imported: 0 }));
    const app = renderApp('/admin/import');
    const form = await section('Файл за внасяне');
    await app.user.upload(
      form.getByLabelText('CSV файл'),
      new File([CSV], 'members.csv', { type: 'text/csv' }),
    );
    await app.user.click(form.getByRole('button', { name: 'Провери' }));
    expect(await form.findByText('Файлът е наред: 1 организация може да бъде внесена.')).toBeVisible();
    expect(api.requestsTo(IMPORT)[0]?.body).toBe(CSV);
  });

  it('asks for a file before checking', async () => {
    const api = importApi((dryRun) => json({ dryRun, rows: 1, imported: 0 }));
    const app = renderApp('/admin/import');
    const form = await section('Файл за внасяне');
    await app.user.click(form.getByRole('button', { name: 'Провери' }));
    expect(await form.findByText('Изберете файл или поставете съдържанието му.')).toBeVisible();
    expect(api.requestsTo(IMPORT)).toEqual([]);
  });

  it('links the template, the member export and the page in the administration menu', async () => {
    importApi((dryRun) => json({ dryRun, rows: 0, imported: 0 }));
    renderApp('/admin/import');
    const columns = await section('Колони');
    expect(columns.getByRole('link', { name: 'Изтегли шаблона (CSV)' })).toHaveAttribute(
      'href',
      '/api/admin/organizations/import/template.csv',
    );
    expect(columns.getByText(/Задължителни: eik, name_bg, name_en, kind, areas\./)).toBeVisible();
    const exportSection = await section('Списък на членовете');
    expect(
      await exportSection.findByRole('link', { name: 'Изтегли списъка на членовете (CSV)' }),
    ).toHaveAttribute('href', '/api/members/export.csv');
    const nav = screen.getByRole('navigation', { name: 'Раздели на администрацията' });
    expect(within(nav).getByRole('link', { name: 'Внасяне' })).toHaveAttribute('href', '/admin/import');
  });

  it('is not for users without organizations.import', async () => {
    stubApi(signedIn(meFixture({ roles: ['representative'] })));
    renderApp('/admin/import');
    await waitFor(() =>
      expect(screen.queryByRole('heading', { level: 1, name: 'Внасяне на организации' })).toBeNull(),
    );
    expect(await screen.findByRole('heading', { level: 1 })).not.toHaveTextContent('Внасяне на организации');
  });
});

describe('the member export link on the account page', () => {
  it('is there for a representative', async () => {
    stubApi(signedIn(meFixture({ roles: ['representative'] })));
    renderApp('/account');
    const organizations = await section('Моите организации');
    expect(
      await organizations.findByRole('link', { name: 'Изтегли списъка на членовете (CSV)' }),
    ).toHaveAttribute('href', '/api/members/export.csv');
  });

  it('is not there for a user who may not export', async () => {
    stubApi({
      ...signedIn(meFixture({ roles: ['applicant'] })),
      '/api/account/organizations': () => json({ items: [] }),
    });
    renderApp('/account');
    const organizations = await section('Моите организации');
    expect(await organizations.findByText(/Все още не представлявате организация/)).toBeVisible();
    expect(organizations.queryByRole('link', { name: /списъка на членовете/ })).toBeNull();
  });
});
