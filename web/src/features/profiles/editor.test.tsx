import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  editableFixture,
  editorUrl,
  historyPath,
  orgId,
  profilePath,
} from '@/testing/mocks/fixtures/my-organization.ts';
import { profileServer } from '@/testing/mocks/handlers/my-organization.ts';
import { problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const textbox = (name: string) => screen.getByRole('textbox', { name });

async function openEditor() {
  const app = renderApp(editorUrl);
  expect(await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' })).toBeVisible();
  return app;
}

async function replace(app: ReturnType<typeof renderApp>, name: string, value: string) {
  const field = textbox(name);
  await app.user.clear(field);
  // Pasted in one input event: typing letter by letter re-renders the whole form per key, which takes
  // seconds per field on a busy machine.
  if (value) await app.user.paste(value);
}

describe('the organisation profile editor', () => {
  it('loads every field with the version it was read at and saves with If-Match, then names the new version', async () => {
    const server = profileServer();
    const app = await openEditor();

    expect(textbox('Наименование на български')).toHaveValue('Пиксел Фабрика');
    expect(textbox('Наименование на английски')).toHaveValue('Pixel Factory');
    expect(textbox('Град')).toHaveValue('Пловдив');
    expect(textbox('Телефон за връзка')).toHaveValue('+359 32 123 456');
    expect(await screen.findByRole('checkbox', { name: 'Компютърни игри' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Изкуствен интелект' })).not.toBeChecked();
    expect(screen.getByText('62.01')).toBeVisible();
    expect(
      within(screen.getByRole('group', { name: 'Какво предлагате' })).getByRole('textbox', {
        name: 'Хора (експерти, стажове, обучение)',
      }),
    ).toHaveValue('Стажове за студенти');
    expect(screen.getByText(/Малко \(10–49 души\)/)).toBeVisible();

    await replace(app, 'Брой служители', '250');
    expect(screen.getByText(/Голямо \(250 и повече души\)/)).toBeVisible();
    await replace(app, 'Град', 'София');
    await app.user.click(screen.getByRole('checkbox', { name: 'Изкуствен интелект' }));
    await app.user.type(
      within(screen.getByRole('group', { name: 'Какво търсите' })).getByRole('textbox', {
        name: 'Съвместни проекти',
      }),
      'Партньори',
    );
    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));

    expect(await screen.findByText('Промените са запазени.')).toBeVisible();
    const [first] = server.puts();
    expect(first?.headers.get('if-match')).toBe('"3"');
    expect(first?.body).toEqual({
      nameBg: 'Пиксел Фабрика',
      nameEn: 'Pixel Factory',
      descriptionBg: editableFixture.descriptionBg,
      descriptionEn: editableFixture.descriptionEn,
      areaIds: ['creative-games', 'ict-software', 'ict-ai'],
      naceCodes: ['62.01', '58.21'],
      employees: 250,
      city: 'София',
      address: 'ул. „Тестова“ 1',
      website: 'https://pixel-factory.example',
      publicEmail: 'hello@pixel-factory.example',
      publicPhone: '+359 32 123 456',
      contactName: 'Елена Контактова',
      contactPosition: 'Управител',
      contactEmail: 'elena@pixel-factory.example',
      contactPhone: '+359 88 765 4321',
      acceptsContact: false,
      offers: { people: 'Стажове за студенти' },
      seeks: { projects: 'Партньори' },
      visibility: editableFixture.visibility,
    });
    expect(server.stored()).toMatchObject({ version: 4, city: 'София', employees: 250 });
    // The next save builds on the version the server answered with.
    await replace(app, 'Адрес', 'бул. „Нов“ 2');
    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));
    await waitFor(() => expect(server.puts()).toHaveLength(2));
    expect(server.puts()[1]?.headers.get('if-match')).toBe('"4"');
    expect(await screen.findByText('Промените са запазени.')).toBeVisible();
    expect(server.stored()).toMatchObject({ version: 5, address: 'бул. „Нов“ 2', city: 'София' });

    // The History tab reads the history afresh, with the new entries.
    await app.user.click(screen.getByRole('link', { name: 'История' }));
    await waitFor(() => expect(server.requestsTo(historyPath).length).toBeGreaterThan(0));
    expect(await screen.findByRole('region', { name: 'История на промените' })).toBeVisible();
  });

  it('edits the contact person and who sees each contact field', async () => {
    const server = profileServer();
    const app = await openEditor();
    const person = within(screen.getByRole('group', { name: 'Лице за контакт' }));
    expect(person.getByRole('textbox', { name: 'Име на лицето за контакт' })).toHaveValue('Елена Контактова');
    // Each contact field has its visibility beside it, named after the field.
    const phoneVisibility = screen.getByRole('combobox', { name: 'Видимост: телефон за връзка' });
    expect(phoneVisibility).toHaveValue('members');
    expect(
      within(phoneVisibility)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Всички', 'Само членовете', 'Само комитетът']);
    await app.user.selectOptions(phoneVisibility, 'public');
    await app.user.selectOptions(
      person.getByRole('combobox', { name: 'Видимост: имейл на лицето за контакт' }),
      'committee',
    );
    await replace(app, 'Длъжност', 'Директор');
    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));
    expect(await screen.findByText('Промените са запазени.')).toBeVisible();
    expect(server.puts()[0]?.body).toMatchObject({
      contactName: 'Елена Контактова',
      contactPosition: 'Директор',
      visibility: {
        ...editableFixture.visibility,
        publicPhone: 'public',
        contactEmail: 'committee',
      },
    });
  });

  it('turns on “accept messages from visitors”, off by default, and saves it (decision 053)', async () => {
    const server = profileServer();
    const app = await openEditor();
    const toggle = screen.getByRole('switch', { name: /^Приемаме съобщения от посетители през портала/ });
    expect(toggle).not.toBeChecked();
    // By keyboard: Tab to it and Space, as a keyboard user would.
    toggle.focus();
    await app.user.keyboard(' ');
    expect(toggle).toBeChecked();
    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));
    expect(await screen.findByText('Промените са запазени.')).toBeVisible();
    expect(server.puts()[0]?.body).toMatchObject({ acceptsContact: true });
    expect(server.stored()).toMatchObject({ acceptsContact: true });
  });

  it('does not send a save without changes', async () => {
    const server = profileServer();
    const app = await openEditor();
    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));
    expect(await screen.findByText('Няма промени за запазване.')).toBeVisible();
    expect(server.puts()).toHaveLength(0);
  });

  it('shows a colleague’s save side by side, re-applies the user’s changes onto it and saves with the new version', async () => {
    const server = profileServer();
    const app = await openEditor();
    await replace(app, 'Град', 'София');
    await replace(app, 'Описание на английски', 'We make games.');
    // Meanwhile a colleague saves another city and a new phone.
    server.colleagueSaves({ city: 'Варна', publicPhone: '+359 52 000 000' });

    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));
    const conflict = within(
      await screen.findByRole('region', {
        name: 'Някой друг е запазил промени, откакто отворихте страницата',
      }),
    );
    // Focus moves in an effect after the panel renders: wait for it.
    await waitFor(() => expect(conflict.getByRole('heading', { level: 2 })).toHaveFocus());
    expect(server.stored()).toMatchObject({ version: 4, city: 'Варна' });

    const row = async (name: string) => within(await conflict.findByRole('listitem', { name }));
    const city = await row('Град');
    expect(city.getByText('София')).toBeVisible();
    expect(city.getByText('Варна')).toBeVisible();
    expect(city.getByText(/Променено от вас/)).toBeVisible();
    const phone = await row('Телефон за връзка');
    expect(phone.getByText('+359 32 123 456')).toBeVisible();
    expect(phone.getByText('+359 52 000 000')).toBeVisible();
    expect(phone.getByText(/Променено от друг/)).toBeVisible();
    expect((await row('Описание на английски')).getByText('We make games.')).toBeVisible();
    // Only the fields that differ are compared.
    expect(conflict.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Запази промените' })).toBeDisabled();

    await app.user.click(
      conflict.getByRole('button', { name: 'Приложи моите промени върху текущата версия' }),
    );
    await waitFor(() => expect(screen.queryByRole('region', { name: /Някой друг/ })).toBeNull());
    await waitFor(() =>
      expect(screen.getByText(/Вашите промени са приложени върху текущата версия/)).toHaveFocus(),
    );
    // The user's changes stay; the colleague's phone is not undone.
    expect(textbox('Град')).toHaveValue('София');
    expect(textbox('Описание на английски')).toHaveValue('We make games.');
    expect(textbox('Телефон за връзка')).toHaveValue('+359 52 000 000');

    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));
    expect(await screen.findByText('Промените са запазени.')).toBeVisible();
    const puts = server.puts();
    expect(puts.map((r) => r.headers.get('if-match'))).toEqual(['"3"', '"4"']);
    expect(puts[1]?.body).toMatchObject({
      city: 'София',
      descriptionEn: 'We make games.',
      publicPhone: '+359 52 000 000',
    });
    expect(server.stored()).toMatchObject({ version: 5, city: 'София', publicPhone: '+359 52 000 000' });
  });

  it('says “you changed this in another window” when the conflicting save was the user’s own (issue 11 C13)', async () => {
    const server = profileServer();
    const app = await openEditor();
    await replace(app, 'Град', 'София');
    server.otherTabSaves({ publicPhone: '+359 52 000 000' });
    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));
    const conflict = within(
      await screen.findByRole('region', {
        name: 'Променили сте профила в друг прозорец или раздел, откакто отворихте тази страница',
      }),
    );
    expect(screen.queryByRole('region', { name: /Някой друг/ })).toBeNull();
    const phone = within(await conflict.findByRole('listitem', { name: 'Телефон за връзка' }));
    expect(phone.getByText(/Променено от вас в друг прозорец/)).toBeVisible();
    expect(phone.queryByText(/Променено от друг/)).toBeNull();
  });

  it('discards the user’s changes only after confirmation and takes the saved values', async () => {
    const server = profileServer();
    const app = await openEditor();
    await replace(app, 'Град', 'София');
    server.colleagueSaves({ city: 'Варна' });
    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));
    const conflict = within(await screen.findByRole('region', { name: /Някой друг е запазил промени/ }));

    await app.user.click(await conflict.findByRole('button', { name: 'Откажи моите промени' }));
    let dialog = await screen.findByRole('dialog', { name: 'Отказ от вашите промени' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Назад' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(textbox('Град')).toHaveValue('София');

    await app.user.click(conflict.getByRole('button', { name: 'Откажи моите промени' }));
    dialog = await screen.findByRole('dialog', { name: 'Отказ от вашите промени' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, откажи промените' }));
    expect(await screen.findByText('Формата показва текущата запазена версия.')).toBeVisible();
    expect(textbox('Град')).toHaveValue('Варна');
    expect(screen.queryByRole('region', { name: /Някой друг/ })).toBeNull();

    // A later save builds on the version taken.
    await replace(app, 'Адрес', 'ул. „Морска“ 3');
    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));
    expect(await screen.findByText('Промените са запазени.')).toBeVisible();
    expect(server.puts().map((r) => r.headers.get('if-match'))).toEqual(['"3"', '"4"']);
    expect(server.stored()).toMatchObject({ city: 'Варна', address: 'ул. „Морска“ 3' });
  });

  it('checks the fields with the shared rules before sending anything', async () => {
    const server = profileServer();
    const app = await openEditor();
    await replace(app, 'Наименование на български', '');
    await replace(app, 'Уебсайт', 'ftp://pixel.example');
    await replace(app, 'Брой служители', 'много');
    await app.user.click(await screen.findByRole('checkbox', { name: 'Компютърни игри' }));
    await app.user.click(screen.getByRole('checkbox', { name: 'Софтуерни продукти' }));
    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));

    expect(textbox('Наименование на български')).toHaveAccessibleDescription('Попълнете полето.');
    expect(textbox('Наименование на български')).toHaveFocus();
    expect(textbox('Уебсайт')).toHaveAccessibleDescription(/започва с http:\/\/ или https:\/\//);
    expect(textbox('Брой служители')).toHaveAccessibleDescription(/Въведете цяло число\./);
    expect(screen.getByText('Изберете поне една.')).toBeVisible();
    expect(server.puts()).toHaveLength(0);
  });

  it('opens a profile on file that predates the rules, and asks for them on save', async () => {
    const server = profileServer({ stored: { areaIds: [], publicPhone: 'тел. 032/123' } });
    const app = await openEditor();
    expect(textbox('Телефон за връзка')).toHaveValue('тел. 032/123');
    await replace(app, 'Град', 'София');
    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));
    expect(await screen.findByText('Изберете поне една.')).toBeVisible();
    expect(textbox('Телефон за връзка')).toHaveAccessibleDescription(/^Въведете телефон само с цифри/);
    expect(server.puts()).toHaveLength(0);
  });

  it('shows the server’s field errors beside their fields', async () => {
    const server = profileServer({
      refuseSave: () =>
        problem(400, 'Невалидни данни', [
          { path: 'body.publicEmail', message: 'Адресът не приема писма.' },
          { path: 'body.offers.people', message: 'Текстът съдържа забранени думи.' },
        ]),
    });
    const app = await openEditor();
    await replace(app, 'Имейл за връзка', 'info@pixel.example');
    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));

    const email = textbox('Имейл за връзка');
    await waitFor(() => expect(email).toHaveAccessibleDescription(/^Адресът не приема писма\./));
    expect(email).toHaveFocus();
    expect(
      within(screen.getByRole('group', { name: 'Какво предлагате' })).getByRole('textbox', {
        name: 'Хора (експерти, стажове, обучение)',
      }),
    ).toHaveAccessibleDescription('Текстът съдържа забранени думи.');
    // Every error is beside its field: no alert above the form.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(server.puts()).toHaveLength(1);
  });

  it('reports a save the server refuses for a missing version (428) as an error, not as a conflict', async () => {
    profileServer({
      refuseSave: () =>
        problem(428, 'Липсва версия на профила', undefined, { code: 'precondition.required' }),
    });
    const app = await openEditor();
    await replace(app, 'Град', 'София');
    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Липсва версия на профила')).toBeVisible();
    expect(screen.queryByRole('region', { name: /Някой друг/ })).toBeNull();
  });

  it('says so when the organisation is not the user’s', async () => {
    profileServer({
      extra: {
        [profilePath]: () =>
          problem(404, 'Организацията не е намерена', undefined, { code: 'organization.not_found' }),
      },
    });
    renderApp(editorUrl);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Организацията не е намерена' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: /Към моите организации/ })).toHaveAttribute(
      'href',
      '/account#organizations',
    );
  });

  it('sends an anonymous visitor to log in first, and back here after', async () => {
    const api = stubApi();
    const app = renderApp(editorUrl);
    await waitFor(() => expect(app.pathname()).toBe('/login'));
    expect(app.searchParams().get('next')).toBe(`/my/organizations/${orgId}`);
    expect(api.requestsTo(profilePath)).toHaveLength(0);
  });
});
