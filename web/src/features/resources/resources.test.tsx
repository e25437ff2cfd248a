import type { Booking, SharedResource } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '@/i18n/index.ts';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { onPhone } from '@/testing/media.ts';
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

function resourceApi(extra: Parameters<typeof stubApi>[0] = {}, me = meFixture(), shown = resource) {
  return stubApi({
    ...extra,
    ...signedIn(me),
    [`/api/resources/${RESOURCE_ID}`]: () => json(shown),
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

describe('the calendar on a phone', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists the week day by day with opening hours and booked times instead of the sideways grid', async () => {
    onPhone();
    resourceApi();
    const app = renderApp(`/resources/${RESOURCE_ID}?view=week&date=2026-03-25`);
    const wednesday = await screen.findByRole('region', { name: 'сряда, 25 март 2026 г.' });
    expect(within(wednesday).getByRole('heading', { level: 4 })).toHaveTextContent('сряда, 25 март 2026 г.');
    expect(within(wednesday).getByText('Работно време 09:00–18:00')).toBeVisible();
    expect((await within(wednesday).findByText('Заето 09:00–11:00')).closest('li')).toHaveAttribute(
      'data-slot',
      '09:00-11:00',
    );
    const saturday = screen.getByRole('region', { name: 'събота, 28 март 2026 г.' });
    expect(within(saturday).getByText('Затворено')).toBeVisible();
    expect(
      within(screen.getByRole('region', { name: 'вторник, 24 март 2026 г.' })).getByText(
        'Няма потвърдени резервации',
      ),
    ).toBeVisible();
    // Seven days in order, Monday first, and no seven-column grid to scroll sideways.
    const days = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(days).toHaveLength(7);
    expect(days[0]).toBe('понеделник, 23 март 2026 г.');
    expect(document.querySelector('.booking-week')).toBeNull();

    // The week moves with the keyboard: the buttons are real buttons.
    const next = screen.getByRole('button', { name: 'Следващ' });
    next.focus();
    await app.user.keyboard('{Enter}');
    await waitFor(() => expect(app.searchParams().get('date')).toBe('2026-03-30'));
    expect(await screen.findByRole('region', { name: 'понеделник, 30 март 2026 г.' })).toBeVisible();
  });

  it('speaks English when the reader does', async () => {
    onPhone();
    resourceApi();
    await setLanguage('en');
    renderApp(`/resources/${RESOURCE_ID}?view=week&date=2026-03-25`);
    const wednesday = await screen.findByRole('region', { name: /Wednesday,? 25 March 2026/ });
    expect(within(wednesday).getByText('Open 09:00–18:00')).toBeVisible();
    expect(await within(wednesday).findByText('Booked 09:00–11:00')).toBeVisible();
    expect(
      within(screen.getByRole('region', { name: /Sunday,? 29 March 2026/ })).getByText('Closed'),
    ).toBeVisible();
  });

  it('keeps the week grid on a wide screen', async () => {
    resourceApi();
    renderApp(`/resources/${RESOURCE_ID}?view=week&date=2026-03-25`);
    await screen.findByRole('region', { name: /сряда, 25 март 2026/ });
    expect(document.querySelector('.booking-week')).not.toBeNull();
    expect(screen.queryByText('Работно време 09:00–18:00')).toBeNull();
  });
});

describe('a candidate for membership', () => {
  const CANDIDATE_ORG = 'c4000000-0000-4000-8000-000000000004';
  const candidate = meFixture({
    organizations: [
      {
        id: CANDIDATE_ORG,
        nameBg: 'Кванта Интелект',
        nameEn: 'Quanta Intelligence',
        standing: 'none',
        candidate: true,
      },
    ],
  });
  const open: SharedResource = { ...resource, whoMayBook: 'members_and_applicants' };

  it('reaches the resources from the menu and sees the note on what is open to it', async () => {
    stubApi({ ...signedIn(candidate), '/api/resources': () => json({ items: [open] }) });
    const app = renderApp('/resources');
    expect(await screen.findByRole('heading', { level: 1, name: 'Споделени ресурси' })).toBeVisible();
    expect(screen.getByText(/Като кандидат за членство виждате ресурсите/)).toBeVisible();
    expect(await screen.findByRole('link', { name: 'Звукозаписно студио' })).toBeVisible();
    // In the header's cooperation group, marked as holding the page shown.
    const group = screen.getByRole('button', { name: 'Сътрудничество' });
    await app.user.click(group);
    expect(screen.getByRole('link', { name: 'Ресурси' })).toHaveAttribute('aria-current', 'page');
  });

  it('books a resource open to applicants for its organisation', async () => {
    const api = resourceApi(
      {
        [`/api/resources/${RESOURCE_ID}/bookings`]: () =>
          json(
            {
              id: BOOKING_ID,
              resourceId: RESOURCE_ID,
              resourceNameBg: resource.nameBg,
              resourceNameEn: resource.nameEn,
              ownerOrganizationId: OWNER_ID,
              organizationId: CANDIDATE_ORG,
              organizationNameBg: 'Кванта Интелект',
              organizationNameEn: 'Quanta Intelligence',
              startsAt: '2031-03-05T09:00:00.000Z',
              endsAt: '2031-03-05T11:00:00.000Z',
              status: 'requested',
              reason: null,
              createdAt: '2031-03-01T08:00:00.000Z',
              updatedAt: '2031-03-01T08:00:00.000Z',
            },
            201,
          ),
      },
      candidate,
      open,
    );
    const app = renderApp(`/resources/${RESOURCE_ID}?view=week&date=2031-03-05`);
    await app.user.click(await screen.findByRole('button', { name: 'Заявка за резервация' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Заявка за резервация' }));
    await app.user.clear(dialog.getByLabelText(/^От/));
    await app.user.type(dialog.getByLabelText(/^От/), '11:00');
    await app.user.clear(dialog.getByLabelText(/^До/));
    await app.user.type(dialog.getByLabelText(/^До/), '13:00');
    await app.user.click(dialog.getByRole('button', { name: 'Изпрати заявката' }));
    expect(await dialog.findByText(/Заявката е изпратена/)).toBeVisible();
    expect(api.sent(`/api/resources/${RESOURCE_ID}/bookings`, 'POST').map((r) => r.body)).toEqual([
      {
        organizationId: CANDIDATE_ORG,
        startsAt: '2031-03-05T09:00:00.000Z',
        endsAt: '2031-03-05T11:00:00.000Z',
      },
    ]);
  });

  it('is told why it cannot book a members-only resource, with no booking button', async () => {
    // A candidate who also represents nothing else sees a members-only resource only if the server lets it
    // (it does not: below); should one reach the page, the button is withheld and the reason given.
    resourceApi({}, candidate, resource);
    renderApp(`/resources/${RESOURCE_ID}?view=week&date=2031-03-05`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Звукозаписно студио' })).toBeVisible();
    expect(screen.getByText(/Този ресурс е само за действащите членове на клъстера/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Заявка за резервация' })).toBeNull();
  });

  it('gets the reason in its language when the server refuses a members-only resource', async () => {
    stubApi({
      ...signedIn({ ...candidate, language: 'en' }),
      [`/api/resources/${RESOURCE_ID}`]: () =>
        problem(403, 'Resource for members only', undefined, { code: 'resource.members_only' }),
    });
    await setLanguage('en');
    renderApp(`/resources/${RESOURCE_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Resource for members only' })).toBeVisible();
    expect(screen.getByText(/This resource is for active members of the cluster only/)).toBeVisible();
    expect(screen.getByRole('link', { name: /To the resources open to candidates/ })).toHaveAttribute(
      'href',
      '/resources',
    );
  });

  it('offers a member organisation, not the candidate, on a members-only resource', async () => {
    const both = meFixture({
      organizations: [
        ...meFixture().organizations,
        {
          id: CANDIDATE_ORG,
          nameBg: 'Кванта Интелект',
          nameEn: 'Quanta Intelligence',
          standing: 'none',
          candidate: true,
        },
      ],
    });
    const api = resourceApi(
      { [`/api/resources/${RESOURCE_ID}/bookings`]: () => problem(409, 'Времето вече е заето') },
      both,
      resource,
    );
    const app = renderApp(`/resources/${RESOURCE_ID}?view=week&date=2031-03-05`);
    await app.user.click(await screen.findByRole('button', { name: 'Заявка за резервация' }));
    const dialog = within(await screen.findByRole('dialog'));
    // One organisation may book: no choice to make, and it is the member.
    expect(dialog.queryByLabelText('За организация')).toBeNull();
    await app.user.clear(dialog.getByLabelText(/^От/));
    await app.user.type(dialog.getByLabelText(/^От/), '11:00');
    await app.user.clear(dialog.getByLabelText(/^До/));
    await app.user.type(dialog.getByLabelText(/^До/), '12:00');
    await app.user.click(dialog.getByRole('button', { name: 'Изпрати заявката' }));
    await waitFor(() =>
      expect(
        api
          .sent(`/api/resources/${RESOURCE_ID}/bookings`, 'POST')
          .map((r) => (r.body as { organizationId: string }).organizationId),
      ).toEqual([orgId]),
    );
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
