import { expect, test } from '@playwright/test';

/**
 * Issue 11 C1: the "review and submit" step in Bulgarian gave the values column about 15 px (one letter
 * per line) because the long labels took the width. Every value cell must keep a readable width on a
 * desktop and on a phone.
 */
const PASSWORD = 'klaster-demo-2026';
const APPLICANT = 'kandidat@demo.klaster.bg';

for (const width of [1280, 390]) {
  test(`the review step keeps its values readable in Bulgarian at ${width} px`, async ({
    browser,
  }, testInfo) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'bg-BG' });
    const logIn = await context.request.post('/api/auth/log-in', {
      data: { email: APPLICANT, password: PASSWORD },
    });
    expect(logIn.ok()).toBe(true);
    // The demo applicant's application that the committee sent back: every section is filled in.
    const mine = await (await context.request.get('/api/applications/mine')).json();
    const returned = mine.items.find((a: { state: string }) => a.state === 'changes_requested');
    expect(returned).toBeDefined();

    const page = await context.newPage();
    await page.goto(`/applications/${returned.id}`);
    await page.getByRole('button', { name: /^Преглед и подаване/ }).click();
    const summary = page.locator('section[aria-labelledby="summary-title"]');
    await expect(summary.getByRole('heading', { name: 'Предлагаме и търсим' })).toBeVisible();

    const values = summary.locator('dd');
    expect(await values.count()).toBeGreaterThan(10);
    const widths = await values.evaluateAll((cells) =>
      cells.map((cell) => Math.round(cell.getBoundingClientRect().width)),
    );
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(120);
    // Nothing sticks out sideways either.
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await summary.screenshot({ path: testInfo.outputPath(`review-${width}.png`) });
    await context.close();
  });
}

/** Issue 11 C3 in a real browser: the step survives a reload and Back, and unsaved edits are not lost silently. */
test('the application keeps its step in the address and asks before unsaved edits are left', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ locale: 'bg-BG' });
  const logIn = await context.request.post('/api/auth/log-in', {
    data: { email: APPLICANT, password: PASSWORD },
  });
  expect(logIn.ok()).toBe(true);
  const mine = await (await context.request.get('/api/applications/mine')).json();
  const returned = mine.items.find((a: { state: string }) => a.state === 'changes_requested');
  const page = await context.newPage();
  await page.goto(`/applications/${returned.id}`);
  const steps = page.getByRole('navigation', { name: 'Стъпки на заявлението' });
  const heading = (name: string) => page.getByRole('heading', { level: 2, name });

  await steps.getByRole('button', { name: /^Лице за контакт/ }).click();
  await expect(heading('Лице за контакт')).toBeVisible();
  await expect(page).toHaveURL(/\?step=contact$/);
  await steps.getByRole('button', { name: /^Мотивация/ }).click();
  await expect(page).toHaveURL(/\?step=motivation$/);
  await page.reload();
  await expect(heading('Мотивация и категория')).toBeVisible();
  await page.goBack();
  await expect(heading('Лице за контакт')).toBeVisible();

  // An edit left by the step list: asked, and staying keeps it.
  await page.getByRole('textbox', { name: /^Длъжност/ }).fill('Изпълнителен директор');
  await steps.getByRole('button', { name: /^Организация/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Незапазени промени' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Отказ' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: /^Длъжност/ })).toHaveValue('Изпълнителен директор');
  await expect(page).toHaveURL(/\?step=contact$/);
  await page.screenshot({ path: testInfo.outputPath('contact-step.png') });
  await context.close();
});
