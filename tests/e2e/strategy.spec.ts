import { type Browser, expect, type Page, test } from '@playwright/test';

/**
 * The strategy journey of issue 16 §1, against the real server on a fresh embedded database with the demo
 * data: a visitor reaches the public strategy page from the home page and reloads it; the chair enters a
 * value of an entered indicator with its source and sees it, on the editor and on the public page.
 *
 * The desktop and phone projects share one server and database: each enters its own source text.
 */
const PASSWORD = 'klaster-demo-2026';
const CHAIR = 'predsedatel@demo.klaster.bg';

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

test('a visitor reads the strategy; the chair enters a value with its source and sees it', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(90_000);

  // A visitor follows the home page's strategy section to the strategy page, and reloads it.
  await page.goto('/');
  await page.getByRole('link', { name: 'Целите, задачите и индикаторите на стратегията' }).click();
  await expect(page).toHaveURL(/\/strategy$/);
  const ict = page.getByRole('region', { name: 'Информатика и ИКТ' });
  await expect(page.getByRole('heading', { level: 1, name: 'Стратегия на клъстера' })).toBeVisible();
  await expect(ict.getByText('Членове в ИКТ')).toBeVisible();
  await expect(page.getByText('Изчислява се на живо от данните на портала').first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Укрепване на иновационната екосистема' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Активни членове' })).toBeVisible();

  // The chair enters this quarter's count of joint ICT proposals with its source.
  const source = `Регистър на проектните предложения, ${testInfo.project.name} ${Date.now()}`;
  const chair = await signedIn(browser, CHAIR, '/committee/strategy');
  await expect(chair.getByRole('heading', { level: 1, name: 'Редактиране на стратегията' })).toBeVisible();
  await chair.getByRole('button', { name: 'Въвеждане на стойност' }).first().click();
  const dialog = chair.getByRole('dialog', { name: 'Въвеждане на стойност' });
  await dialog.getByRole('textbox', { name: 'Стойност', exact: true }).fill('2');
  await dialog.getByRole('textbox', { name: 'Източник на стойността' }).fill(source);
  await dialog.getByRole('button', { name: 'Запис' }).click();
  await expect(dialog).toBeHidden();
  await expect(chair.getByText(source, { exact: false }).first()).toBeAttached();

  // Everyone sees it in the indicator's history on the public page.
  await page.reload();
  await expect(page.getByText(source, { exact: false }).first()).toBeAttached();
});
