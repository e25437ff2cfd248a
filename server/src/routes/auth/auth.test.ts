import type { DbHandle } from '@portal/db';
import { sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertUser, lastEmail, lastEmailLink, logIn, TEST_PASSWORD } from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  h = await createTestDb();
  // Every request here comes from 127.0.0.1: per-IP limits are lifted (and tested on their own below)
  // so the tests' own sign-ups and resets do not add up to a 429.
  const roomy = { max: 10_000, windowSeconds: 3600 };
  app = await buildTestApp(
    h,
    {},
    { rateLimits: { signUpPerIp: roomy, resetPerIp: roomy, tokenPerIp: roomy } },
  );
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

// `origin: undefined` sends no Origin (the test helper adds this site's otherwise).
const post = (url: string, payload: unknown, headers: Record<string, string | undefined> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers: headers as Record<string, string> });

async function count(table: string, where = sql`true`): Promise<number> {
  const [row] = await h.query<{ n: number }>(
    sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`,
  );
  return Number(row?.n ?? 0);
}

describe('sign-up, verification and log-in', () => {
  it('signs up, verifies by the emailed link, logs in, sees the session and logs out; the old cookie then gets 401', async () => {
    const email = 'Нова.Фирма@Example.BG'.replace('Нова.Фирма', 'new.firm');
    const signUp = await post('/api/auth/sign-up', {
      email,
      password: 'дълга-парола-на-кирилица',
      displayName: 'Нова Фирма',
      language: 'bg',
    });
    expect(signUp.statusCode).toBe(202);
    expect(signUp.json()).toEqual({ status: 'accepted' });

    // Not verified yet: log-in is refused with a hint, not a session.
    const early = await post('/api/auth/log-in', { email, password: 'дълга-парола-на-кирилица' });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('auth.email_unverified');

    const mail = await lastEmailLink(h, email);
    expect(mail.path).toBe('/verify-email');
    expect(mail.subject).toMatch(/Потвърдете/);
    expect((await post('/api/auth/verify-email', { token: mail.token })).statusCode).toBe(204);

    const cookie = await logIn(app, email.toUpperCase(), 'дълга-парола-на-кирилица');
    const session = await app.inject({ url: '/api/auth/session', headers: { cookie } });
    expect(session.json().user).toMatchObject({
      email: 'new.firm@example.bg',
      displayName: 'Нова Фирма',
      roles: [],
    });
    expect(session.headers['cache-control']).toBe('no-store');
    const account = await app.inject({ url: '/api/account', headers: { cookie } });
    expect(account.statusCode).toBe(200);
    expect(account.headers['cache-control']).toBe('no-store');

    const out = await post('/api/auth/log-out', {}, { cookie });
    expect(out.statusCode).toBe(204);
    const replay = await app.inject({ url: '/api/account', headers: { cookie } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.required');
  });

  it('keeps the return address through sign-up: the verification link carries a same-site `next`, and any other is refused', async () => {
    const email = 'next.keeper@example.bg';
    const next = '/invitations/accept?token=abc_DEF-123';
    const res = await post('/api/auth/sign-up', {
      email,
      password: 'дълга-парола-на-кирилица',
      displayName: 'Поканен',
      next,
    });
    expect(res.statusCode).toBe(202);
    const mail = await lastEmailLink(h, email);
    expect(mail.path).toBe('/verify-email');
    const url = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
    expect(url.searchParams.get('token')).toBe(mail.token);
    expect(url.searchParams.get('next')).toBe(next);

    for (const [i, bad] of [
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      'apply',
      '/login',
    ].entries()) {
      const before = await count('users');
      const refused = await post(
        '/api/auth/sign-up',
        {
          email: `bad-next-${i}@example.bg`,
          password: 'дълга-парола-на-кирилица',
          displayName: 'X',
          next: bad,
        },
        { 'accept-language': 'en' },
      );
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().errors).toEqual([
        { path: 'body.next', message: expect.stringMatching(/return address/) },
      ]);
      expect(await count('users')).toBe(before);
    }
  });

  it('sets an HttpOnly, SameSite=Lax session cookie holding at least 128 random bits, and a new one at each log-in', async () => {
    const user = await insertUser(h);
    const first = await post('/api/auth/log-in', { email: user.email, password: TEST_PASSWORD });
    const c1 = first.cookies.find((c) => c.name === 'portal_session');
    expect(c1).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(Buffer.from(c1!.value, 'base64url').length).toBeGreaterThanOrEqual(16);
    const second = await post(
      '/api/auth/log-in',
      { email: user.email, password: TEST_PASSWORD },
      { cookie: `portal_session=${c1!.value}` },
    );
    const c2 = second.cookies.find((c) => c.name === 'portal_session');
    expect(c2!.value).not.toBe(c1!.value);
    // The session the browser came with ended at the new log-in.
    expect(
      (await app.inject({ url: '/api/account', headers: { cookie: `portal_session=${c1!.value}` } }))
        .statusCode,
    ).toBe(401);
  });

  it('uses a Secure __Host- cookie in production', async () => {
    const prod = await buildTestApp(h, { nodeEnv: 'production', secureCookies: true });
    try {
      const user = await insertUser(h);
      const res = await prod.inject({
        method: 'POST',
        url: '/api/auth/log-in',
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      const cookie = res.cookies.find((c) => c.name === '__Host-portal_session');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/' });
      expect(cookie).not.toHaveProperty('domain');
    } finally {
      await prod.close();
    }
  });

  it('answers sign-up for a registered email exactly like a new one, and tells the owner by email instead', async () => {
    const user = await insertUser(h, { language: 'en' });
    const usersBefore = await count('users');
    const res = await post('/api/auth/sign-up', {
      email: user.email.toUpperCase(),
      password: 'another long password',
      displayName: 'X',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'accepted' });
    expect(await count('users')).toBe(usersBefore);
    const mail = await lastEmail(h, user.email);
    expect(mail.subject).toBe('Someone tried to sign up with your email');
  });

  it('accepts 12 to 128 characters of any script and refuses shorter, longer and easily guessed passwords by field', async () => {
    const ok = await post('/api/auth/sign-up', {
      email: 'cyr@example.bg',
      password: 'жълт слон ям',
      displayName: 'К',
    });
    expect(ok.statusCode).toBe(202);
    const cases: [string, string, RegExp][] = [
      ['абвгдежзийк', 'bg', /поне 12 знака/],
      ['a'.repeat(129), 'en', /at most 128 characters/],
      ['Qwerty123456', 'en', /easy to guess/],
      // Long but guessable: a common word with digits, a digit run, a keyboard walk, an alphabet run.
      ['password1234', 'en', /easy to guess/],
      ['123456789012', 'bg', /отгатва лесно/],
      ['qwertyuiop12', 'en', /easy to guess/],
      ['абвгдежзийкл', 'bg', /отгатва лесно/],
      ['Password2024!', 'en', /easy to guess/],
    ];
    for (const [i, [password, lang, message]] of cases.entries()) {
      const before = await count('users');
      const res = await post(
        '/api/auth/sign-up',
        { email: `p${i}-${password.length}@example.bg`, password, displayName: 'P' },
        { 'accept-language': lang },
      );
      expect(res.statusCode, password).toBe(400);
      expect(res.json().errors).toEqual([{ path: 'body.password', message: expect.stringMatching(message) }]);
      expect(await count('users')).toBe(before);
    }
    // 128 emoji are 256 UTF-16 units but 128 characters: allowed, not truncated.
    const emoji = await post('/api/auth/sign-up', {
      email: 'emoji@example.bg',
      password: Array.from({ length: 128 }, (_, i) => String.fromCodePoint(0x1f600 + ((i * 37) % 128))).join(
        '',
      ),
      displayName: 'E',
    });
    expect(emoji.statusCode).toBe(202);
  });

  it('refuses a password holding the user’s own email or name, at sign-up, reset and change', async () => {
    const signUp = (password: string, lang = 'bg') =>
      post(
        '/api/auth/sign-up',
        { email: 'maria.ivanova@example.bg', password, displayName: 'Мария Иванова' },
        { 'accept-language': lang },
      );
    for (const [password, lang, message] of [
      ['Maria.Ivanova strong 77', 'en', /must not contain your email or name/],
      ['ivanova rides a green horse', 'bg', /не може да съдържа вашия имейл или име/],
      ['мария язди зелен кон 7', 'bg', /не може да съдържа вашия имейл или име/],
    ] as const) {
      const res = await signUp(password, lang);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().errors).toEqual([{ path: 'body.password', message: expect.stringMatching(message) }]);
    }
    expect(await count('users', sql`email = 'maria.ivanova@example.bg'`)).toBe(0);

    const user = await insertUser(h, { email: 'georgi.dimitrov@example.bg', displayName: 'Георги Димитров' });
    await post('/api/auth/forgot-password', { email: user.email });
    await app.settle();
    const mail = await lastEmailLink(h, user.email);
    const reset = await post(
      '/api/auth/reset-password',
      { token: mail.token, password: 'Georgi.Dimitrov horse 12' },
      { 'accept-language': 'en' },
    );
    expect(reset.statusCode).toBe(400);
    expect(reset.json().errors).toEqual([
      { path: 'body.password', message: expect.stringMatching(/your email or name/) },
    ]);
    // The token was not spent on the refused password.
    expect(
      (await post('/api/auth/reset-password', { token: mail.token, password: 'a brand new passphrase' }))
        .statusCode,
    ).toBe(204);

    const cookie = await logIn(app, user.email, 'a brand new passphrase');
    for (const newPassword of ['димитров язди кон 12', 'qwertyuiop12']) {
      const change = await post(
        '/api/account/password',
        { currentPassword: 'a brand new passphrase', newPassword },
        { cookie },
      );
      expect(change.statusCode, newPassword).toBe(400);
      expect(change.json().errors[0].path).toBe('body.newPassword');
    }
  });

  it('refuses fields a caller may not set (roles, status) with 400 instead of ignoring them', async () => {
    const res = await post('/api/auth/sign-up', {
      email: 'sneaky@example.bg',
      password: 'a perfectly fine password',
      displayName: 'S',
      roles: ['admin'],
    });
    expect(res.statusCode).toBe(400);
    expect(await count('users', sql`email = 'sneaky@example.bg'`)).toBe(0);
    const user = await insertUser(h);
    const cookie = await logIn(app, user.email);
    const patch = await app.inject({
      method: 'PATCH',
      url: '/api/account',
      headers: { cookie },
      payload: { displayName: 'Ok', status: 'active' },
    });
    expect(patch.statusCode).toBe(400);
    const [row] = await h.query<{ display_name: string }>(
      sql`select display_name from users where id = ${user.id}`,
    );
    expect(row?.display_name).not.toBe('Ok');
  });
});

describe('log-in protection', () => {
  it('answers the sixth wrong password for one account within a minute with 429 and Retry-After', async () => {
    const user = await insertUser(h);
    for (let i = 1; i <= 5; i++) {
      const res = await post('/api/auth/log-in', { email: user.email, password: `wrong password ${i}` });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.invalid_credentials');
    }
    const sixth = await post('/api/auth/log-in', { email: user.email, password: TEST_PASSWORD });
    expect(sixth.statusCode).toBe(429);
    const retryAfter = Number(sixth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Never a permanent lock: once the window has passed, the right password works again.
    await h.query(sql`update rate_limits set window_start = now() - interval '61 seconds'`);
    expect((await post('/api/auth/log-in', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(
      200,
    );
  });

  it('limits sign-ups per address, so nobody can flood a mailbox, whether or not it is registered', async () => {
    for (const email of ['flood.target@example.bg', (await insertUser(h)).email]) {
      for (let i = 0; i < 3; i++) {
        const res = await post('/api/auth/sign-up', {
          email,
          password: 'a perfectly fine password',
          displayName: 'F',
        });
        expect(res.statusCode).toBe(202);
      }
      const fourth = await post('/api/auth/sign-up', {
        email,
        password: 'a perfectly fine password',
        displayName: 'F',
      });
      expect(fourth.statusCode).toBe(429);
      expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('limits sign-ups per IP address', async () => {
    const strict = await buildTestApp(h);
    try {
      await h.query(sql`delete from rate_limits where key like 'sign-up:ip:%'`);
      const signUp = (i: number) =>
        strict.inject({
          method: 'POST',
          url: '/api/auth/sign-up',
          payload: {
            email: `ip-limit-${i}@example.bg`,
            password: 'a perfectly fine password',
            displayName: 'I',
          },
        });
      for (let i = 1; i <= 10; i++) expect((await signUp(i)).statusCode).toBe(202);
      const eleventh = await signUp(11);
      expect(eleventh.statusCode).toBe(429);
      expect(eleventh.json().code).toBe('rate_limited');
      expect(await count('users', sql`email = 'ip-limit-11@example.bg'`)).toBe(0);
    } finally {
      await strict.close();
    }
  });

  it('gives the same answer for an unknown email as for a wrong password', async () => {
    const user = await insertUser(h);
    const unknown = await post('/api/auth/log-in', {
      email: 'nobody@example.bg',
      password: 'whatever it is',
    });
    const wrong = await post('/api/auth/log-in', { email: user.email, password: 'whatever it is' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('refuses disabled users like a wrong password', async () => {
    const user = await insertUser(h, { disabled: true });
    expect((await post('/api/auth/log-in', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(
      401,
    );
  });

  it('refuses a cross-site state-changing request (Origin or Sec-Fetch-Site) and non-JSON bodies', async () => {
    const user = await insertUser(h);
    const cookie = await logIn(app, user.email);
    const viaOrigin = await post('/api/auth/log-out', {}, { cookie, origin: 'https://evil.example' });
    expect(viaOrigin.statusCode).toBe(403);
    expect(viaOrigin.json().code).toBe('csrf.rejected');
    const viaFetchSite = await post('/api/auth/log-out', {}, { cookie, 'sec-fetch-site': 'cross-site' });
    expect(viaFetchSite.statusCode).toBe(403);
    const form = await app.inject({
      method: 'POST',
      url: '/api/account/password',
      headers: { cookie, 'content-type': 'text/plain' },
      payload: '{"currentPassword":"x","newPassword":"y"}',
    });
    expect(form.statusCode).toBe(415);
    // Still signed in: nothing above ended the session.
    expect((await app.inject({ url: '/api/account', headers: { cookie } })).statusCode).toBe(200);
    const sameSite = await post(
      '/api/auth/log-out',
      {},
      { cookie, origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' },
    );
    expect(sameSite.statusCode).toBe(204);
  });

  it('refuses a foreign Origin whatever Sec-Fetch-Site says, and a signed-in request that shows no origin of this site', async () => {
    const user = await insertUser(h);
    const cookie = await logIn(app, user.email);
    const refused = async (headers: Record<string, string | undefined>, url = '/api/auth/log-out') => {
      const res = await post(url, url === '/api/auth/log-out' ? {} : { email: user.email }, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().code).toBe('csrf.rejected');
    };
    // A foreign (or opaque) Origin is refused even when Sec-Fetch-Site claims a user-initiated request.
    await refused({ cookie, origin: 'https://evil.example', 'sec-fetch-site': 'none' });
    await refused({ cookie, origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' });
    await refused({ cookie, origin: 'null' });
    // With the session cookie, no Origin is not enough: nor is `none`, nor a foreign Referer.
    await refused({ cookie, origin: undefined });
    await refused({ cookie, origin: undefined, 'sec-fetch-site': 'none' });
    await refused({ cookie, origin: undefined, referer: 'https://evil.example/page' });
    // Without a session (log-in, sign-up, forgotten password) a foreign Origin is still refused.
    await refused({ origin: 'https://evil.example', 'sec-fetch-site': 'none' }, '/api/auth/forgot-password');
    const foreignLogIn = await post(
      '/api/auth/log-in',
      { email: user.email, password: TEST_PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(foreignLogIn.statusCode).toBe(403);
    expect(await count('sessions', sql`user_id = ${user.id}`)).toBe(1);

    // Still signed in. A client without a cookie and without browser headers (curl) logs in; an old
    // browser that sends only a Referer of this site, or only Sec-Fetch-Site: same-origin, is let through.
    expect((await app.inject({ url: '/api/account', headers: { cookie } })).statusCode).toBe(200);
    const curl = await post(
      '/api/auth/log-in',
      { email: user.email, password: TEST_PASSWORD },
      {
        origin: undefined,
      },
    );
    expect(curl.statusCode).toBe(200);
    const second = await logIn(app, user.email);
    expect(
      (
        await post(
          '/api/auth/log-out',
          {},
          {
            cookie: second,
            origin: undefined,
            'sec-fetch-site': 'same-origin',
          },
        )
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await post(
          '/api/auth/log-out',
          {},
          {
            cookie,
            origin: undefined,
            referer: `${app.config.publicUrl}/account`,
          },
        )
      ).statusCode,
    ).toBe(204);
  });
});

describe('current-password and email-change protection', () => {
  const changePassword = (cookie: string, currentPassword: string, lang = 'bg') =>
    post(
      '/api/account/password',
      { currentPassword, newPassword: 'another long passphrase here' },
      { cookie, 'accept-language': lang },
    );
  const changeEmail = (cookie: string, currentPassword: string, newEmail: string) =>
    post('/api/account/email', { currentPassword, newEmail }, { cookie });

  it('answers the sixth wrong current password (password and email change together) with 429 and Retry-After', async () => {
    const user = await insertUser(h);
    const cookie = await logIn(app, user.email);
    for (let i = 1; i <= 3; i++) expect((await changePassword(cookie, `wrong ${i}`)).statusCode).toBe(400);
    for (let i = 4; i <= 5; i++) {
      const res = await changeEmail(cookie, `wrong ${i}`, `elsewhere-${i}@example.bg`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('body.currentPassword');
    }
    // The sixth attempt is refused before any argon2 check, even with the right password.
    const sixth = await changePassword(cookie, TEST_PASSWORD, 'en');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({ code: 'rate_limited', title: 'Too many attempts' });
    expect(sixth.json().detail).toMatch(/try again in \d+ seconds/);
    const retryAfter = Number(sixth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    const bg = await changeEmail(cookie, TEST_PASSWORD, 'moved-away@example.bg');
    expect(bg.statusCode).toBe(429);
    expect(bg.json().title).toBe('Твърде много опити');
    expect(await count('outbox_messages', sql`to_email = 'moved-away@example.bg'`)).toBe(0);
    // Windows end: afterwards the right password works, and a success clears the count.
    await h.query(
      sql`update rate_limits set window_start = now() - interval '901 seconds' where key like 'password-check:%'`,
    );
    expect((await changePassword(cookie, TEST_PASSWORD)).statusCode).toBe(204);
    const fresh = await logIn(app, user.email, 'another long passphrase here');
    for (let i = 1; i <= 5; i++) expect((await changePassword(fresh, `again ${i}`)).statusCode).toBe(400);
  });

  it('limits the email-change messages one account can send, whatever the addresses', async () => {
    const user = await insertUser(h);
    const cookie = await logIn(app, user.email);
    for (let i = 1; i <= 5; i++) {
      // Each request ends the other sessions only; this one stays signed in.
      expect((await changeEmail(cookie, TEST_PASSWORD, `flood-${i}@example.bg`)).statusCode).toBe(202);
    }
    const sixth = await changeEmail(cookie, TEST_PASSWORD, 'flood-6@example.bg');
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(await count('outbox_messages', sql`to_email = 'flood-6@example.bg'`)).toBe(0);
    expect(await count('outbox_messages', sql`to_email like 'flood-%@example.bg'`)).toBe(5);
  });

  it('limits the email-change messages to one address, whichever accounts ask', async () => {
    const target = 'one-target@example.bg';
    for (let i = 1; i <= 3; i++) {
      const cookie = await logIn(app, (await insertUser(h)).email);
      expect((await changeEmail(cookie, TEST_PASSWORD, target)).statusCode).toBe(202);
    }
    const cookie = await logIn(app, (await insertUser(h)).email);
    expect((await changeEmail(cookie, TEST_PASSWORD, target)).statusCode).toBe(429);
    expect(await count('outbox_messages', sql`to_email = ${target}`)).toBe(3);
  });
});

describe('sessions', () => {
  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const user = await insertUser(h);
    const idle = await logIn(app, user.email);
    await h.query(
      sql`update sessions set last_seen_at = now() - interval '8 hours 1 minute' where user_id = ${user.id}`,
    );
    expect((await app.inject({ url: '/api/account', headers: { cookie: idle } })).statusCode).toBe(401);
    expect(await count('sessions', sql`user_id = ${user.id}`)).toBe(0);

    const absolute = await logIn(app, user.email);
    await h.query(
      sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${user.id}`,
    );
    expect((await app.inject({ url: '/api/account', headers: { cookie: absolute } })).statusCode).toBe(401);
  });

  it('lists my sessions and ends one of them, but not somebody else’s', async () => {
    const me = await insertUser(h);
    const other = await insertUser(h);
    const phone = await logIn(app, me.email);
    const laptop = await logIn(app, me.email);
    const otherCookie = await logIn(app, other.email);
    const list = await app.inject({ url: '/api/account/sessions', headers: { cookie: laptop } });
    const items = list.json().items as { id: string; current: boolean }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const phoneSession = items.find((s) => !s.current)!;
    const theirs = (
      await app.inject({ url: '/api/account/sessions', headers: { cookie: otherCookie } })
    ).json().items[0];
    const foreign = await app.inject({
      method: 'DELETE',
      url: `/api/account/sessions/${theirs.id}`,
      headers: { cookie: laptop },
    });
    expect(foreign.statusCode).toBe(404);
    expect((await app.inject({ url: '/api/account', headers: { cookie: otherCookie } })).statusCode).toBe(
      200,
    );
    const end = await app.inject({
      method: 'DELETE',
      url: `/api/account/sessions/${phoneSession.id}`,
      headers: { cookie: laptop },
    });
    expect(end.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/account', headers: { cookie: phone } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/account', headers: { cookie: laptop } })).statusCode).toBe(200);
  });
});

describe('passwords and email', () => {
  it('resets a password with a token that works once only, and ends every session', async () => {
    const user = await insertUser(h);
    const cookie = await logIn(app, user.email);
    expect((await post('/api/auth/forgot-password', { email: user.email })).json()).toEqual({
      status: 'accepted',
    });
    expect((await post('/api/auth/forgot-password', { email: 'ghost@example.bg' })).json()).toEqual({
      status: 'accepted',
    });
    await app.settle();
    expect(await count('outbox_messages', sql`to_email = 'ghost@example.bg'`)).toBe(0);
    const mail = await lastEmailLink(h, user.email);
    expect(mail.path).toBe('/reset-password');
    expect(
      await count('audit_events', sql`entity_id = ${user.id} and action = 'user.password_reset_requested'`),
    ).toBe(1);

    const first = await post('/api/auth/reset-password', {
      token: mail.token,
      password: 'a brand new passphrase',
    });
    expect(first.statusCode).toBe(204);
    const again = await post('/api/auth/reset-password', {
      token: mail.token,
      password: 'yet another passphrase',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].path).toBe('body.token');
    expect((await app.inject({ url: '/api/account', headers: { cookie } })).statusCode).toBe(401);
    await logIn(app, user.email, 'a brand new passphrase');
  });

  it('answers a forgotten-password request before it looks the account up, and emails the link after', async () => {
    const user = await insertUser(h);
    const unverified = await insertUser(h, { verified: false });
    const registered = await post('/api/auth/forgot-password', { email: user.email });
    const resent = await post('/api/auth/resend-verification', { email: unverified.email });
    const unknown = await post('/api/auth/forgot-password', { email: 'nobody.here@example.bg' });
    for (const res of [registered, resent, unknown]) {
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ status: 'accepted' });
    }
    // The answers are out; nothing about either account has been touched yet, so the time they took
    // cannot depend on whether the address is registered (issue 11 A12).
    for (const id of [user.id, unverified.id]) {
      expect(await count('auth_tokens', sql`user_id = ${id}`)).toBe(0);
      expect(await count('audit_events', sql`entity_id = ${id}`)).toBe(0);
    }
    expect(await count('outbox_messages', sql`to_email in (${user.email}, ${unverified.email})`)).toBe(0);

    await app.settle();
    expect(await count('auth_tokens', sql`user_id = ${user.id} and purpose = 'reset_password'`)).toBe(1);
    expect(await count('auth_tokens', sql`user_id = ${unverified.id} and purpose = 'verify_email'`)).toBe(1);
    expect((await lastEmailLink(h, user.email)).path).toBe('/reset-password');
    expect((await lastEmailLink(h, unverified.email)).path).toBe('/verify-email');
    expect(await count('outbox_messages', sql`to_email = 'nobody.here@example.bg'`)).toBe(0);
  });

  it('refuses an expired reset token', async () => {
    const user = await insertUser(h);
    await post('/api/auth/forgot-password', { email: user.email });
    await app.settle();
    const mail = await lastEmailLink(h, user.email);
    await h.query(
      sql`update auth_tokens set expires_at = now() - interval '1 second' where user_id = ${user.id}`,
    );
    const res = await post('/api/auth/reset-password', {
      token: mail.token,
      password: 'a brand new passphrase',
    });
    expect(res.statusCode).toBe(400);
    await logIn(app, user.email);
  });

  it('changes the password only with the current one, and ends my other sessions', async () => {
    const user = await insertUser(h);
    const here = await logIn(app, user.email);
    const elsewhere = await logIn(app, user.email);
    const wrong = await post(
      '/api/account/password',
      { currentPassword: 'not my password', newPassword: 'brand new secret words' },
      { cookie: here },
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.currentPassword');
    const ok = await post(
      '/api/account/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'brand new secret words' },
      { cookie: here },
    );
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/account', headers: { cookie: here } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/account', headers: { cookie: elsewhere } })).statusCode).toBe(401);
  });

  it('changes the email after the link sent to the new address is opened', async () => {
    const user = await insertUser(h);
    const here = await logIn(app, user.email);
    const elsewhere = await logIn(app, user.email);
    const res = await post(
      '/api/account/email',
      { currentPassword: TEST_PASSWORD, newEmail: 'Moved@Example.bg' },
      { cookie: here },
    );
    expect(res.statusCode).toBe(202);
    expect((await app.inject({ url: '/api/account', headers: { cookie: elsewhere } })).statusCode).toBe(401);
    const mail = await lastEmailLink(h, 'moved@example.bg');
    expect(mail.path).toBe('/confirm-email');
    expect(
      (await post('/api/auth/confirm-email-change', { token: mail.token }, { cookie: here })).statusCode,
    ).toBe(204);
    const me = await app.inject({ url: '/api/account', headers: { cookie: here } });
    expect(me.json().email).toBe('moved@example.bg');
    await logIn(app, 'moved@example.bg');
  });
});

describe('audit', () => {
  it('writes an audit event with each mutation, and none when the mutation rolls back', async () => {
    const user = await insertUser(h);
    const cookie = await logIn(app, user.email);
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/account',
      headers: { cookie, 'x-request-id': 'req-audit-1' },
      payload: { displayName: 'Renamed' },
    });
    expect(res.statusCode).toBe(200);
    const [event] = await h.query<{
      action: string;
      actor_id: string;
      before: unknown;
      after: unknown;
      request_id: string;
    }>(
      sql`select action, actor_id, before, after, request_id from audit_events where entity_id = ${user.id} and action = 'user.updated'`,
    );
    expect(event).toMatchObject({ action: 'user.updated', actor_id: user.id, request_id: 'req-audit-1' });
    const after = typeof event!.after === 'string' ? JSON.parse(event!.after) : event!.after;
    expect(after).toMatchObject({ displayName: 'Renamed' });
    expect(JSON.stringify(event)).not.toMatch(/argon2/);

    // A change that fails half-way (here: the audit insert itself is refused) leaves neither change nor event.
    const events = await count('audit_events');
    await h.query(
      sql`alter table audit_events add constraint audit_test_block check (action <> 'user.updated') not valid`,
    );
    try {
      const failed = await app.inject({
        method: 'PATCH',
        url: '/api/account',
        headers: { cookie },
        payload: { displayName: 'Never' },
      });
      expect(failed.statusCode).toBe(500);
    } finally {
      await h.query(sql`alter table audit_events drop constraint audit_test_block`);
    }
    expect(await count('audit_events')).toBe(events);
    const [row] = await h.query<{ display_name: string }>(
      sql`select display_name from users where id = ${user.id}`,
    );
    expect(row?.display_name).toBe('Renamed');
  });
});
