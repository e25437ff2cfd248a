/**
 * Issue 5: organisation logos. Representatives upload a PNG, JPEG or WebP (recognised by its bytes, at most
 * 1 MB); it is stored as WebP renditions (≤512 and ≤128 px, upright, without metadata) and served publicly
 * for listed members under versioned, immutable URLs.
 */
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { MAX_LOGO_BYTES, ProblemSchema } from '@portal/shared';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';
import { detectImageType, matchesEtag } from './logo.service.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let orgA: string;
let orgB: string;
/** A candidate member: not publicly listed. */
let orgC: string;
const as = {} as Record<'repA' | 'repB' | 'repC' | 'admin' | 'committee', string>;

beforeAll(async () => {
  h = await createTestDb();
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  orgA = await insertOrganization(h, { nameBg: 'Лого Едно', areas: ['ict-software'] });
  orgB = await insertOrganization(h, { nameBg: 'Лого Две', areas: ['ict-software'] });
  orgC = await insertOrganization(h, { nameBg: 'Кандидат', category: 'candidate' });
  const users = {
    repA: await insertUser(h, { roles: ['representative'], organizationIds: [orgA] }),
    repB: await insertUser(h, { roles: ['representative'], organizationIds: [orgB] }),
    repC: await insertUser(h, { roles: ['representative'], organizationIds: [orgC] }),
    admin: await insertUser(h, { roles: ['admin'] }),
    committee: await insertUser(h, { roles: ['committee_member'] }),
  };
  for (const [name, user] of Object.entries(users))
    as[name as keyof typeof as] = await logIn(app, user.email);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

// ---------- helpers ----------

const logoPath = (id: string) => `/api/account/organizations/${id}/logo`;

function upload(
  body: Buffer | string,
  { id = orgA, cookie = as.repA, type = 'image/png', lang = 'en' } = {},
) {
  return app.inject({
    method: 'PUT',
    url: logoPath(id),
    payload: body,
    headers: { cookie, 'content-type': type, 'accept-language': lang },
  });
}

function remove(id = orgA, cookie = as.repA) {
  return app.inject({ method: 'DELETE', url: logoPath(id), headers: { cookie } });
}

function publicLogo(url: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, headers });
}

/** A picture with some detail (a gradient), so it is a real image of the given size. */
function picture(width: number, height: number) {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = 128;
    }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

async function stored(id = orgA) {
  const [row] = await h.query<{
    version: number;
    source_type: string;
    large: Buffer | Uint8Array;
    small: Buffer | Uint8Array;
    width: number;
    height: number;
  }>(
    sql`select version, source_type, large, small, width, height from organization_logos where organization_id = ${id}`,
  );
  return row ? { ...row, large: Buffer.from(row.large), small: Buffer.from(row.small) } : null;
}

async function orgVersions(id = orgA) {
  const [row] = await h.query<{ version: number; logo_version: number | null }>(
    sql`select version, logo_version from organizations where id = ${id}`,
  );
  return {
    version: Number(row!.version),
    logoVersion: row!.logo_version === null ? null : Number(row!.logo_version),
  };
}

async function auditActions(id = orgA) {
  const rows = await h.query<{ action: string; actor_id: string | null; after: unknown }>(
    sql`select action, actor_id, after from audit_events where entity_type = 'organization' and entity_id = ${id}
        and action like 'organization.logo%' order by id`,
  );
  return rows;
}

const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), randomBytes(4000)]);
const PE = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), randomBytes(4000)]);

/** A genuine 1×1 PNG whose header claims `width`×`height` (valid CRC): a decompression bomb's header. */
async function bombHeader(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
      .png()
      .toBuffer(),
  );
  // Signature (8) + IHDR length (4) + 'IHDR' (4): width and height follow, then the rest of IHDR and its CRC.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

// ---------- tests ----------

describe('recognising images by their bytes', () => {
  it('tells PNG, JPEG and WebP apart and nothing else', async () => {
    const base = picture(4, 4);
    expect(detectImageType(await base.clone().png().toBuffer())).toBe('image/png');
    expect(detectImageType(await base.clone().jpeg().toBuffer())).toBe('image/jpeg');
    expect(detectImageType(await base.clone().webp().toBuffer())).toBe('image/webp');
    expect(detectImageType(await base.clone().gif().toBuffer())).toBeNull();
    expect(detectImageType(ELF)).toBeNull();
    expect(detectImageType(PE)).toBeNull();
    expect(detectImageType(Buffer.alloc(0))).toBeNull();
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(matchesEtag('"3-small"', '"3-small"')).toBe(true);
    expect(matchesEtag('W/"3-small", "x"', '"3-small"')).toBe(true);
    expect(matchesEtag('*', '"3-small"')).toBe(true);
    expect(matchesEtag('"3-large"', '"3-small"')).toBe(false);
    expect(matchesEtag(undefined, '"3-small"')).toBe(false);
  });
});

describe('uploading a logo', () => {
  it('accepts a PNG and stores WebP renditions of at most 512 and 128 px, bumping the versions', async () => {
    const before = await orgVersions();
    const profileBefore = await app.inject({
      url: `/api/account/organizations/${orgA}/profile`,
      headers: { cookie: as.repA },
    });
    const png = await picture(1000, 600).png().toBuffer();
    expect(png.length).toBeLessThan(MAX_LOGO_BYTES);

    const res = await upload(png);
    expect(res.statusCode, res.body).toBe(200);
    const after = await orgVersions();
    expect(after.version).toBe(before.version + 1);
    expect(after.logoVersion).toBe(after.version);
    expect(res.json()).toEqual({
      version: after.logoVersion,
      sourceType: 'image/png',
      width: 512,
      height: 307,
      logoUrl: `/api/account/organizations/${orgA}/logo?size=large&v=${after.logoVersion}`,
    });

    const row = (await stored())!;
    expect(row.source_type).toBe('image/png');
    expect(Number(row.version)).toBe(after.logoVersion);
    const large = await sharp(row.large).metadata();
    const small = await sharp(row.small).metadata();
    expect(detectImageType(row.large)).toBe('image/webp');
    expect(detectImageType(row.small)).toBe('image/webp');
    expect([large.format, large.width, large.height]).toEqual(['webp', 512, 307]);
    expect([small.format, small.width, small.height]).toEqual(['webp', 128, 77]);

    // The editable profile shows the logo and answers with a new ETag.
    const profile = await app.inject({
      url: `/api/account/organizations/${orgA}/profile`,
      headers: { cookie: as.repA },
    });
    expect(profile.json().logoUrl).toBe(res.json().logoUrl);
    expect(profile.headers.etag).not.toBe(profileBefore.headers.etag);

    const events = await auditActions();
    expect(events.at(-1)).toMatchObject({
      action: 'organization.logo_updated',
      after: {
        logoVersion: after.logoVersion,
        sourceType: 'image/png',
        sourceWidth: 1000,
        sourceHeight: 600,
      },
    });
  });

  it('accepts a JPEG: turned upright by its EXIF orientation, metadata stripped', async () => {
    // 600×300 stored, EXIF orientation 6 (rotate 90°): upright it is 300×600.
    const jpeg = await picture(600, 300).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(jpeg).metadata()).orientation).toBe(6);
    const res = await upload(jpeg, { type: 'image/jpeg' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sourceType: 'image/jpeg', width: 256, height: 512 });
    const row = (await stored())!;
    const large = await sharp(row.large).metadata();
    expect([large.format, large.width, large.height]).toEqual(['webp', 256, 512]);
    expect(large.orientation).toBeUndefined();
    expect(large.exif).toBeUndefined();
    const small = await sharp(row.small).metadata();
    expect([small.width, small.height]).toEqual([64, 128]);
  });

  it('accepts a WebP sent as application/octet-stream, and never enlarges a small image', async () => {
    const webp = await picture(100, 40).webp().toBuffer();
    const res = await upload(webp, { type: 'application/octet-stream' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sourceType: 'image/webp', width: 100, height: 40 });
    const row = (await stored())!;
    expect((await sharp(row.large).metadata()).width).toBe(100);
    expect((await sharp(row.small).metadata()).width).toBe(100);
  });

  it('rejects an executable named and typed as a PNG (ELF, PE) with a field error, storing nothing', async () => {
    const before = {
      versions: await orgVersions(),
      logo: await stored(),
      events: (await auditActions()).length,
    };
    for (const bytes of [ELF, PE]) {
      for (const lang of ['bg', 'en']) {
        const res = await upload(bytes, { type: 'image/png', lang });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const problem = ProblemSchema.parse(res.json());
        expect(problem.code).toBe('validation.failed');
        expect(problem.errors?.[0]?.path).toBe('body');
        expect(problem.errors?.[0]?.message).toBe(
          lang === 'bg'
            ? 'Файлът не е изображение във формат PNG, JPEG или WebP.'
            : 'The file is not a PNG, JPEG or WebP image.',
        );
      }
    }
    expect(await orgVersions()).toEqual(before.versions);
    expect(await stored()).toEqual(before.logo);
    expect((await auditActions()).length).toBe(before.events);
  });

  it('rejects a 5 MB image with 413 problem+json in Bulgarian and English', async () => {
    const width = 1400;
    const height = 1300;
    const noisy = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(noisy.length).toBeGreaterThan(5 * 1024 * 1024);
    const before = await orgVersions();
    for (const lang of ['bg', 'en'] as const) {
      const res = await upload(noisy, { lang });
      expect(res.statusCode).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = ProblemSchema.parse(res.json());
      expect(problem.code).toBe('body.too_large');
      expect(problem.detail).toContain(String(MAX_LOGO_BYTES));
      expect(problem.title).toBe(lang === 'bg' ? 'Твърде голяма заявка' : 'Payload too large');
    }
    // Just over the limit is refused too; exactly what the contract allows is read.
    const over = Buffer.concat([await picture(8, 8).png().toBuffer(), Buffer.alloc(MAX_LOGO_BYTES)]);
    expect((await upload(over)).statusCode).toBe(413);
    expect(await orgVersions()).toEqual(before);
  });

  it('rejects text, JSON, an empty body, a corrupt image and an image typed as something else', async () => {
    const png = await picture(50, 50).png().toBuffer();
    const truncated = png.subarray(0, Math.floor(png.length / 2));
    const garbage = Buffer.concat([png.subarray(0, 8), randomBytes(2000)]);
    const cases: [Buffer | string, string, number, string][] = [
      ['just some text', 'application/octet-stream', 400, 'The file is not a PNG, JPEG or WebP image.'],
      [JSON.stringify({ logo: 'x' }), 'application/json', 400, 'The file is not a PNG, JPEG or WebP image.'],
      [Buffer.alloc(0), 'image/png', 400, 'The file is not a PNG, JPEG or WebP image.'],
      [truncated, 'image/png', 400, 'The image is damaged and cannot be read.'],
      [garbage, 'image/png', 400, 'The image is damaged and cannot be read.'],
    ];
    const before = await orgVersions();
    for (const [body, type, status, message] of cases) {
      const res = await upload(body, { type });
      expect(res.statusCode, `${type}: ${res.body}`).toBe(status);
      expect(res.json().errors?.[0]).toEqual({ path: 'body', message });
    }
    // A GIF is not accepted: neither its declared type nor its bytes.
    const gif = await picture(10, 10).gif().toBuffer();
    expect((await upload(gif, { type: 'image/gif' })).statusCode).toBe(415);
    expect((await upload(gif, { type: 'image/png' })).statusCode).toBe(400);
    expect(await orgVersions()).toEqual(before);
  });

  it('refuses a decompression bomb (too many pixels) before decoding it', async () => {
    const bomb = await bombHeader(60_000, 60_000);
    expect(bomb.length).toBeLessThan(200);
    const res = await upload(bomb, { lang: 'bg' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors?.[0]).toEqual({
      path: 'body',
      message: 'Изображението има твърде много пиксели (най-много 25 мегапиксела).',
    });
  });

  it("does not let a representative change another organisation's logo (404, nothing stored)", async () => {
    const png = await picture(20, 20).png().toBuffer();
    const before = await orgVersions(orgB);
    const put = await upload(png, { id: orgB, cookie: as.repA });
    expect(put.statusCode).toBe(404);
    expect(put.json().code).toBe('organization.not_found');
    expect((await remove(orgB, as.repA)).statusCode).toBe(404);
    expect((await app.inject({ url: logoPath(orgB), headers: { cookie: as.repA } })).statusCode).toBe(404);
    expect(await stored(orgB)).toBeNull();
    expect(await orgVersions(orgB)).toEqual(before);
    // The committee cannot either; an administrator can.
    expect((await upload(png, { id: orgB, cookie: as.committee })).statusCode).toBe(403);
    expect((await upload(png, { id: orgB, cookie: as.admin })).statusCode).toBe(200);
  });
});

describe('serving a logo', () => {
  it('serves the current version for ever (immutable), answers 304 to its ETag, other versions briefly', async () => {
    const up = await upload(await picture(300, 300).png().toBuffer());
    expect(up.statusCode).toBe(200);
    const profile = (await app.inject({ url: `/api/organizations/${orgA}` })).json();
    const version = up.json().version as number;
    expect(profile.logoUrl).toBe(`/api/organizations/${orgA}/logo?size=large&v=${version}`);
    const list = (await app.inject({ url: '/api/organizations?pageSize=100' })).json();
    const card = list.items.find((o: { id: string }) => o.id === orgA);
    expect(card.logoUrl).toBe(`/api/organizations/${orgA}/logo?size=small&v=${version}`);
    expect(list.items.find((o: { id: string }) => o.id === orgB)?.logoUrl).toEqual(expect.any(String));

    for (const [url, px] of [
      [profile.logoUrl, 300],
      [card.logoUrl, 128],
    ] as const) {
      const res = await publicLogo(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect((await sharp(res.rawPayload).metadata()).width).toBe(px);
      const etag = String(res.headers.etag);
      expect(etag).toMatch(/^"\d+-(large|small)"$/);

      const again = await publicLogo(url, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect(again.headers.etag).toBe(etag);

      // Signed in, the same public answer is just as cacheable (it is the same for everyone).
      const signedIn = await publicLogo(url, { cookie: as.repB });
      expect(signedIn.statusCode).toBe(200);
      expect(signedIn.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }

    // Without a version, or an old one: the current logo, cached only briefly.
    for (const url of [`/api/organizations/${orgA}/logo`, `/api/organizations/${orgA}/logo?size=small&v=1`]) {
      const res = await publicLogo(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
    }
    expect((await publicLogo(`/api/organizations/${orgA}/logo?size=huge`)).statusCode).toBe(400);
    expect((await publicLogo(`/api/organizations/${orgA}/logo?v=abc`)).statusCode).toBe(400);
  });

  it('serves no logo of an organisation that is not publicly listed, but shows it to its representatives', async () => {
    const up = await upload(await picture(64, 64).png().toBuffer(), { id: orgC, cookie: as.repC });
    expect(up.statusCode).toBe(200);
    const version = up.json().version as number;
    const res = await publicLogo(`/api/organizations/${orgC}/logo?size=small&v=${version}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('organization.not_found');
    expect(
      (await publicLogo(`/api/organizations/${orgC}/logo?v=${version}`, { cookie: as.repC })).statusCode,
    ).toBe(404);

    const own = await app.inject({ url: up.json().logoUrl, headers: { cookie: as.repC } });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/webp');
    expect(own.headers['cache-control']).toBe('no-store');
    expect((await app.inject({ url: up.json().logoUrl })).statusCode).toBe(401);
    expect((await app.inject({ url: up.json().logoUrl, headers: { cookie: as.repA } })).statusCode).toBe(404);
  });

  it('answers 404 for an organisation without a logo, and the profile says null', async () => {
    const org = await insertOrganization(h, { nameBg: 'Без лого' });
    expect((await publicLogo(`/api/organizations/${org}/logo`)).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/organizations/${org}` })).json().logoUrl).toBeNull();
  });
});

describe('removing a logo', () => {
  it('removes it (audited), stops serving it, and a later upload never reuses a version', async () => {
    const first = await upload(await picture(40, 40).png().toBuffer());
    const version = first.json().version as number;
    const before = await orgVersions();

    const res = await remove();
    expect(res.statusCode).toBe(204);
    expect(await stored()).toBeNull();
    const after = await orgVersions();
    expect(after).toEqual({ version: before.version + 1, logoVersion: null });
    expect((await auditActions()).at(-1)).toMatchObject({
      action: 'organization.logo_removed',
      after: { logoVersion: null },
    });
    expect((await publicLogo(`/api/organizations/${orgA}/logo?v=${version}`)).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/organizations/${orgA}` })).json().logoUrl).toBeNull();
    const editable = await app.inject({
      url: `/api/account/organizations/${orgA}/profile`,
      headers: { cookie: as.repA },
    });
    expect(editable.json().logoUrl).toBeNull();

    // Nothing left to remove: nothing changes, nothing is recorded.
    const events = (await auditActions()).length;
    expect((await remove()).statusCode).toBe(204);
    expect(await orgVersions()).toEqual(after);
    expect((await auditActions()).length).toBe(events);

    const again = await upload(await picture(40, 40).png().toBuffer());
    expect(again.json().version).toBeGreaterThan(version);
  });

  it('records who uploaded and removed, in the organisation history', async () => {
    const history = await app.inject({
      url: `/api/account/organizations/${orgA}/history`,
      headers: { cookie: as.repA },
    });
    const actions = (history.json().items as { action: string }[]).map((i) => i.action);
    expect(actions).toContain('organization.logo_updated');
    expect(actions).toContain('organization.logo_removed');
    const [row] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action like 'organization.logo%' and actor_id is null`,
    );
    expect(row!.n).toBe(0);
  });
});
