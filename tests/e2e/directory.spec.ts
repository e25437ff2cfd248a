import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/**
 * The public directory journey of issue 2, against the real server on a fresh embedded database with the
 * demo data of „София – град на знанието“, in Debian's Chromium, at desktop and phone size.
 */
test('a visitor reads the home page in Bulgarian, switches to English, searches and filters the directory and opens a profile', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'bg');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('София – град на знанието');
  await expect(page.getByRole('heading', { name: 'Тематични области' })).toBeVisible();
  await expect(page.getByText('Информатика и ИКТ').first()).toBeVisible();
  await expect(page).toHaveTitle(/Начало/);

  // English, remembered across visits.
  await page.getByRole('button', { name: /^EN/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Thematic areas' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Thematic areas' })).toBeVisible();

  // Search in Cyrillic: finds Digital Sofia and the other members in the city of София (the city is
  // searched, decision 018), never the candidate Sofia Municipality.
  const inSofia = (
    await (await page.request.get('/api/organizations?q=%D1%81%D0%BE%D1%84%D0%B8%D1%8F')).json()
  ).total as number;
  expect(inSofia).toBeGreaterThan(1);
  await page.goto('/members');
  await expect(page).toHaveTitle(/Members/);
  const search = page
    .getByRole('searchbox', { name: 'Search' })
    .or(page.getByRole('textbox', { name: 'Search' }));
  await search.fill('софия');
  await search.press('Enter');
  await expect(page).toHaveURL(/[?&]q=%D1%81%D0%BE%D1%84%D0%B8%D1%8F/);
  await expect(page.getByRole('link', { name: 'Digital Sofia' })).toBeVisible();
  await expect(page.getByText(`${inSofia} members found`)).toBeVisible();
  await expect(page.getByText(/Sofia Municipality|Столична община/)).toHaveCount(0);

  // In Latin only the names and descriptions say Sofia: the one member.
  await search.fill('sofia');
  await search.press('Enter');
  await expect(page).toHaveURL(/[?&]q=sofia/);
  await expect(page.getByRole('link', { name: 'Digital Sofia' })).toBeVisible();
  await expect(page.getByText('1 member found')).toBeVisible();

  // Filter by a thematic area: the whole ICT area includes its sub-areas.
  // On a phone the filters fold behind their button.
  const filters = page.getByRole('button', { name: /^Filters/ });
  if (await filters.isVisible()) await filters.click();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/members$/);
  const areas = (await (await page.request.get('/api/areas')).json()) as {
    items: { id: string; memberCount: number }[];
  };
  const ictMembers = areas.items.find((a) => a.id === 'ict')?.memberCount ?? 0;
  const totalMembers = (await (await page.request.get('/api/cluster')).json()).memberCount as number;
  expect(ictMembers).toBeGreaterThan(1);
  expect(ictMembers).toBeLessThan(totalMembers);
  await page.getByLabel('Thematic area').selectOption('ict');
  await expect(page).toHaveURL(/[?&]area=ict/);
  // The cleared search stays cleared, however soon the area is picked after the clearing.
  expect(new URL(page.url()).searchParams.get('q')).toBeNull();
  await expect(page.getByText(`${ictMembers} members found`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Digital Sofia' })).toBeVisible();

  // Reload: the search lives in the URL and survives.
  await page.reload();
  await expect(page.getByLabel('Thematic area')).toHaveValue('ict');
  await expect(page.getByText(`${ictMembers} members found`)).toBeVisible();

  // Open a profile: public fields, then back to the same search.
  await page.getByRole('link', { name: 'Digital Sofia' }).click();
  await expect(page).toHaveURL(/\/members\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Digital Sofia');
  await expect(page.getByText('Дигитална София').first()).toBeVisible();
  await expect(page).toHaveTitle(/Digital Sofia/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Digital Sofia');
  await page.getByRole('link', { name: 'Back to the members' }).click();
  await expect(page).toHaveURL(/\/members/);

  // A wrong address shows the 404 page, with a way home.
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('bad values in a shared directory link fall back to the defaults instead of failing', async ({
  page,
}) => {
  // Values the API would refuse are dropped (issue 11 C5): the list shows, with no raw codes.
  await page.goto('/members?pageSize=-1&sort=drop%20table&kind=xyz');
  await expect(page.getByText(/Намерени: \d+ члена/)).toBeVisible();
  await expect(page.getByText('Търсенето не е валидно')).toHaveCount(0);
  await expect(page.getByText(/xyz|drop table|invalid_value/)).toHaveCount(0);
});

test('the directory can be searched by keyboard alone', async ({ page }) => {
  await page.goto('/members');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Към съдържанието' })).toBeFocused();
  const search = page
    .getByRole('searchbox', { name: 'Търсене' })
    .or(page.getByRole('textbox', { name: 'Търсене' }));
  await search.focus();
  await page.keyboard.type('дигит');
  await page.keyboard.press('Enter');
  const link = page.getByRole('link', { name: 'Дигитална София' });
  await expect(link).toBeVisible();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Дигитална София');
});

test('public pages have no detectable accessibility violations', async ({ page }) => {
  for (const url of [
    '/',
    '/members',
    '/members?q=sofia',
    '/news',
    '/governance',
    '/governance/minutes',
    '/nowhere',
  ]) {
    await page.goto(url);
    await expect(page.getByRole('main')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${url}: ${v.id} (${v.nodes.length})`)).toEqual([]);
  }
});

test('public pages load without any Content-Security-Policy violation (zod validates without eval)', async ({
  page,
}) => {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { cspViolations: string[] }).cspViolations.push(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
  for (const path of ['/', '/members', '/decisions', '/statute']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    expect(violations, path).toEqual([]);
  }
});
