import { expect, test } from '@playwright/test';

/**
 * A server-rendered public page (issue 17, decision 055) comes with its content and is hydrated: following
 * its links then changes pages in the browser, without loading a new document, and a reload of the new
 * address is rendered by the server again, in the language chosen.
 */
test('a visitor’s public page is rendered by the server, hydrates, and its links navigate without a reload', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  // The server's HTML already holds the page (the root is not empty before any script runs).
  const response = await page.request.get('/members', { headers: { accept: 'text/html' } });
  expect(await response.text()).toMatch(/<div id="root"><(?!\/div>)/);

  await page.goto('/members');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // A mark on this document: it survives navigations in the browser, not a new document.
  await page.evaluate(() => {
    (window as unknown as { documentMark: string }).documentMark = 'hydrated';
  });
  const documents: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documents.push(request.url());
  });

  // A member's page by its link in the directory.
  const firstMember = page
    .locator('main')
    .getByRole('link', { name: /Дигитална София|Digital Sofia/ })
    .first();
  await firstMember.click();
  await expect(page).toHaveURL(/\/members\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Дигитална София|Digital Sofia/);
  // The home page by the brand link in the header.
  await page.getByRole('banner').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('София – град на знанието');
  expect(await page.evaluate(() => (window as unknown as { documentMark?: string }).documentMark)).toBe(
    'hydrated',
  );
  expect(documents).toEqual([]);

  // English: the choice reaches the server (a cookie), which renders the next document in it.
  await page.getByRole('button', { name: /^EN/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const english = await page.request.get('/members', { headers: { accept: 'text/html' } });
  expect(await english.text()).toMatch(/<html lang="en"/);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(errors).toEqual([]);
});
