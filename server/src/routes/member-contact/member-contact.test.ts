import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { OrganizationProfileSchema } from '@portal/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization, insertUser } from '../../testing.ts';
import { findOrganizationExport, redactMailTo } from '../personal-data/personal-data.repository.ts';

/** Issue 17, decision 053: a visitor writes to a member through the contact form of its public page. */

let h: DbHandle;
let app: FastifyInstance;
let open: string;
let closed: string;
let withdrawn: string;
let limited: string;
const REP_BG = 'rep-bg@open.example';
const REP_EN = 'rep-en@open.example';
const PUBLIC_EMAIL = 'office@open.example';

const message = (over: Record<string, unknown> = {}) => ({
  name: 'Мария Петрова',
  email: 'Maria@Visitor.example',
  organization: 'Учебен център',
  subject: 'Съвместен проект',
  message: 'Здравейте, бихме искали да обсъдим съвместен проект по ПКИП.',
  consent: true,
  ...over,
});

let ipSeq = 0;
/** Each request from its own address unless told otherwise, so the per-address limit stays out of the way. */
const send = (id: string, payload: unknown, ip = `10.0.0.${++ipSeq}`, lang = 'en') =>
  app.inject({
    method: 'POST',
    url: `/api/organizations/${id}/contact`,
    payload: payload as object,
    remoteAddress: ip,
    headers: { 'accept-language': lang },
  });

const outboxCount = async () =>
  Number((await h.query<{ n: number }>(sql`select count(*)::int as n from outbox_messages`))[0]!.n);

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(
    h,
    {},
    {
      rateLimits: {
        contactPerIp: { max: 2, windowSeconds: 3600 },
        contactPerOrganization: { max: 3, windowSeconds: 86_400 },
      },
    },
  );
  open = await insertOrganization(h, { nameBg: 'Отворена', nameEn: 'Open Ltd', publicEmail: PUBLIC_EMAIL });
  closed = await insertOrganization(h, { nameBg: 'Затворена' });
  withdrawn = await insertOrganization(h, { nameBg: 'Напуснала', status: 'withdrawn' });
  limited = await insertOrganization(h, { nameBg: 'Популярна' });
  await h.query(
    sql`update organizations set accepts_contact = true where id in (${open}, ${withdrawn}, ${limited})`,
  );
  await insertUser(h, { email: REP_BG, displayName: 'Иван', organizationIds: [open], language: 'bg' });
  await insertUser(h, { email: REP_EN, displayName: 'Ann', organizationIds: [open], language: 'en' });
  await insertUser(h, { displayName: 'Popular', organizationIds: [limited] });
});

afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('the public profile says whether the member accepts messages', () => {
  it('answers acceptsContact and never the representatives’ addresses', async () => {
    const yes = await app.inject({ url: `/api/organizations/${open}` });
    expect(OrganizationProfileSchema.parse(yes.json()).acceptsContact).toBe(true);
    expect(yes.body).not.toContain(REP_BG);
    expect(yes.body).not.toContain(REP_EN);
    const no = await app.inject({ url: `/api/organizations/${closed}` });
    expect(no.json().acceptsContact).toBe(false);
  });
});

describe('POST /api/organizations/:id/contact', () => {
  it('queues exactly one email per representative, in each one’s language, replying to the visitor', async () => {
    await h.query(sql`delete from outbox_messages`);
    const res = await send(open, message());
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ sent: true });
    const rows = await h.query<{
      to_email: string;
      language: string;
      reply_to: string;
      subject: string;
      text: string;
    }>(sql`select to_email, language, reply_to, subject, text from outbox_messages order by to_email`);
    expect(rows.map((r) => [r.to_email, r.language, r.reply_to])).toEqual([
      [REP_BG, 'bg', 'maria@visitor.example'],
      [REP_EN, 'en', 'maria@visitor.example'],
    ]);
    const [bg, en] = rows;
    expect(bg!.subject).toBe('Съобщение през портала: Съвместен проект');
    expect(bg!.text).toContain('през формата за контакт на страницата на Отворена');
    expect(bg!.text).toContain('бихме искали да обсъдим съвместен проект');
    expect(en!.subject).toBe('Message through the portal: Съвместен проект');
    expect(en!.text).toContain('through the contact form on the page of Open Ltd');
    expect(en!.text).toContain('Мария Петрова <maria@visitor.example>');
    // Nothing about the message is kept beside the outbox; the audit event says only that one came.
    const [audit] = await h.query<{ after: unknown; actor_id: string | null }>(
      sql`select after, actor_id from audit_events where action = 'organization.contacted' and entity_id = ${open}`,
    );
    expect(audit).toEqual({ after: { count: 2 }, actor_id: null });
  });

  it('refuses a member that does not accept messages with 409, sending nothing', async () => {
    const before = await outboxCount();
    const res = await send(closed, message(), undefined, 'bg');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'organization.contact_closed',
      title: 'Членът не приема съобщения през портала',
    });
    expect(await outboxCount()).toBe(before);
  });

  it('answers 404 for an unknown organisation and for one that is no longer a member', async () => {
    const unknown = await send('00000000-0000-4000-8000-000000000000', message());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('organization.not_found');
    const gone = await send(withdrawn, message());
    expect(gone.statusCode).toBe(404);
  });

  it('accepts a filled honeypot like a sent message, but sends and records nothing', async () => {
    const before = await outboxCount();
    const audits = await h.query(sql`select id from audit_events where action = 'organization.contacted'`);
    const res = await send(open, message({ website: 'http://spam.example' }));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ sent: true });
    expect(await outboxCount()).toBe(before);
    const after = await h.query(sql`select id from audit_events where action = 'organization.contacted'`);
    expect(after.length).toBe(audits.length);
  });

  it('names each invalid field in the reader’s language, and sends nothing', async () => {
    const before = await outboxCount();
    const res = await send(
      open,
      message({ email: 'not-an-address', subject: '', message: 'short', consent: false }),
      undefined,
      'bg',
    );
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual([
      'body.consent',
      'body.email',
      'body.message',
      'body.subject',
    ]);
    expect(errors.find((e) => e.path === 'body.consent')?.message).toBe(
      'Необходимо е съгласието ви, за да предадем съобщението.',
    );
    const en = await send(open, message({ consent: false }));
    expect(en.json().errors[0].message).toBe('We need your consent to pass the message on.');
    expect(await outboxCount()).toBe(before);
  });

  it('refuses a subject with a line break (no header injection)', async () => {
    const res = await send(open, message({ subject: 'Hi\nBcc: all@example.com' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.subject');
  });

  it('limits messages per sender address with 429 and Retry-After', async () => {
    const ip = '192.0.2.77';
    expect((await send(open, message(), ip)).statusCode).toBe(202);
    expect((await send(open, message(), ip)).statusCode).toBe(202);
    const before = await outboxCount();
    const third = await send(open, message(), ip);
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('rate_limited');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(3500);
    expect(await outboxCount()).toBe(before);
  });

  it('limits messages per organisation written to, from any number of addresses', async () => {
    for (let i = 0; i < 3; i++) expect((await send(limited, message())).statusCode).toBe(202);
    const fourth = await send(limited, message());
    expect(fourth.statusCode).toBe(429);
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(86_000);
    // Another member's form is not affected (its own count, spent by the tests above, starts again).
    await h.query(sql`delete from rate_limits where key = ${`contact:org:${open}`}`);
    expect((await send(open, message())).statusCode).toBe(202);
  });
});

describe('personal data (decision 053)', () => {
  it('exports the setting with the organisation’s record', async () => {
    const record = await findOrganizationExport(h.db, open);
    expect(record?.organization).toMatchObject({ acceptsContact: true });
  });

  it('drops the visitor’s Reply-To with the text when the recipient’s mail is redacted (erasure)', async () => {
    await send(open, message());
    await redactMailTo(h.db, REP_BG, 'erased@invalid', '[erased]');
    const rows = await h.query<{ reply_to: string | null; text: string }>(
      sql`select reply_to, text from outbox_messages where to_email = 'erased@invalid'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.reply_to === null && r.text === '[erased]')).toBe(true);
    // The other representative's copies are untouched.
    const [other] = await h.query<{ reply_to: string | null }>(
      sql`select reply_to from outbox_messages where to_email = ${REP_EN} limit 1`,
    );
    expect(other?.reply_to).toBe('maria@visitor.example');
  });
});
