import { type Browser, expect, type Page, test } from '@playwright/test';
import { openMenu } from './menu.ts';

/**
 * The readiness journey of issue 16 §2 (decision 051), against the real server on a fresh embedded database
 * with the demo data, in Bulgarian: the chair opens the readiness checks from the committee's page, opens
 * the platform profile set, reads a criterion's status in words and its figure, adds a link as evidence,
 * runs the check, sees the history grow, and finds it all again after a reload.
 */
const PASSWORD = 'klaster-demo-2026';
const CHAIR = 'predsedatel@demo.klaster.bg';
const SET_TITLE = 'Профил в Европейската платформа за сътрудничество между клъстери';

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

test('the chair reads a readiness set, adds evidence, runs the check and finds it after a reload', async ({
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  // The desktop and phone runs share one database: each adds evidence of its own name.
  const evidence = `Списък на членовете (${testInfo.project.name})`;

  const chair = await signedIn(browser, CHAIR, '/');
  const menu = await openMenu(chair);
  await menu.getByRole('link', { name: 'Комитет' }).click();
  await chair
    .getByRole('navigation', { name: 'Раздели на комитета' })
    .getByRole('link', { name: 'Проверки за готовност' })
    .click();
  await expect(chair).toHaveURL(/\/committee\/readiness$/);
  await expect(chair.getByRole('heading', { level: 1, name: 'Проверки за готовност' })).toBeVisible();
  await chair.getByRole('link', { name: SET_TITLE }).click();
  await expect(chair).toHaveURL(/\/committee\/readiness\/eccp-profile$/);
  await expect(chair.getByRole('heading', { level: 1, name: SET_TITLE })).toBeVisible();

  // A rule: its status in words (never colour alone) and the figure against the thresholds.
  const p1 = chair.getByRole('article', { name: /P1 Поне 15 ясно ангажирани членове/ });
  await expect(p1.getByText(/^(Изпълнено|Частично|Не е изпълнено)$/)).toBeVisible();
  await expect(p1.getByText(/Стойност: \d+/)).toBeVisible();
  await expect(p1.getByText(/Изпълнено при ≥ 15, частично при ≥ 10/)).toBeVisible();

  // A link as evidence.
  await p1.getByRole('button', { name: /Добави доказателство: P1/ }).click();
  await p1.getByRole('textbox', { name: /Заглавие/ }).fill(evidence);
  await p1.getByRole('textbox', { name: /Адрес/ }).fill('https://example.org/members');
  await p1.getByRole('button', { name: 'Добави', exact: true }).click();
  await expect(p1.getByRole('link', { name: evidence })).toHaveAttribute(
    'href',
    'https://example.org/members',
  );

  // Run the check: the history grows by one run.
  const history = chair.getByRole('region', { name: 'История на проверките' });
  const runs = history.getByRole('listitem').filter({ hasText: 'Мария Петрова' });
  const before = await runs.count();
  await chair.getByRole('button', { name: 'Пусни проверката' }).click();
  await expect(
    chair.getByRole('status').filter({ hasText: 'Проверката е записана в историята.' }),
  ).toBeVisible();
  await expect(runs).toHaveCount(before + 1);
  await expect(runs.first()).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);

  // Everything survives a reload.
  await chair.reload();
  await expect(chair.getByRole('heading', { level: 1, name: SET_TITLE })).toBeVisible();
  await expect(
    chair
      .getByRole('article', { name: /P1 Поне 15 ясно ангажирани членове/ })
      .getByRole('link', { name: evidence }),
  ).toBeVisible();
  await expect(
    chair
      .getByRole('region', { name: 'История на проверките' })
      .getByRole('listitem')
      .filter({ hasText: 'Мария Петрова' }),
  ).toHaveCount(before + 1);
});
