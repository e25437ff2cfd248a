import { expect, type Page, test } from '@playwright/test';

/**
 * The member self-service journey of issue 5, against the real server on a fresh embedded database with
 * the demo data: the demo representative of „Дигитална София“ edits the profile in two tabs; the second
 * tab's save meets the first one's, shows the conflict, re-applies its change onto the saved version and
 * succeeds. Anonymous visitors then see the edit on the public profile, with public contact fields only;
 * the representative (a member) also sees the members-only ones.
 */
const REPRESENTATIVE = { email: 'predstavitel@demo.klaster.bg', password: 'klaster-demo-2026' };

async function logIn(page: Page) {
  // To the account page explicitly: a representative would land on their first organisation (issue 11 C4).
  await page.goto('/login?next=%2Faccount');
  await page.getByLabel('Имейл').fill(REPRESENTATIVE.email);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(REPRESENTATIVE.password);
  await page.getByRole('button', { name: 'Влез', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Моят профил' })).toBeVisible();
}

test('a representative edits the profile in two tabs: the second save shows the conflict, re-applies and succeeds; the public profile shows public fields only', async ({
  context,
  page: first,
  browser,
}, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const city = `Пловдив ${stamp}`;
  const descriptionEn = `Digital services for the City of Knowledge (${stamp}).`;

  // The applications journey makes the demo representative a committee member for its vote; here they
  // are a plain member again, so the profile shows them the members' level of contacts.
  // A signed-in API client must name this site as its Origin, like the portal's pages (decision 024).
  const admin = await browser.newContext({
    extraHTTPHeaders: { origin: new URL(testInfo.project.use.baseURL ?? '').origin },
  });
  const adminLogIn = await admin.request.post('/api/auth/log-in', {
    data: { email: 'admin@demo.klaster.bg', password: REPRESENTATIVE.password },
  });
  expect(adminLogIn.ok()).toBe(true);
  const found = await (await admin.request.get('/api/admin/users?q=predstavitel')).json();
  const rep = found.items[0].id as string;
  const revoked = await admin.request.delete(`/api/admin/users/${rep}/roles/committee_member`);
  expect(revoked.ok(), await revoked.text()).toBe(true);
  await admin.close();

  // Tab 1: from the account page to the organisation's editor.
  await logIn(first);
  await first.getByRole('link', { name: 'Редактирай профила' }).first().click();
  await expect(first).toHaveURL(/\/my\/organizations\/[0-9a-f-]{36}$/);
  await expect(first.getByRole('heading', { level: 1, name: 'Дигитална София' })).toBeVisible();
  const editorUrl = first.url();
  const id = editorUrl.split('/').pop() ?? '';

  // Tab 2: the same editor, opened before tab 1 saves (same session: the same browser context).
  const second = await context.newPage();
  await second.goto(editorUrl);
  await expect(second.getByRole('textbox', { name: 'Град' })).toBeVisible();

  // Tab 1 changes the city and saves.
  await first.getByRole('textbox', { name: 'Град' }).fill(city);
  await first.getByRole('button', { name: 'Запази промените' }).click();
  await expect(first.getByText('Промените са запазени.')).toBeVisible();

  // Tab 2, still on the old version, changes the English description: its save is refused as stale.
  await second.getByRole('textbox', { name: 'Описание на английски' }).fill(descriptionEn);
  await second.getByRole('button', { name: 'Запази промените' }).click();
  // The same person saved in the other tab: the banner says so, not "someone else" (issue 11 C13).
  const conflict = second.getByRole('region', {
    name: 'Променили сте профила в друг прозорец или раздел, откакто отворихте тази страница',
  });
  await expect(conflict).toBeVisible();
  // Side by side: the other tab's new city is shown as the current saved value.
  await expect(conflict.getByText(city)).toBeVisible();

  // Re-apply: the form now holds tab 1's city and tab 2's description; saving succeeds.
  await second.getByRole('button', { name: 'Приложи моите промени върху текущата версия' }).click();
  await expect(second.getByRole('textbox', { name: 'Град' })).toHaveValue(city);
  await expect(second.getByRole('textbox', { name: 'Описание на английски' })).toHaveValue(descriptionEn);
  await second.getByRole('button', { name: 'Запази промените' }).click();
  await expect(second.getByText('Промените са запазени.')).toBeVisible();

  // The public profile, for an anonymous visitor in English: both edits, and only public contact fields.
  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto('/');
  await anonymous.getByRole('button', { name: /^EN/ }).click();
  await expect(anonymous.locator('html')).toHaveAttribute('lang', 'en');
  await anonymous.goto(`/members/${id}`);
  await expect(anonymous.getByRole('heading', { level: 1, name: 'Digital Sofia' })).toBeVisible();
  // The city is in the header's line (size · city) and, exactly, among the contact facts.
  await expect(anonymous.getByText(city, { exact: true })).toBeVisible();
  await expect(anonymous.getByText(descriptionEn)).toBeVisible();
  // Public contact fields are shown; the contact person (members only) and their phone (committee only)
  // are not anywhere on the page.
  await expect(anonymous.getByText('info@digital-sofia.example')).toBeVisible();
  await expect(anonymous.getByText('+359 2 400 1201')).toBeVisible();
  const page = anonymous.locator('body');
  await expect(page).not.toContainText('Мария Стоянова');
  await expect(page).not.toContainText('contact.person@digital-sofia.example');
  await expect(page).not.toContainText('+359 88 410 1201');
  await visitor.close();

  // The representative, a member, also sees the members-only contact person there, marked as not public,
  // but not the phone kept for the committee.
  await first.goto(`/members/${id}`);
  await expect(first.getByText('Мария Стоянова', { exact: false })).toBeVisible();
  await expect(first.getByText('contact.person@digital-sofia.example', { exact: false })).toBeVisible();
  await expect(first.locator('body')).not.toContainText('+359 88 410 1201');
});
