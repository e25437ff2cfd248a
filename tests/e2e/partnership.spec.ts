import { type Browser, expect, type Page, type TestInfo, test } from '@playwright/test';
import { addDays, eik9CheckDigit, todayInSofia } from '@portal/shared';
import { closeMenu, menuLink } from './menu.ts';

/**
 * The partnership journeys of issue 14, against the real server on a fresh embedded database with the
 * demo data: an offer posted, answered by another member and agreed in a private conversation; a shared
 * resource booked, and the clashing requests refused; a visitor seeing only the board's public teaser.
 *
 * The two sides are the demo representative („Дигитална София“) and the demo account the seed makes for
 * „Анимационна къща Шаро“ (a side of a demo conversation: `partnyor-<ЕИК>@demo.klaster.bg`, the demo
 * password). The desktop and phone projects may share one server and database: titles carry the project's
 * name and the time, and each project books its own day.
 */
const PASSWORD = 'klaster-demo-2026';
const REPRESENTATIVE = 'predstavitel@demo.klaster.bg';
const SHARO = `partnyor-20399058${eik9CheckDigit('20399058')}@demo.klaster.bg`;
const DIGITAL_SOFIA = 'Дигитална София';
const SHARO_NAME = 'Анимационна къща Шаро';
const MEETING_ROOM = 'Заседателна зала „Витоша“';

const stampOf = (testInfo: TestInfo) => `${testInfo.project.name} ${Date.now()}`;

/** A new browser window for one person, signed in through the log-in form, on `next`. */
async function signedIn(browser: Browser, email: string, next: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Имейл').fill(email);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Влез', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === next.split('?')[0]);
  return page;
}

/** The id of the signed-in user's organisation named `nameBg`. */
async function organizationId(page: Page, nameBg: string): Promise<string> {
  const session = await (await page.request.get('/api/auth/session')).json();
  const organization = (session.user.organizations as { id: string; nameBg: string }[]).find(
    (o) => o.nameBg === nameBg,
  );
  expect(organization, `${nameBg} among the user's organisations`).toBeDefined();
  return organization!.id;
}

/** The header's link to the conversations (in its cooperation group; in the menu drawer on a phone). */
async function conversationsLink(page: Page) {
  return menuLink(page, /^Разговори/);
}

test('an offer is posted, another member is interested, they talk and agree a partnership', async ({
  browser,
}, testInfo) => {
  const stamp = stampOf(testInfo);
  const title = `Споделено студио за звук и картина ${stamp}`;
  const interest = `Здравейте! Бихме искали да ползваме студиото за анимационен проект (${stamp}).`;
  const answer = `С удоволствие — заповядайте в четвъртък (${stamp}).`;

  // The demo representative posts an offer on its organisation's board tab: a draft, then published.
  const owner = await signedIn(browser, REPRESENTATIVE, '/account');
  const ownId = await organizationId(owner, DIGITAL_SOFIA);
  await owner.goto(`/my/organizations/${ownId}`);
  await owner
    .getByRole('navigation', { name: 'Раздели на организацията' })
    .getByRole('link', { name: 'Борса', exact: true })
    .click();
  await expect(owner).toHaveURL(new RegExp(`/my/organizations/${ownId}/board$`));
  await owner.getByRole('button', { name: 'Ново обявление' }).click();
  await owner.getByRole('radio', { name: 'Предложение' }).check();
  await owner.getByRole('combobox', { name: 'Вид', exact: true }).selectOption('infrastructure');
  await owner.getByRole('textbox', { name: 'Заглавие на български' }).fill(title);
  await owner
    .getByRole('textbox', { name: 'Описание на български' })
    .fill('Студио с озвучаване и зелен екран, на разположение на членовете два дни седмично.');
  const areas = owner.getByRole('combobox', { name: 'Тематични области' });
  await areas.click();
  await areas.fill('Дигитални медии');
  await owner.getByRole('option', { name: /Дигитални медии, филми и анимация/ }).click();
  await owner.keyboard.press('Escape');
  await owner.getByRole('button', { name: 'Създай чернова' }).click();
  await expect(owner.getByText('Черновата е създадена.', { exact: false })).toBeVisible();
  const card = owner.getByRole('article').filter({ hasText: title });
  await expect(card.getByText('Чернова')).toBeVisible();
  await card.getByRole('button', { name: 'Публикувай' }).click();
  await expect(owner.getByText('Обявлението е публикувано.')).toBeVisible();
  await expect(card.getByText('Публикувано')).toBeVisible();

  // How many unread messages the owner's side has before (the demo conversations leave some).
  const before = (await (await owner.request.get('/api/conversations/unread')).json()).total as number;

  // A representative of another member finds the offer on the board by its title and is interested.
  const partner = await signedIn(browser, SHARO, '/board');
  await partner.getByRole('searchbox', { name: 'Търсене в борсата' }).fill(title);
  await partner.getByRole('button', { name: 'Търси', exact: true }).click();
  await expect(partner.getByRole('heading', { name: 'Намерено: 1 обявление' })).toBeVisible();
  await partner.getByRole('link', { name: title }).click();
  await expect(partner.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await partner.getByRole('button', { name: 'Проявете интерес' }).click();
  const modal = partner.getByRole('dialog', { name: `Интерес към „${title}“` });
  await modal.getByRole('textbox', { name: 'Първо съобщение' }).fill(interest);
  await modal.getByRole('button', { name: 'Изпрати' }).click();
  // The conversation opens with the first message.
  await expect(partner).toHaveURL(/\/conversations\/[0-9a-f-]{36}$/);
  const conversationUrl = partner.url();
  await expect(partner.getByRole('heading', { level: 1, name: `Разговор с ${DIGITAL_SOFIA}` })).toBeVisible();
  await expect(partner.getByText(`По обявата „${title}“`)).toBeVisible();
  await expect(partner.getByText(interest)).toBeVisible();

  // The owner's header counts the new message; the conversation is listed as unread.
  await owner.goto('/conversations');
  await expect(owner.getByRole('heading', { level: 1, name: 'Разговори' })).toBeVisible();
  const unread = before + 1;
  const menuButton = owner.getByRole('button', { name: /^Меню/ });
  if (await menuButton.isVisible()) {
    // A phone: the menu button carries the count, since the link is inside its drawer.
    await expect(menuButton).toHaveAccessibleName(
      `Меню, ${unread} непрочетен${unread === 1 ? 'о съобщение' : 'и съобщения'}`,
    );
  }
  await expect(await conversationsLink(owner)).toHaveAccessibleName(
    `Разговори, ${unread} ${unread === 1 ? 'непрочетено съобщение' : 'непрочетени съобщения'}`,
  );
  await closeMenu(owner);
  const listed = owner.getByRole('article').filter({ hasText: title });
  await expect(listed.getByText('1 непрочетено')).toBeVisible();
  await listed.getByRole('link', { name: SHARO_NAME }).click();
  await expect(owner.getByRole('heading', { level: 1, name: `Разговор с ${SHARO_NAME}` })).toBeVisible();
  await expect(owner.getByText(interest)).toBeVisible();
  // Read now: the badge goes back to what it was.
  await expect
    .poll(async () => (await (await owner.request.get('/api/conversations/unread')).json()).total)
    .toBe(before);

  // The owner answers and proposes "agreed".
  await owner.getByRole('textbox', { name: 'Ново съобщение' }).fill(answer);
  await owner.getByRole('button', { name: 'Изпрати', exact: true }).click();
  await expect(owner.getByRole('listitem').filter({ hasText: answer })).toBeVisible();
  await owner.getByRole('button', { name: 'Отбележи като договорено' }).click();
  const propose = owner.getByRole('dialog', { name: 'Договорихте ли партньорство?' });
  await propose.getByRole('button', { name: 'Да, договорено е' }).click();
  await expect(propose).toBeHidden();
  await expect(
    owner.getByText('Предложихте споразумение. Очаква се потвърждение от другата страна.'),
  ).toBeVisible();

  // The other side reads the answer and confirms.
  await partner.goto(conversationUrl);
  await expect(partner.getByText(answer)).toBeVisible();
  await expect(partner.getByText(/ отбеляза, че сте договорили партньорство\. Потвърдете го/)).toBeVisible();
  await partner.getByRole('button', { name: 'Потвърди партньорството' }).click();
  const confirm = partner.getByRole('dialog', { name: 'Потвърждавате ли партньорството?' });
  await confirm.getByRole('button', { name: 'Потвърди', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(partner.getByText('Партньорството е договорено и потвърдено.')).toBeVisible();
  await expect(partner.getByText('Партньорство', { exact: true })).toBeVisible();

  // Both see it agreed.
  await owner.reload();
  await expect(owner.getByText('Партньорството е договорено и потвърдено.')).toBeVisible();
  await expect(owner.getByText('Партньорство', { exact: true })).toBeVisible();
  await owner.context().close();
  await partner.context().close();
});

/** A weekday five to six weeks ahead (inside the bookings tab's two months), its own per project. */
function bookingDay(testInfo: TestInfo): string {
  let day = addDays(todayInSofia(), 35);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 1) day = addDays(day, 1);
  return addDays(day, testInfo.project.name === 'phone' ? 2 : 1);
}

/** Asks for the meeting room on `day` from `from` to `to` in the booking dialog (opened here). */
async function requestBooking(page: Page, day: string, from: string, to: string) {
  await page.getByRole('button', { name: 'Заявка за резервация' }).click();
  const dialog = page.getByRole('dialog', { name: 'Заявка за резервация' });
  await dialog.getByLabel('Дата').fill(day);
  await dialog.getByLabel('От').fill(from);
  await dialog.getByLabel('До').fill(to);
  await dialog.getByRole('button', { name: 'Изпрати заявката' }).click();
  return dialog;
}

test('a shared resource is booked and confirmed; overlapping requests are refused naming the clash', async ({
  browser,
}, testInfo) => {
  const day = bookingDay(testInfo);
  const [y, m, d] = day.split('-');
  const shownDay = `${d}.${m}.${y}`;

  // Another member's representative asks for „Дигитална София“'s meeting room twice, overlapping: both
  // are only requests, nothing is taken yet.
  const booker = await signedIn(browser, SHARO, '/resources');
  await booker.getByRole('searchbox', { name: 'Търсене' }).fill('Витоша');
  await booker.getByRole('link', { name: MEETING_ROOM }).click();
  await expect(booker.getByRole('heading', { level: 1, name: MEETING_ROOM })).toBeVisible();
  let dialog = await requestBooking(booker, day, '10:00', '12:00');
  await expect(dialog.getByText('Заявката е изпратена.', { exact: false })).toBeVisible();
  await booker.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  dialog = await requestBooking(booker, day, '11:00', '13:00');
  await expect(dialog.getByText('Заявката е изпратена.', { exact: false })).toBeVisible();
  await booker.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The owner's representative confirms the first on the organisation's bookings tab.
  const owner = await signedIn(browser, REPRESENTATIVE, '/account');
  const ownId = await organizationId(owner, DIGITAL_SOFIA);
  await owner.goto(`/my/organizations/${ownId}`);
  await owner
    .getByRole('navigation', { name: 'Раздели на организацията' })
    .getByRole('link', { name: 'Резервации', exact: true })
    .click();
  await expect(owner).toHaveURL(new RegExp(`/my/organizations/${ownId}/bookings$`));
  const bookingCard = (range: string) =>
    owner
      .getByRole('article', { name: new RegExp(`^${MEETING_ROOM}, ${shownDay}.*${range}$`) })
      .filter({ hasText: `Заявител: ${SHARO_NAME}` });
  const first = bookingCard('10:00–12:00');
  const second = bookingCard('11:00–13:00');
  await expect(first.getByText('Заявена')).toBeVisible();
  await expect(second.getByText('Заявена')).toBeVisible();
  await first.getByRole('button', { name: 'Потвърди', exact: true }).click();
  let ask = owner.getByRole('dialog', { name: 'Да се потвърди ли резервацията?' });
  await ask.getByRole('button', { name: 'Потвърди', exact: true }).click();
  await expect(ask).toBeHidden();
  await expect(first.getByText('Потвърдена')).toBeVisible();

  // Confirming the overlapping request is refused, naming the booking that holds the time.
  await second.getByRole('button', { name: 'Потвърди', exact: true }).click();
  ask = owner.getByRole('dialog', { name: 'Да се потвърди ли резервацията?' });
  await ask.getByRole('button', { name: 'Потвърди', exact: true }).click();
  const clash = ask.getByRole('alert');
  await expect(clash).toContainText('Времето вече е заето');
  await expect(clash).toContainText(`от ${day} 10:00 до ${day} 12:00`);
  await ask.getByRole('button', { name: 'Отказ' }).click();
  await expect(ask).toBeHidden();
  await expect(second.getByText('Заявена')).toBeVisible();

  // A new request for an overlapping time is refused at once, and the confirmed time is in the calendar.
  await booker.reload();
  dialog = await requestBooking(booker, day, '11:30', '12:30');
  await expect(dialog.getByRole('alert')).toContainText('Времето вече е заето');
  await expect(dialog.getByRole('alert')).toContainText(`от ${day} 10:00 до ${day} 12:00`);
  await expect(dialog.getByText('Заявката е изпратена.', { exact: false })).toBeHidden();
  await booker.keyboard.press('Escape');
  await booker.goto(`${new URL(booker.url()).pathname}?view=week&date=${day}`);
  await expect(booker.getByText('Заето 10:00–12:00').first()).toBeVisible();
  await owner.context().close();
  await booker.context().close();
});

test('a visitor sees only the public teaser of the board: no descriptions, no members-only items', async ({
  browser,
}, testInfo) => {
  const stamp = stampOf(testInfo);
  const publicTitle = `Публична оферта за киберсигурност ${stamp}`;
  const publicDescription = `Подробности само за членове ${stamp}`;
  const membersTitle = `Оферта само за членове ${stamp}`;

  // The demo representative publishes one public and one members-only offer (through the API; the form
  // is exercised by the first journey). A signed-in API client names the site as its Origin.
  const origin = new URL(testInfo.project.use.baseURL ?? '').origin;
  const api = await browser.newContext({ extraHTTPHeaders: { origin } });
  const logIn = await api.request.post('/api/auth/log-in', {
    data: { email: REPRESENTATIVE, password: PASSWORD },
  });
  expect(logIn.ok(), await logIn.text()).toBe(true);
  const session = await (await api.request.get('/api/auth/session')).json();
  const ownId = (session.user.organizations as { id: string; nameBg: string }[]).find(
    (o) => o.nameBg === DIGITAL_SOFIA,
  )!.id;
  const ids: Record<string, string> = {};
  for (const [key, titleBg, visibility] of [
    ['public', publicTitle, 'public'],
    ['members', membersTitle, 'members'],
  ] as const) {
    const created = await api.request.post(`/api/account/organizations/${ownId}/board-items`, {
      data: {
        kind: 'offer',
        type: 'information',
        titleBg,
        descriptionBg: publicDescription,
        areaIds: ['ict-cybersecurity'],
        visibility,
      },
    });
    expect(created.ok(), await created.text()).toBe(true);
    const item = await created.json();
    const published = await api.request.post(
      `/api/account/organizations/${ownId}/board-items/${item.id}/publish`,
      { data: { version: item.version } },
    );
    expect(published.ok(), await published.text()).toBe(true);
    ids[key] = item.id;
  }
  await api.close();

  const visitor = await browser.newContext();
  const page = await visitor.newPage();

  // The cooperation page: the public item's title, type, area and organisation; nothing else.
  await page.goto('/cooperation');
  await expect(page.getByRole('heading', { level: 1, name: 'Борса за сътрудничество' })).toBeVisible();
  const latest = page.getByRole('region', { name: 'Последни публични обявления' });
  const teaser = latest.getByRole('listitem').filter({ hasText: publicTitle });
  await expect(teaser).toBeVisible();
  await expect(teaser.getByText('Информация и експертиза')).toBeVisible();
  await expect(teaser.getByText('Киберсигурност', { exact: true })).toBeVisible();
  await expect(teaser.getByRole('link', { name: DIGITAL_SOFIA })).toBeVisible();
  // The title is text, not a link to the members' page of the item.
  await expect(teaser.getByRole('link', { name: publicTitle })).toHaveCount(0);
  await expect(page.getByText('Описанията и контактите виждат само членовете на клъстера.')).toBeVisible();
  await expect(page.locator('body')).not.toContainText(publicDescription);
  await expect(page.locator('body')).not.toContainText(membersTitle);

  // The home page's teaser: the same, shorter.
  await page.goto('/');
  const home = page.getByRole('region', { name: 'Борса за сътрудничество' });
  await expect(home.getByText(publicTitle)).toBeVisible();
  await expect(home.getByRole('link', { name: DIGITAL_SOFIA }).first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText(publicDescription);
  await expect(page.locator('body')).not.toContainText(membersTitle);

  // The teaser's data carries no description or members-only item either.
  const data = await (await page.request.get('/api/board/public?limit=50')).text();
  expect(data).toContain(publicTitle);
  expect(data).not.toContain(publicDescription);
  expect(data).not.toContain(membersTitle);

  // The board and an item's page are for members: the visitor is sent to log in.
  await page.goto('/board');
  await expect(page).toHaveURL(/\/login\?next=%2Fboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
  await page.goto(`/board/${ids.members}`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.locator('body')).not.toContainText(membersTitle);
  const item = await page.request.get(`/api/board/items/${ids.members}`);
  expect(item.ok()).toBe(false);
  expect(await item.text()).not.toContain(membersTitle);
  await visitor.close();
});
