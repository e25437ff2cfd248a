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

/**
 * A link of the main navigation, ready to be clicked: on a phone in the opened menu drawer (every link is
 * shown there, under its group's heading); on a wide screen in the header's row, or, when it belongs to a
 * group (e.g. "Сътрудничество"), in that group's list, opened through its button.
 */
export async function menuLink(page: Page, name: string | RegExp): Promise<Locator> {
  const menu = await openMenu(page);
  const nav = menu.getByRole('navigation', { name: /^(Основна навигация|Main navigation)$/ });
  const link = nav.getByRole('link', { name, exact: typeof name === 'string' ? true : undefined });
  if (await link.isVisible()) return link;
  const groups = nav.getByRole('button', { expanded: false });
  for (let i = 0; i < (await groups.count()); i++) {
    await groups.nth(i).click();
    if (await link.isVisible()) return link;
    await page.keyboard.press('Escape');
  }
  return link;
}
