import { erasedEmailFor } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminMe, ana, makeEvent } from '@/testing/mocks/fixtures/admin.ts';
import { adminApi } from '@/testing/mocks/handlers/admin.ts';
import { json } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const userPage = `/admin/users/${ana.id}`;
const erasePath = `/api/admin/users/${ana.id}/erase`;
const erasedAna = {
  ...ana,
  email: erasedEmailFor(ana.id),
  displayName: '',
  roles: [],
  organizations: [],
  status: 'disabled' as const,
};

describe("erasing a user's personal data", () => {
  it('erases only after a confirmation and then shows the anonymous account', async () => {
    const api = adminApi({ handlers: { [erasePath]: () => json(erasedAna) } });
    const app = renderApp(userPage);
    const section = within(await screen.findByRole('region', { name: 'Лични данни' }));

    await app.user.click(section.getByRole('button', { name: 'Изтрий личните данни' }));
    let dialog = await screen.findByRole('dialog', { name: 'Изтриване на лични данни' });
    expect(dialog).toHaveTextContent(
      `Личните данни на Ана Петрова (${ana.email}) ще бъдат изтрити окончателно.`,
    );
    await app.user.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requestsTo(erasePath)).toHaveLength(0);

    await app.user.click(section.getByRole('button', { name: 'Изтрий личните данни' }));
    dialog = await screen.findByRole('dialog', { name: 'Изтриване на лични данни' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, изтрий' }));

    expect(await section.findByText('Личните данни са изтрити.')).toBeVisible();
    expect(section.getByText('Личните данни на този потребител са изтрити.')).toBeVisible();
    expect(section.queryByRole('button', { name: 'Изтрий личните данни' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Изтрит потребител' })).toBeVisible();
    expect(api.requestsTo(erasePath).map((r) => r.method)).toEqual(['POST']);
  });

  it('offers no erasure of my own account here', async () => {
    adminApi({ users: [{ ...ana, id: adminMe.id }] });
    renderApp(`/admin/users/${adminMe.id}`);
    const section = within(await screen.findByRole('region', { name: 'Лични данни' }));
    expect(section.getByText('Собствения си профил изтривате от страницата „Моят профил“.')).toBeVisible();
    expect(section.queryByRole('button')).toBeNull();
  });

  it('shows an erased actor in the audit log as "Изтрит потребител"', async () => {
    adminApi({
      events: [makeEvent(1, { actorId: ana.id, actorEmail: erasedEmailFor(ana.id), action: 'user.erased' })],
    });
    renderApp('/admin/audit');
    expect(await screen.findByText('Извършил: Изтрит потребител')).toBeVisible();
    const event = screen.getByRole('article');
    expect(within(event).getByText('Изтрит профил (по искане на потребителя)')).toBeVisible();
    expect(event).not.toHaveTextContent(erasedEmailFor(ana.id));
  });
});
