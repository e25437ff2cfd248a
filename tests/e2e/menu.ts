import type { Locator, Page } from '@playwright/test';

/**
 * Where the main navigation and the account corner are: the header on a wide screen; on a phone the menu
 * drawer, opened through the header's menu button (or already open).
 */
export async function openMenu(page: Page): Promise<Locator> {
  const drawer = page.getByRole('dialog', { name: /^(Меню|Menu)$/ });
  if (await drawer.isVisible()) return drawer;
  // The button's name adds the unread messages when there are some ("Меню, 2 непрочетени съобщения").
  const button = page.getByRole('button', { name: /^(Меню|Menu)(, .+)?$/ });
  if (!(await button.isVisible())) return page.locator('header');
  await button.click();
  return drawer;
}

/** Closes the phone's menu drawer when it is open. */
export async function closeMenu(page: Page): Promise<void> {
  const drawer = page.getByRole('dialog', { name: /^(Меню|Menu)$/ });
  if (!(await drawer.isVisible())) return;
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
}
