import { CONTACT_FIELD_DEFAULTS } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/i18n/index.ts';
import { committeeMe, organizationFeesFixture } from '@/testing/mocks/fixtures/fees.ts';
import { orgId } from '@/testing/mocks/fixtures/my-organization.ts';
import { feesApi } from '@/testing/mocks/handlers/fees.ts';
import { profileServer } from '@/testing/mocks/handlers/my-organization.ts';
import { json } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';
import { centsToInput, formatMoney, parseEuros } from './money.ts';

const RATES = '/api/admin/fees/rates';
const LIST = '/api/committee/fees';
const PAYMENTS = '/api/committee/fees/payments';

describe('money', () => {
  it('formats euro cents per language and reads typed euro amounts as whole cents', () => {
    expect(formatMoney(125_050, 'bg')).toMatch(/^1\s?250,50\s€$/);
    expect(formatMoney(125_050, 'en')).toBe('€1,250.50');
    expect(parseEuros('500')).toBe(50_000);
    expect(parseEuros('250,5')).toBe(25_050);
    expect(parseEuros(' 1 250.05 € ')).toBe(125_005);
    for (const bad of ['', '-5', '1,234.56', '2.505', 'abc']) expect(parseEuros(bad)).toBeNull();
    expect(centsToInput(25_050, 'bg')).toBe('250,50');
    expect(centsToInput(50_000, 'en')).toBe('500');
  });
});

describe('the annual fees in the administration', () => {
  it('shows the rates of a year per category and saves a change in cents', async () => {
    const api = feesApi();
    const app = renderApp('/admin/fees?year=2026');
    const section = within(await screen.findByRole('region', { name: 'Членски внос за 2026 г.' }));
    const regular = await section.findByRole('textbox', { name: 'Редовен член: Сума (EUR)' });
    expect(regular).toHaveValue('500');
    expect(section.getByRole('textbox', { name: 'Асоцииран член: Сума (EUR)' })).toHaveValue('250,50');
    expect(section.getByRole('textbox', { name: 'Кандидат: Сума (EUR)' })).toHaveValue('');
    expect(section.getByLabelText('Редовен член: Срок за плащане')).toHaveValue('31.03.2026');

    await app.user.clear(regular);
    await app.user.type(regular, '600,25');
    await app.user.click(section.getByRole('button', { name: 'Запази членския внос' }));
    expect(await section.findByText('Членският внос за 2026 г. е запазен.')).toBeVisible();
    expect(api.sent('/api/admin/fees/rates/2026', 'PUT').map((r) => r.body)).toEqual([
      {
        rates: [
          { category: 'regular', amountCents: 60_025, dueOn: '2026-03-31' },
          { category: 'associated', amountCents: 25_050, dueOn: '2026-03-31' },
        ],
      },
    ]);
    // The administration menu links here.
    const nav = screen.getByRole('navigation', { name: 'Раздели на администрацията' });
    expect(within(nav).getByRole('link', { name: 'Членски внос' })).toHaveAttribute('aria-current', 'page');
  });

  it('groups the two fields of each category under its name with visible labels, so a phone stacks them instead of cutting a table column (issue 11 C12)', async () => {
    feesApi();
    renderApp('/admin/fees?year=2026');
    const section = within(await screen.findByRole('region', { name: 'Членски внос за 2026 г.' }));
    const regular = within(await section.findByRole('group', { name: 'Редовен член' }));
    expect(regular.getByRole('textbox', { name: 'Редовен член: Сума (EUR)' })).toHaveValue('500');
    expect(regular.getByLabelText('Редовен член: Срок за плащане')).toHaveValue('31.03.2026');
    expect(regular.getByText('Сума (EUR)')).toBeVisible();
    expect(regular.getByText('Срок за плащане')).toBeVisible();
    expect(section.queryByRole('table')).toBeNull();
    expect(section.getAllByRole('group')).toHaveLength(4);
  });

  it('saves how the year a member joins is charged (issue 11 B3)', async () => {
    const api = feesApi();
    const app = renderApp('/admin/fees?year=2026');
    const section = within(await screen.findByRole('region', { name: 'Внос в годината на приемане' }));
    const proRata = await section.findByRole('radio', { name: /Пропорционално по месеци/ });
    expect(proRata).toBeChecked();
    const save = section.getByRole('button', { name: 'Запази правилото' });
    expect(save).toBeDisabled();
    await app.user.click(section.getByRole('radio', { name: /За цялата година/ }));
    await app.user.click(save);
    expect(await section.findByText('Правилото за годината на приемане е запазено.')).toBeVisible();
    expect(api.sent('/api/admin/fees/settings', 'PUT').map((r) => r.body)).toEqual([
      { joinRule: 'full_year' },
    ]);
    // The rates are read again with the new rule.
    await waitFor(() => expect(section.getByRole('radio', { name: /За цялата година/ })).toBeChecked());
    expect(api.requestsTo(RATES).length).toBeGreaterThan(1);
  });

  it('refuses an amount that is not euro and a missing due date beside their fields, sending nothing', async () => {
    const api = feesApi();
    const app = renderApp('/admin/fees?year=2026');
    const section = within(await screen.findByRole('region', { name: 'Членски внос за 2026 г.' }));
    const candidate = await section.findByRole('textbox', { name: 'Кандидат: Сума (EUR)' });
    await app.user.type(candidate, '12,345');
    await app.user.click(section.getByRole('button', { name: 'Запази членския внос' }));
    expect(await section.findByText('Въведете сума в евро, например 500 или 250,50.')).toBeVisible();
    expect(section.getByText('Изберете срок за плащане.')).toBeVisible();
    expect(candidate).toHaveAttribute('aria-invalid', 'true');
    expect(candidate).toHaveFocus();
    expect(api.sent('/api/admin/fees/rates/2026', 'PUT')).toHaveLength(0);
  });

  it('switches the year, and a year without rates shows empty fields', async () => {
    const api = feesApi();
    const app = renderApp('/admin/fees?year=2026');
    await screen.findByRole('region', { name: 'Членски внос за 2026 г.' });
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Година' }), '2027');
    const section = within(await screen.findByRole('region', { name: 'Членски внос за 2027 г.' }));
    expect(await section.findByRole('textbox', { name: 'Редовен член: Сума (EUR)' })).toHaveValue('');
    expect(app.searchParams().get('year')).toBe('2027');
    expect(api.requestsTo(RATES).some((r) => r.url.searchParams.get('year') === '2027')).toBe(true);
  });
});

describe('the annual fees for the committee', () => {
  const openList = async (url = '/committee/fees?year=2026') => {
    const api = feesApi({ me: committeeMe });
    const app = renderApp(url);
    const results = within(await screen.findByRole('region', { name: /3 члена/ }));
    await results.findByRole('heading', { name: 'Дигитална София' });
    return { api, app, results };
  };
  const card = (name: string) => screen.getByRole('article', { name });

  it('lists the members with due, paid and status, suspended ones marked', async () => {
    await openList();
    const paid = within(card('Дигитална София'));
    expect(paid.getByText('Платен', { selector: '.mantine-Badge-label' })).toBeVisible();
    expect(paid.getAllByText(/^500,00\s€$/)).toHaveLength(2);
    expect(paid.getByText(/20 януари 2026 г\. · 500,00\s€ · ПН-2026-001/)).toBeVisible();
    expect(within(card('Пиксел Фабрика')).getByText('Просрочен')).toBeVisible();
    const suspended = within(card('Облачни Решения'));
    expect(suspended.getByText('Спряно членство')).toBeVisible();
    expect(suspended.getByText('Неплатен')).toBeVisible();
    expect(suspended.getByText('Няма записани плащания.')).toBeVisible();
  });

  it('filters to the overdue members through the URL and the API', async () => {
    const { api, app } = await openList();
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Състояние' }), 'overdue');
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Дигитална София' })).toBeNull());
    expect(card('Пиксел Фабрика')).toBeVisible();
    expect(app.searchParams().get('status')).toBe('overdue');
    expect(api.requestsTo(LIST).at(-1)?.url.searchParams.get('status')).toBe('overdue');
    expect(await screen.findByRole('heading', { name: '1 член' })).toBeVisible();
  });

  it('records a payment in a modal, prefilled with what is left to pay', async () => {
    const { api, app } = await openList();
    await app.user.click(
      within(card('Облачни Решения')).getByRole('button', { name: 'Запиши плащане от Облачни Решения' }),
    );
    const dialog = within(await screen.findByRole('dialog', { name: 'Плащане на членски внос' }));
    expect(dialog.getByRole('textbox', { name: /Сума \(EUR\)/ })).toHaveValue('500');
    await app.user.type(dialog.getByRole('textbox', { name: /Основание/ }), 'ПН-2026-003');
    const date = await dialog.findByLabelText(/Дата на плащане/, { selector: 'input[data-dates-input]' });
    await app.user.clear(date);
    await app.user.type(date, '10.02.2026');
    await app.user.click(dialog.getByRole('button', { name: 'Запиши плащането' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Плащането е записано.')).toBeVisible();
    expect(api.sent(PAYMENTS, 'POST').map((r) => r.body)).toEqual([
      {
        organizationId: '0b6c3f5e-0000-4000-8000-000000000003',
        year: 2026,
        amountCents: 50_000,
        paidOn: '2026-02-10',
        reference: 'ПН-2026-003',
      },
    ]);
    expect(await within(card('Облачни Решения')).findByText('Платен')).toBeVisible();
  });

  it('shows a reference already recorded beside the reference field, and a bad amount before sending', async () => {
    const { api, app } = await openList();
    await app.user.click(
      within(card('Облачни Решения')).getByRole('button', { name: 'Запиши плащане от Облачни Решения' }),
    );
    const dialog = within(await screen.findByRole('dialog', { name: 'Плащане на членски внос' }));
    const amount = dialog.getByRole('textbox', { name: /Сума \(EUR\)/ });
    await app.user.clear(amount);
    await app.user.type(amount, '0');
    await app.user.type(dialog.getByRole('textbox', { name: /Основание/ }), 'ПН-2026-001');
    await app.user.click(dialog.getByRole('button', { name: 'Запиши плащането' }));
    expect(
      await dialog.findByText('Въведете сума в евро, по-голяма от нула, например 500 или 250,50.'),
    ).toBeVisible();
    expect(api.sent(PAYMENTS, 'POST')).toHaveLength(0);

    await app.user.clear(amount);
    await app.user.type(amount, '100');
    await app.user.click(dialog.getByRole('button', { name: 'Запиши плащането' }));
    const reference = dialog.getByRole('textbox', { name: /Основание/ });
    await waitFor(() => expect(reference).toHaveAttribute('aria-invalid', 'true'));
    expect(
      dialog.getByText('Плащане с основание „ПН-2026-001“ вече е записано за тази организация.'),
    ).toBeVisible();
    expect(reference).toHaveFocus();
    expect(api.sent(PAYMENTS, 'POST')).toHaveLength(1);
  });

  it('deletes a payment only after confirmation', async () => {
    const { api, app } = await openList();
    const paid = within(card('Дигитална София'));
    await app.user.click(paid.getByRole('button', { name: 'Изтрий плащането ПН-2026-001' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Изтриване на плащане' }));
    // The modal fades in: wait for its transition to end.
    await waitFor(() =>
      expect(dialog.getByText(/„ПН-2026-001“ \(500,00\s€, 20 януари 2026 г\.\)/)).toBeVisible(),
    );
    await app.user.click(dialog.getByRole('button', { name: 'Отказ' }));
    expect(api.requestsTo('/api/committee/fees/payments/f0000000-0000-4000-8000-000000000001')).toHaveLength(
      0,
    );

    await app.user.click(paid.getByRole('button', { name: 'Изтрий плащането ПН-2026-001' }));
    const again = within(await screen.findByRole('dialog', { name: 'Изтриване на плащане' }));
    await app.user.click(again.getByRole('button', { name: 'Изтрий плащането' }));
    expect(await screen.findByText('Плащането е изтрито.')).toBeVisible();
    expect(
      api
        .requestsTo('/api/committee/fees/payments/f0000000-0000-4000-8000-000000000001')
        .map((r) => r.method),
    ).toEqual(['DELETE']);
    expect(await within(card('Дигитална София')).findByText('Неплатен')).toBeVisible();
  });

  it('is in English too, with euro amounts formatted the English way', async () => {
    feesApi({ me: committeeMe });
    await setLanguage('en');
    renderApp('/committee/fees?year=2026');
    const paid = within(await screen.findByRole('article', { name: 'Digital Sofia' }));
    expect(paid.getAllByText('€500.00')).toHaveLength(2);
    expect(paid.getByText('Paid')).toBeVisible();
    expect(screen.getByRole('heading', { name: '3 members' })).toBeVisible();
  });
});

describe("a member's own fees tab", () => {
  const FEES = `/api/account/organizations/${orgId}/fees`;
  // The profile on file as the layout reads it (the contact person and visibility of issue 5 included).
  const stored = {
    contactName: null,
    contactPosition: null,
    contactEmail: null,
    contactPhone: null,
    visibility: CONTACT_FIELD_DEFAULTS,
  };

  it('shows each year with its status, amounts, due date and payments', async () => {
    profileServer({ stored, extra: { [FEES]: () => json(organizationFeesFixture(orgId)) } });
    renderApp(`/my/organizations/${orgId}/fees`);
    const y2026 = within(await screen.findByRole('article', { name: '2026 г.' }));
    expect(y2026.getByText('Частично платен')).toBeVisible();
    expect(y2026.getByText(/^500,00\s€$/)).toBeVisible();
    expect(y2026.getByText(/^Остават 300,00\s€$/)).toBeVisible();
    expect(y2026.getByText(/25 януари 2026 г\. · 200,00\s€ · ПН-2026-002/)).toBeVisible();
    expect(y2026.getByText('31 март 2026 г.')).toBeVisible();
    const y2025 = within(screen.getByRole('article', { name: '2025 г.' }));
    expect(y2025.getByText('Просрочен')).toBeVisible();
    expect(y2025.getByText('Няма записани плащания.')).toBeVisible();
  });

  it('shows an overpayment as credit carried to the next year, and counts the credit in as paid (issue 11 B4)', async () => {
    const fees = organizationFeesFixture(orgId);
    fees.years[1] = { ...fees.years[1]!, paidCents: 60_000, creditCents: 15_000, status: 'paid' };
    fees.years[0] = { ...fees.years[0]!, creditInCents: 15_000 };
    profileServer({ stored, extra: { [FEES]: () => json(fees) } });
    renderApp(`/my/organizations/${orgId}/fees`);
    const y2025 = within(await screen.findByRole('article', { name: '2025 г.' }));
    expect(y2025.getByText(/^Надплатено: 150,00\s€ се прехвърлят за следващата година\.$/)).toBeVisible();
    const y2026 = within(screen.getByRole('article', { name: '2026 г.' }));
    expect(y2026.getByText('Надплатено от предходни години')).toBeVisible();
    expect(y2026.getByText(/^150,00\s€$/)).toBeVisible();
    expect(y2026.getByText(/^Остават 150,00\s€$/)).toBeVisible();
  });

  it('says so when no fee has been set for the organisation', async () => {
    profileServer({
      stored,
      extra: {
        [FEES]: () =>
          json({
            organizationId: orgId,
            category: 'regular',
            membershipStatus: 'active',
            years: [],
            creditCents: 0,
          }),
      },
    });
    renderApp(`/my/organizations/${orgId}/fees`);
    expect(await screen.findByText('Няма определен членски внос')).toBeVisible();
  });

  it('shows the fees in English', async () => {
    profileServer({ stored, extra: { [FEES]: () => json(organizationFeesFixture(orgId)) } });
    await setLanguage('en');
    renderApp(`/my/organizations/${orgId}/fees`);
    const y2026 = within(await screen.findByRole('article', { name: '2026' }));
    expect(y2026.getByText('Partly paid')).toBeVisible();
    expect(y2026.getByText('€300.00 left to pay')).toBeVisible();
  });
});
