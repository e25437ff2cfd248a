import { type Browser, expect, type Page, test } from '@playwright/test';
import { eik9CheckDigit } from '@portal/shared';

/**
 * The admission journey of issue 4, against the real server with the demo data, in Debian's Chromium:
 * an applicant applies with a PDF → the committee requests a change → the applicant resubmits → three
 * committee members vote → the chair closes → the applicant sees "approved" and the organisation appears
 * in the public directory. The applicant (demo account, English) and the committee (Bulgarian) each use
 * their own browser.
 */
const PASSWORD = 'klaster-demo-2026';
const APPLICANT = 'kandidat@demo.klaster.bg';
const CHAIR = 'predsedatel@demo.klaster.bg';
const VOTERS = ['komitet@demo.klaster.bg', 'komitet2@demo.klaster.bg', 'predstavitel@demo.klaster.bg'];

/** A minimal, well-formed PDF with one page (the upload parses it: decision 015). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // To the account page explicitly: without it, each role lands elsewhere (issue 11 C4).
  await page.goto('/login?next=%2Faccount');
  await page.getByRole('textbox', { name: /^(Имейл|E-?mail)$/ }).fill(email);
  await page.getByRole('textbox', { name: /^(Парола|Password)$/ }).fill(PASSWORD);
  await page.getByRole('button', { name: /^(Влез|Log in)$/ }).click();
  await expect(page).toHaveURL(/\/account$/);
  return page;
}

async function saveAndContinue(page: Page) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The step has been saved.' })).toBeVisible();
}

/** A committee member's page of the application, a confirmed action on it. */
async function committeeAction(page: Page, button: string, confirm: string, fill?: [string, string]) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  if (fill) await dialog.getByLabel(fill[0]).fill(fill[1]);
  await dialog.getByRole('button', { name: confirm }).click();
  await expect(dialog).toBeHidden();
}

test('an organisation applies, is asked for a change, resubmits, is voted in and appears in the directory', async ({
  browser,
  page: publicPage,
}, testInfo) => {
  test.setTimeout(240_000);
  // Each project (desktop, phone) applies with its own organisation on the shared server.
  const first8 = `77${testInfo.project.name === 'phone' ? 2 : 1}${String(Date.now() % 100_000).padStart(5, '0')}`;
  const eik = `${first8}${eik9CheckDigit(first8)}`;
  const name = `Pixel Studio ${testInfo.project.name}`;

  // An administrator makes the demo representative a committee member too, so four members sit on
  // the committee: three votes reach quorum and leave the close to the chair.
  // A signed-in API client must name this site as its Origin, like the portal's pages (decision 024).
  const admin = await browser.newContext({
    extraHTTPHeaders: { origin: new URL(testInfo.project.use.baseURL ?? '').origin },
  });
  const logIn = await admin.request.post('/api/auth/log-in', {
    data: { email: 'admin@demo.klaster.bg', password: PASSWORD },
  });
  expect(logIn.ok()).toBe(true);
  const found = await (await admin.request.get('/api/admin/users?q=predstavitel')).json();
  const rep = found.items[0].id as string;
  expect((await admin.request.put(`/api/admin/users/${rep}/roles/committee_member`)).ok()).toBe(true);
  await admin.close();

  // ---- The applicant fills in the application, step by step, and submits it with a PDF.
  const applicant = await signIn(browser, APPLICANT);
  await applicant.goto('/apply');
  await applicant.getByRole('button', { name: 'Start an application' }).click();
  await expect(applicant).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const applicationUrl = new URL(applicant.url()).pathname;
  const id = applicationUrl.split('/').at(-1)!;

  await applicant.getByLabel('Name in Bulgarian').fill(`Пиксел Студио ${testInfo.project.name}`);
  await applicant.getByLabel('Name in English').fill(name);
  await applicant.getByLabel('UIC/BULSTAT').fill(eik);
  await applicant.getByLabel('Kind of organisation').selectOption('company');
  await applicant.getByLabel('Number of staff').fill('14');
  await expect(applicant.getByText(/Small \(10–49 staff\)/)).toBeVisible();
  await applicant.getByLabel('Year founded').fill('2019');
  await applicant.getByLabel('City').fill('София');
  await applicant.getByLabel('Address').fill('бул. Витоша 1');
  const nace = applicant.getByRole('combobox', { name: 'NACE Rev. 2 activity codes' });
  await nace.fill('62.01');
  await nace.press('Enter');
  await saveAndContinue(applicant);

  await applicant.getByLabel('Position').fill('Managing director');
  await applicant.getByLabel('Phone').fill('+359 2 123 4567');
  await saveAndContinue(applicant);

  await applicant.getByRole('checkbox', { name: 'Software products and services' }).check();
  await saveAndContinue(applicant);

  await applicant
    .getByLabel('Infrastructure (labs, equipment, spaces)')
    .first()
    .fill('A motion-capture studio');
  await applicant
    .getByLabel('People (experts, internships, training)')
    .last()
    .fill('Interns in 3D animation');
  await saveAndContinue(applicant);

  await applicant
    .getByRole('textbox', { name: 'Motivation' })
    .fill('We make games and want to share our studio with the cluster.');
  await applicant.getByRole('radio', { name: /^Regular/ }).check();
  await saveAndContinue(applicant);

  await applicant.getByRole('checkbox', { name: /accepts the cluster’s statute/ }).check();
  await applicant.getByRole('checkbox', { name: /processes the data/ }).check();
  await saveAndContinue(applicant);

  await applicant
    .getByLabel('File (PDF)')
    .setInputFiles({ name: 'registration.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(applicant.getByText('registration.pdf has been attached.')).toBeVisible();
  await applicant.getByRole('button', { name: 'Continue' }).click();
  await expect(applicant.getByText('Every step is complete. You can submit the application.')).toBeVisible();
  await applicant.getByRole('button', { name: 'Submit the application' }).click();
  await expect(
    applicant.getByText('The application is waiting for the committee to start reviewing it.'),
  ).toBeVisible();

  // ---- A committee member starts the review and asks for a change.
  const member = await signIn(browser, VOTERS[0]!);
  await member.goto(`/committee/applications/${id}`);
  await expect(
    member.getByRole('heading', { level: 1, name: new RegExp(`Пиксел Студио ${testInfo.project.name}`) }),
  ).toBeVisible();
  await expect(member.getByRole('link', { name: /registration\.pdf/ })).toBeVisible();
  await committeeAction(member, 'Започни разглеждане', 'Да, започни');
  await committeeAction(member, 'Поискай допълнения', 'Изпрати искането', [
    'Какво трябва да промени заявителят',
    'Моля, добавете уебсайта на организацията.',
  ]);

  // ---- The applicant sees the request, adds the website and submits again.
  await applicant.reload();
  await expect(applicant.getByText('The committee has asked for changes')).toBeVisible();
  await expect(applicant.getByText('Моля, добавете уебсайта на организацията.').first()).toBeVisible();
  await applicant.getByRole('button', { name: /^Organisation/ }).click();
  await applicant.getByLabel('Website').fill('https://pixel.example');
  await saveAndContinue(applicant);
  await applicant.getByRole('button', { name: 'Review and submit' }).click();
  await applicant.getByRole('button', { name: 'Submit again' }).click();
  await expect(applicant.getByText(/The committee is reviewing the application/)).toBeVisible();

  // ---- The chair opens the vote; three members vote for; the chair closes it.
  const chair = await signIn(browser, CHAIR);
  await chair.goto(`/committee/applications/${id}`);
  // The answers show the new website, and the timeline shows the change the applicant made.
  await expect(chair.getByText('https://pixel.example').first()).toBeVisible();
  await expect(chair.getByText(/промени раздел „Организация“/)).toBeVisible();
  await committeeAction(chair, 'Открий гласуване', 'Да, открий');

  for (const email of VOTERS) {
    const voter = email === VOTERS[0] ? member : await signIn(browser, email);
    await voter.goto(`/committee/applications/${id}`);
    await voter.getByRole('radio', { name: 'За', exact: true }).check();
    await voter.getByRole('button', { name: 'Гласувай' }).click();
    await expect(voter.getByText('Гласът ви „За“ е записан.')).toBeVisible();
  }

  await chair.reload();
  await expect(chair.getByText('3 от 4 с право на глас')).toBeVisible();
  await expect(chair.getByText('Кворумът е налице.')).toBeVisible();
  await committeeAction(chair, 'Закрий гласуването', 'Да, закрий');
  await expect(chair.getByText('Заявлението е одобрено: организацията е приета за член.')).toBeVisible();

  // ---- The applicant sees the decision; the public directory lists the new member at once.
  await applicant.reload();
  await expect(
    applicant.getByText('The organisation has been admitted as a member of the cluster.'),
  ).toBeVisible();
  await expect(applicant.getByText(/Decision No\. \d{4}-\d{3}/)).toBeVisible();

  await publicPage.goto(`/members?q=${encodeURIComponent(name)}`);
  await expect(
    publicPage.getByRole('link', { name: `Пиксел Студио ${testInfo.project.name}` }),
  ).toBeVisible();
  await publicPage.goto('/decisions');
  await expect(publicPage.getByText(`Пиксел Студио ${testInfo.project.name}`)).toBeVisible();
});
