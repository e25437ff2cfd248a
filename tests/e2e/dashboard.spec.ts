import { readFile } from 'node:fs/promises';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { openMenu } from './menu.ts';

/**
 * The dashboard journey of issue 16 §1, against the real server on a fresh embedded database with the demo
 * data, in Bulgarian: the chair opens the committee's dashboard from the committee's page, reads a chart,
 * shows its data as a table and downloads it as CSV, and reloads the page; a visitor opens "the cluster in
 * figures" from the footer and finds the aggregate figures without organisation names.
 */
const PASSWORD = 'klaster-demo-2026';
const CHAIR = 'predsedatel@demo.klaster.bg';

async function signedIn(browser: Browser, email: string, next: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'bg-BG', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Имейл').fill(email);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Влез', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === next.split('?')[0]);
  return page;
}

test('the committee reads the dashboard, its table and CSV; a visitor reads the public figures', async ({
  browser,
  page,
}) => {
  test.setTimeout(90_000);

  const chair = await signedIn(browser, CHAIR, '/');
  const menu = await openMenu(chair);
  await menu.getByRole('link', { name: 'Комитет' }).click();
  await chair
    .getByRole('navigation', { name: 'Раздели на комитета' })
    .getByRole('link', { name: 'Табло' })
    .click();
  await expect(chair).toHaveURL(/\/committee\/dashboard$/);
  await expect(chair.getByRole('heading', { level: 1, name: 'Табло на клъстера' })).toBeVisible();

  // A chart is drawn; its data shows as a table on request and downloads as CSV.
  const kinds = chair.getByRole('figure', { name: 'Членове по вид организация' });
  await expect(kinds.locator('.recharts-surface').first()).toBeVisible();
  await kinds.getByRole('button', { name: 'Покажи като таблица' }).click();
  const table = kinds.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Търговско дружество' })).toBeVisible();
  const [download] = await Promise.all([
    chair.waitForEvent('download'),
    kinds.getByRole('button', { name: 'Изтегли CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv).toContain('Търговско дружество');
  expect(csv.trim().split('\n').length).toBeGreaterThan(2);

  // The key figures survive a reload.
  await chair.reload();
  await expect(chair.getByText('Членове сега')).toBeVisible();
  await expect(chair.getByRole('figure', { name: 'Кандидатури по месеци' })).toBeVisible();

  // A visitor opens the cluster in figures from the footer: aggregates, no funnel, no fees.
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Клъстерът в числа' }).click();
  await expect(page).toHaveURL(/\/figures$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Клъстерът в числа' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Членове в края на месеца' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Кандидатури по месеци' })).toHaveCount(0);
  await expect(page.getByRole('figure', { name: /Членски внос/ })).toHaveCount(0);
  await expect(page.getByText('Дигитална София')).toHaveCount(0);
});
