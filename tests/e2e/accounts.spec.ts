import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { closeMenu, openMenu } from './menu.ts';

/**
 * The accounts journey of issue 3, against the real server on a fresh embedded database with the demo
 * data, in Debian's Chromium: sign up → open the verification link from the administrators' mailbox page
 * → log in → the account page → log out → the account page redirects to log-in. No SMTP is configured,
 * so the email waits in the outbox, which is how the demo reads it too.
 */
const DEMO_ADMIN = { email: 'admin@demo.klaster.bg', password: 'klaster-demo-2026' };

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Имейл').fill(email);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Влез', exact: true }).click();
}

/** An administrator, in a browser of their own, opens the newest email to `to` on the mailbox page. */
async function openMailAsAdmin(browser: Browser, to: string, subject: string) {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await logIn(admin, DEMO_ADMIN.email, DEMO_ADMIN.password);
  // An administrator lands on the users (issue 11 C4).
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await admin.getByRole('link', { name: 'Изходяща поща' }).click();
  await admin.getByLabel('Получател').fill(to);
  await expect(admin).toHaveURL(/\/admin\/mailbox\?.*to=/);
  await admin.getByRole('button', { name: subject }).first().click();
  const message = admin.getByRole('region', { name: `Текст на писмото „${subject}“` });
  await expect(message).toBeVisible();
  return { context, admin, message };
}

test('a newcomer signs up, confirms the email from the mailbox link, logs in, sees the account and logs out', async ({
  page,
  browser,
}, testInfo) => {
  const email = `new.member.${testInfo.project.name}.${Date.now()}@example.bg`;
  const password = 'парола за клъстера 2026';

  // Sign up (Bulgarian by default). A too-short password is refused beside the field first.
  await page.goto('/sign-up');
  await expect(page).toHaveTitle(/Регистрация/);
  await page.getByLabel('Имейл').fill(email);
  await page.getByRole('textbox', { name: 'Име', exact: true }).fill('Нов Член');
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill('кратка');
  await page.getByRole('button', { name: 'Създай профил' }).click();
  await expect(page.getByText(/поне 12 знака/)).toBeVisible();
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Създай профил' }).click();
  await expect(page.getByRole('heading', { name: 'Проверете пощата си' })).toBeVisible();

  // Not confirmed yet: log-in says so.
  await logIn(page, email, password);
  await expect(page.getByText(/още не е потвърден/)).toBeVisible();

  // The administrator finds the verification email in the mailbox and opens its link.
  const { context, message } = await openMailAsAdmin(
    browser,
    email,
    'Потвърдете имейла си за портала на клъстера',
  );
  const link = message.getByRole('link', { name: /\/verify-email\?token=/ });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/verify-email\?token=[A-Za-z0-9_-]{43}$/);
  await context.close();

  // The newcomer opens the link: confirmed.
  await page.goto(href!);
  await expect(page.getByRole('heading', { name: 'Имейл адресът е потвърден' })).toBeVisible();
  // The link works once only.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Връзката не е валидна' })).toBeVisible();

  // Log in → a newcomer with no role and no application lands on the application form (issue 11 C4);
  // the account page has the name in the header.
  await logIn(page, email, password);
  await expect(page).toHaveURL(/\/apply$/);
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Моят профил' })).toBeVisible();
  await expect((await openMenu(page)).getByText('Нов Член')).toBeVisible();
  await closeMenu(page);
  await expect(page.getByText(email).first()).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // Log out → the account page now sends the visitor to log in, and back after it.
  await (await openMenu(page)).getByRole('button', { name: 'Изход' }).click();
  await expect((await openMenu(page)).getByRole('link', { name: 'Вход', exact: true })).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
  await page.getByLabel('Имейл').fill(email);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Влез', exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test('a forgotten password is reset with the emailed link, which works once', async ({
  page,
  browser,
}, testInfo) => {
  const email = `reset.${testInfo.project.name}.${Date.now()}@example.bg`;
  // A verified account, made through the API the way the sign-up page makes it, then confirmed.
  await page.goto('/sign-up');
  await page.getByLabel('Имейл').fill(email);
  await page.getByRole('textbox', { name: 'Име', exact: true }).fill('Забравил');
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill('първата ми дълга парола');
  await page.getByRole('button', { name: 'Създай профил' }).click();
  await expect(page.getByRole('heading', { name: 'Проверете пощата си' })).toBeVisible();
  const verify = await openMailAsAdmin(browser, email, 'Потвърдете имейла си за портала на клъстера');
  const verifyHref = await verify.message.getByRole('link', { name: /verify-email/ }).getAttribute('href');
  await verify.context.close();
  await page.goto(verifyHref!);
  await expect(page.getByRole('heading', { name: 'Имейл адресът е потвърден' })).toBeVisible();

  await page.goto('/login');
  await page.getByRole('link', { name: 'Забравена парола?' }).click();
  // The log-in page has an email field too: wait for the other page before typing.
  await expect(page.getByRole('heading', { level: 1, name: 'Забравена парола' })).toBeVisible();
  await page.getByLabel('Имейл').fill(email);
  await page.getByRole('button', { name: 'Изпрати връзка' }).click();
  await expect(page.getByRole('heading', { name: 'Проверете пощата си' })).toBeVisible();

  const reset = await openMailAsAdmin(browser, email, 'Нова парола за портала на клъстера');
  const resetHref = await reset.message.getByRole('link', { name: /reset-password/ }).getAttribute('href');
  await reset.context.close();

  await page.goto(resetHref!);
  await page.getByRole('textbox', { name: 'Нова парола', exact: true }).fill('съвсем нова дълга парола');
  await page.getByRole('button', { name: 'Запази новата парола' }).click();
  await expect(page.getByRole('heading', { name: 'Паролата е сменена' })).toBeVisible();

  // Used once: the same link is refused.
  await page.goto(resetHref!);
  await page.getByRole('textbox', { name: 'Нова парола', exact: true }).fill('и още една дълга парола');
  await page.getByRole('button', { name: 'Запази новата парола' }).click();
  await expect(page.getByRole('heading', { name: 'Връзката не е валидна' })).toBeVisible();

  await logIn(page, email, 'съвсем нова дълга парола');
  await expect(page).toHaveURL(/\/apply$/);
});

test('a visitor applies online: told why to log in, signs up keeping the way back, confirms the email and lands on the form', async ({
  page,
  browser,
}, testInfo) => {
  const email = `applicant.${testInfo.project.name}.${Date.now()}@example.bg`;
  const password = 'заявление за клъстера 2026';

  // "Apply online" on the home page sends a visitor to log in, saying why (issue 11 C4).
  await page.goto('/');
  await page.getByRole('link', { name: 'Кандидатствайте онлайн' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fapply$/);
  await expect(
    page.getByText('За да кандидатствате за членство, влезте в профила си или създайте нов.'),
  ).toBeVisible();

  // Sign-up keeps the way back to the form.
  await page.getByRole('link', { name: 'Регистрирайте се' }).click();
  await expect(page).toHaveURL(/\/sign-up\?next=%2Fapply$/);
  // The URL changes before the sign-up page's code has loaded; the log-in form (with its own "Имейл") stays
  // on screen until then. A user types once the page is there, and so does this test.
  await expect(page.getByRole('heading', { name: 'Регистрация', level: 1 })).toBeVisible();
  await page.getByLabel('Имейл').fill(email);
  await page.getByRole('textbox', { name: 'Име', exact: true }).fill('Нов Кандидат');
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Създай профил' }).click();
  await expect(page.getByRole('heading', { name: 'Проверете пощата си' })).toBeVisible();

  // The emailed link carries it too.
  const { context, message } = await openMailAsAdmin(
    browser,
    email,
    'Потвърдете имейла си за портала на клъстера',
  );
  const href = await message.getByRole('link', { name: /\/verify-email\?token=/ }).getAttribute('href');
  expect(href).toMatch(/\/verify-email\?token=[A-Za-z0-9_-]{43}&next=%2Fapply$/);
  await context.close();

  // Confirmed → "log in to continue" → logged in, the visitor is on the application form.
  await page.goto(href!);
  await expect(page.getByRole('heading', { name: 'Имейл адресът е потвърден' })).toBeVisible();
  await page.getByRole('link', { name: 'Влезте, за да продължите' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fapply$/);
  await page.getByLabel('Имейл').fill(email);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Влез', exact: true }).click();
  await expect(page).toHaveURL(/\/apply$/);
});
