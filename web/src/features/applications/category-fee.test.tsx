/**
 * Issue 11 C6 (part): the annual fee of each category is shown where the applicant chooses one, as money
 * in the user's language.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/i18n/index.ts';
import { APPLICATION_ID, applicationFixture } from '@/testing/mocks/fixtures/applications.ts';
import { applicationsApi } from '@/testing/mocks/handlers/applications.ts';
import { json } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const rates = {
  year: 2026,
  joinRule: 'pro_rata_month',
  rates: [
    { category: 'regular', amountCents: 50_000, dueOn: '2026-03-31' },
    { category: 'associated', amountCents: 25_050, dueOn: '2026-03-31' },
  ],
};

async function openCategoryStep() {
  const app = renderApp(`/applications/${APPLICATION_ID}`);
  const nav = within(
    await screen.findByRole('navigation', { name: /^(Стъпки на заявлението|Application steps)$/ }),
  );
  await app.user.click(
    await nav.findByRole('button', { name: /(Мотивация и категория|Motivation and category)/ }),
  );
  return app;
}

describe('the category step of the application', () => {
  it('shows the annual fee of each category beside it', async () => {
    applicationsApi({ apps: [applicationFixture()], extra: { '/api/fees/rates': () => json(rates) } });
    await openCategoryStep();
    const regular = await screen.findByRole('radio', { name: /^Редовен член/ });
    expect(await screen.findByText(/^Годишен членски внос за 2026 г\.: 500,00\s€$/)).toBeVisible();
    expect(regular).toHaveAccessibleDescription(/Годишен членски внос за 2026 г\.: 500,00\s€/);
    expect(screen.getByRole('radio', { name: /^Асоцииран член/ })).toHaveAccessibleDescription(
      /Годишен членски внос за 2026 г\.: 250,50\s€/,
    );
  });

  it('shows the fees in English, formatted the English way', async () => {
    applicationsApi({ apps: [applicationFixture()], extra: { '/api/fees/rates': () => json(rates) } });
    await setLanguage('en');
    await openCategoryStep();
    expect(await screen.findByText('Annual fee for 2026: €500.00')).toBeVisible();
    expect(screen.getByText('Annual fee for 2026: €250.50')).toBeVisible();
  });
});
