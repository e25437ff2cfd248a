import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminMe, ana, makeEvent } from '@/testing/mocks/fixtures/admin.ts';
import { adminApi } from '@/testing/mocks/handlers/admin.ts';
import { renderApp } from '@/testing/render-app.tsx';
import { AUDIT_PAGE_SIZE } from './search-params.ts';

describe('the audit log', () => {
  it('reads every filter from the URL and asks the API for exactly that', async () => {
    const api = adminApi({ events: [makeEvent(1)], users: [ana] });
    renderApp(
      `/admin/audit?actorId=${ana.id}&entityType=user&entityId=abc&action=user.disabled&from=2026-01-01&to=2026-01-31&page=2`,
    );
    await screen.findByRole('heading', { level: 2, name: /събити|Резултати/ });

    expect(screen.getByRole('combobox', { name: 'Действие' })).toHaveValue('user.disabled');
    expect(screen.getByRole('combobox', { name: 'Вид запис' })).toHaveValue('user');
    expect(screen.getByRole('textbox', { name: 'Идентификатор на записа' })).toHaveValue('abc');
    // Shown the Bulgarian way (issue 11 C11); the URL and the API keep ISO days.
    expect(screen.getByLabelText('От дата')).toHaveValue('01.01.2026');
    expect(screen.getByLabelText('До дата')).toHaveValue('31.01.2026');
    // The chosen actor is shown by email, looked up by id.
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Извършител' })).toHaveValue(ana.email));
    const sent = api.requestsTo('/api/admin/audit').at(-1)?.url.searchParams;
    expect(Object.fromEntries(sent ?? [])).toEqual({
      actorId: ana.id,
      entityType: 'user',
      entityId: 'abc',
      action: 'user.disabled',
      from: '2026-01-01',
      to: '2026-01-31',
      page: '2',
      pageSize: String(AUDIT_PAGE_SIZE),
    });
  });

  it('lists the events with who did what to which record, and opens the before and after of one', async () => {
    adminApi({
      events: [
        makeEvent(2, {
          action: 'user.disabled',
          before: { email: ana.email, status: 'active', version: 2 },
          after: { email: ana.email, status: 'disabled', version: 3 },
        }),
        makeEvent(1, {
          actorId: null,
          actorEmail: null,
          action: 'user.signed_up',
          before: null,
          after: null,
        }),
      ],
    });
    const app = renderApp('/admin/audit');
    expect(await screen.findByRole('heading', { level: 2, name: '2 събития' })).toBeVisible();
    const [disabled, signedUp] = screen.getAllByRole('article') as [HTMLElement, HTMLElement];
    expect(within(disabled).getByText('Деактивиран профил')).toBeVisible();
    expect(within(disabled).getByText(`Извършил: ${adminMe.email}`)).toBeVisible();
    expect(within(disabled).getByRole('link', { name: `Запис: Потребител ${ana.id}` })).toHaveAttribute(
      'href',
      `/admin/users/${ana.id}`,
    );
    expect(within(signedUp).getByText('Извършил: Системата')).toBeVisible();

    const toggle = within(disabled).getByRole('button', { name: 'Покажи промените' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await app.user.click(toggle);
    expect(within(disabled).getByRole('button', { name: 'Скрий промените' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const table = within(disabled).getByRole('table');
    const status = within(table).getByRole('row', { name: /Състояние/ });
    expect(
      within(status)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Активен', 'Деактивиран']);
    expect(status).toHaveTextContent('Променено');
    expect(within(table).getByRole('row', { name: /Имейл/ })).not.toHaveTextContent('Променено');
    // The raw snapshots are there too.
    expect(within(disabled).getByText(/"status": "disabled"/)).toBeInTheDocument();

    await app.user.click(within(signedUp).getByRole('button', { name: 'Покажи промените' }));
    expect(within(signedUp).getByText('Събитието няма записани данни преди и след.')).toBeVisible();
  });

  it('marks only real changes when a record is created (empty before, empty roles after)', async () => {
    adminApi({
      events: [
        makeEvent(3, { action: 'user.signed_up', before: null, after: { email: ana.email, roles: [] } }),
      ],
    });
    const app = renderApp('/admin/audit');
    await app.user.click(await screen.findByRole('button', { name: 'Покажи промените' }));
    const table = screen.getByRole('table');
    expect(within(table).getByRole('row', { name: /Имейл/ })).toHaveTextContent('Променено');
    expect(within(table).getByRole('row', { name: /Роли/ })).not.toHaveTextContent('Променено');
  });

  it('writes filter changes to the URL and goes back to the first page', async () => {
    const api = adminApi({ events: [makeEvent(1)] });
    const app = renderApp('/admin/audit?page=3');
    await screen.findByRole('heading', { level: 2, name: /събити/ });

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Действие' }), 'Дадена роля');
    await waitFor(() => expect(app.searchParams().get('action')).toBe('user.role_granted'));
    expect(app.searchParams().get('page')).toBeNull();

    await app.user.type(screen.getByRole('textbox', { name: 'Идентификатор на записа' }), ana.id);
    await waitFor(() => expect(app.searchParams().get('entityId')).toBe(ana.id));

    await app.user.type(screen.getByLabelText('От дата'), '2026-03-01');
    await waitFor(() => expect(app.searchParams().get('from')).toBe('2026-03-01'));
    await waitFor(() =>
      expect(api.requestsTo('/api/admin/audit').at(-1)?.url.searchParams.get('from')).toBe('2026-03-01'),
    );
  });

  it('filters by an actor found by email', async () => {
    adminApi({ events: [makeEvent(1)], users: [ana] });
    const app = renderApp('/admin/audit');
    const actor = await screen.findByRole('combobox', { name: 'Извършител' });
    await app.user.type(actor, 'ana@');
    // jsdom has no layout, so Mantine's popover stays display:none: wait for the suggestion, pick by keyboard.
    await screen.findByRole('option', { name: 'ana@example.bg (Ана Петрова)', hidden: true });
    await app.user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(app.searchParams().get('actorId')).toBe(ana.id));
  });

  it('filters by an actor whose id is pasted', async () => {
    adminApi({ events: [makeEvent(1)], users: [] });
    const app = renderApp('/admin/audit');
    await app.user.click(await screen.findByRole('combobox', { name: 'Извършител' }));
    await app.user.paste(adminMe.id);
    await screen.findByRole('option', { name: `Идентификатор ${adminMe.id}`, hidden: true });
    await app.user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(app.searchParams().get('actorId')).toBe(adminMe.id));
  });

  it('filters by dates typed the Bulgarian way, as ISO days in the URL, and drops a cleared one', async () => {
    adminApi({ events: [makeEvent(1)] });
    const app = renderApp('/admin/audit');
    const from = await screen.findByLabelText('От дата', { selector: 'input[data-dates-input]' });
    await app.user.type(from, '05.03.2026');
    await waitFor(() => expect(app.searchParams().get('from')).toBe('2026-03-05'));
    const to = screen.getByLabelText('До дата', { selector: 'input[data-dates-input]' });
    await app.user.type(to, '1.4.2026');
    await waitFor(() => expect(app.searchParams().get('to')).toBe('2026-04-01'));
    await app.user.tab();
    expect(to).toHaveValue('01.04.2026');

    await app.user.clear(from);
    await waitFor(() => expect(app.searchParams().get('from')).toBeNull());
    expect(app.searchParams().get('to')).toBe('2026-04-01');
  });

  it('points out an end date before the start date', async () => {
    adminApi();
    renderApp('/admin/audit?from=2026-05-01&to=2026-04-01');
    expect(await screen.findByText('Крайната дата е преди началната.')).toBeVisible();
  });

  it('says when no event matches and clears the filters on request', async () => {
    adminApi({ events: [makeEvent(1)] });
    const app = renderApp('/admin/audit?action=user.enabled');
    expect(
      await screen.findByRole('heading', { name: 'Няма събития, отговарящи на филтрите' }),
    ).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Изчисти филтрите' }));
    expect(await screen.findByRole('heading', { level: 2, name: '1 събитие' })).toBeVisible();
    expect(app.searchParams().toString()).toBe('');
  });
});
