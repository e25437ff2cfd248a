/**
 * Issue 5 §4, personal data: a representative downloads their own and their organisation's data as JSON
 * (nothing secret in it, another organisation "not found"); a user erases their account (re-authenticated,
 * refused while they are an organisation's only representative), after which their name and email appear
 * nowhere in the database while decisions, votes and audit events still point to the anonymous row;
 * administrators erase a former user and an organisation's former contact person.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { AccountExportSchema, erasedEmailFor, OrganizationExportSchema } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { containsPattern } from '../../db.ts';
import {
  buildTestApp,
  insertOrganization,
  insertUser,
  logIn,
  nextEik,
  TEST_PASSWORD,
  TEST_PDF,
} from '../../testing.ts';
import { issueToken } from '../auth/auth.service.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;

const generous = Object.fromEntries(
  Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
) as RateLimits;

const PDF = TEST_PDF;
const year = new Date().getFullYear();
let decisionSeq = 700;

/**
 * Every text, json and array column of every table that mentions `needle` (any case): where it still is.
 * Read from information_schema, so a table added later is searched too.
 */
async function whereIs(needle: string): Promise<string[]> {
  const columns = await h.query<{ table_name: string; column_name: string }>(
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')
        order by 1, 2`,
  );
  expect(columns.length).toBeGreaterThan(40);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [row] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table_name)}
          where ${sql.identifier(column_name)}::text ilike ${containsPattern(needle)}`,
    );
    if (Number(row!.n) > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

/** A resource of `ownerId` booked by `organizationId` (asked by `requestedBy`), with a reason. */
async function insertBooking(ownerId: string, organizationId: string, requestedBy: string, reason: string) {
  const hours = JSON.stringify(Array.from({ length: 7 }, () => ({ opens: '00:00', closes: '24:00' })));
  const [resource] = await h.query<{ id: string }>(
    sql`insert into shared_resources (organization_id, kind, name_bg, name_en, conditions, opening_hours)
        values (${ownerId}, 'lab', 'Лаборатория за износ', 'Export lab', 'free', ${hours}::jsonb) returning id`,
  );
  await h.query(
    sql`insert into resource_bookings (resource_id, organization_id, requested_by, starts_at, ends_at, status, reason)
        values (${resource!.id}, ${organizationId}, ${requestedBy}, '2031-03-03T08:00:00Z', '2031-03-03T10:00:00Z',
          'cancelled', ${reason})`,
  );
}

const cookieOf = (cookie: string) => ({ cookie });

async function insertApplication(applicantId: string, organizationId: string | null, contact: object) {
  const eik = nextEik();
  const data = {
    organization: {
      nameBg: 'Заявител ООД',
      nameEn: 'Applicant Ltd',
      eik,
      kind: 'company',
      employees: 12,
      foundedYear: 2015,
      city: 'София',
      address: 'ул. Примерна 1',
      naceCodes: ['62.01'],
    },
    contact,
  };
  const [row] = await h.query<{ id: string }>(
    sql`insert into applications (applicant_id, state, data, eik, kind, organization_id, submitted_at, decided_at)
        values (${applicantId}, 'approved', ${JSON.stringify(data)}::jsonb, ${eik}, 'company', ${organizationId},
          now(), now())
        returning id`,
  );
  const id = row!.id;
  await h.query(
    sql`insert into application_documents (application_id, kind, filename, size, sha256, content, uploaded_by)
        values (${id}, 'registration_certificate', 'registration.pdf', ${PDF.length}, 'fixture-sha', ${PDF},
          ${applicantId})`,
  );
  await h.query(
    sql`insert into application_events (application_id, actor_id, kind, audience, changes)
        values (${id}, ${applicantId}, 'change', 'applicant',
          ${JSON.stringify({ section: 'contact', before: contact, after: contact })}::jsonb)`,
  );
  const seq = ++decisionSeq;
  await h.query(
    sql`insert into decisions (year, sequence, number, decided_on, outcome, application_id, organization_id,
          organization_name_bg, organization_name_en, text_bg, text_en, tally)
        values (${year}, ${seq}, ${`${year}-${seq}`}, current_date, 'approved', ${id}, ${organizationId},
          'Заявител ООД', 'Applicant Ltd', 'Решение', 'Decision',
          ${JSON.stringify({ for: 3, against: 0, abstain: 0, eligible: 3, recused: 0 })}::jsonb)`,
  );
  return id;
}

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h, {}, { rateLimits: generous });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('exports', () => {
  let orgA: string;
  let orgB: string;
  let rep: { id: string; email: string };
  let cookie: string;

  beforeAll(async () => {
    orgA = await insertOrganization(h, { nameBg: 'Износ А', nameEn: 'Export A', areas: ['ict-software'] });
    orgB = await insertOrganization(h, { nameBg: 'Износ Б', nameEn: 'Export B' });
    rep = await insertUser(h, {
      displayName: 'Росица Износова',
      roles: ['representative', 'applicant'],
      organizationIds: [orgA],
    });
    await h.query(
      sql`update organizations set contact_name = 'Росица Износова', contact_email = ${rep.email},
            contact_phone = '+359 2 000 111', visibility = '{"contactPhone": "committee"}'::jsonb
          where id = ${orgA}`,
    );
    await insertApplication(rep.id, orgA, {
      name: 'Росица Износова',
      position: 'Управител',
      email: rep.email,
      phone: '+359 2 000 111',
    });
    await h.query(
      sql`insert into representative_invitations (organization_id, email, token_hash, invited_by, expires_at)
          values (${orgA}, 'colleague-export@example.bg', 'invitation-token-hash-secret', ${rep.id},
            now() + interval '7 days')`,
    );
    await h.query(
      sql`insert into fee_payments (organization_id, year, amount_cents, paid_on, reference)
          values (${orgA}, ${year}, 50000, current_date, 'PAY-EXPORT-1')`,
    );
    // orgA asked to use orgB's lab, and cancelled.
    await insertBooking(orgB, orgA, rep.id, 'Не ни трябва вече');
    await issueToken(h.db, app.config.publicUrl, rep.id, 'reset_password');
    await h.query(
      sql`insert into outbox_messages (to_email, language, template, subject, text)
          values (${rep.email}, 'bg', 'reset_password', 'Нова парола',
            'Връзка: https://portal.example/reset-password?token=liveResetToken123 (1 час)')`,
    );
    cookie = await logIn(app, rep.email);
  });

  /** Every hash the database holds about the representative and their organisation. */
  async function secrets(): Promise<string[]> {
    const rows = await h.query<{ s: string }>(
      sql`select password_hash as s from users where id = ${rep.id}
          union all select token_hash from sessions where user_id = ${rep.id}
          union all select token_hash from auth_tokens where user_id = ${rep.id}
          union all select token_hash from representative_invitations where organization_id = ${orgA}`,
    );
    return rows.map((r) => r.s);
  }

  it('downloads my account as a dated JSON attachment with what the portal holds about me and no secrets', async () => {
    const res = await app.inject({ url: '/api/account/export', headers: cookieOf(cookie) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const today = new Date().toISOString().slice(0, 10);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="portal-account-${today}.json"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = AccountExportSchema.parse(res.json());
    expect(data.account).toMatchObject({ id: rep.id, email: rep.email, displayName: 'Росица Износова' });
    expect(data.roles.map((r) => r.role)).toEqual(['applicant', 'representative']);
    expect(data.sessions).toHaveLength(1);
    expect(data.organizations).toEqual([expect.objectContaining({ id: orgA, nameBg: 'Износ А' })]);
    expect(data.bookings).toEqual([
      expect.objectContaining({ organizationId: orgA, status: 'cancelled', reason: 'Не ни трябва вече' }),
    ]);
    const [application] = data.applications;
    expect(application).toMatchObject({ state: 'approved', answers: { contact: { position: 'Управител' } } });
    expect(application!.documents).toEqual([
      expect.objectContaining({ filename: 'registration.pdf', size: PDF.length }),
    ]);
    expect(application!.decision).toMatchObject({ outcome: 'approved' });
    expect(data.invitationsSent).toEqual([expect.objectContaining({ email: 'colleague-export@example.bg' })]);
    expect(data.emails).toEqual([expect.objectContaining({ subject: 'Нова парола', status: 'pending' })]);
    expect(data.auditEvents.some((e) => e.action === 'session.created')).toBe(true);
    for (const secret of await secrets()) expect(res.body).not.toContain(secret);
    expect(res.body).not.toContain('$argon2');
    expect(res.body).not.toMatch(/token_?hash|passwordHash|password_hash/i);
    // An emailed link keeps its place, not its single-use token.
    expect(res.body).not.toContain('liveResetToken123');
    expect(data.emails[0]!.text).toBe(
      'Връзка: https://portal.example/reset-password?token=[redacted] (1 час)',
    );
    // The document's bytes are not in it.
    expect(res.body).not.toContain('%PDF');
  });

  it("downloads my organisation's full record with contacts, visibility, members, fees and history", async () => {
    await app.inject({
      method: 'PATCH',
      url: '/api/account',
      headers: cookieOf(cookie),
      payload: { language: 'en' },
    });
    const res = await app.inject({
      url: `/api/account/organizations/${orgA}/export`,
      headers: cookieOf(cookie),
    });
    expect(res.statusCode, res.body).toBe(200);
    const [{ eik }] = (await h.query<{ eik: string }>(
      sql`select eik from organizations where id = ${orgA}`,
    )) as [{ eik: string }];
    const today = new Date().toISOString().slice(0, 10);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="portal-organization-${eik}-${today}.json"`,
    );
    const data = OrganizationExportSchema.parse(res.json());
    expect(data.organization).toMatchObject({
      id: orgA,
      eik,
      contactName: 'Росица Износова',
      contactEmail: rep.email,
      visibility: { contactPhone: 'committee' },
    });
    expect(data.areas.map((a) => a.id)).toEqual(['ict-software']);
    expect(data.membership).toMatchObject({ category: 'regular', status: 'active' });
    expect(data.feePayments).toEqual([
      expect.objectContaining({ reference: 'PAY-EXPORT-1', amountCents: 50000 }),
    ]);
    expect(data.resourceBookings).toEqual([
      expect.objectContaining({
        organizationId: orgA,
        requestedBy: rep.id,
        resourceNameBg: 'Лаборатория за износ',
      }),
    ]);
    expect(data.sharedResources).toEqual([]);
    expect(data.representatives).toEqual([expect.objectContaining({ id: rep.id, email: rep.email })]);
    expect(data.invitations).toEqual([expect.objectContaining({ email: 'colleague-export@example.bg' })]);
    expect(data.applications).toHaveLength(1);
    expect(data.decisions).toHaveLength(1);
    for (const secret of await secrets()) expect(res.body).not.toContain(secret);
    expect(res.body).not.toContain('%PDF');
  });

  it('answers for another organisation exactly as for one that does not exist', async () => {
    const other = await app.inject({
      url: `/api/account/organizations/${orgB}/export`,
      headers: cookieOf(cookie),
    });
    const missing = await app.inject({
      url: '/api/account/organizations/00000000-0000-4000-8000-000000000000/export',
      headers: cookieOf(cookie),
    });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'organization.not_found' });
    expect(other.body).toBe(missing.body);
    expect(other.body).not.toContain('Износ Б');
  });
});

describe('erasing my account', () => {
  const NAME = 'Зорница Изтрийска';
  const EMAIL = 'zornitsa.erase@example.bg';
  const PHONE = '+359 88 765 4321';
  let org: string;
  let colleague: { id: string; email: string };
  let user: { id: string; email: string };
  let cookie: string;
  let applicationId: string;
  let boardItemId: string;

  beforeAll(async () => {
    org = await insertOrganization(h, { nameBg: 'Изтриване ЕООД', nameEn: 'Erasure Ltd' });
    const inviter = await insertOrganization(h, { nameBg: 'Канеща ООД', nameEn: 'Inviting Ltd' });
    user = await insertUser(h, {
      email: EMAIL,
      displayName: 'Зорница',
      roles: ['representative', 'applicant', 'committee_member'],
      organizationIds: [org],
    });
    colleague = await insertUser(h, {
      displayName: 'Колега Оставащ',
      roles: ['representative'],
      organizationIds: [org, inviter],
    });
    cookie = await logIn(app, EMAIL);
    // A rename through the API: its audit snapshots hold the name and the email.
    const renamed = await app.inject({
      method: 'PATCH',
      url: '/api/account',
      headers: cookieOf(cookie),
      payload: { displayName: NAME },
    });
    expect(renamed.statusCode).toBe(200);
    // The organisation's contact person is she, and its history says so.
    await h.query(
      sql`update organizations set contact_name = ${NAME}, contact_position = 'Директор', contact_email = ${EMAIL},
            contact_phone = ${PHONE} where id = ${org}`,
    );
    await h.query(
      sql`insert into audit_events (actor_id, action, entity_type, entity_id, before, after)
          values (${user.id}, 'organization.profile_updated', 'organization', ${org}, '{}'::jsonb,
            ${JSON.stringify({ contactName: NAME, contactEmail: EMAIL, contactPhone: PHONE })}::jsonb)`,
    );
    // A booking of her organisation that another member cancelled, naming her in the reason.
    await insertBooking(inviter, org, colleague.id, `Моля, обадете се на ${NAME}`);
    // A board item she posted for her organisation, naming her as the one to call, edited once by her.
    const [boardItem] = await h.query<{ id: string }>(
      sql`insert into board_items (organization_id, kind, type, title_bg, description_bg, status, valid_until,
            published_at, created_by)
          values (${org}, 'offer', 'infrastructure', 'Споделена лаборатория',
            ${`Лаборатория по дни. Обадете се на ${NAME}, ${PHONE}.`}, 'published', current_date + 30, now(),
            ${user.id})
          returning id`,
    );
    boardItemId = boardItem!.id;
    await h.query(
      sql`insert into board_item_revisions (item_id, version, content, edited_by)
          values (${boardItemId}, 1, ${JSON.stringify({ titleBg: 'Лаборатория', descriptionBg: `Пишете на ${EMAIL}` })}::jsonb,
            ${user.id})`,
    );
    applicationId = await insertApplication(user.id, org, {
      name: NAME,
      position: 'Директор',
      email: EMAIL,
      phone: PHONE,
    });
    // She voted on it as a committee member.
    const [session] = await h.query<{ id: string }>(
      sql`insert into vote_sessions (application_id, round, majority, ballot, closed_at, outcome)
          values (${applicationId}, 1, 'simple', 'open', now(), 'approved') returning id`,
    );
    await h.query(
      sql`insert into votes (session_id, member_id, choice) values (${session!.id}, ${user.id}, 'for')`,
    );
    await h.query(
      sql`insert into application_events (application_id, actor_id, kind, audience, text)
          values (${applicationId}, ${colleague.id}, 'comment', 'committee', ${`Обадих се на ${NAME} (${EMAIL}).`})`,
    );
    // Mail: one queued to her, one sent to her, one to somebody else that names her.
    await h.query(
      sql`insert into outbox_messages (to_email, language, template, subject, text, status, sent_at) values
          (${EMAIL}, 'bg', 'password_changed', 'Паролата е сменена', ${`Здравейте, ${NAME}!`}, 'pending', null),
          (${EMAIL}, 'bg', 'verify_email', 'Потвърдете адреса', ${`Здравейте, ${NAME}!`}, 'sent', now()),
          ('someone@example.bg', 'bg', 'invitation', 'Покана', ${`${NAME} (${EMAIL}) ви кани.`}, 'sent', now())`,
    );
    // Invitations to her address: an open one and one she accepted.
    await h.query(
      sql`insert into representative_invitations (organization_id, email, token_hash, invited_by, expires_at)
          values (${inviter}, ${EMAIL}, 'open-invitation-hash', ${colleague.id}, now() + interval '7 days')`,
    );
    await h.query(
      sql`insert into representative_invitations (organization_id, email, token_hash, invited_by, expires_at,
            accepted_at, accepted_by)
          values (${org}, ${EMAIL}, 'accepted-invitation-hash', ${colleague.id}, now(), now(), ${user.id})`,
    );
    await issueToken(h.db, app.config.publicUrl, user.id, 'change_email', 'zornitsa.new@example.bg');
    expect((await whereIs(EMAIL)).length).toBeGreaterThan(5);
    expect((await whereIs(NAME)).length).toBeGreaterThan(5);
  });

  it('refuses a wrong password and changes nothing', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/account/erase',
      headers: { ...cookieOf(cookie), 'accept-language': 'en' },
      payload: { password: 'not my password at all' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.password' })]);
    const [row] = await h.query<{ email: string; erased_at: string | null }>(
      sql`select email, erased_at from users where id = ${user.id}`,
    );
    expect(row).toEqual({ email: EMAIL, erased_at: null });
  });

  it("refuses while I am an organisation's only representative, naming it, in bg and en", async () => {
    const lone = await insertOrganization(h, { nameBg: 'Самотна ООД', nameEn: 'Lonely Ltd' });
    const alone = await insertUser(h, { roles: ['representative'], organizationIds: [lone] });
    const aloneCookie = await logIn(app, alone.email);
    for (const language of ['bg', 'en'] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/account/erase',
        headers: { ...cookieOf(aloneCookie), 'accept-language': language },
        payload: { password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'account.only_representative' });
      expect(res.json().detail).toContain(language === 'bg' ? 'Самотна ООД' : 'Lonely Ltd');
    }
    expect(await whereIs(alone.email)).toContain('users.email');
    // Still signed in and able to log in.
    const me = await app.inject({ url: '/api/account', headers: cookieOf(aloneCookie) });
    expect(me.statusCode).toBe(200);
  });

  it('anonymises the account: nothing of me remains, while decisions, votes and audit events keep an anonymous reference', async () => {
    const auditBefore = await h.query<{ n: number }>(
      sql`select count(*)::int as n from audit_events where actor_id = ${user.id}`,
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/account/erase',
      headers: cookieOf(cookie),
      payload: { password: TEST_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(204);
    const cleared = res.cookies.find((c) => c.name.endsWith('portal_session'));
    expect(cleared?.value).toBe('');

    // Nowhere in the database any more.
    expect(await whereIs(EMAIL)).toEqual([]);
    expect(await whereIs(NAME)).toEqual([]);
    expect(await whereIs(PHONE)).toEqual([]);

    const [row] = await h.query<{ email: string; display_name: string; erased: boolean; disabled: boolean }>(
      sql`select email, display_name, erased_at is not null as erased, disabled_at is not null as disabled
          from users where id = ${user.id}`,
    );
    expect(row).toEqual({ email: erasedEmailFor(user.id), display_name: '', erased: true, disabled: true });
    for (const table of ['sessions', 'auth_tokens', 'user_roles', 'user_organizations']) {
      const rows = await h.query(sql`select 1 from ${sql.identifier(table)} where user_id = ${user.id}`);
      expect(rows, table).toEqual([]);
    }
    // Kept: the decision, her vote, the audit trail of what she did, the accepted invitation's record.
    const [kept] = await h.query<Record<string, number>>(
      sql`select
            (select count(*)::int from decisions where application_id = ${applicationId}) as decisions,
            (select count(*)::int from votes where member_id = ${user.id}) as votes,
            (select count(*)::int from audit_events where actor_id = ${user.id}) as audit,
            (select count(*)::int from applications where applicant_id = ${user.id}) as applications,
            (select count(*)::int from representative_invitations where accepted_by = ${user.id}) as accepted,
            (select count(*)::int from representative_invitations where email = ${erasedEmailFor(user.id)}
               and accepted_at is null) as open_invitations,
            (select count(*)::int from outbox_messages where to_email = ${erasedEmailFor(user.id)}) as sent,
            (select count(*)::int from user_organizations where organization_id = ${org}) as colleagues`,
    );
    expect(kept).toEqual({
      decisions: 1,
      votes: 1,
      audit: Number(auditBefore[0]!.n) + 1,
      applications: 1,
      accepted: 1,
      open_invitations: 0,
      sent: 1,
      colleagues: 1,
    });
    const [app1] = await h.query<{ data: { contact?: unknown; organization: { nameBg: string } } }>(
      sql`select data from applications where id = ${applicationId}`,
    );
    expect(app1!.data.contact).toBeUndefined();
    expect(app1!.data.organization.nameBg).toBe('Заявител ООД');
    const [contact] = await h.query<{ contact_email: string | null; contact_name: string | null }>(
      sql`select contact_email, contact_name from organizations where id = ${org}`,
    );
    expect(contact).toEqual({ contact_email: null, contact_name: null });
    const [event] = await h.query<{ actor_id: string; after: Record<string, unknown> }>(
      sql`select actor_id, after from audit_events where action = 'user.erased' and entity_id = ${user.id}`,
    );
    expect(event!.actor_id).toBe(user.id);
    expect(event!.after).toMatchObject({
      sessionsEnded: 1,
      organizationContactsCleared: 1,
      boardItemsDetached: 1,
    });
    // Her board item stays the organisation's, on the board, without the link to her or her name.
    const [item] = await h.query<{
      title_bg: string;
      description_bg: string;
      status: string;
      created_by: null;
    }>(sql`select title_bg, description_bg, status, created_by from board_items where id = ${boardItemId}`);
    expect(item).toMatchObject({ title_bg: 'Споделена лаборатория', status: 'published', created_by: null });
    expect(item!.description_bg).toMatch(/^Лаборатория по дни\. /);
    const revisions = await h.query<{ edited_by: string | null }>(
      sql`select edited_by from board_item_revisions where item_id = ${boardItemId}`,
    );
    expect(revisions).toEqual([{ edited_by: null }]);
  });

  it('can no longer log in, and the address is free for a new sign-up', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/log-in',
      payload: { email: EMAIL, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    const signUp = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: {
        email: EMAIL,
        password: 'a brand new long passphrase',
        displayName: 'Нова Зорница',
        language: 'bg',
      },
    });
    expect(signUp.statusCode, signUp.body).toBe(202);
    const rows = await h.query<{ id: string }>(sql`select id from users where email = ${EMAIL}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(user.id);
  });

  it('shows the erased user in the committee view of the application with an empty name', async () => {
    const admin = await insertUser(h, { roles: ['committee_member'] });
    const res = await app.inject({
      url: `/api/applications/${applicationId}`,
      headers: cookieOf(await logIn(app, admin.email)),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().applicant).toEqual({ id: user.id, name: '', email: erasedEmailFor(user.id) });
  });

  it('is refused after too many wrong passwords, like a log-in', async () => {
    const strict = await buildTestApp(
      h,
      {},
      { rateLimits: { ...generous, logInPerAccount: { max: 2, windowSeconds: 60 } } },
    );
    try {
      const someone = await insertUser(h);
      const c = await logIn(strict, someone.email);
      const attempt = () =>
        strict.inject({
          method: 'POST',
          url: '/api/account/erase',
          headers: cookieOf(c),
          payload: { password: 'wrong wrong wrong' },
        });
      expect((await attempt()).statusCode).toBe(400);
      expect((await attempt()).statusCode).toBe(400);
      const third = await attempt();
      expect(third.statusCode).toBe(429);
      expect(third.headers['retry-after']).toBeDefined();
    } finally {
      await strict.close();
    }
  });
});

describe('administrators erase personal data', () => {
  let adminCookie: string;
  let adminId: string;

  beforeAll(async () => {
    const admin = await insertUser(h, { roles: ['admin'] });
    adminId = admin.id;
    adminCookie = await logIn(app, admin.email);
  });

  it("erases a former user, even an organisation's only representative, and refuses twice and oneself", async () => {
    const NAME = 'Бивш Потребител';
    const lone = await insertOrganization(h, { nameBg: 'Бивша ООД', nameEn: 'Former Ltd' });
    const former = await insertUser(h, {
      displayName: NAME,
      roles: ['representative'],
      organizationIds: [lone],
    });
    const formerCookie = await logIn(app, former.email);
    const res = await app.inject({
      method: 'POST',
      url: `/api/admin/users/${former.id}/erase`,
      headers: cookieOf(adminCookie),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: former.id,
      email: erasedEmailFor(former.id),
      displayName: '',
      status: 'disabled',
      roles: [],
      organizations: [],
    });
    expect(await whereIs(former.email)).toEqual([]);
    expect(await whereIs(NAME)).toEqual([]);
    // Their session is over.
    expect((await app.inject({ url: '/api/account', headers: cookieOf(formerCookie) })).statusCode).toBe(401);
    const [event] = await h.query<{ actor_id: string }>(
      sql`select actor_id from audit_events where action = 'personal_data.erased' and entity_id = ${former.id}`,
    );
    expect(event!.actor_id).toBe(adminId);

    const again = await app.inject({
      method: 'POST',
      url: `/api/admin/users/${former.id}/erase`,
      headers: cookieOf(adminCookie),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'user.already_erased' });
    const self = await app.inject({
      method: 'POST',
      url: `/api/admin/users/${adminId}/erase`,
      headers: cookieOf(adminCookie),
    });
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ code: 'user.self_erase' });
    const missing = await app.inject({
      method: 'POST',
      url: '/api/admin/users/00000000-0000-4000-8000-000000000000/erase',
      headers: cookieOf(adminCookie),
    });
    expect(missing.statusCode).toBe(404);
  });

  it("erases an organisation's former contact person from its record, history and applications", async () => {
    const NAME = 'Контакт Бивш';
    const EMAIL = 'former.contact@example.bg';
    const PHONE = '+359 2 999 8877';
    const org = await insertOrganization(h, { nameBg: 'Контактна ООД', nameEn: 'Contact Ltd' });
    const applicant = await insertUser(h, { displayName: 'Кандидат Друг' });
    await h.query(
      sql`update organizations set contact_name = ${NAME}, contact_position = 'Старши експерт по връзки',
            contact_email = ${EMAIL}, contact_phone = ${PHONE}, version = version + 1 where id = ${org}`,
    );
    await h.query(
      sql`insert into audit_events (action, entity_type, entity_id, before, after)
          values ('organization.profile_updated', 'organization', ${org}, '{}'::jsonb,
            ${JSON.stringify({ contactName: NAME, contactEmail: EMAIL, contactPhone: PHONE, city: 'София' })}::jsonb)`,
    );
    const applicationId = await insertApplication(applicant.id, org, {
      name: NAME,
      position: 'Старши експерт по връзки',
      email: EMAIL,
      phone: PHONE,
    });
    const res = await app.inject({
      method: 'POST',
      url: `/api/admin/organizations/${org}/erase-contact`,
      headers: cookieOf(adminCookie),
    });
    expect(res.statusCode, res.body).toBe(204);
    expect(await whereIs(EMAIL)).toEqual([]);
    expect(await whereIs(NAME)).toEqual([]);
    expect(await whereIs(PHONE)).toEqual([]);
    const [row] = await h.query<Record<string, string | null>>(
      sql`select contact_name, contact_position, contact_email, contact_phone from organizations where id = ${org}`,
    );
    expect(row).toEqual({
      contact_name: null,
      contact_position: null,
      contact_email: null,
      contact_phone: null,
    });
    // The rest of the history and the application stay.
    const [snapshot] = await h.query<{ after: Record<string, string> }>(
      sql`select after from audit_events where entity_id = ${org} and action = 'organization.profile_updated'`,
    );
    expect(snapshot!.after.city).toBe('София');
    const [application] = await h.query<{ data: Record<string, unknown> }>(
      sql`select data from applications where id = ${applicationId}`,
    );
    expect(application!.data.contact).toBeUndefined();
    expect(application!.data.organization).toBeDefined();
    const [event] = await h.query<{ after: { fields: string[] } }>(
      sql`select after from audit_events where action = 'personal_data.erased' and entity_id = ${org}`,
    );
    expect(event!.after.fields).toEqual(['contactName', 'contactPosition', 'contactEmail', 'contactPhone']);

    const missing = await app.inject({
      method: 'POST',
      url: '/api/admin/organizations/00000000-0000-4000-8000-000000000000/erase-contact',
      headers: cookieOf(adminCookie),
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('meeting RSVPs (decision 041)', () => {
  it('exports my answers, for my seat and the one I answered for, and erasure keeps the answers without me', async () => {
    const org = await insertOrganization(h, { nameBg: 'Отговаряща ООД', nameEn: 'Answering Ltd' });
    const colleague = await insertUser(h, { roles: ['representative'], organizationIds: [org] });
    const me = await insertUser(h, {
      displayName: 'Ралица Отговорова',
      roles: ['representative'],
      organizationIds: [org],
    });
    const [body] = await h.query<{ id: string }>(
      sql`insert into governing_bodies (kind, name_bg, name_en) values ('working_group', 'Група', 'Group')
          returning id`,
    );
    const [position] = await h.query<{ id: string }>(
      sql`insert into body_positions (body_id, position, user_id, starts_on)
          values (${body!.id}, 'member', ${me.id}, '2026-01-01') returning id`,
    );
    const [meeting] = await h.query<{ id: string }>(
      sql`insert into meetings (body_id, title_bg, title_en, starts_at, ends_at, status, quorum, majority,
            allows_proxy)
          values (${body!.id}, 'Заседание за отговори', 'RSVP meeting', '2031-02-03T08:00:00Z',
            '2031-02-03T10:00:00Z', 'invited', 'more_than_half', 'simple', true) returning id`,
    );
    const [mine] = await h.query<{ id: string }>(
      sql`insert into meeting_participants (meeting_id, position_id, user_id, name, rsvp, rsvp_at, rsvp_by)
          values (${meeting!.id}, ${position!.id}, ${me.id}, 'Ралица Отговорова', 'yes',
            '2031-01-20T09:00:00Z', ${me.id}) returning id`,
    );
    // Her organisation's seat, for which she gave a proxy to her own seat.
    await h.query(
      sql`insert into meeting_participants (meeting_id, organization_id, name, rsvp, rsvp_proxy_id, rsvp_at,
            rsvp_by)
          values (${meeting!.id}, ${org}, 'Отговаряща ООД', 'proxy', ${mine!.id}, '2031-01-21T09:00:00Z',
            ${me.id})`,
    );
    // A seat answered by someone else, not about her: not hers to export.
    await h.query(
      sql`insert into meeting_participants (meeting_id, organization_id, name, rsvp, rsvp_at, rsvp_by)
          values (${meeting!.id}, ${await insertOrganization(h, { nameBg: 'Друга', nameEn: 'Other' })},
            'Друга', 'no', now(), ${colleague.id})`,
    );
    const cookie = await logIn(app, me.email);
    const res = await app.inject({ url: '/api/account/export', headers: cookieOf(cookie) });
    expect(res.statusCode, res.body).toBe(200);
    const data = AccountExportSchema.parse(res.json());
    expect(data.meetingRsvps).toEqual([
      expect.objectContaining({
        meetingId: meeting!.id,
        meetingTitleBg: 'Заседание за отговори',
        meetingTitleEn: 'RSVP meeting',
        seat: 'Ралица Отговорова',
        answer: 'yes',
        proxy: null,
        answeredByThem: true,
      }),
      expect.objectContaining({
        seat: 'Отговаряща ООД',
        answer: 'proxy',
        proxy: 'Ралица Отговорова',
        answeredByThem: true,
      }),
    ]);
    expect(String(data.meetingRsvps[0]!.startsAt)).toMatch(/^2031-02-03T08:00:00/);
    expect(String(data.meetingRsvps[1]!.answeredAt)).toMatch(/^2031-01-21T09:00:00/);

    await h.query(sql`delete from user_organizations where user_id = ${me.id}`);
    const erased = await app.inject({
      method: 'POST',
      url: '/api/account/erase',
      headers: cookieOf(cookie),
      payload: { password: TEST_PASSWORD },
    });
    expect(erased.statusCode, erased.body).toBe(204);
    const seats = await h.query<{ name: string; rsvp: string; rsvp_by: string | null }>(
      sql`select name, rsvp, rsvp_by from meeting_participants where meeting_id = ${meeting!.id}
          order by rsvp`,
    );
    // The answers stand (the quorum was planned on them); who gave them does not, nor her name.
    expect(seats.map((s) => [s.rsvp, s.rsvp_by === null])).toEqual([
      ['no', false],
      ['proxy', true],
      ['yes', true],
    ]);
    expect(seats.map((s) => s.name)).not.toContain('Ралица Отговорова');
  });
});
