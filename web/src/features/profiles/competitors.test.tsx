import { eik9CheckDigit } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { orgId } from '@/testing/mocks/fixtures/my-organization.ts';
import { profileServer } from '@/testing/mocks/handlers/my-organization.ts';
import { json } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const url = `/my/organizations/${orgId}/competitors`;
const apiPath = `/api/account/organizations/${orgId}/competitors`;
const valid = (first8: string) => `${first8}${eik9CheckDigit(first8)}`;
const KNOWN = valid('20100001');
const NEW = valid('20100002');

/** The competitors API: GET answers the list on file, PUT replaces it. */
function competitorsServer(initial: string[]) {
  let eiks = [...initial];
  return profileServer({
    extra: {
      [apiPath]: (_url, request) => {
        if (request.method === 'PUT') eiks = (request.body as { eiks: string[] }).eiks;
        return json({ eiks });
      },
    },
  });
}

describe("the organisation's competitors tab", () => {
  it('lists the declared competitors, says why, and adds one by a valid ЕИК only', async () => {
    const api = competitorsServer([KNOWN]);
    const app = renderApp(url);
    const nav = await screen.findByRole('navigation', { name: 'Раздели на организацията' });
    expect(within(nav).getByRole('link', { name: 'Конкуренти' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByText(`ЕИК ${KNOWN}`)).toBeVisible();
    expect(screen.getByText(/се отвеждат от техните заявления/)).toBeVisible();

    const field = screen.getByRole('textbox', { name: /ЕИК на конкурент/ });
    await app.user.type(field, '12345');
    await app.user.click(screen.getByRole('button', { name: 'Добави' }));
    expect(await screen.findByText('Въведете ЕИК или БУЛСТАТ от 9 или 13 цифри.')).toBeVisible();
    await app.user.clear(field);
    await app.user.paste(`${NEW.slice(0, 8)}${(Number(NEW[8]) + 1) % 10}`);
    await app.user.click(screen.getByRole('button', { name: 'Добави' }));
    expect(await screen.findByText(/Контролната цифра не съвпада/)).toBeVisible();
    expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);

    await app.user.clear(field);
    await app.user.paste(NEW);
    await app.user.click(screen.getByRole('button', { name: 'Добави' }));
    expect(await screen.findByText(`ЕИК ${NEW}`)).toBeVisible();
    expect(api.requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
      { eiks: [KNOWN, NEW] },
    ]);
  });

  it('removes a competitor only after a confirmation', async () => {
    const api = competitorsServer([KNOWN, NEW]);
    const app = renderApp(url);
    await app.user.click(await screen.findByRole('button', { name: `Премахни ЕИК ${KNOWN}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Премахване на конкурент' });
    expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, премахни го' }));
    await waitFor(() => expect(screen.queryByText(`ЕИК ${KNOWN}`)).toBeNull());
    expect(screen.getByText(`ЕИК ${NEW}`)).toBeVisible();
    expect(api.requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ eiks: [NEW] }]);
  });
});
