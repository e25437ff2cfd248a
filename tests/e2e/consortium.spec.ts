import { type Browser, expect, type Page, test } from '@playwright/test';
import { closeMenu } from './menu.ts';

/**
 * The consortium journey of issue 16 §3–4, against the real server on a fresh embedded database with the
 * demo data, all in Bulgarian: the representative of „Дигитална София“ marks interest in the upcoming ПКИП
 * cluster call (kept after a reload), forms a consortium for it from the call's page, and invites
 * „Анимационна къща Шаро“ found by name; Шаро's representative accepts the invitation, opens the project
 * and splits the budget between the two partners to the cent.
 *
 * The desktop and phone projects share one server and database: the interest may already be marked by the
 * other, and each creates its own project (a title of its own).
 */
const PASSWORD = 'klaster-demo-2026';
const LEAD = 'predstavitel@demo.klaster.bg';
const PARTNER = 'partnyor-203990584@demo.klaster.bg';
const CALL = 'Развитие на клъстерите в България';

async function signedIn(browser: Browser, email: string, next: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'bg-BG' });
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Имейл').fill(email);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Влез', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === next.split('?')[0]);
  return page;
}

test('a member marks interest in a call, forms a consortium, invites a partner who accepts and fills the budget', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const title = `Споделено студио за виртуална продукция (${testInfo.project.name} ${Date.now()})`;

  // The lead's representative finds the call and marks interest (unless the other run already did).
  const lead = await signedIn(browser, LEAD, '/calls');
  await lead.getByRole('link', { name: CALL }).click();
  await expect(lead.getByRole('heading', { level: 1, name: CALL })).toBeVisible();
  const mark = lead.getByRole('button', { name: 'Заявете интерес' });
  const marked = lead.getByText('Заявихме интерес (Дигитална София)');
  await expect(mark.or(marked)).toBeVisible();
  if (await mark.isVisible()) await mark.click();
  await expect(marked).toBeVisible();
  await lead.reload();
  await expect(marked).toBeVisible();
  await expect(lead.getByRole('link', { name: 'Дигитална София' })).toBeVisible();

  // …and forms a consortium for it: the call is already chosen in the new project's form.
  await lead.getByRole('link', { name: 'Сформирайте консорциум за тази покана' }).click();
  await expect(lead).toHaveURL(/\/projects\?call=/);
  await expect(lead.getByRole('combobox', { name: 'Процедура' })).toHaveValue(/.+/);
  await expect(lead.getByRole('combobox', { name: 'Процедура' }).locator('option:checked')).toHaveText(
    new RegExp(CALL),
  );
  await lead.getByRole('textbox', { name: 'Заглавие на български' }).fill(title);
  await lead
    .getByRole('textbox', { name: 'Заглавие на английски' })
    .fill('A shared virtual production studio');
  await lead.getByRole('button', { name: 'Създай проекта' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(lead.getByText(CALL).first()).toBeVisible();

  // The lead invites Шаро, found by name.
  const picker = lead.getByRole('combobox', { name: /^Поканете член на клъстера/ });
  await picker.fill('Шаро');
  await lead.getByRole('option', { name: 'Анимационна къща Шаро' }).click();
  await lead.getByRole('button', { name: 'Покани', exact: true }).click();
  await expect(lead.getByText('Анимационна къща Шаро — покана').first()).toBeVisible();

  // Шаро's representative accepts the invitation and opens the project.
  const partner = await signedIn(browser, PARTNER, '/projects');
  const invitations = partner.getByRole('region', { name: 'Покани за участие' });
  // The row of this project's invitation: the innermost block with both its title and its buttons.
  const invitation = invitations
    .locator('div', { has: partner.getByText(title, { exact: true }) })
    .filter({ has: partner.getByRole('button', { name: 'Приеми' }) })
    .last();
  await invitation.getByRole('button', { name: 'Приеми' }).click();
  await partner.getByRole('link', { name: title }).click();
  await expect(partner.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await closeMenu(partner);

  // …and splits €250 000 between the two partners, to the cent.
  await partner.getByRole('textbox', { name: 'Общ бюджет (€)' }).fill('250000');
  await partner.getByRole('textbox', { name: 'Дял на Дигитална София в евро' }).fill('150000,50');
  await partner.getByRole('textbox', { name: 'Дял на Анимационна къща Шаро в евро' }).fill('99999,50');
  await expect(partner.getByText(/Сбор на дяловете: 250\s000,00\s€ от 250\s000,00\s€/)).toBeVisible();
  await partner.getByRole('button', { name: 'Запиши бюджета' }).click();
  await expect(partner.getByText('Бюджетът е записан.')).toBeVisible();

  // The lead sees the partner's budget after a reload.
  await lead.reload();
  await expect(lead.getByRole('textbox', { name: 'Дял на Анимационна къща Шаро в евро' })).toHaveValue(
    /99\s?999[.,]50/,
  );
});
