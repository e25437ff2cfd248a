/**
 * Issue 14 §2: "Interested" opens a private conversation between two organisations. Only their
 * representatives read and write it (not the committee, not an administrator, who sees only that it
 * exists); one conversation per item and interested organisation, also under concurrent presses;
 * unread counts; "agreed" proposed by one side and confirmed by the other makes a partnership, shown on
 * the public profiles when both consent; new messages are emailed at most once an hour per conversation
 * and recipient, as a digest, unless the recipient turned those emails off.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { addDays, ConversationSchema, todayInSofia } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, dispatchEvents, insertOrganization, insertUser, logIn } from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
const org = {} as Record<'lab' | 'uni' | 'studio' | 'suspended', string>;
const as = {} as Record<
  'labRep' | 'labRep2' | 'uniRep' | 'studioRep' | 'suspendedRep' | 'committee' | 'admin' | 'noRole',
  string
>;
const email = {} as Record<'labRep' | 'labRep2' | 'uniRep' | 'studioRep', string>;
const userId = {} as Record<'labRep' | 'labRep2' | 'uniRep', string>;
let labItem = '';
let studioItem = '';

const SECRET = 'Тайна подробност за цената на часа';

beforeAll(async () => {
  h = await createTestDb({ maxConnections: 25 });
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  org.lab = await insertOrganization(h, { nameBg: 'Лаборатория Алфа', nameEn: 'Alpha Lab', areas: ['ict'] });
  org.uni = await insertOrganization(h, { nameBg: 'Университет Бета', nameEn: 'Beta University' });
  org.studio = await insertOrganization(h, { nameBg: 'Студио Гама', nameEn: 'Gamma Studio' });
  org.suspended = await insertOrganization(h, { nameBg: 'Спряна', nameEn: 'Suspended', status: 'suspended' });
  const rep = async (key: keyof typeof as, organizationId: string, language: 'bg' | 'en' = 'bg') => {
    const u = await insertUser(h, { roles: ['representative'], organizationIds: [organizationId], language });
    as[key] = await logIn(app, u.email);
    if (key === 'studioRep') email.studioRep = u.email;
    if (key === 'labRep' || key === 'labRep2' || key === 'uniRep') {
      email[key] = u.email;
      userId[key] = u.id;
    }
  };
  await rep('labRep', org.lab);
  await rep('labRep2', org.lab, 'en');
  await rep('uniRep', org.uni);
  await rep('studioRep', org.studio);
  await rep('suspendedRep', org.suspended);
  as.committee = await logIn(app, (await insertUser(h, { roles: ['committee_member'] })).email);
  as.admin = await logIn(app, (await insertUser(h, { roles: ['admin'] })).email);
  as.noRole = await logIn(app, (await insertUser(h)).email);
  labItem = await insertItem(org.lab, 'Споделена GPU лаборатория', 'Shared GPU and test lab');
  studioItem = await insertItem(org.studio, 'Звукозаписно студио', 'Sound studio');
});

afterAll(async () => {
  await app?.close();
  await h?.close();
});

async function insertItem(organizationId: string, titleBg: string, titleEn: string): Promise<string> {
  const [row] = await h.query<{ id: string }>(
    sql`insert into board_items (organization_id, kind, type, title_bg, title_en, description_bg, status,
          valid_until, published_at)
        values (${organizationId}, 'offer', 'infrastructure', ${titleBg}, ${titleEn}, 'Описание', 'published',
          ${addDays(todayInSofia(), 30)}::date, now())
        returning id`,
  );
  await h.query(sql`insert into board_item_areas (item_id, area_id) values (${row!.id}, 'ict-software')`);
  return row!.id;
}

const call = (
  cookie: string | null,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  language = 'bg',
) =>
  app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: { 'accept-language': language, ...(cookie ? { cookie } : {}) },
  });

const emailsTo = (to: string) =>
  h.query<{ subject: string; text: string }>(
    sql`select subject, text from outbox_messages where to_email = ${to.toLowerCase()} order by created_at, id`,
  );

let conversationId = '';

/** Time passes without waiting: every stored time of the conversations moves 61 minutes into the past. */
async function hourPasses() {
  await h.query(sql`update conversation_messages set created_at = created_at - interval '61 minutes'`);
  await h.query(sql`update conversation_reads set last_read_at = last_read_at - interval '61 minutes'`);
  await h.query(sql`update conversation_digests set last_sent_at = last_sent_at - interval '61 minutes'`);
  await h.query(
    sql`update outbox_events set next_attempt_at = next_attempt_at - interval '61 minutes'
        where dispatched_at is null`,
  );
}

describe('expressing interest', () => {
  it('opens a conversation with the first message, once per item and organisation', async () => {
    const first = await call(as.uniRep, 'POST', `/api/board/items/${labItem}/interest`, {
      body: `Здравейте! ${SECRET}. Вижте https://example.bg/gpu.`,
    });
    expect(first.statusCode, first.body).toBe(201);
    const c = ConversationSchema.parse(first.json());
    conversationId = c.id;
    expect(c).toMatchObject({
      status: 'open',
      mySide: 'interested',
      owner: { id: org.lab },
      interested: { id: org.uni },
      unread: 0,
    });
    expect(c.messages).toHaveLength(1);
    expect(c.messages[0]).toMatchObject({ mine: true, authorOrganizationId: org.uni });

    const again = await call(as.uniRep, 'POST', `/api/board/items/${labItem}/interest`, { body: 'Пак аз' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id: conversationId });
    expect(again.json().messages).toHaveLength(1);
  });

  it('is refused on the own item, to a suspended member, to the committee and administrators', async () => {
    const own = await call(as.labRep, 'POST', `/api/board/items/${labItem}/interest`, { body: 'Аз' });
    expect(own.statusCode, own.body).toBe(409);
    expect(own.json()).toMatchObject({ code: 'conversation.own_item' });
    const suspended = await call(as.suspendedRep, 'POST', `/api/board/items/${labItem}/interest`, {
      body: 'Здравейте',
    });
    expect(suspended.statusCode, suspended.body).toBe(403);
    expect(suspended.json()).toMatchObject({ code: 'membership.inactive' });
    for (const cookie of [as.committee, as.admin, as.noRole]) {
      const res = await call(cookie, 'POST', `/api/board/items/${labItem}/interest`, { body: 'Здравейте' });
      expect(res.statusCode, res.body).toBe(403);
    }
    const [row] = await h.query<{ n: number }>(sql`select count(*)::int as n from conversations`);
    expect(row!.n).toBe(1);
  });

  it('refuses a message over 5,000 characters and control characters, field by field in Bulgarian', async () => {
    const long = await call(as.studioRep, 'POST', `/api/board/items/${labItem}/interest`, {
      body: 'а'.repeat(5001),
    });
    expect(long.statusCode, long.body).toBe(400);
    expect(long.json().errors).toEqual([expect.objectContaining({ path: 'body.body' })]);
    expect(long.json().errors[0].message).toMatch(/5000|5 000/);
    const control = await call(as.studioRep, 'POST', `/api/board/items/${labItem}/interest`, {
      body: 'Здравейте\u0000',
    });
    expect(control.statusCode, control.body).toBe(400);
    expect(control.json().errors).toEqual([
      expect.objectContaining({ path: 'body.body', message: expect.stringMatching(/управляващи символи/) }),
    ]);
    const [row] = await h.query<{ n: number }>(sql`select count(*)::int as n from conversations`);
    expect(row!.n).toBe(1);
  });

  it.runIf(testEngine === 'postgres')(
    'opens exactly one conversation for 20 concurrent presses (PostgreSQL)',
    async () => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call(as.uniRep, 'POST', `/api/board/items/${studioItem}/interest`, { body: `Натискане ${i}` }),
        ),
      );
      const codes = answers.map((a) => a.statusCode).sort();
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      expect(codes.filter((c) => c === 200)).toHaveLength(19);
      expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
      const [row] = await h.query<{ n: number; m: number }>(
        sql`select count(*)::int as n, (select count(*)::int from conversation_messages m
              where m.conversation_id = c.id) as m
            from conversations c where c.item_id = ${studioItem} group by c.id`,
      );
      expect(row).toMatchObject({ n: 1, m: 1 });
    },
  );

  it('opens exactly one conversation for concurrent presses (sequential on PGlite)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(as.uniRep, 'POST', `/api/board/items/${studioItem}/interest`, { body: 'Здравейте' }),
      ),
    );
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const [row] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from conversations where item_id = ${studioItem}`,
    );
    expect(row!.n).toBe(1);
  });
});

describe('who reads a conversation', () => {
  it('the representatives of both sides, nobody else', async () => {
    for (const cookie of [as.labRep, as.labRep2, as.uniRep]) {
      const res = await call(cookie, 'GET', `/api/conversations/${conversationId}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toContain(SECRET);
    }
    const other = await call(as.studioRep, 'GET', `/api/conversations/${conversationId}`);
    expect(other.statusCode).toBe(404);
    for (const cookie of [as.committee, as.admin, as.noRole, null]) {
      const res = await call(cookie, 'GET', `/api/conversations/${conversationId}`);
      expect([401, 403]).toContain(res.statusCode);
      expect(res.body).not.toContain(SECRET);
    }
  });

  it('an administrator sees that it exists, between whom and how many messages, never the text', async () => {
    const res = await call(as.admin, 'GET', '/api/admin/conversations');
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().items.find((i: { id: string }) => i.id === conversationId);
    expect(row).toMatchObject({ owner: { id: org.lab }, interested: { id: org.uni }, messageCount: 1 });
    expect(res.body).not.toContain(SECRET);
    const audit = await call(as.admin, 'GET', '/api/admin/audit?pageSize=100');
    expect(audit.body).not.toContain(SECRET);
    const denied = await call(as.labRep, 'GET', '/api/admin/conversations');
    expect(denied.statusCode).toBe(403);
  });
});

describe('messages, unread counts and the digest', () => {
  it('counts the other side’s messages as unread until read', async () => {
    const list = await call(as.labRep, 'GET', '/api/conversations');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: conversationId, unread: 1, mySide: 'owner' }),
    ]);
    expect((await call(as.labRep, 'GET', '/api/conversations/unread')).json()).toEqual({ total: 1 });
    expect((await call(as.uniRep, 'GET', '/api/conversations/unread')).json()).toEqual({ total: 0 });
    const read = await call(as.labRep, 'POST', `/api/conversations/${conversationId}/read`);
    expect(read.statusCode, read.body).toBe(204);
    expect((await call(as.labRep, 'GET', '/api/conversations/unread')).json()).toEqual({ total: 0 });
    // The other representative of the lab has not read it.
    expect((await call(as.labRep2, 'GET', '/api/conversations/unread')).json()).toEqual({ total: 1 });
  });

  it('emails the other side at most once an hour per conversation, then a digest of what came since', async () => {
    await dispatchEvents(h.db);
    const first = await emailsTo(email.labRep2);
    expect(first).toHaveLength(1);
    expect(first[0]!.subject).toContain('Beta University');
    expect(first[0]!.text).toContain(SECRET);
    expect(first[0]!.text).toContain(`/conversations/${conversationId}`);
    // labRep read it before the dispatch: nothing left to tell them.
    expect(await emailsTo(email.labRep)).toHaveLength(0);
    expect(await emailsTo(email.uniRep)).toHaveLength(0);

    for (const text of ['Второ съобщение', 'Трето съобщение']) {
      const res = await call(as.uniRep, 'POST', `/api/conversations/${conversationId}/messages`, {
        body: text,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await dispatchEvents(h.db);
    expect(await emailsTo(email.labRep2)).toHaveLength(1);
    // labRep was never emailed, so they hear at once (one email, both messages).
    const labRep = await emailsTo(email.labRep);
    expect(labRep).toHaveLength(1);
    expect(labRep[0]!.text).toContain('Второ съобщение');
    expect(labRep[0]!.text).toContain('Трето съобщение');

    // A digest waits for the end of labRep2's hour. An hour passes: every stored time moves 61 minutes back.
    const [waiting] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from outbox_events where type = 'conversation.digest' and dispatched_at is null`,
    );
    expect(waiting!.n).toBe(1);
    await hourPasses();
    await dispatchEvents(h.db);
    const digest = await emailsTo(email.labRep2);
    expect(digest).toHaveLength(2);
    expect(digest[1]!.subject).toBe('New messages from Beta University about "Shared GPU and test lab"');
    expect(digest[1]!.text).toContain('Второ съобщение');
    expect(digest[1]!.text).toContain('Трето съобщение');
    expect(digest[1]!.text).not.toContain(SECRET);
    // The administrators' mailbox shows that the digests went out, never their text.
    const mailbox = await call(
      as.admin,
      'GET',
      `/api/admin/mailbox?to=${encodeURIComponent(email.labRep2)}&pageSize=100`,
    );
    expect(mailbox.statusCode, mailbox.body).toBe(200);
    const digests = mailbox
      .json()
      .items.filter((m: { template: string }) => m.template === 'conversation_digest');
    expect(digests).toHaveLength(2);
    for (const m of digests) expect(m).toMatchObject({ text: '', textHidden: true });
    expect(mailbox.body).not.toContain('Второ съобщение');
  });

  it('sends nothing to a user who turned the emails off', async () => {
    const off = await call(as.labRep, 'PUT', '/api/account/conversation-settings', { emailsEnabled: false });
    expect(off.statusCode, off.body).toBe(200);
    expect((await call(as.labRep, 'GET', '/api/account/conversation-settings')).json()).toEqual({
      emailsEnabled: false,
    });
    await hourPasses();
    const res = await call(as.uniRep, 'POST', `/api/conversations/${conversationId}/messages`, {
      body: 'Четвърто съобщение',
    });
    expect(res.statusCode).toBe(201);
    await dispatchEvents(h.db);
    expect(await emailsTo(email.labRep)).toHaveLength(1);
    expect(await emailsTo(email.labRep2)).toHaveLength(3);
  });

  it('sends one digest when two dispatchers handle two messages of a conversation at once', async () => {
    await dispatchEvents(h.db);
    await hourPasses();
    const before = (await emailsTo(email.studioRep)).length;
    const studio = await call(as.uniRep, 'POST', `/api/board/items/${studioItem}/interest`, { body: 'x' });
    const studioConversation = studio.json().id as string;
    for (const text of ['Първо', 'Второ']) {
      const res = await call(as.uniRep, 'POST', `/api/conversations/${studioConversation}/messages`, {
        body: text,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await Promise.all([dispatchEvents(h.db), dispatchEvents(h.db), dispatchEvents(h.db)]);
    const after = await emailsTo(email.studioRep);
    expect(after.length - before).toBe(1);
    expect(after.at(-1)!.text).toContain('Първо');
    expect(after.at(-1)!.text).toContain('Второ');
  });

  it('refuses a message from someone outside the conversation, saving nothing', async () => {
    const res = await call(as.studioRep, 'POST', `/api/conversations/${conversationId}/messages`, {
      body: 'Намеса',
    });
    expect(res.statusCode).toBe(404);
    const [row] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from conversation_messages where body = 'Намеса'`,
    );
    expect(row!.n).toBe(0);
  });
});

describe('agreed: a partnership', () => {
  it('is proposed by one side, confirmed by the other, and shown on profiles only with both consents', async () => {
    const read = ConversationSchema.parse(
      (await call(as.uniRep, 'GET', `/api/conversations/${conversationId}`)).json(),
    );
    const proposed = await call(as.uniRep, 'POST', `/api/conversations/${conversationId}/agree`, {
      version: read.version,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({
      status: 'agreed_proposed',
      agreedProposedByOrganizationId: org.uni,
    });
    const self = await call(as.uniRep, 'POST', `/api/conversations/${conversationId}/confirm`, {
      version: proposed.json().version,
    });
    expect(self.statusCode).toBe(409);
    const stale = await call(as.labRep, 'POST', `/api/conversations/${conversationId}/confirm`, {
      version: read.version,
    });
    expect(stale.json()).toMatchObject({ code: 'conversation.stale' });
    const confirmed = await call(as.labRep, 'POST', `/api/conversations/${conversationId}/confirm`, {
      version: proposed.json().version,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const c = ConversationSchema.parse(confirmed.json());
    expect(c.status).toBe('agreed');
    expect(c.partnership).toMatchObject({ myConsent: false, otherConsent: false });

    const list = await call(as.labRep, 'GET', `/api/account/organizations/${org.lab}/partnerships`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        partner: expect.objectContaining({ id: org.uni }),
        areas: [expect.objectContaining({ id: 'ict-software' })],
      }),
    ]);
    const notMine = await call(as.studioRep, 'GET', `/api/account/organizations/${org.lab}/partnerships`);
    expect(notMine.statusCode).toBe(404);

    const profile = async (id: string) => (await call(null, 'GET', `/api/organizations/${id}`)).json();
    expect((await profile(org.lab)).partners).toEqual([]);
    const pid = c.partnership!.id;
    expect(
      (await call(as.labRep, 'PUT', `/api/account/partnerships/${pid}/consent`, { shown: true })).statusCode,
    ).toBe(204);
    expect((await profile(org.lab)).partners).toEqual([]);
    expect(
      (await call(as.studioRep, 'PUT', `/api/account/partnerships/${pid}/consent`, { shown: true }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(as.uniRep, 'PUT', `/api/account/partnerships/${pid}/consent`, { shown: true })).statusCode,
    ).toBe(204);
    expect((await profile(org.lab)).partners).toEqual([
      expect.objectContaining({
        organization: expect.objectContaining({ id: org.uni, nameEn: 'Beta University' }),
      }),
    ]);
    expect((await profile(org.uni)).partners).toEqual([
      expect.objectContaining({ organization: expect.objectContaining({ id: org.lab }) }),
    ]);
    await call(as.uniRep, 'PUT', `/api/account/partnerships/${pid}/consent`, { shown: false });
    expect((await profile(org.lab)).partners).toEqual([]);

    const audit = await h.query<{ action: string; before: unknown; after: unknown }>(
      sql`select action, before, after from audit_events where entity_type in ('conversation', 'partnership')
          order by occurred_at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'conversation.opened',
        'conversation.message_posted',
        'conversation.agreed_proposed',
        'conversation.agreed_confirmed',
        'partnership.consent_changed',
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });
});

const agreementEmails = (to: string, step: string) =>
  h.query<{ subject: string; text: string; language: string }>(
    sql`select subject, text, language from outbox_messages
        where to_email = ${to.toLowerCase()} and template = ${`conversation_agreement_${step}`}
        order by created_at, id`,
  );

describe('withdrawing or declining a proposal of "agreed"', () => {
  let id = '';
  const REASON = 'Цената още не е уточнена';
  const get = async (cookie: string) =>
    ConversationSchema.parse((await call(cookie, 'GET', `/api/conversations/${id}`)).json());

  it('the other side declines with a reason; the proposing side hears, without the reason in the email', async () => {
    const opened = await call(as.studioRep, 'POST', `/api/board/items/${labItem}/interest`, {
      body: 'Бихме наели лабораторията.',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    id = opened.json().id;
    const proposed = await call(as.studioRep, 'POST', `/api/conversations/${id}/agree`, {
      version: opened.json().version,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    await dispatchEvents(h.db);
    // Both lab representatives hear, each in their language — labRep too, who turned the new-message
    // emails off: that switch covers messages, not the steps of "agreed" (decision 036).
    const bg = (await agreementEmails(email.labRep, 'proposed')).at(-1);
    expect(bg).toMatchObject({ language: 'bg', subject: 'Студио Гама предлага да отбележите партньорство' });
    expect(bg!.text).toContain('„Споделена GPU лаборатория“');
    expect(bg!.text).toContain(`/conversations/${id}`);
    const en = (await agreementEmails(email.labRep2, 'proposed')).at(-1);
    expect(en!.subject).toBe('Gamma Studio proposes to record a partnership');
    expect(en!.text).toContain('Confirm it to record the partnership in the cluster, or decline it');
    expect(await agreementEmails(email.studioRep, 'proposed')).toHaveLength(0);

    const version = proposed.json().version as number;
    // Wrong side for each action: a clear 409 in the user's language, nothing changed.
    const ownDecline = await call(as.studioRep, 'POST', `/api/conversations/${id}/decline`, { version });
    expect(ownDecline.statusCode).toBe(409);
    expect(ownDecline.json()).toMatchObject({ code: 'conversation.own_proposal' });
    const theirWithdraw = await call(
      as.labRep2,
      'POST',
      `/api/conversations/${id}/withdraw`,
      { version },
      'en',
    );
    expect(theirWithdraw.statusCode).toBe(409);
    expect(theirWithdraw.json()).toMatchObject({
      code: 'conversation.not_own_proposal',
      detail: 'Only the side that proposed the agreement can withdraw it. You can decline it.',
    });
    const stale = await call(as.labRep, 'POST', `/api/conversations/${id}/decline`, { version: version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conversation.stale' });
    const tooLong = await call(as.labRep, 'POST', `/api/conversations/${id}/decline`, {
      version,
      reason: 'д'.repeat(501),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    expect((await get(as.labRep)).status).toBe('agreed_proposed');

    const declined = await call(as.labRep, 'POST', `/api/conversations/${id}/decline`, {
      version,
      reason: `  ${REASON}  `,
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const c = ConversationSchema.parse(declined.json());
    expect(c).toMatchObject({
      status: 'open',
      agreedProposedByOrganizationId: null,
      agreedProposedAt: null,
      proposalEnded: { action: 'declined', byOrganizationId: org.lab, reason: REASON },
      version: version + 1,
    });
    // The proposing side sees the reason in the portal.
    expect((await get(as.studioRep)).proposalEnded).toMatchObject({ action: 'declined', reason: REASON });

    // Declining again: there is nothing left to decline.
    const again = await call(
      as.labRep2,
      'POST',
      `/api/conversations/${id}/decline`,
      { version: c.version },
      'en',
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conversation.no_proposal' });
    expect(again.json().detail).toMatch(/no longer has a proposal/);

    await dispatchEvents(h.db);
    const told = (await agreementEmails(email.studioRep, 'declined')).at(-1);
    expect(told!.subject).toBe('Лаборатория Алфа отклони предложението за партньорство');
    expect(told!.text).toContain('Те посочиха причина');
    expect(told!.text).not.toContain(REASON);
    expect(await agreementEmails(email.labRep, 'declined')).toHaveLength(0);

    const [audit] = await h.query<{ before: unknown; after: unknown }>(
      sql`select before, after from audit_events where action = 'conversation.agreed_declined'
          and entity_id = ${id}`,
    );
    expect(audit).toMatchObject({
      before: { status: 'agreed_proposed', proposedByOrganizationId: org.studio },
      after: { status: 'open', endedByOrganizationId: org.lab, reasonLength: REASON.length },
    });
    expect(JSON.stringify(audit)).not.toContain(REASON);
    const moderation = await call(as.admin, 'GET', '/api/admin/conversations?pageSize=100');
    expect(moderation.body).not.toContain(REASON);
  });

  it('the proposing side withdraws; the other side hears; a second withdrawal is refused', async () => {
    const open = await get(as.studioRep);
    const proposed = await call(as.studioRep, 'POST', `/api/conversations/${id}/agree`, {
      version: open.version,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    // A new proposal clears how the last one ended.
    expect(proposed.json()).toMatchObject({ status: 'agreed_proposed', proposalEnded: null });
    const withdrawn = await call(as.studioRep, 'POST', `/api/conversations/${id}/withdraw`, {
      version: proposed.json().version,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      status: 'open',
      proposalEnded: { action: 'withdrawn', byOrganizationId: org.studio, reason: null },
    });
    // The other side confirms the proposal it saw, too late: 409, no partnership.
    const late = await call(as.labRep, 'POST', `/api/conversations/${id}/confirm`, {
      version: proposed.json().version,
    });
    expect(late.statusCode).toBe(409);
    const twice = await call(as.studioRep, 'POST', `/api/conversations/${id}/withdraw`, {
      version: withdrawn.json().version,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'conversation.no_proposal' });
    const [p] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from partnerships where conversation_id = ${id}`,
    );
    expect(p!.n).toBe(0);

    await dispatchEvents(h.db);
    const en = (await agreementEmails(email.labRep2, 'withdrawn')).at(-1);
    expect(en!.subject).toBe('Gamma Studio withdrew the partnership proposal');
    expect(await agreementEmails(email.studioRep, 'withdrawn')).toHaveLength(0);
    const [audit] = await h.query<{ before: unknown; after: unknown }>(
      sql`select before, after from audit_events where action = 'conversation.agreed_withdrawn'
          and entity_id = ${id}`,
    );
    expect(audit).toMatchObject({
      before: { status: 'agreed_proposed', proposedByOrganizationId: org.studio },
      after: { status: 'open', endedByOrganizationId: org.studio },
    });
  });

  it.runIf(testEngine === 'postgres')(
    'a decline and a confirmation at the same moment: exactly one wins (PostgreSQL)',
    async () => {
      // A conversation of its own, so whichever answer wins leaves the other tests' conversation alone.
      const item = await insertItem(org.lab, 'Споделен 3D принтер', 'Shared 3D printer');
      const opened = await call(as.studioRep, 'POST', `/api/board/items/${item}/interest`, {
        body: 'Бихме ползвали принтера.',
      });
      expect(opened.statusCode, opened.body).toBe(201);
      const raceId = opened.json().id as string;
      const proposed = await call(as.labRep, 'POST', `/api/conversations/${raceId}/agree`, {
        version: opened.json().version,
      });
      expect(proposed.statusCode, proposed.body).toBe(200);
      const version = proposed.json().version as number;
      const answers = await Promise.all([
        call(as.studioRep, 'POST', `/api/conversations/${raceId}/confirm`, { version }),
        call(as.studioRep, 'POST', `/api/conversations/${raceId}/decline`, { version }),
        call(as.labRep, 'POST', `/api/conversations/${raceId}/withdraw`, { version }),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
      const winner = answers.findIndex((a) => a.statusCode === 200);
      const after = ConversationSchema.parse(
        (await call(as.labRep, 'GET', `/api/conversations/${raceId}`)).json(),
      );
      // The stored state is the winner's, and only a confirmation made a partnership.
      expect(after.status).toBe(winner === 0 ? 'agreed' : 'open');
      const [p] = await h.query<{ n: number }>(
        sql`select count(*)::int as n from partnerships where conversation_id = ${raceId}`,
      );
      expect(p!.n).toBe(winner === 0 ? 1 : 0);
    },
  );

  it('a confirmation is emailed to the side that proposed', async () => {
    const now = await get(as.labRep);
    expect(now.status).toBe('open');
    const proposed = await call(as.labRep, 'POST', `/api/conversations/${id}/agree`, {
      version: now.version,
    });
    const confirmed = await call(as.studioRep, 'POST', `/api/conversations/${id}/confirm`, {
      version: proposed.json().version,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    await dispatchEvents(h.db);
    const bg = (await agreementEmails(email.labRep, 'confirmed')).at(-1);
    expect(bg!.subject).toBe('Студио Гама потвърди партньорството');
    const en = (await agreementEmails(email.labRep2, 'confirmed')).at(-1);
    expect(en!.subject).toBe('Gamma Studio confirmed the partnership');
    expect(await agreementEmails(email.studioRep, 'confirmed')).toHaveLength(0);
  });
});

describe('moderation list', () => {
  it('pages, filters by status and searches names and item titles — never message text', async () => {
    const all = await call(as.admin, 'GET', '/api/admin/conversations?pageSize=1');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ page: 1, pageSize: 1 });
    expect(all.json().items).toHaveLength(1);
    expect(all.json().total).toBeGreaterThanOrEqual(3);
    const second = await call(as.admin, 'GET', '/api/admin/conversations?pageSize=1&page=2');
    expect(second.json().items[0].id).not.toBe(all.json().items[0].id);

    const byName = await call(
      as.admin,
      'GET',
      `/api/admin/conversations?q=${encodeURIComponent('гама бета')}`,
    );
    expect(byName.statusCode, byName.body).toBe(200);
    expect(byName.json().items).toEqual([
      expect.objectContaining({
        owner: expect.objectContaining({ id: org.studio }),
        interested: expect.objectContaining({ id: org.uni }),
        item: expect.objectContaining({ titleEn: 'Sound studio' }),
      }),
    ]);
    const byTitle = await call(as.admin, 'GET', '/api/admin/conversations?q=GPU');
    expect(byTitle.json().items.map((i: { owner: { id: string } }) => i.owner.id)).toEqual([
      org.lab,
      org.lab,
    ]);
    // A word only a message holds finds nothing: the search cannot reveal what anyone wrote.
    const secret = await call(as.admin, 'GET', `/api/admin/conversations?q=${encodeURIComponent('Тайна')}`);
    expect(secret.json()).toMatchObject({ items: [], total: 0 });
    const agreed = await call(as.admin, 'GET', '/api/admin/conversations?status=agreed');
    expect(agreed.json().items.length).toBeGreaterThan(0);
    expect(agreed.json().items.every((i: { status: string }) => i.status === 'agreed')).toBe(true);
    const bad = await call(as.admin, 'GET', '/api/admin/conversations?status=secret');
    expect(bad.statusCode).toBe(400);
  });
});

describe('organisation export', () => {
  it("carries the organisation's conversations with both sides' messages, and its partnerships", async () => {
    const res = await call(as.labRep, 'GET', `/api/account/organizations/${org.lab}/export`);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json() as {
      conversations: {
        id: string;
        side: string;
        otherOrganizationId: string;
        itemTitleEn: string;
        status: string;
        agreedConfirmedAt: string | null;
        messages: {
          authorName: string | null;
          authorOrganizationId: string;
          body: string;
          createdAt: string;
        }[];
      }[];
      partnerships: { conversationId: string; partnerOrganizationId: string; areas: string[] }[];
    };
    const withUni = data.conversations.find((c) => c.id === conversationId)!;
    expect(withUni).toMatchObject({
      side: 'owner',
      otherOrganizationId: org.uni,
      itemTitleEn: 'Shared GPU and test lab',
      status: 'agreed',
    });
    expect(withUni.agreedConfirmedAt).not.toBeNull();
    // The other side's messages too (both sides read them), with the writer's name and time.
    expect(withUni.messages[0]).toMatchObject({ authorOrganizationId: org.uni });
    expect(withUni.messages[0]!.body).toContain(SECRET);
    expect(typeof withUni.messages[0]!.authorName).toBe('string');
    expect(withUni.messages[0]!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(data.conversations.map((c) => c.otherOrganizationId)).toContain(org.studio);
    expect(data.partnerships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ conversationId, partnerOrganizationId: org.uni, areas: ['ict-software'] }),
      ]),
    );
    // The studio's export has its conversations, not the lab's with the university.
    const studio = await call(as.studioRep, 'GET', `/api/account/organizations/${org.studio}/export`);
    expect(studio.statusCode, studio.body).toBe(200);
    expect(studio.body).not.toContain(SECRET);
    expect(studio.json().conversations.length).toBeGreaterThan(0);
  });
});

describe('personal data', () => {
  it('exports the messages a person wrote, and erasing them keeps the conversation readable for the other side', async () => {
    const exported = await call(as.uniRep, 'GET', '/api/account/export');
    expect(exported.statusCode, exported.body).toBe(200);
    const messages = exported.json().conversationMessages as { body: string; conversationId: string }[];
    expect(messages.map((m) => m.body)).toEqual(
      expect.arrayContaining(['Второ съобщение', 'Трето съобщение']),
    );
    expect(messages.every((m) => typeof m.conversationId === 'string')).toBe(true);
    // The other side's export carries only what they wrote (and the emails they received).
    const lab = await call(as.labRep, 'GET', '/api/account/export');
    expect(lab.json().conversationMessages).toEqual([]);

    // A full name (the personal-data code scrubs full names and addresses inside texts).
    const [uni] = await h.query<{ display_name: string }>(
      sql`update users set display_name = 'Мария Петрова' where id = ${userId.uniRep} returning display_name`,
    );
    // A message of the lab that names the person: the name is scrubbed with the account.
    await call(as.labRep, 'POST', `/api/conversations/${conversationId}/messages`, {
      body: `Благодаря, ${uni!.display_name}!`,
    });
    // They also declined a proposal, naming themselves in the reason.
    const [studioTalk] = await h.query<{ id: string; version: number }>(
      sql`select id, version from conversations where item_id = ${studioItem} and interested_organization_id = ${org.uni}`,
    );
    const proposed = await call(as.studioRep, 'POST', `/api/conversations/${studioTalk!.id}/agree`, {
      version: studioTalk!.version,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const declined = await call(as.uniRep, 'POST', `/api/conversations/${studioTalk!.id}/decline`, {
      version: proposed.json().version,
      reason: `Ще се обади ${uni!.display_name}.`,
    });
    expect(declined.statusCode, declined.body).toBe(200);

    const erased = await call(as.admin, 'POST', `/api/admin/users/${userId.uniRep}/erase`);
    expect(erased.statusCode, erased.body).toBe(200);
    const [ended] = await h.query<{ proposal_ended_by: string | null; decline_reason: string }>(
      sql`select proposal_ended_by, decline_reason from conversations where id = ${studioTalk!.id}`,
    );
    expect(ended!.proposal_ended_by).toBeNull();
    expect(ended!.decline_reason).not.toContain(uni!.display_name);
    expect(ended!.decline_reason).toMatch(/^Ще се обади /);

    const read = await call(as.labRep, 'GET', `/api/conversations/${conversationId}`);
    expect(read.statusCode, read.body).toBe(200);
    const c = ConversationSchema.parse(read.json());
    const theirs = c.messages.filter((m) => m.authorOrganizationId === org.uni);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((m) => m.authorName === null)).toBe(true);
    expect(theirs.map((m) => m.body)).toContain('Второ съобщение');
    expect(read.body).not.toContain(uni!.display_name);
    const [left] = await h.query<{ n: number }>(
      sql`select (select count(*) from conversation_messages where author_user_id = ${userId.uniRep})
            + (select count(*) from conversation_reads where user_id = ${userId.uniRep})
            + (select count(*) from conversations where opened_by = ${userId.uniRep}
                 or agreed_proposed_by = ${userId.uniRep})::int as n`,
    );
    expect(Number(left!.n)).toBe(0);
  });
});
