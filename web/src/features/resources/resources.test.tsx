import type { Booking, SharedResource } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { orgId } from '@/testing/mocks/fixtures/my-organization.ts';
import { profileServer } from '@/testing/mocks/handlers/my-organization.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const RESOURCE_ID = 'c1000000-0000-4000-8000-000000000001';
const OWNER_ID = 'c2000000-0000-4000-8000-000000000002';
const BOOKING_ID = 'c3000000-0000-4000-8000-000000000003';
const workdays = [0, 1, 2, 3, 4].map(() => ({ opens: '09:00', closes: '18:00' }));

const resource: SharedResource = {
  id: RESOURCE_ID,
  organizationId: OWNER_ID,
  organizationNameBg: 'Звук и образ ООД',
  organizationNameEn: 'Sound and Vision Ltd',
  kind: 'studio',
  nameBg: 'Звукозаписно студио',
  nameEn: 'Recording studio',
  descriptionBg: 'Акустично третирана зала.',
  descriptionEn: 'An acoustically treated room.',
  location: 'София, ул. „Шипка“ 6',
  capacity: 4,
  conditions: 'fee',
  feeCents: 2500,
  feeUnit: 'hour',
  whoMayBook: 'members',
  minNoticeHours: 0,
  maxBookingHours: 4,
  openingHours: [...workdays, null, null],
  active: true,
  version: 1,
  updatedAt: '2026-03-01T10:00:00.000Z',
};

/** Wednesday 25 March 2026, 09:00–11:00 Sofia time (UTC+2 before the change on the 29th). */
const entry = {
  id: BOOKING_ID,
  resourceId: RESOURCE_ID,
  startsAt: '2026-03-25T07:00:00.000Z',
  endsAt: '2026-03-25T09:00:00.000Z',
};

function resourceApi(extra: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    ...extra,
    ...signedIn(meFixture()),
    [`/api/resources/${RESOURCE_ID}`]: () => json(resource),
    [`/api/resources/${RESOURCE_ID}/photos`]: () => json({ items: [] }),
    [`/api/resources/${RESOURCE_ID}/calendar`]: () => json({ items: [entry] }),
  });
}

describe('a shared resource', () => {
  it('shows the description in the viewer language, the fee in euro and the opening hours, Monday first', async () => {
    resourceApi();
    renderApp(`/resources/${RESOURCE_ID}?view=week&date=2026-03-25`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Звукозаписно студио' })).toBeVisible();
    expect(screen.getByText('Акустично третирана зала.')).toBeVisible();
    expect(screen.getByText(/Срещу заплащане: 25,00\s€ на час/)).toBeVisible();
    const hours = screen.getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(hours[0]).toBe('пн');
    expect(hours[6]).toBe('нд');
  });

  it('puts a confirmed booking on its day and hours in the week view, and on its day in the month view', async () => {
    resourceApi();
    const app = renderApp(`/resources/${RESOURCE_ID}?view=week&date=2026-03-25`);
    const wednesday = await screen.findByRole('region', { name: /сряда, 25 март 2026/ });
    const booked = await within(wednesday).findByText('Заето 09:00–11:00');
    expect(booked.closest('li')).toHaveAttribute('data-slot', '09:00-11:00');
    // Its neighbours are free.
    expect(
      within(screen.getByRole('region', { name: /вторник, 24 март 2026/ })).queryByText(/Заето/),
    ).toBeNull();
    expect(screen.getByText('пн, 23.03 – нд, 29.03')).toBeVisible();

    await app.user.click(screen.getByRole('radio', { name: 'Месец' }));
    await waitFor(() => expect(app.searchParams().get('view')).toBe('month'));
    const day = await screen.findByRole('region', { name: /сряда, 25 март 2026/ });
    expect(await within(day).findByText('Заето 09:00–11:00')).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: /четвъртък, 26 март 2026/ })).queryByText(/Заето/),
    ).toBeNull();
  });

  it('checks a booking request with the shared rules, in Bulgarian, beside each field, and sends nothing', async () => {
    const api = resourceApi();
    const app = renderApp(`/resources/${RESOURCE_ID}?view=week&date=2031-03-05`);
    await app.user.click(await screen.findByRole('button', { name: 'Заявка за резервация' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Заявка за резервация' }));
    const from = dialog.getByLabelText(/^От/);
    const to = dialog.getByLabelText(/^До/);

    await app.user.clear(from);
    await app.user.type(from, '12:00');
    await app.user.clear(to);
    await app.user.type(to, '11:00');
    await app.user.click(dialog.getByRole('button', { name: 'Изпрати заявката' }));
    expect(await dialog.findByText('Краят трябва да е след началото.')).toBeVisible();
    expect(to).toHaveAttribute('aria-invalid', 'true');

    await app.user.clear(from);
    await app.user.type(from, '17:00');
    await app.user.clear(to);
    await app.user.type(to, '22:00');
    await app.user.click(dialog.getByRole('button', { name: 'Изпрати заявката' }));
    expect(
      await dialog.findByText('Времето е извън работното време на ресурса или преминава в следващия ден.'),
    ).toBeVisible();
    expect(await dialog.findByText('Една резервация може да е най-много 4 часа.')).toBeVisible();

    const date = dialog.getByLabelText(/^Дата/);
    await app.user.clear(date);
    await app.user.type(date, '08.01.2020');
    await app.user.click(dialog.getByRole('button', { name: 'Изпрати заявката' }));
    expect(await dialog.findByText('Началото е в миналото.')).toBeVisible();
    expect(api.sent(`/api/resources/${RESOURCE_ID}/bookings`, 'POST')).toHaveLength(0);
  });

  it('shows a clash with a confirmed booking, naming its time', async () => {
    const api = resourceApi({
      [`/api/resources/${RESOURCE_ID}/bookings`]: () =>
        problem(409, 'Времето вече е заето', undefined, {
          code: 'booking.clash',
          detail:
            'Ресурсът вече е резервиран от 2031-03-05 10:00 до 2031-03-05 12:00 (потвърдена резервация). Изберете друго време.',
        }),
    });
    const app = renderApp(`/resources/${RESOURCE_ID}?view=week&date=2031-03-05`);
    await app.user.click(await screen.findByRole('button', { name: 'Заявка за резервация' }));
    const dialog = within(await screen.findByRole('dialog'));
    await app.user.clear(dialog.getByLabelText(/^От/));
    await app.user.type(dialog.getByLabelText(/^От/), '11:00');
    await app.user.clear(dialog.getByLabelText(/^До/));
    await app.user.type(dialog.getByLabelText(/^До/), '13:00');
    await app.user.click(dialog.getByRole('button', { name: 'Изпрати заявката' }));
    const alert = await dialog.findByRole('alert');
    expect(alert).toHaveTextContent('Времето вече е заето');
    expect(alert).toHaveTextContent('от 2031-03-05 10:00 до 2031-03-05 12:00');
    expect(api.sent(`/api/resources/${RESOURCE_ID}/bookings`, 'POST').map((r) => r.body)).toEqual([
      {
        organizationId: orgId,
        // 11:00 and 13:00 in Sofia on 5 March (UTC+2).
        startsAt: '2031-03-05T09:00:00.000Z',
        endsAt: '2031-03-05T11:00:00.000Z',
      },
    ]);
  });
});

describe("an organisation's bookings", () => {
  const booking = (overrides: Partial<Booking> = {}): Booking => ({
    id: BOOKING_ID,
    resourceId: RESOURCE_ID,
    resourceNameBg: 'Нашата лаборатория',
    resourceNameEn: 'Our lab',
    ownerOrganizationId: orgId,
    organizationId: OWNER_ID,
    organizationNameBg: 'Звук и образ ООД',
    organizationNameEn: 'Sound and Vision Ltd',
    startsAt: '2031-03-05T08:00:00.000Z',
    endsAt: '2031-03-05T10:00:00.000Z',
    status: 'requested',
    reason: null,
    createdAt: '2031-03-01T08:00:00.000Z',
    updatedAt: '2031-03-01T08:00:00.000Z',
    ...overrides,
  });
  const extra = (items: Booking[]) => ({
    [`/api/account/organizations/${orgId}/bookings`]: () => json({ items }),
    '/api/resources': () => json({ items: [] }),
    [`/api/account/organizations/${orgId}/calendar-feed`]: (_url: URL, request: { method: string }) =>
      request.method === 'POST'
        ? json(
            {
              url: `http://localhost/api/calendar-feeds/organizations/${orgId}/bookings.ics?token=secret-token-1234567890`,
              createdAt: '2031-03-01T08:00:00.000Z',
            },
            201,
          )
        : json({ active: false, createdAt: null }),
    [`/api/bookings/${BOOKING_ID}/confirm`]: () => json(booking({ status: 'confirmed' })),
    [`/api/bookings/${BOOKING_ID}/decline`]: () => json(booking({ status: 'declined', reason: 'Ремонт' })),
  });

  it('lets the owner confirm a request after a confirmation', async () => {
    const api = profileServer({ extra: extra([booking()]) });
    const app = renderApp(`/my/organizations/${orgId}/bookings`);
    const card = within(await screen.findByRole('article', { name: /Нашата лаборатория/ }));
    expect(card.getByText('Заявител: Звук и образ ООД')).toBeVisible();
    await app.user.click(card.getByRole('button', { name: 'Потвърди' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Да се потвърди ли резервацията?' }));
    expect(api.sent(`/api/bookings/${BOOKING_ID}/confirm`, 'POST')).toHaveLength(0);
    await app.user.click(dialog.getByRole('button', { name: 'Потвърди' }));
    await waitFor(() => expect(api.sent(`/api/bookings/${BOOKING_ID}/confirm`, 'POST')).toHaveLength(1));
  });

  it('asks the owner for a reason before declining', async () => {
    const api = profileServer({ extra: extra([booking()]) });
    const app = renderApp(`/my/organizations/${orgId}/bookings`);
    const card = within(await screen.findByRole('article', { name: /Нашата лаборатория/ }));
    await app.user.click(card.getByRole('button', { name: 'Откажи' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Да се откаже ли заявката?' }));
    await app.user.click(dialog.getByRole('button', { name: 'Откажи' }));
    expect(await dialog.findByText('Попълнете полето.')).toBeVisible();
    expect(api.sent(`/api/bookings/${BOOKING_ID}/decline`, 'POST')).toHaveLength(0);
    await app.user.type(dialog.getByLabelText(/Причина/), 'Ремонт');
    await app.user.click(dialog.getByRole('button', { name: 'Откажи' }));
    await waitFor(() =>
      expect(api.sent(`/api/bookings/${BOOKING_ID}/decline`, 'POST').map((r) => r.body)).toEqual([
        { reason: 'Ремонт' },
      ]),
    );
  });

  it('lets the one who asked only cancel, and shows the calendar link once when made', async () => {
    const api = profileServer({
      extra: extra([booking({ ownerOrganizationId: OWNER_ID, organizationId: orgId, status: 'confirmed' })]),
    });
    const app = renderApp(`/my/organizations/${orgId}/bookings`);
    const card = within(await screen.findByRole('article', { name: /Нашата лаборатория/ }));
    expect(card.queryByRole('button', { name: 'Потвърди' })).toBeNull();
    expect(card.getByRole('button', { name: 'Отмени резервацията' })).toBeVisible();

    expect(await screen.findByText('Все още няма създадена връзка.')).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Създай връзка' }));
    expect(await screen.findByDisplayValue(/bookings\.ics\?token=secret-token-1234567890$/)).toBeVisible();
    expect(api.sent(`/api/account/organizations/${orgId}/calendar-feed`, 'POST')).toHaveLength(1);
  });
});

describe("the owner's resource form", () => {
  it('shares a resource with its fee in euro and opening hours, and shows the schema errors in Bulgarian first', async () => {
    let created: unknown = null;
    const api = profileServer({
      extra: {
        '/api/resources': (_url, request) => {
          if (request.method !== 'POST') return json({ items: [] });
          created = request.body;
          return json({ ...resource, id: RESOURCE_ID, organizationId: orgId }, 201);
        },
        [`/api/resources/${RESOURCE_ID}`]: () => json({ ...resource, organizationId: orgId }),
        [`/api/resources/${RESOURCE_ID}/photos`]: () => json({ items: [] }),
        [`/api/resources/${RESOURCE_ID}/calendar-feed`]: () => json({ active: false, createdAt: null }),
      },
    });
    const app = renderApp(`/my/organizations/${orgId}/resources/new`);
    const save = await screen.findByRole('button', { name: 'Сподели' });
    await app.user.click(save);
    expect(await screen.findAllByText('Попълнете полето.')).not.toHaveLength(0);
    expect(api.sent('/api/resources', 'POST')).toHaveLength(0);

    await app.user.type(screen.getByLabelText(/Име \(на български\)/), 'Студио Б');
    await app.user.type(screen.getByLabelText(/Име \(на английски\)/), 'Studio B');
    await app.user.selectOptions(screen.getByLabelText('Условия'), 'fee');
    await app.user.type(await screen.findByLabelText(/Цена в евро/), '12,50');
    await app.user.click(save);
    await waitFor(() => expect(created).not.toBeNull());
    expect(created).toMatchObject({
      organizationId: orgId,
      nameBg: 'Студио Б',
      conditions: 'fee',
      feeCents: 1250,
      feeUnit: 'hour',
      openingHours: [
        { opens: '09:00', closes: '18:00' },
        { opens: '09:00', closes: '18:00' },
        { opens: '09:00', closes: '18:00' },
        { opens: '09:00', closes: '18:00' },
        { opens: '09:00', closes: '18:00' },
        null,
        null,
      ],
    });
    await waitFor(() => expect(app.pathname()).toBe(`/resources/${RESOURCE_ID}/edit`));
  });
});
