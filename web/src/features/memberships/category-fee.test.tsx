/**
 * Issue 11 C6 (part): the committee sees the annual fee of the category it is about to choose, as money in
 * the user's language.
 */
import type { MembershipDetail } from '@portal/shared';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { signedIn } from '@/testing/auth-fixtures.ts';
import { noContactsFixture } from '@/testing/fixtures.ts';
import { memberMe } from '@/testing/mocks/fixtures/committee.ts';
import { organizationFeesFixture } from '@/testing/mocks/fixtures/fees.ts';
import { server } from '@/testing/mocks/server.ts';
import { handlersOf, json, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const ID = 'b1000000-0000-4000-8000-000000000001';

// A member's page also reads its fees and history tabs; a test that looks at them answers them itself.
beforeEach(() => {
  server.use(
    ...handlersOf({
      [`/api/account/organizations/${ID}/history`]: () => json({ items: [] }),
    }),
  );
});
const active: MembershipDetail = {
  id: ID,
  nameBg: 'Роботика Пловдив',
  nameEn: 'Robotics Plovdiv',
  eik: '123456789',
  kind: 'company',
  category: 'regular',
  status: 'active',
  memberSince: '2024-01-15',
  version: 1,
  contacts: noContactsFixture,
  representatives: [],
  events: [],
  vote: null,
  availableActions: ['change_category', 'suspend', 'withdraw', 'exclude'],
};
const rates = {
  year: 2026,
  joinRule: 'pro_rata_month',
  rates: [
    { category: 'regular', amountCents: 50_000, dueOn: '2026-03-31' },
    { category: 'engaged', amountCents: 100_000, dueOn: '2026-03-31' },
  ],
};

describe("the committee's category change", () => {
  it('shows the annual fee of the category chosen', async () => {
    stubApi({
      ...signedIn(memberMe),
      [`/api/committee/members/${ID}`]: () => json(active),
      [`/api/account/organizations/${ID}/fees`]: () => json(organizationFeesFixture(ID)),
      '/api/fees/rates': () => json(rates),
    });
    const app = renderApp(`/committee/members/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Промяна на категорията' }));
    const dialog = within(await screen.findByRole('dialog'));
    const select = dialog.getByRole('combobox', { name: 'Нова категория' });
    await app.user.selectOptions(select, 'engaged');
    expect(select).toHaveAccessibleDescription(/^Годишен членски внос за 2026 г\.: 1\s?000,00\s€$/);
    await app.user.selectOptions(select, 'candidate');
    expect(select).toHaveAccessibleDescription('Без членски внос за 2026 г.');
  });
});
