/**
 * Issue 15 §3: the minutes of a meeting (decision 045). The officers draft from a pre-filled text (the
 * meeting's attendance, quorum, items, tallies and decision numbers), the meeting's people comment, the
 * chair approves; approved minutes are locked (by the database too) and corrected only by a new revision
 * with its reason; members-only or public; a real PDF read back with PDF.js. On PostgreSQL: two approvals
 * of one draft at the same moment — exactly one succeeds.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { MINUTES_TEXT_MAX, type MinutesView } from '@portal/shared';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertUser, logIn } from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
const as = {} as Record<'chair' | 'secretary' | 'member' | 'outsider' | 'admin', string>;
const ids = {} as Record<'chair' | 'secretary' | 'member' | 'body', string>;

beforeAll(async () => {
  h = await createTestDb({ maxConnections: 8 });
  app = await buildTestApp(h);
  const chair = await insertUser(h, { displayName: 'Мария Председателева' });
  const secretary = await insertUser(h, { displayName: 'Петър Секретаров' });
  const member = await insertUser(h, { displayName: 'Елена Членова' });
  ids.chair = chair.id;
  ids.secretary = secretary.id;
  ids.member = member.id;
  as.chair = await logIn(app, chair.email);
  as.secretary = await logIn(app, secretary.email);
  as.member = await logIn(app, member.email);
  as.outsider = await logIn(app, (await insertUser(h)).email);
  as.admin = await logIn(app, (await insertUser(h, { roles: ['admin'] })).email);
  const [body] = await h.query<{ id: string }>(
    sql`insert into governing_bodies (kind, name_bg, name_en, quorum)
        values ('management_board', 'Управителен съвет', 'Management board', 'more_than_half') returning id`,
  );
  ids.body = body!.id;
  await h.query(sql`insert into body_positions (body_id, position, user_id, starts_on) values
    (${ids.body}, 'chair', ${ids.chair}, '2026-01-01'),
    (${ids.body}, 'secretary', ${ids.secretary}, '2026-01-01'),
    (${ids.body}, 'member', ${ids.member}, '2026-01-01')`);
});

afterAll(async () => {
  await app?.close();
  await h?.close();
});

const call = (cookie: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });

/** A held meeting of the board with its three seats, attendance, one decided item and one undecided. */
async function heldMeeting(visibility: 'public' | 'members' = 'members'): Promise<string> {
  const [meeting] = await h.query<{ id: string }>(
    sql`insert into meetings (body_id, title_bg, title_en, starts_at, ends_at, place, status, quorum, majority,
          allows_proxy, minutes_visibility)
        values (${ids.body}, 'Първо заседание', 'First meeting', '2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z',
          'София Тех Парк', 'held', 'more_than_half', 'simple', true, ${visibility}) returning id`,
  );
  const id = meeting!.id;
  const seats = await h.query<{ id: string; user_id: string }>(
    sql`insert into meeting_participants (meeting_id, position_id, user_id, name)
        select ${id}, p.id, p.user_id, u.display_name from body_positions p join users u on u.id = p.user_id
        where p.body_id = ${ids.body} returning id, user_id`,
  );
  const seat = (user: string) => seats.find((s) => s.user_id === user)!.id;
  await h.query(sql`update meeting_participants set attendance = 'present'
    where id in (${seat(ids.chair)}, ${seat(ids.secretary)})`);
  await h.query(sql`update meeting_participants set attendance = 'proxy', attendance_proxy_id = ${seat(ids.chair)}
    where id = ${seat(ids.member)}`);
  const items = await h.query<{ id: string; position: number }>(
    sql`insert into meeting_agenda_items (meeting_id, position, title_bg, title_en) values
        (${id}, 1, 'Стратегия за интелигентна специализация', 'Smart specialisation strategy'),
        (${id}, 2, 'Разни', 'Any other business') returning id, position`,
  );
  const first = items.find((i) => i.position === 1)!.id;
  await h.query(sql`insert into meeting_item_votes (agenda_item_id, meeting_id, mode, motion_bg, motion_en,
      votes_for, votes_against, abstentions, eligible, outcome, closed_at)
    values (${first}, ${id}, 'tally', 'Приема стратегията за пътна карта', 'Adopts the strategy as its roadmap',
      2, 0, 1, 3, 'approved', now())`);
  await h.query(sql`insert into decisions (year, sequence, number, decided_on, subject, outcome, meeting_id,
      agenda_item_id, organization_name_bg, organization_name_en, text_bg, text_en, tally)
    values (2026, ${900 + Math.floor(Math.random() * 9000)}, ${`2026-M${Math.random().toString(36).slice(2, 8)}`},
      '2026-03-02', 'meeting', 'approved', ${id}, ${first}, '', '', 'Приема стратегията', 'Adopts the strategy',
      '{"for":2,"against":0,"abstain":1,"eligible":3,"recused":0}'::jsonb)`);
  return id;
}

async function readPdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? `${item.str} ` : '')).join('');
  }
  await pdf.destroy();
  return text.replace(/\s+/g, ' ');
}

describe('drafting from the pre-filled text', () => {
  it('pre-fills attendance, quorum, the agenda and each decision with its tally, in either language', async () => {
    const id = await heldMeeting();
    const bg = await call(as.secretary, 'GET', `/api/meetings/${id}/minutes/prefill?lang=bg`);
    expect(bg.statusCode, bg.body).toBe(200);
    const text: string = bg.json().text;
    expect(text).toContain('# Протокол от заседание на Управителен съвет');
    expect(text).toContain('- Мария Председателева — присъства');
    expect(text).toContain('- Елена Членова — чрез пълномощник (Мария Председателева)');
    expect(text).toContain('3 от 3 присъстват лично или чрез пълномощник — има кворум.');
    expect(text).toContain('1. Стратегия за интелигентна специализация');
    expect(text).toMatch(/\*\*Решение № 2026-M\w+:\*\* Приема стратегията за пътна карта/);
    expect(text).toContain('„за“ 2, „против“ 0, „въздържал се“ 1. Прието.');
    expect(text).toContain('### 2. Разни');
    expect(text).toContain('_Без гласуване._');
    const en = (await call(as.chair, 'GET', `/api/meetings/${id}/minutes/prefill?lang=en`)).json().text;
    expect(en).toContain('# Minutes of the meeting of the Management board');
    expect(en).toContain('for 2, against 0, abstaining 1. Carried.');
    // The meeting's plain member is not an officer.
    expect((await call(as.member, 'GET', `/api/meetings/${id}/minutes/prefill`)).statusCode).toBe(403);
  });

  it('refuses HTML, unsafe links and an over-long text with field errors, saving nothing', async () => {
    const id = await heldMeeting();
    const cases: [object, string][] = [
      [{ textBg: 'Текст <script>alert(1)</script>' }, 'body.textBg'],
      [{ textBg: 'Виж [тук](javascript:alert(1))' }, 'body.textBg'],
      [{ textBg: 'Текст', textEn: '<img src=x onerror=alert(1)>' }, 'body.textEn'],
      [{ textBg: 'x'.repeat(MINUTES_TEXT_MAX + 1) }, 'body.textBg'],
      [{ textBg: '   ' }, 'body.textBg'],
    ];
    for (const [payload, path] of cases) {
      const res = await call(as.secretary, 'PUT', `/api/meetings/${id}/minutes/draft`, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const en = await app.inject({
      method: 'PUT',
      url: `/api/meetings/${id}/minutes/draft`,
      headers: { cookie: as.secretary, 'accept-language': 'en' },
      payload: { textBg: 'x'.repeat(MINUTES_TEXT_MAX + 1) },
    });
    expect(en.json().errors[0].message).toBe(
      `The text is too long: at most ${MINUTES_TEXT_MAX} characters (it has ${MINUTES_TEXT_MAX + 1}). Nothing was saved.`,
    );
    const [row] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from meeting_minutes where meeting_id = ${id}`,
    );
    expect(row?.n).toBe(0);
  });

  it('writes minutes only for a held meeting', async () => {
    const id = await heldMeeting();
    await h.query(sql`update meetings set status = 'invited' where id = ${id}`);
    const res = await call(as.secretary, 'PUT', `/api/meetings/${id}/minutes/draft`, { textBg: 'Текст' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('minutes.meeting_not_held');
  });
});

describe('from draft to approved minutes', () => {
  it('drafts, refuses a stale save, takes comments, approves, locks and corrects by a new revision', async () => {
    const id = await heldMeeting('public');
    const started = await call(as.secretary, 'PUT', `/api/meetings/${id}/minutes/draft`, {
      textBg: '# Протокол\n\nПроект.',
    });
    expect(started.statusCode, started.body).toBe(200);
    let view: MinutesView = started.json();
    expect(view.revisions).toMatchObject([
      { revision: 1, status: 'draft', version: 1, draftedBy: 'Петър Секретаров' },
    ]);
    expect(view.may).toEqual({ draft: true, comment: true, approve: false });

    // The public sees nothing of a draft, even of public minutes.
    expect((await call(null, 'GET', `/api/meetings/${id}/minutes`)).statusCode).toBe(404);

    const saved = await call(as.secretary, 'PUT', `/api/meetings/${id}/minutes/draft`, {
      textBg: '# Протокол\n\nПроект, втори вариант.',
      version: 1,
    });
    expect(saved.json().revisions[0].version).toBe(2);
    const stale = await call(as.chair, 'PUT', `/api/meetings/${id}/minutes/draft`, {
      textBg: 'Друго',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('minutes.stale');

    const commented = await call(as.member, 'POST', `/api/meetings/${id}/minutes/comments`, {
      text: 'В т. 1 да се добави срокът.',
    });
    expect(commented.statusCode, commented.body).toBe(200);
    view = commented.json();
    expect(view.comments).toMatchObject([
      { author: 'Елена Членова', mine: true, text: 'В т. 1 да се добави срокът.' },
    ]);
    expect(view.may).toEqual({ draft: false, comment: true, approve: false });
    expect(
      (await call(as.outsider, 'POST', `/api/meetings/${id}/minutes/comments`, { text: 'Аз' })).statusCode,
    ).toBe(404);
    // Their comment is in their personal-data export (GDPR), with its meeting.
    const exported = await call(as.member, 'GET', '/api/account/export');
    expect(exported.json().minutesComments).toMatchObject([
      { meetingId: id, revision: 1, text: 'В т. 1 да се добави срокът.' },
    ]);

    // The secretary may not approve; the chair approves the version read.
    expect(
      (await call(as.secretary, 'POST', `/api/meetings/${id}/minutes/approve`, { version: 2 })).statusCode,
    ).toBe(403);
    expect(
      (await call(as.chair, 'POST', `/api/meetings/${id}/minutes/approve`, { version: 1 })).statusCode,
    ).toBe(409);
    const approved = await call(as.chair, 'POST', `/api/meetings/${id}/minutes/approve`, { version: 2 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().revisions[0]).toMatchObject({
      status: 'approved',
      approvedBy: 'Мария Председателева',
    });
    const [meeting] = await h.query<{ status: string }>(sql`select status from meetings where id = ${id}`);
    expect(meeting?.status).toBe('minutes_approved');

    // Public now; the draft's comments are not shown with approved minutes.
    const pub = await call(null, 'GET', `/api/meetings/${id}/minutes`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().revisions).toMatchObject([
      { revision: 1, status: 'approved', textBg: '# Протокол\n\nПроект, втори вариант.' },
    ]);
    expect(pub.json().comments).toEqual([]);

    // Locked, by the database itself.
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => 'allowed',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(
      await refusal(h.query(sql`update meeting_minutes set text_bg = 'Подменен' where meeting_id = ${id}`)),
    ).toBe('approved minutes are locked');
    expect(await refusal(h.query(sql`delete from meeting_minutes where meeting_id = ${id}`))).toBe(
      'approved minutes are locked',
    );
    // Clearing who approved (an account removed) is still possible.
    expect(
      await refusal(h.query(sql`update meeting_minutes set approved_by = null where meeting_id = ${id}`)),
    ).toBe('allowed');

    // A correction is revision 2 and needs its reason.
    const noReason = await call(as.secretary, 'PUT', `/api/meetings/${id}/minutes/draft`, {
      textBg: 'Поправен',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('body.correctionReason');
    const correction = await call(as.secretary, 'PUT', `/api/meetings/${id}/minutes/draft`, {
      textBg: '# Протокол\n\nПоправен текст.',
      correctionReason: 'Грешно изписано име',
    });
    expect(
      correction.json().revisions.map((r: { revision: number; status: string }) => [r.revision, r.status]),
    ).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
    await call(as.admin, 'POST', `/api/meetings/${id}/minutes/approve`, { version: 1 });
    const both = (await call(null, 'GET', `/api/meetings/${id}/minutes`)).json();
    expect(both.revisions).toMatchObject([
      { revision: 2, status: 'approved', correctionReason: 'Грешно изписано име' },
      { revision: 1, status: 'approved' },
    ]);

    const audit = await h.query<{ action: string }>(
      sql`select action from audit_events where entity_type = 'meeting_minutes' order by occurred_at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['minutes.draft_saved', 'minutes.commented', 'minutes.approved']),
    );
  });

  it('prints the approved minutes as a PDF with the cluster, the meeting and the approval', async () => {
    const id = await heldMeeting('members');
    const text = (await call(as.secretary, 'GET', `/api/meetings/${id}/minutes/prefill?lang=bg`)).json().text;
    await call(as.secretary, 'PUT', `/api/meetings/${id}/minutes/draft`, { textBg: text });
    await call(as.chair, 'POST', `/api/meetings/${id}/minutes/approve`, { version: 1 });
    const res = await call(as.member, 'GET', `/api/meetings/${id}/minutes.pdf?lang=bg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="minutes-2026-03-02-r1-bg.pdf"`);
    const pdf = await readPdfText(res.rawPayload);
    for (const expected of [
      'Протокол от заседание на Управителен съвет',
      'Първо заседание',
      'Одобрен от Мария Председателева',
      'Елена Членова — чрез пълномощник (Мария Председателева)',
      '„за“ 2, „против“ 0, „въздържал се“ 1. Прието.',
      'Страница 1 от',
    ]) {
      expect(pdf).toContain(expected);
    }
    // Members-only: not for the public.
    expect((await call(null, 'GET', `/api/meetings/${id}/minutes.pdf`)).statusCode).toBe(404);
  });
});

describe.runIf(testEngine === 'postgres')('two approvals of one draft at once (PostgreSQL)', () => {
  it('approves once; the other gets 409 and the register of audit events holds one approval', async () => {
    const id = await heldMeeting();
    await call(as.secretary, 'PUT', `/api/meetings/${id}/minutes/draft`, { textBg: 'Проект' });
    const holder = await h.sql!.reserve();
    let answers: Awaited<ReturnType<typeof app.inject>>[];
    try {
      await holder`begin`;
      await holder`select id from meeting_minutes where meeting_id = ${id} for update`;
      const pending = Promise.all(
        [as.chair, as.admin].map((cookie) =>
          call(cookie, 'POST', `/api/meetings/${id}/minutes/approve`, { version: 1 }),
        ),
      );
      const deadline = Date.now() + 20_000;
      for (;;) {
        await holder`select pg_stat_clear_snapshot()`;
        const [row] = await holder<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`;
        if ((row?.n ?? 0) >= 2) break;
        if (Date.now() > deadline) throw new Error(`only ${row?.n} of 2 requests reached the lock`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await holder`commit`;
      answers = await pending;
    } finally {
      await holder`rollback`.catch(() => {});
      holder.release();
    }
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json().code).toBe('minutes.stale');
    const rows = await h.query<{ status: string }>(
      sql`select status from meeting_minutes where meeting_id = ${id}`,
    );
    expect(rows).toEqual([{ status: 'approved' }]);
    const [audit] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from audit_events a join meeting_minutes m on m.id::text = a.entity_id::text
          where m.meeting_id = ${id} and a.action = 'minutes.approved'`,
    );
    expect(audit?.n).toBe(1);
  });
});

describe('the public list of minutes (issue 15 §3)', () => {
  async function heldMeeting(visibility: 'public' | 'members', startsAt: string, title: string) {
    const [row] = await h.query<{ id: string }>(
      sql`insert into meetings (body_id, title_bg, title_en, starts_at, ends_at, status, quorum, majority,
            allows_proxy, minutes_visibility)
          values (${ids.body}, ${title}, ${`${title} (en)`}, ${startsAt}, ${startsAt}::timestamptz + interval '2 hours',
            'minutes_approved', 'more_than_half', 'simple', false, ${visibility}) returning id`,
    );
    return row!.id;
  }

  it('lists public approved minutes to anyone, newest meeting first, at their latest approved revision', async () => {
    const older = await heldMeeting('public', '2020-01-10T08:00:00Z', 'Публично старо');
    const newer = await heldMeeting('public', '2020-02-10T08:00:00Z', 'Публично ново');
    const secret = await heldMeeting('members', '2020-03-10T08:00:00Z', 'Само за членове');
    await h.query(sql`insert into meeting_minutes (meeting_id, revision, status, text_bg, approved_at) values
      (${older}, 1, 'approved', 'Текст', '2020-01-20T08:00:00Z'),
      (${newer}, 1, 'approved', 'Текст', '2020-02-20T08:00:00Z'),
      (${secret}, 1, 'approved', 'Таен текст', '2020-03-20T08:00:00Z')`);
    await h.query(sql`insert into meeting_minutes (meeting_id, revision, status, text_bg, approved_at,
        correction_reason)
      values (${newer}, 2, 'approved', 'Поправен текст', '2020-02-25T08:00:00Z', 'Грешна дата')`);
    // A correction being drafted is not published until approved.
    await h.query(sql`insert into meeting_minutes (meeting_id, revision, text_bg, correction_reason)
      values (${older}, 2, 'Проект на поправка', 'Грешка в т. 1')`);

    const res = await app.inject({ url: '/api/public/minutes?pageSize=100' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      items: { meetingId: string; revision: number; titleEn: string }[];
      total: number;
    };
    const mine = body.items.filter((i) => [older, newer, secret].includes(i.meetingId));
    expect(mine.map((i) => [i.meetingId, i.revision])).toEqual([
      [newer, 2],
      [older, 1],
    ]);
    expect(mine[0]).toMatchObject({ titleEn: 'Публично ново (en)', bodyNameEn: 'Management board' });
    expect(res.body).not.toContain('Само за членове');
    expect(body.total).toBe(body.items.length);
    // The same for a member: the list does not depend on who asks.
    const asMember = await app.inject({
      url: '/api/public/minutes?pageSize=100',
      headers: { cookie: as.member },
    });
    expect(asMember.json()).toEqual(body);
  });

  it('refuses a bad page with a field error', async () => {
    const res = await app.inject({ url: '/api/public/minutes?pageSize=1000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('pageSize');
  });
});
