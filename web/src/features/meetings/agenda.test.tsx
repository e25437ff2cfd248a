import type { AgendaItem, Meeting, MeetingSummary } from '@portal/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { json, noContent, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const ID = '00000000-de00-4900-8000-000000000012';
const BODY = '00000000-de00-4700-8000-000000000012';
const ITEM = '00000000-de00-4a00-8000-000000000001';
const ITEM2 = '00000000-de00-4a00-8000-000000000002';
const APPLICATION = '00000000-de00-4c00-8000-000000000001';
const EARLIER = '00000000-de00-4900-8000-000000000011';
const DOC = '00000000-de00-4d00-8000-000000000001';

function item(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id: ITEM,
    position: 1,
    kind: 'text',
    titleBg: 'Откриване',
    titleEn: 'Opening',
    notesBg: '',
    notesEn: '',
    applicationId: null,
    organizationId: null,
    organizationNameBg: null,
    organizationNameEn: null,
    proposal: null,
    boardItemId: null,
    minutesMeetingId: null,
    areaId: null,
    version: 3,
    ...overrides,
  };
}

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: ID,
    bodyId: BODY,
    bodyNameBg: 'Управителен съвет',
    bodyNameEn: 'Management board',
    titleBg: 'Заседание на УС',
    titleEn: 'Board meeting',
    startsAt: '2030-05-14T11:00:00.000Z',
    endsAt: '2030-05-14T14:00:00.000Z',
    place: 'София',
    onlineUrl: null,
    status: 'planned',
    quorum: 'more_than_half',
    majority: 'simple',
    allowsProxy: false,
    minutesVisibility: 'members',
    sequence: 0,
    invitedAt: null,
    heldAt: null,
    cancelledAt: null,
    cancelReason: null,
    version: 1,
    agenda: [
      item(),
      item({ id: ITEM2, position: 2, titleBg: 'Разни', titleEn: 'Other business', version: 1 }),
    ],
    documents: [],
    participants: [],
    mySeats: [],
    mayManage: true,
    ...overrides,
  };
}

const earlier: MeetingSummary = {
  id: EARLIER,
  bodyId: BODY,
  bodyNameBg: 'Управителен съвет',
  bodyNameEn: 'Management board',
  titleBg: 'Предишно заседание',
  titleEn: 'Earlier meeting',
  startsAt: '2030-03-10T09:00:00.000Z',
  endsAt: '2030-03-10T11:00:00.000Z',
  place: '',
  onlineUrl: null,
  status: 'held',
};

/** The signed-in officer, and the meeting page's minutes panel (no minutes: the meeting is planned). */
const chair = () => ({
  ...signedIn(meFixture({ roles: ['representative', 'committee_member'] })),
  [`/api/meetings/${ID}/minutes`]: () => problem(404, 'Няма протокол'),
});

describe('the agenda for the officers (decision 041)', () => {
  it('switches the kind: an application from the open ones, minutes of a past meeting of the body', async () => {
    const api = stubApi({
      ...chair(),
      '/api/committee/applications': (url) =>
        json({
          items:
            url.searchParams.get('state') === 'submitted'
              ? [
                  {
                    id: APPLICATION,
                    state: 'submitted',
                    nameBg: 'Иновации ООД',
                    nameEn: 'Innovations Ltd',
                    eik: '123456789',
                    kind: 'company',
                    applicantName: 'Иван',
                    submittedAt: '2030-04-01T09:00:00.000Z',
                    updatedAt: '2030-04-01T09:00:00.000Z',
                  },
                ]
              : [],
          total: 0,
          page: 1,
          pageSize: 100,
          counts: {},
        }),
      '/api/meetings': (url) =>
        json({
          items: url.searchParams.get('when') === 'past' ? [earlier] : [],
          total: 1,
          page: 1,
          pageSize: 100,
          manageableBodyIds: [BODY],
        }),
      [`/api/meetings/${ID}/agenda`]: () => json(meeting(), 201),
      [`/api/meetings/${ID}`]: () => json(meeting()),
    });
    const app = renderApp(`/meetings/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Добави точка' }));
    const form = screen.getByRole('form', { name: 'Нова точка' });
    const kind = within(form).getByRole('combobox', { name: 'Вид на точката' });

    await app.user.selectOptions(kind, 'application');
    const application = await within(form).findByRole('combobox', { name: /^Заявление/ });
    await within(form).findByRole('option', { name: 'Иновации ООД (123456789)' });
    await app.user.selectOptions(application, APPLICATION);

    await app.user.selectOptions(kind, 'minutes');
    expect(within(form).queryByRole('combobox', { name: /^Заявление/ })).not.toBeInTheDocument();
    const minutes = await within(form).findByRole('combobox', { name: /Заседание, чийто протокол/ });
    await within(form).findByRole('option', { name: /Предишно заседание/ });
    await app.user.selectOptions(minutes, EARLIER);
    await app.user.type(within(form).getByRole('textbox', { name: /Заглавие \(на български\)/ }), 'Протокол');
    await app.user.click(within(form).getByRole('button', { name: 'Запази точката' }));

    await waitFor(() => expect(api.requestsTo(`/api/meetings/${ID}/agenda`)).toHaveLength(1));
    const [sent] = api.requestsTo(`/api/meetings/${ID}/agenda`);
    expect(sent?.method).toBe('POST');
    // Only the link the kind needs is sent: the application chosen before is dropped.
    expect(sent?.body).toMatchObject({
      kind: 'minutes',
      titleBg: 'Протокол',
      minutesMeetingId: EARLIER,
      applicationId: null,
      proposal: null,
    });
    const past = api.requestsTo('/api/meetings').find((r) => r.url.searchParams.get('when') === 'past');
    expect(past?.url.searchParams.get('bodyId')).toBe(BODY);
    expect(await screen.findByText('Точката е запазена.')).toBeInTheDocument();
  });

  it('links a strategy item to an area of the strategy, a sub-area under its area, and shows it', async () => {
    const area = (id: string, nameBg: string, parentId: string | null, position: number) => ({
      id,
      nameBg,
      nameEn: id,
      parentId,
      isPriority: parentId === null,
      position,
      memberCount: 0,
    });
    let saved = false;
    const api = stubApi({
      ...chair(),
      '/api/areas': () =>
        json({
          items: [
            area('creative', 'Творчески индустрии', null, 2),
            area('ict', 'Информатика и ИКТ', null, 1),
            area('ict-ai', 'Изкуствен интелект', 'ict', 1),
          ],
        }),
      [`/api/meetings/${ID}/agenda`]: () => {
        saved = true;
        return json(meeting(), 201);
      },
      [`/api/meetings/${ID}`]: () =>
        json(
          meeting(
            saved ? { agenda: [item({ kind: 'strategy', titleBg: 'Пътна карта', areaId: 'ict-ai' })] } : {},
          ),
        ),
    });
    const app = renderApp(`/meetings/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Добави точка' }));
    const form = screen.getByRole('form', { name: 'Нова точка' });
    await app.user.selectOptions(within(form).getByRole('combobox', { name: 'Вид на точката' }), 'strategy');
    const areaField = await within(form).findByRole('combobox', { name: /^Област от стратегията/ });
    await within(form).findByRole('option', { name: 'Информатика и ИКТ › Изкуствен интелект' });
    expect(
      within(areaField)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      expect.any(String),
      'Информатика и ИКТ',
      'Информатика и ИКТ › Изкуствен интелект',
      'Творчески индустрии',
    ]);
    await app.user.selectOptions(areaField, 'ict-ai');
    await app.user.type(
      within(form).getByRole('textbox', { name: /Заглавие \(на български\)/ }),
      'Пътна карта',
    );
    await app.user.click(within(form).getByRole('button', { name: 'Запази точката' }));
    await waitFor(() => expect(api.requestsTo(`/api/meetings/${ID}/agenda`)).toHaveLength(1));
    expect(api.requestsTo(`/api/meetings/${ID}/agenda`)[0]?.body).toMatchObject({
      kind: 'strategy',
      areaId: 'ict-ai',
      minutesMeetingId: null,
    });
    const link = await screen.findByRole('link', { name: 'Стратегия: Изкуствен интелект' });
    expect(link).toHaveAttribute('href', '/members?area=ict-ai');
  });

  it('shows the server’s field error for the application under its field', async () => {
    stubApi({
      ...chair(),
      '/api/committee/applications': () => json({ items: [], total: 0, page: 1, pageSize: 100, counts: {} }),
      [`/api/meetings/${ID}/agenda`]: () =>
        problem(400, 'Невалидни данни', [{ path: 'body.applicationId', message: 'Няма такова заявление.' }]),
      [`/api/meetings/${ID}`]: () => json(meeting()),
    });
    const app = renderApp(`/meetings/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Добави точка' }));
    const form = screen.getByRole('form', { name: 'Нова точка' });
    await app.user.selectOptions(
      within(form).getByRole('combobox', { name: 'Вид на точката' }),
      'application',
    );
    await app.user.type(within(form).getByRole('textbox', { name: /Заглавие \(на български\)/ }), 'Прием');
    await app.user.click(within(form).getByRole('button', { name: 'Запази точката' }));
    const field = await within(form).findByRole('combobox', { name: /^Заявление/ });
    expect(await within(form).findByText('Няма такова заявление.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Няма такова заявление.'));
  });

  it('asks a membership action for the proposal’s fields: the category only for a change of category', async () => {
    const api = stubApi({
      ...chair(),
      '/api/members/organizations': () => json({ items: [], total: 0, page: 1, pageSize: 50 }),
      [`/api/meetings/${ID}/agenda`]: () =>
        problem(400, 'Невалидни данни', [{ path: 'body.organizationId', message: 'Изберете организация.' }]),
      [`/api/meetings/${ID}`]: () => json(meeting()),
    });
    const app = renderApp(`/meetings/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Добави точка' }));
    const form = screen.getByRole('form', { name: 'Нова точка' });
    await app.user.selectOptions(
      within(form).getByRole('combobox', { name: 'Вид на точката' }),
      'membership',
    );
    expect(within(form).getByRole('combobox', { name: /Нова категория/ })).toBeInTheDocument();
    await app.user.selectOptions(
      within(form).getByRole('combobox', { name: 'Предлагана промяна' }),
      'suspend',
    );
    expect(within(form).queryByRole('combobox', { name: /Нова категория/ })).not.toBeInTheDocument();
    await app.user.type(within(form).getByRole('textbox', { name: 'Мотиви' }), 'Неплатен членски внос');
    const effective = await within(form).findByLabelText(/В сила от/, {
      selector: 'input[data-dates-input]',
    });
    await app.user.type(effective, '01.04.2031');
    await app.user.type(within(form).getByRole('textbox', { name: /Заглавие \(на български\)/ }), 'Спиране');
    await app.user.click(within(form).getByRole('button', { name: 'Запази точката' }));
    expect(await within(form).findByText('Изберете организация.')).toBeInTheDocument();
    expect(api.requestsTo(`/api/meetings/${ID}/agenda`)[0]?.body).toMatchObject({
      kind: 'membership',
      organizationId: null,
      proposal: {
        action: 'suspend',
        category: null,
        reason: 'Неплатен членски внос',
        effectiveOn: '2031-04-01',
      },
    });
  });

  it('edits an item with the version read', async () => {
    const api = stubApi({
      ...chair(),
      [`/api/meetings/${ID}/agenda/${ITEM}`]: () => json(meeting()),
      [`/api/meetings/${ID}`]: () => json(meeting()),
    });
    const app = renderApp(`/meetings/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Редактирай: Откриване' }));
    const form = screen.getByRole('form', { name: 'Редактиране на точка' });
    const title = within(form).getByRole('textbox', { name: /Заглавие \(на български\)/ });
    await app.user.clear(title);
    await app.user.type(title, 'Откриване на заседанието');
    await app.user.click(within(form).getByRole('button', { name: 'Запази точката' }));
    await waitFor(() => expect(api.requestsTo(`/api/meetings/${ID}/agenda/${ITEM}`)).toHaveLength(1));
    const [sent] = api.requestsTo(`/api/meetings/${ID}/agenda/${ITEM}`);
    expect(sent?.method).toBe('PUT');
    expect(sent?.body).toMatchObject({ kind: 'text', titleBg: 'Откриване на заседанието', version: 3 });
  });

  it('shows a stale edit (409) and keeps the form open', async () => {
    stubApi({
      ...chair(),
      [`/api/meetings/${ID}/agenda/${ITEM}`]: () => problem(409, 'Точката е променена междувременно.'),
      [`/api/meetings/${ID}`]: () => json(meeting()),
    });
    const app = renderApp(`/meetings/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Редактирай: Откриване' }));
    const form = screen.getByRole('form', { name: 'Редактиране на точка' });
    await app.user.click(within(form).getByRole('button', { name: 'Запази точката' }));
    expect(await within(form).findByText('Точката е променена междувременно.')).toBeInTheDocument();
  });

  it('removes an item only after the confirmation, and moves one down', async () => {
    const api = stubApi({
      ...chair(),
      [`/api/meetings/${ID}/agenda/${ITEM}`]: () => json(meeting({ agenda: [item({ id: ITEM2 })] })),
      [`/api/meetings/${ID}/agenda`]: () => json(meeting()),
      [`/api/meetings/${ID}`]: () => json(meeting()),
    });
    const app = renderApp(`/meetings/${ID}`);
    await app.user.click(await screen.findByRole('button', { name: 'Надолу: Откриване' }));
    await waitFor(() => expect(api.requestsTo(`/api/meetings/${ID}/agenda`)).toHaveLength(1));
    expect(api.requestsTo(`/api/meetings/${ID}/agenda`)[0]?.body).toEqual({ itemIds: [ITEM2, ITEM] });

    await app.user.click(screen.getByRole('button', { name: 'Премахни: Откриване' }));
    const dialog = await screen.findByRole('dialog', { name: 'Да се премахне ли точката?' });
    expect(within(dialog).getByText('„Откриване“ ще бъде премахната от дневния ред.')).toBeInTheDocument();
    expect(api.requestsTo(`/api/meetings/${ID}/agenda/${ITEM}`)).toHaveLength(0);
    await app.user.click(within(dialog).getByRole('button', { name: 'Премахни' }));
    await waitFor(() => expect(api.requestsTo(`/api/meetings/${ID}/agenda/${ITEM}`)).toHaveLength(1));
    expect(api.requestsTo(`/api/meetings/${ID}/agenda/${ITEM}`)[0]?.method).toBe('DELETE');
    expect(await screen.findByText('Точката е премахната.')).toBeInTheDocument();
  });

  it('offers no editing to those who do not run the meeting', async () => {
    stubApi({ ...chair(), [`/api/meetings/${ID}`]: () => json(meeting({ mayManage: false })) });
    renderApp(`/meetings/${ID}`);
    expect(await screen.findByText('Откриване')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Добави точка' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('PDF файл')).not.toBeInTheDocument();
  });
});

describe('the meeting’s documents (decision 041)', () => {
  it('uploads a PDF for an item, shows the server’s refusal under the field, deletes after confirming', async () => {
    let refuse = true;
    const api = stubApi({
      ...chair(),
      [`/api/meetings/${ID}/documents/${DOC}`]: () => noContent(),
      [`/api/meetings/${ID}/documents`]: () =>
        refuse
          ? problem(400, 'Невалидни данни', [{ path: 'body', message: 'Файлът не е PDF.' }])
          : json(
              {
                id: DOC,
                agendaItemId: ITEM2,
                filename: 'doklad.pdf',
                size: 10,
                uploadedAt: '2030-04-01T09:00:00.000Z',
              },
              201,
            ),
      [`/api/meetings/${ID}`]: () =>
        json(
          meeting({
            documents: [
              {
                id: DOC,
                agendaItemId: ITEM2,
                filename: 'doklad.pdf',
                size: 10,
                uploadedAt: '2030-04-01T09:00:00.000Z',
              },
            ],
          }),
        ),
    });
    const app = renderApp(`/meetings/${ID}`);
    await screen.findByLabelText(/^PDF файл/);
    const file = () => screen.getByLabelText(/^PDF файл/);
    // Checked here first: not a PDF never reaches the server.
    fireEvent.change(file(), {
      target: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] },
    });
    expect(await screen.findByText('„notes.txt“ не е PDF файл.')).toBeInTheDocument();
    expect(api.requestsTo(`/api/meetings/${ID}/documents`)).toHaveLength(0);

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Към точка' }), ITEM2);
    const pdf = new File(['%PDF-1.7 fake'], 'doklad.pdf', { type: 'application/pdf' });
    fireEvent.change(file(), { target: { files: [pdf] } });
    expect(await screen.findByText('Файлът не е PDF.')).toBeInTheDocument();
    expect(file()).toHaveAccessibleDescription(expect.stringContaining('Файлът не е PDF.'));
    const [sent] = api.requestsTo(`/api/meetings/${ID}/documents`);
    expect(sent?.headers.get('content-type')).toBe('application/pdf');
    expect(sent?.url.searchParams.get('agendaItemId')).toBe(ITEM2);
    expect(sent?.url.searchParams.get('filename')).toBe('doklad.pdf');

    refuse = false;
    fireEvent.change(file(), { target: { files: [pdf] } });
    expect(await screen.findByText('„doklad.pdf“ е качен.')).toBeInTheDocument();
    expect(screen.getByText('към т. 2')).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Изтрий: doklad.pdf' }));
    const dialog = await screen.findByRole('dialog', { name: 'Да се изтрие ли материалът?' });
    expect(api.requestsTo(`/api/meetings/${ID}/documents/${DOC}`)).toHaveLength(0);
    await app.user.click(within(dialog).getByRole('button', { name: 'Изтрий' }));
    await waitFor(() => expect(api.requestsTo(`/api/meetings/${ID}/documents/${DOC}`)).toHaveLength(1));
    expect(api.requestsTo(`/api/meetings/${ID}/documents/${DOC}`)[0]?.method).toBe('DELETE');
  });

  it('explains a file the server found too large (413)', async () => {
    stubApi({
      ...chair(),
      [`/api/meetings/${ID}/documents`]: () => problem(413, 'Твърде голяма заявка'),
      [`/api/meetings/${ID}`]: () => json(meeting()),
    });
    const app = renderApp(`/meetings/${ID}`);
    await screen.findByLabelText(/^PDF файл/);
    const file = () => screen.getByLabelText(/^PDF файл/);
    await app.user.upload(file(), new File(['%PDF-1.7'], 'a.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('Файлът е твърде голям (до 10 MB).')).toBeInTheDocument();
    expect(file()).toHaveAttribute('aria-invalid', 'true');
  });
});
