/**
 * Issue 14 §3: photos of a shared resource through the logos' pipeline — checked by content, resized,
 * stored as WebP without metadata; a few per resource, in an order the owner sets; members see them.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { MAX_RESOURCE_PHOTOS, ResourcePhotoListSchema, ResourcePhotoSchema } from '@portal/shared';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
const as = {} as Record<'owner' | 'member', string>;
let ownerOrg = '';

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3a6' } })
    .png()
    .toBuffer();

async function newResource(): Promise<string> {
  const hours = JSON.stringify(Array.from({ length: 7 }, () => ({ opens: '00:00', closes: '24:00' })));
  const [row] = await h.query<{ id: string }>(
    sql`insert into shared_resources (organization_id, kind, name_bg, name_en, conditions, opening_hours)
        values (${ownerOrg}, 'lab', 'Лаборатория', 'Lab', 'free', ${hours}::jsonb) returning id`,
  );
  return row!.id;
}
const upload = (cookie: string, id: string, body: Buffer, type = 'image/png') =>
  app.inject({
    method: 'POST',
    url: `/api/resources/${id}/photos`,
    headers: { cookie, 'content-type': type },
    payload: body,
  });

beforeAll(async () => {
  h = await createTestDb();
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  ownerOrg = await insertOrganization(h, { nameBg: 'Собственик', nameEn: 'Owner' });
  const memberOrg = await insertOrganization(h, { nameBg: 'Член', nameEn: 'Member' });
  as.owner = await logIn(
    app,
    (await insertUser(h, { roles: ['representative'], organizationIds: [ownerOrg] })).email,
  );
  as.member = await logIn(
    app,
    (await insertUser(h, { roles: ['representative'], organizationIds: [memberOrg] })).email,
  );
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('resource photos', () => {
  it('stores an upload as WebP renditions of at most 1280 and 320 px, shows them to members, and audits it', async () => {
    const id = await newResource();
    const res = await upload(as.owner, id, await png(2000, 1000));
    expect(res.statusCode, res.body).toBe(201);
    const photo = ResourcePhotoSchema.parse(res.json());
    expect(photo).toMatchObject({ position: 0, width: 1280, height: 640 });
    const list = ResourcePhotoListSchema.parse(
      (await app.inject({ url: `/api/resources/${id}/photos`, headers: { cookie: as.member } })).json(),
    );
    expect(list.items.map((p) => p.id)).toEqual([photo.id]);
    const small = await app.inject({
      url: `/api/resources/${id}/photos/${photo.id}?size=small`,
      headers: { cookie: as.member },
    });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-type']).toBe('image/webp');
    const meta = await sharp(small.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['webp', 320, 160, undefined]);
    const [audit] = await h.query<{ action: string }>(
      sql`select action from audit_events where entity_id = ${id} and action = 'resource.photo_added'`,
    );
    expect(audit?.action).toBe('resource.photo_added');
  });

  it('refuses something that is not an image (by its bytes), another organisation, and more than the limit', async () => {
    const id = await newResource();
    const fake = await upload(as.owner, id, Buffer.from('%PDF-1.4 not an image'), 'image/png');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().errors[0]).toMatchObject({ path: 'body' });
    expect((await upload(as.member, id, await png(10, 10))).statusCode).toBe(404);
    for (let i = 0; i < MAX_RESOURCE_PHOTOS; i++) {
      expect((await upload(as.owner, id, await png(20 + i, 20))).statusCode).toBe(201);
    }
    const over = await upload(as.owner, id, await png(10, 10));
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('resource.photo_limit');
  });

  it('lets the owner reorder and remove photos; a bad order is a field error and changes nothing', async () => {
    const id = await newResource();
    const ids: string[] = [];
    for (const w of [30, 40, 50]) ids.push((await upload(as.owner, id, await png(w, 20))).json().id);
    const put = (cookie: string, order: string[]) =>
      app.inject({
        method: 'PUT',
        url: `/api/resources/${id}/photos/order`,
        headers: { cookie },
        payload: { ids: order },
      });
    const reordered = await put(as.owner, [ids[2]!, ids[0]!, ids[1]!]);
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().items.map((p: { id: string }) => p.id)).toEqual([ids[2], ids[0], ids[1]]);
    const bad = await put(as.owner, [ids[0]!, ids[0]!, ids[1]!]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'body.ids' });
    expect((await put(as.member, [ids[0]!, ids[1]!, ids[2]!])).statusCode).toBe(404);

    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/resources/${id}/photos/${ids[0]}`,
      headers: { cookie: as.owner },
    });
    expect(removed.statusCode).toBe(204);
    const list = (
      await app.inject({ url: `/api/resources/${id}/photos`, headers: { cookie: as.owner } })
    ).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([ids[2], ids[1]]);
    const again = await app.inject({
      method: 'DELETE',
      url: `/api/resources/${id}/photos/${ids[0]}`,
      headers: { cookie: as.owner },
    });
    expect(again.statusCode).toBe(404);
  });
});
