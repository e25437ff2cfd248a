import { type Browser, expect, type Page, type TestInfo, test } from '@playwright/test';
import { addDays, todayInSofia } from '@portal/shared';

/**
 * The governance journey of issue 15, against the real server on a fresh embedded database with the demo
 * data: the initiative committee's chair plans a meeting and invites the committee, a member answers, the
 * secretary records the attendance and a decision, the minutes are drafted from the record and approved by
 * the chair, anyone reads them, the decision stands in the register, and the news about the meeting reaches
 * the home page and the RSS feed.
 *
 * The desktop and phone projects share one server and database: titles carry the project's name and the
 * time, and each project meets on its own day.
 */
const PASSWORD = 'klaster-demo-2026';
const CHAIR = 'predsedatel@demo.klaster.bg';
const DEPUTY = 'komitet@demo.klaster.bg';
const SECRETARY = 'komitet2@demo.klaster.bg';

/** A new browser window for one person, signed in through the log-in form, on `next`. */
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

/** The meeting's day: three to four weeks ahead, its own per project. */
function meetingDay(testInfo: TestInfo): string {
  return addDays(todayInSofia(), testInfo.project.name === 'phone' ? 22 : 21);
}

test('a meeting is planned, answered, held with a decision, minuted, approved and published', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const stamp = `${testInfo.project.name} ${Date.now()}`;
  const title = `Заседание ${stamp}`;
  const day = meetingDay(testInfo);
  const [y, m, d] = day.split('-');

  // The chair plans the meeting of the initiative committee and puts an item on its agenda.
  const chair = await signedIn(browser, CHAIR, '/meetings');
  await chair.getByRole('link', { name: 'Ново заседание' }).click();
  await expect(chair.getByRole('heading', { level: 1, name: 'Ново заседание' })).toBeVisible();
  await chair.getByRole('combobox', { name: 'Орган' }).click();
  await chair.getByRole('option', { name: 'Инициативен комитет' }).click();
  await chair.getByRole('textbox', { name: 'Заглавие (на български)' }).fill(title);
  await chair.getByRole('textbox', { name: 'Заглавие (на английски)' }).fill(`Meeting ${stamp}`);
  await chair.getByRole('textbox', { name: 'Дата' }).fill(`${d}.${m}.${y}`);
  await chair.getByRole('textbox', { name: 'Начало (ЧЧ:ММ)' }).fill('10:00');
  await chair.getByRole('textbox', { name: 'Край (ЧЧ:ММ)' }).fill('12:00');
  await chair.getByRole('textbox', { name: 'Място', exact: true }).fill('София Тех Парк, зала 2');
  await chair.getByRole('radio', { name: 'всички' }).check();
  await chair.getByRole('button', { name: 'Запази', exact: true }).click();
  await expect(chair.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(chair).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  const meetingPath = new URL(chair.url()).pathname;

  const item = `План за дейността ${stamp}`;
  await chair.getByRole('button', { name: 'Добави точка' }).click();
  const itemForm = chair.getByRole('form', { name: 'Нова точка' });
  await itemForm.getByRole('textbox', { name: 'Заглавие (на български)' }).fill(item);
  await itemForm.getByRole('button', { name: 'Запази точката' }).click();
  await expect(itemForm).toBeHidden();
  await expect(chair.getByText(item, { exact: true })).toBeVisible();
  await chair.getByRole('button', { name: 'Изпрати поканите' }).click();
  await expect(chair.getByText('Поканите са изпратени.')).toBeVisible();

  // A member of the committee answers the invitation (the page survives a reload with the answer).
  const deputy = await signedIn(browser, DEPUTY, meetingPath);
  await expect(deputy.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await deputy.getByRole('radio', { name: 'Ще присъства' }).check();
  await deputy.getByRole('button', { name: 'Запази отговора' }).click();
  await expect(deputy.getByText('Отговорът е запазен.')).toBeVisible();
  await deputy.reload();
  await expect(deputy.getByRole('radio', { name: 'Ще присъства' })).toBeChecked();

  // The secretary records the attendance and the decision on the item.
  const secretary = await signedIn(browser, SECRETARY, meetingPath);
  await expect(secretary.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const decisionNumber = await holdMeeting(secretary, item);

  // The secretary drafts the minutes from the record; the chair approves them.
  await expect(secretary.getByRole('heading', { level: 3, name: 'Започни протокол' })).toBeVisible();
  await secretary.getByRole('button', { name: 'Попълни от данните на заседанието' }).click();
  const draft = secretary.getByRole('textbox', { name: 'Текст на български (Markdown)' });
  await expect(draft).toHaveValue(new RegExp(decisionNumber));
  await secretary.getByRole('button', { name: 'Запази проекта' }).click();
  await expect(secretary.getByText('Проектът е запазен.')).toBeVisible();

  await chair.reload();
  await chair.getByRole('button', { name: 'Одобри протокола' }).click();
  const approve = chair.getByRole('dialog', { name: 'Одобряване на протокола' });
  await approve.getByRole('button', { name: 'Одобри', exact: true }).click();
  await expect(approve).toBeHidden();
  await expect(chair.getByText(/^Одобрен от /)).toBeVisible();

  // Anyone reads the approved minutes, published for everyone, from the list of public minutes.
  const visitor = await (await browser.newContext({ locale: 'bg-BG' })).newPage();
  await visitor.goto('/governance/minutes');
  await visitor.getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(
    visitor.getByRole('heading', { level: 2, name: 'Протокол от заседание на Инициативен комитет' }),
  ).toBeVisible();
  await expect(visitor.getByText(decisionNumber, { exact: false }).first()).toBeVisible();
  await visitor.reload();
  await expect(visitor.getByText(decisionNumber, { exact: false }).first()).toBeVisible();

  // The decision stands in the register with its number.
  await chair.goto('/decisions');
  await expect(chair.getByText(decisionNumber, { exact: false }).first()).toBeVisible();

  // The news about the meeting: the chair writes it and publishes it now.
  const newsTitle = `Комитетът проведе заседание ${stamp}`;
  await chair.goto('/committee/news/new');
  await chair.getByRole('textbox', { name: 'Заглавие (български)' }).fill(newsTitle);
  await chair.getByRole('textbox', { name: 'Резюме (български)' }).fill('Приехме плана за дейността.');
  await chair
    .getByRole('textbox', { name: 'Текст (български, Markdown)' })
    .fill(`Комитетът прие решение **${decisionNumber}**.`);
  await chair.getByRole('button', { name: 'Запази', exact: true }).click();
  await expect(chair.getByText('Новината е създадена като чернова.')).toBeVisible();
  await chair.getByRole('button', { name: 'Публикувай', exact: true }).click();
  const publish = chair.getByRole('dialog', { name: 'Публикуване на новината' });
  await publish.getByRole('button', { name: 'Публикувай', exact: true }).click();
  await expect(publish).toBeHidden();
  await expect(chair.getByText('Новината е публикувана.')).toBeVisible();

  // A visitor sees it among the latest news on the home page and in the Bulgarian feed.
  await visitor.goto('/');
  await expect(visitor.getByRole('link', { name: newsTitle })).toBeVisible();
  const feed = await visitor.request.get('/api/news/feed/bg');
  expect(feed.headers()['content-type']).toMatch(/xml/);
  expect(await feed.text()).toContain(newsTitle);

  for (const page of [chair, deputy, secretary, visitor]) await page.context().close();
});

/**
 * The secretary records the attendance (the meeting becomes held, with quorum), opens the vote on `item`
 * with a motion, enters the tally and closes it after the confirmation; returns the decision's number.
 */
async function holdMeeting(page: Page, item: string): Promise<string> {
  const attendance = page.getByRole('form', { name: 'Присъствие' });
  await attendance.getByRole('button', { name: 'Отбележи неотбелязаните като присъстващи' }).click();
  await expect(page.getByText('Има кворум — заседанието може да взема решения')).toBeVisible();
  await attendance.getByRole('button', { name: 'Запази присъствието' }).click();
  await expect(page.getByText('Присъствието е записано.')).toBeVisible();
  await expect(page.getByText('Проведено', { exact: true })).toBeVisible();

  const card = page.getByRole('article', { name: new RegExp(item) });
  await card.getByRole('button', { name: 'Открий гласуване' }).click();
  await card
    .getByRole('textbox', { name: 'Предложение за решение (на български)' })
    .fill('Приема плана за дейността.');
  await card.getByRole('radio', { name: 'Резултатът се въвежда от секретаря' }).check();
  await card.getByRole('button', { name: 'Открий', exact: true }).click();
  const tally = card.getByRole('form', { name: 'Резултат от гласуването' });
  await tally.getByRole('textbox', { name: 'За' }).fill('3');
  await tally.getByRole('button', { name: 'Закрий гласуването' }).click();
  const confirm = page.getByRole('dialog', { name: 'Закриване на гласуването' });
  await expect(confirm.getByText('За: 3 · Против: 0 · Въздържал се: 0')).toBeVisible();
  await confirm.getByRole('button', { name: 'Закрий гласуването' }).click();
  await expect(confirm).toBeHidden();
  await expect(card.getByText('Прието', { exact: true })).toBeVisible();
  const decision = card.getByRole('link', { name: /^Решение № / });
  const number = /(\d{4}-\d{3})/.exec((await decision.textContent()) ?? '')?.[1];
  expect(number).toBeDefined();
  return number!;
}
