import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminMe, ana, makeEvent, makeUser, techUniversity } from '@/testing/mocks/fixtures/admin.ts';
import { adminApi } from '@/testing/mocks/handlers/admin.ts';
import { problem } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const userPage = `/admin/users/${ana.id}`;

/** The requests that changed something (anything but GET). */
const changes = (api: ReturnType<typeof adminApi>) =>
  api.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url.pathname}`);

describe("a user's administration page", () => {
  it("shows the user's details, roles and organisations", async () => {
    adminApi();
    renderApp(userPage);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ана Петрова' })).toBeVisible();
    expect(screen.getByRole('checkbox', { name: 'Заявител' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Администратор' })).not.toBeChecked();
    const organizations = screen.getByRole('region', { name: 'Организации' });
    expect(within(organizations).getByText('Пиксел Фабрика')).toBeVisible();
    expect(document.title).toContain('Ана Петрова');
  });

  it('grants a role with a PUT and shows the answer at once', async () => {
    const api = adminApi();
    const app = renderApp(userPage);
    const checkbox = await screen.findByRole('checkbox', { name: 'Член на комитета' });
    expect(checkbox).not.toBeChecked();

    await app.user.click(checkbox);

    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Член на комитета' })).toBeChecked());
    expect(changes(api)).toEqual([`PUT /api/admin/users/${ana.id}/roles/committee_member`]);
    expect(screen.getByText('Ролята „Член на комитета“ е дадена.')).toBeVisible();
  });

  it('revokes a role only after a confirmation', async () => {
    const api = adminApi();
    const app = renderApp(userPage);
    await app.user.click(await screen.findByRole('checkbox', { name: 'Заявител' }));

    let dialog = await screen.findByRole('dialog', { name: 'Отнемане на роля' });
    // (The modal may still be fading in: its text is checked, not its visibility.)
    expect(dialog).toHaveTextContent('Да се отнеме ли ролята „Заявител“ от Ана Петрова?');
    await app.user.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(changes(api)).toEqual([]);
    expect(screen.getByRole('checkbox', { name: 'Заявител' })).toBeChecked();

    await app.user.click(screen.getByRole('checkbox', { name: 'Заявител' }));
    dialog = await screen.findByRole('dialog', { name: 'Отнемане на роля' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, отнеми' }));

    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Заявител' })).not.toBeChecked());
    expect(changes(api)).toEqual([`DELETE /api/admin/users/${ana.id}/roles/applicant`]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it("shows the server's reason when it refuses to revoke an administrator's own admin role", async () => {
    const me = makeUser(9, { id: adminMe.id, displayName: adminMe.displayName, roles: ['admin'] });
    adminApi({
      users: [me],
      handlers: {
        '/api/admin/users/:id/roles/:role': () =>
          problem(409, 'Действието е отказано', undefined, {
            code: 'user.self_lockout',
            detail: 'Не можете да отнемете собствената си администраторска роля.',
          }),
      },
    });
    const app = renderApp(`/admin/users/${me.id}`);
    await app.user.click(await screen.findByRole('checkbox', { name: 'Администратор' }));
    const dialog = await screen.findByRole('dialog', { name: 'Отнемане на роля' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, отнеми' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Не можете да отнемете собствената си администраторска роля.');
    expect(screen.getByRole('checkbox', { name: 'Администратор' })).toBeChecked();
  });

  it('disables an account only after a confirmation that says the sessions end', async () => {
    const api = adminApi();
    const app = renderApp(userPage);
    await app.user.click(await screen.findByRole('button', { name: 'Деактивирай профила' }));

    let dialog = await screen.findByRole('dialog', { name: 'Деактивиране на профил' });
    expect(dialog).toHaveTextContent('Всичките му сесии ще бъдат прекратени');
    await app.user.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(changes(api)).toEqual([]);

    await app.user.click(screen.getByRole('button', { name: 'Деактивирай профила' }));
    dialog = await screen.findByRole('dialog', { name: 'Деактивиране на профил' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, деактивирай' }));

    expect(await screen.findByRole('button', { name: 'Активирай профила' })).toBeVisible();
    expect(changes(api)).toEqual([`POST /api/admin/users/${ana.id}/disable`]);
    expect(screen.getByText('Профилът е деактивиран.')).toBeVisible();

    await app.user.click(screen.getByRole('button', { name: 'Активирай профила' }));
    expect(await screen.findByRole('button', { name: 'Деактивирай профила' })).toBeVisible();
    expect(changes(api).at(-1)).toBe(`POST /api/admin/users/${ana.id}/enable`);
  });

  it('unlinks an organisation after a confirmation', async () => {
    const api = adminApi();
    const app = renderApp(userPage);
    await app.user.click(await screen.findByRole('button', { name: 'Премахни връзката с Пиксел Фабрика' }));
    const dialog = await screen.findByRole('dialog', { name: 'Премахване на връзка' });
    expect(dialog).toHaveTextContent('Ана Петрова вече няма да представлява „Пиксел Фабрика“.');
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, премахни' }));

    expect(await screen.findByText('Потребителят не представлява организация.')).toBeVisible();
    expect(changes(api)).toEqual([
      `DELETE /api/admin/users/${ana.id}/organizations/${ana.organizations[0]?.id}`,
    ]);
  });

  it('finds an organisation by name and links the user to it', async () => {
    const api = adminApi();
    const app = renderApp(userPage);
    const picker = await screen.findByRole('combobox', { name: 'Свързване с организация' });
    await app.user.type(picker, 'техн');
    // jsdom has no layout, so Mantine's popover counts as detached and stays display:none: wait for the
    // server's suggestion in the DOM, then choose it with the keyboard as a user could.
    await screen.findByRole('option', { name: 'Технически университет', hidden: true });
    await app.user.keyboard('{ArrowDown}{Enter}');
    expect(picker).toHaveValue('Технически университет');
    await app.user.click(screen.getByRole('button', { name: 'Свържи' }));

    const organizations = screen.getByRole('region', { name: 'Организации' });
    expect(await within(organizations).findByText('Технически университет', { selector: 'p' })).toBeVisible();
    expect(changes(api)).toEqual([`PUT /api/admin/users/${ana.id}/organizations/${techUniversity.id}`]);
    // Linking makes the user a representative.
    expect(screen.getByRole('checkbox', { name: 'Представител на организация' })).toBeChecked();
    expect(api.requestsTo('/api/admin/organizations').at(-1)?.url.searchParams.get('q')).toBe('техн');
  });

  it("shows the user's history from the audit log and what each event changed", async () => {
    const api = adminApi({ events: [makeEvent(7)] });
    const app = renderApp(userPage);
    const history = await screen.findByRole('region', { name: 'История' });
    expect(await within(history).findByText('Дадена роля')).toBeVisible();
    const sent = api.requestsTo('/api/admin/audit').at(-1)?.url.searchParams;
    expect(sent?.get('entityType')).toBe('user');
    expect(sent?.get('entityId')).toBe(ana.id);

    await app.user.click(within(history).getByRole('button', { name: 'Покажи промените' }));
    const changesTable = within(history).getByRole('table');
    const rolesRow = within(changesTable).getByRole('row', { name: /Роли/ });
    expect(rolesRow).toHaveTextContent('Заявител, Член на комитета');
    expect(rolesRow).toHaveTextContent('Променено');
    expect(within(history).getByRole('link', { name: 'Отвори в одитния журнал' })).toHaveAttribute(
      'href',
      `/admin/audit?entityType=user&entityId=${ana.id}`,
    );
  });

  it('says when there is no such user', async () => {
    adminApi({ users: [] });
    renderApp(`/admin/users/${makeUser(40).id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Потребителят не е намерен' })).toBeVisible();
  });

  it('links back to the list with the same filters', async () => {
    adminApi();
    const app = renderApp('/admin/users?role=applicant');
    await app.user.click(await screen.findByRole('link', { name: 'Ана Петрова' }));
    const back = await screen.findByRole('link', { name: /Обратно към потребителите/ });
    expect(back).toHaveAttribute('href', '/admin/users?role=applicant');
  });
});
