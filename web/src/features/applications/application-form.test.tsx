import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_ID,
  applicationFixture,
  certificate,
  completeData,
} from '@/testing/mocks/fixtures/applications.ts';
import { applicationsApi } from '@/testing/mocks/handlers/applications.ts';
import { bytesOf } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const url = `/applications/${APPLICATION_ID}`;
const step = (name: string) => screen.findByRole('heading', { level: 2, name });
const stepNav = () => within(screen.getByRole('navigation', { name: 'Стъпки на заявлението' }));

describe('the application form', () => {
  it('saves each step, shows the server’s ЕИК error beside the field, and submits once', async () => {
    const api = applicationsApi({ apps: [applicationFixture()], takenEik: '131071587' });
    const app = renderApp(url);
    await step('Организация');
    const field = (name: string | RegExp) => screen.getByRole('textbox', { name });
    // Pasting is typing without a keystroke per character (keeps this long journey fast).
    const fill = async (element: HTMLElement, text: string) => {
      await app.user.click(element);
      await app.user.paste(text);
    };

    // Saving an empty step sends nothing and says what is missing.
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));
    expect(await screen.findAllByText('Попълнете полето.')).not.toHaveLength(0);
    expect(field(/^Наименование на български/)).toHaveFocus();
    expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);

    await fill(field(/^Наименование на български/), 'Пиксел Фабрика');
    await fill(field(/^Наименование на английски/), 'Pixel Factory');
    await fill(field(/^ЕИК/), '131071587');
    await app.user.selectOptions(screen.getByRole('combobox', { name: /^Вид организация/ }), 'company');
    await fill(field(/^Брой служители/), '42');
    expect(screen.getByText(/Малко \(10–49 души\)/)).toBeVisible();
    await fill(field(/^Година на основаване/), '2014');
    await fill(field(/^Град/), 'Пловдив');
    await fill(field(/^Адрес/), 'ул. „Тестова“ 1');
    await app.user.type(screen.getByRole('combobox', { name: /^Кодове на дейността/ }), '62.01{enter}');
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));

    // The server refuses the ЕИК: its message stands beside the field, which gets the focus.
    const eik = field(/^ЕИК/);
    await waitFor(() => expect(eik).toHaveAccessibleDescription(/вече е член на клъстера/));
    expect(eik).toHaveAttribute('aria-invalid', 'true');
    expect(eik).toHaveFocus();
    const put = api.requests.find((r) => r.method === 'PUT');
    expect(put?.url.pathname).toBe(`/api/applications/${APPLICATION_ID}/sections/organization`);
    expect(put?.body).toEqual({
      nameBg: 'Пиксел Фабрика',
      nameEn: 'Pixel Factory',
      eik: '131071587',
      kind: 'company',
      employees: 42,
      foundedYear: 2014,
      city: 'Пловдив',
      address: 'ул. „Тестова“ 1',
      naceCodes: ['62.01'],
    });

    await app.user.clear(eik);
    await fill(eik, '175074752');
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));

    // On to the contact person, prefilled with the applicant.
    expect(await step('Лице за контакт')).toHaveFocus();
    expect(screen.getByText('Стъпката е запазена.')).toBeVisible();
    expect(stepNav().getByRole('button', { name: /Организация\s*\(попълнена\)/ })).toBeVisible();
    expect(field(/^Име и фамилия/)).toHaveValue('Мария Петрова');
    await fill(field(/^Длъжност/), 'Управител');
    await fill(field(/^Телефон/), '+359 32 123 456');
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));

    await step('Тематични области');
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));
    expect(await screen.findByText('Изберете поне една възможност.')).toBeVisible();
    await app.user.click(await screen.findByRole('checkbox', { name: 'Софтуерни продукти' }));
    expect(screen.getByText('Избрана: 1 област')).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));

    await step('Предлагаме и търсим');
    const offers = within(screen.getByRole('group', { name: 'Какво предлагате' }));
    await fill(offers.getByRole('textbox', { name: /^Хора/ }), 'Стажове');
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));

    await step('Мотивация и категория');
    await fill(field(/^Мотивация/), 'Искаме да работим с другите членове по общи проекти.');
    await app.user.click(screen.getByRole('radio', { name: /^Редовен член/ }));
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));

    await step('Декларации');
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));
    expect(await screen.findAllByText('Приемете декларацията, за да продължите.')).toHaveLength(2);
    await app.user.click(screen.getByRole('checkbox', { name: /приема устава/ }));
    await app.user.click(screen.getByRole('checkbox', { name: /обработвани от клъстера/ }));
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));

    await step('Документи');
    const pdf = new File(['%PDF-1.7 test'], 'udostoverenie.pdf', { type: 'application/pdf' });
    await app.user.upload(screen.getByLabelText(/^Файл \(PDF\)/), pdf);
    expect(await screen.findByRole('link', { name: 'Изтегли udostoverenie.pdf' })).toHaveAttribute(
      'href',
      `/api/applications/${APPLICATION_ID}/documents/d0c00000-0000-4000-8000-000000000100`,
    );
    const upload = api.requests.find((r) => r.url.pathname.endsWith('/documents'));
    expect(upload?.headers.get('content-type')).toBe('application/pdf');
    expect(upload?.url.searchParams.get('kind')).toBe('registration_certificate');
    expect(upload?.url.searchParams.get('filename')).toBe('udostoverenie.pdf');
    expect(upload?.body).toEqual(await bytesOf(pdf));
    await app.user.click(screen.getByRole('button', { name: 'Продължи' }));

    await step('Преглед и подаване');
    expect(screen.getByText('Всички стъпки са попълнени. Можете да подадете заявлението.')).toBeVisible();
    // A double click submits once, even when the second click comes before the button re-renders.
    const submit = screen.getByRole('button', { name: 'Подай заявлението' });
    fireEvent.click(submit);
    fireEvent.click(submit);
    expect(await screen.findByText('Заявлението е подадено. Комитетът ще го разгледа.')).toBeVisible();
    expect(api.requests.filter((r) => r.url.pathname.endsWith('/actions/submit'))).toHaveLength(1);
    expect(screen.getByText('Подадено')).toBeVisible();
    // No longer editable: the answers to read and the history.
    expect(screen.queryByRole('navigation', { name: 'Стъпки на заявлението' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Данни от заявлението' })).toBeVisible();
    expect(
      within(screen.getByRole('region', { name: 'История на заявлението' })).getByText('Чернова → Подадено'),
    ).toBeVisible();
    expect(api.store.get(APPLICATION_ID)?.state).toBe('submitted');
  });

  it('resumes at the first missing step with the saved answers', async () => {
    applicationsApi({
      apps: [
        applicationFixture({
          data: { organization: completeData.organization, contact: completeData.contact },
        }),
      ],
    });
    const app = renderApp(url);
    expect(await step('Тематични области')).toBeVisible();
    expect(screen.getByText('Стъпка 3 от 8')).toBeVisible();
    expect(stepNav().getByRole('button', { name: /Тематични области/ })).toHaveAttribute(
      'aria-current',
      'step',
    );

    await app.user.click(stepNav().getByRole('button', { name: /^Организация/ }));
    await step('Организация');
    expect(screen.getByRole('textbox', { name: /^ЕИК/ })).toHaveValue('131071587');
    expect(screen.getByRole('textbox', { name: /^Брой служители/ })).toHaveValue('42');
  });

  it('adds the accession step for a public authority', async () => {
    const api = applicationsApi({
      apps: [
        applicationFixture({
          data: {
            ...completeData,
            organization: { ...completeData.organization!, kind: 'public_authority' },
          },
        }),
      ],
    });
    const app = renderApp(url);
    expect(await step('Решение за присъединяване')).toBeVisible();
    expect(screen.getByText('Стъпка 7 от 9')).toBeVisible();

    // The council's decision date is typed the Bulgarian way and saved as an ISO day (issue 11 C11).
    await app.user.type(screen.getByRole('textbox', { name: /^Номер на решението/ }), '123/2024');
    const date = await screen.findByLabelText(/^Дата на решението/, { selector: 'input[data-dates-input]' });
    expect(date).toHaveAttribute('placeholder', 'ДД.ММ.ГГГГ');
    await app.user.type(date, '05.03.2024');
    await app.user.type(screen.getByRole('textbox', { name: /^Определен представител/ }), 'Иван Иванов');
    await app.user.type(screen.getByRole('textbox', { name: /^Длъжност на представителя/ }), 'Кмет');
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));
    await waitFor(() =>
      expect(api.requests.find((r) => r.url.pathname.endsWith('/sections/accession'))?.body).toEqual({
        councilDecisionNumber: '123/2024',
        councilDecisionDate: '2024-03-05',
        representativeName: 'Иван Иванов',
        representativePosition: 'Кмет',
      }),
    );
  });

  it('asks for the council decision date when it is missing, beside the field', async () => {
    const api = applicationsApi({
      apps: [
        applicationFixture({
          data: {
            ...completeData,
            organization: { ...completeData.organization!, kind: 'public_authority' },
          },
        }),
      ],
    });
    const app = renderApp(url);
    await step('Решение за присъединяване');
    await app.user.type(screen.getByRole('textbox', { name: /^Номер на решението/ }), '123/2024');
    await app.user.type(screen.getByRole('textbox', { name: /^Определен представител/ }), 'Иван Иванов');
    await app.user.type(screen.getByRole('textbox', { name: /^Длъжност на представителя/ }), 'Кмет');
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));
    const date = await screen.findByLabelText(/^Дата на решението/, { selector: 'input[data-dates-input]' });
    await waitFor(() => expect(date).toHaveAccessibleDescription('Попълнете полето.'));
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveFocus();
    expect(api.requests.filter((r) => r.url.pathname.endsWith('/sections/accession'))).toHaveLength(0);
  });

  it('lists what is missing on the review step, each a way to its step', async () => {
    const api = applicationsApi({
      apps: [
        applicationFixture({ data: { organization: completeData.organization, areas: completeData.areas } }),
      ],
    });
    const app = renderApp(url);
    await step('Лице за контакт');
    await app.user.click(stepNav().getByRole('button', { name: /Преглед и подаване/ }));
    await step('Преглед и подаване');

    const list = within(screen.getByText('Преди да подадете заявлението, попълнете:').parentElement!);
    expect(list.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'лицето за контакт',
      'какво предлагате и търсите',
      'мотивацията и категорията',
      'декларациите',
      'поне един документ',
    ]);

    // The server refuses a submission with gaps too.
    await app.user.click(screen.getByRole('button', { name: 'Подай заявлението' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Заявлението не е попълнено');
    expect(api.store.get(APPLICATION_ID)?.state).toBe('draft');

    await app.user.click(list.getByRole('button', { name: 'декларациите' }));
    expect(await step('Декларации')).toHaveFocus();
  });

  it('refuses a file that is not a PDF before uploading it', async () => {
    const api = applicationsApi({ apps: [applicationFixture({ data: completeData })] });
    renderApp(url);
    await step('Документи');
    const input = screen.getByLabelText(/^Файл \(PDF\)/);
    // (The browser's picker honours `accept`; a drop or "all files" does not, hence the check.)
    fireEvent.change(input, {
      target: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] },
    });
    expect(
      await screen.findByText('Файлът „notes.txt“ не е PDF. Приложете документа като PDF.'),
    ).toBeVisible();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    const big = new File(['x'], 'big.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    fireEvent.change(input, { target: { files: [big] } });
    expect(await screen.findByText('Файлът „big.pdf“ е по-голям от 10 MB.')).toBeVisible();
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('says a mistyped ЕИК check digit does not match, not "enter 9 or 13 digits"', async () => {
    applicationsApi({ apps: [applicationFixture()] });
    const app = renderApp(url);
    await step('Организация');
    const eik = screen.getByRole('textbox', { name: /^ЕИК/ });
    await app.user.type(eik, '175074751');
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));
    await waitFor(() => expect(eik).toHaveAccessibleDescription(/Контролната цифра не съвпада/));
    expect(eik).not.toHaveAccessibleDescription(/9 или 13 цифри\)/);
    await app.user.clear(eik);
    await app.user.type(eik, '1750747');
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));
    await waitFor(() => expect(eik).toHaveAccessibleDescription(/9 или 13 цифри\)/));
  });

  it('refuses a founding year in the future, an unknown КИД code and a one-character motivation', async () => {
    applicationsApi({ apps: [applicationFixture()] });
    const app = renderApp(url);
    await step('Организация');
    const year = screen.getByRole('textbox', { name: /^Година на основаване/ });
    await app.user.type(year, '2099');
    await app.user.type(screen.getByRole('combobox', { name: /^Кодове на дейността/ }), '99.99{enter}');
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));
    await waitFor(() =>
      expect(year).toHaveAccessibleDescription(/Годината на основаване не може да е в бъдещето\./),
    );
    expect(screen.getByText(/Няма такъв код по КИД-2008/)).toBeVisible();

    // The refused values are unsaved edits: leaving the step asks first.
    await app.user.click(stepNav().getByRole('button', { name: /Мотивация/ }));
    const unsaved = await screen.findByRole('dialog', { name: 'Незапазени промени' });
    await app.user.click(within(unsaved).getByRole('button', { name: 'Излез без запазване' }));
    await step('Мотивация и категория');
    const motivation = screen.getByRole('textbox', { name: /^Мотивация/ });
    await app.user.type(motivation, 'x');
    expect(motivation).toHaveAccessibleDescription(/Поне 50 знака; написан е 1 знак\./);
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));
    await waitFor(() =>
      expect(motivation).toHaveAccessibleDescription(/Напишете поне 50 знака \(сега 1\)\./),
    );
  });

  it('shows the server’s "not a PDF" under the upload field, not a bare "invalid data"', async () => {
    applicationsApi({ apps: [applicationFixture({ data: completeData })] });
    const app = renderApp(url);
    await step('Документи');
    const input = screen.getByLabelText(/^Файл \(PDF\)/);
    await app.user.upload(input, new File(['<html>%PDF-</html>'], 'fake.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(input).toHaveAccessibleDescription(/Файлът не е PDF документ\./));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveFocus();
    expect(screen.queryByRole('alert', { name: /Невалидни данни/ })).toBeNull();
  });

  it('removes a document only after confirmation', async () => {
    const api = applicationsApi({
      apps: [applicationFixture({ data: completeData, documents: [certificate] })],
    });
    const app = renderApp(url);
    await step('Преглед и подаване');
    await app.user.click(stepNav().getByRole('button', { name: /Документи/ }));
    await step('Документи');

    await app.user.click(screen.getByRole('button', { name: 'Премахни udostoverenie.pdf' }));
    let dialog = await screen.findByRole('dialog', { name: 'Премахване на документ' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);

    await app.user.click(screen.getByRole('button', { name: 'Премахни udostoverenie.pdf' }));
    dialog = await screen.findByRole('dialog', { name: 'Премахване на документ' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, премахни' }));
    expect(await screen.findByText('Документът е премахнат.')).toBeVisible();
    expect(screen.getByText('Все още няма приложени документи.')).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requests.filter((r) => r.method === 'DELETE').map((r) => r.url.pathname)).toEqual([
      `/api/applications/${APPLICATION_ID}/documents/${certificate.id}`,
    ]);
    expect(stepNav().getByRole('button', { name: /Документи\s*\(за попълване\)/ })).toBeVisible();
  });
});

describe('the application form keeps the applicant’s place and edits (issue 11 C3)', () => {
  it('puts the step in the URL, so Back returns to the previous step and a reload opens the same one', async () => {
    applicationsApi({ apps: [applicationFixture({ data: completeData })] });
    const app = renderApp(url);
    await step('Документи');
    await app.user.click(stepNav().getByRole('button', { name: /^Организация/ }));
    expect(await step('Организация')).toHaveFocus();
    expect(app.searchParams().get('step')).toBe('organization');
    await app.user.click(stepNav().getByRole('button', { name: /^Мотивация/ }));
    await step('Мотивация и категория');
    expect(app.searchParams().get('step')).toBe('motivation');

    await app.router.navigate(-1);
    await step('Организация');
    expect(app.pathname()).toBe(url);
    await app.router.navigate(-1);
    await step('Документи');
    await app.router.navigate(1);
    await step('Организация');
    app.unmount();

    // A reload (a fresh start at the same address) opens that step, not the first one missing.
    renderApp(`${url}?step=offers`);
    expect(await step('Предлагаме и търсим')).toBeVisible();
    expect(stepNav().getByRole('button', { name: /^Предлагаме и търсим/ })).toHaveAttribute(
      'aria-current',
      'step',
    );
  });

  it('asks before leaving a step with unsaved edits, by the step list or a link', async () => {
    const api = applicationsApi({ apps: [applicationFixture({ data: completeData })] });
    const app = renderApp(`${url}?step=organization`);
    await step('Организация');
    const city = screen.getByRole('textbox', { name: /^Град/ });
    await app.user.clear(city);
    await app.user.type(city, 'Варна');

    // Another step: asked; staying keeps the edit.
    await app.user.click(stepNav().getByRole('button', { name: /^Лице за контакт/ }));
    let dialog = await screen.findByRole('dialog', { name: 'Незапазени промени' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('heading', { level: 2, name: 'Организация' })).toBeVisible();
    expect(screen.getByRole('textbox', { name: /^Град/ })).toHaveValue('Варна');
    expect(app.searchParams().get('step')).toBe('organization');

    // A link out of the application: asked too; leaving goes there and saves nothing.
    await app.user.click(screen.getByRole('link', { name: 'Към моите заявления' }));
    dialog = await screen.findByRole('dialog', { name: 'Незапазени промени' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Излез без запазване' }));
    await waitFor(() => expect(app.pathname()).toBe('/apply'));
    expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('moves on without asking once the step is saved, or when nothing was changed', async () => {
    applicationsApi({ apps: [applicationFixture({ data: completeData })] });
    const app = renderApp(`${url}?step=organization`);
    await step('Организация');
    await app.user.click(stepNav().getByRole('button', { name: /^Тематични области/ }));
    await step('Тематични области');
    await app.user.click(stepNav().getByRole('button', { name: /^Организация/ }));
    await step('Организация');
    const city = screen.getByRole('textbox', { name: /^Град/ });
    await app.user.clear(city);
    await app.user.type(city, 'Варна');
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));
    expect(await step('Лице за контакт')).toHaveFocus();
    expect(screen.getByText('Стъпката е запазена.')).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('deletes a draft after a confirmation and goes back to the applications', async () => {
    const api = applicationsApi({ apps: [applicationFixture({ data: completeData })] });
    const app = renderApp(url);
    await step('Документи');
    expect(screen.queryByRole('button', { name: 'Оттегли заявлението' })).toBeNull();
    await app.user.click(screen.getByRole('button', { name: 'Изтрий черновата' }));
    let dialog = await screen.findByRole('dialog', { name: 'Изтриване на черновата' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);

    await app.user.click(screen.getByRole('button', { name: 'Изтрий черновата' }));
    dialog = await screen.findByRole('dialog', { name: 'Изтриване на черновата' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, изтрий' }));
    await waitFor(() => expect(app.pathname()).toBe('/apply'));
    expect(await screen.findByText('Черновата е изтрита.')).toBeVisible();
    expect(await screen.findByText('Все още нямате заявления.')).toBeVisible();
    expect(api.requests.filter((r) => r.method === 'DELETE').map((r) => r.url.pathname)).toEqual([
      `/api/applications/${APPLICATION_ID}`,
    ]);
  });
});
