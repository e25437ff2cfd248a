import type { DbHandle } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { type Area, AreaListResponseSchema } from '@portal/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization } from '../../testing.ts';

let h: DbHandle;
let app: FastifyInstance;
beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  await insertOrganization(h, { nameBg: 'Софтуер', areas: ['ict-software'] });
  // Two sub-areas of ICT: counted once for ICT.
  await insertOrganization(h, { nameBg: 'Сигурност', areas: ['ict-cybersecurity', 'ict-software'] });
  await insertOrganization(h, { nameBg: 'Парк', areas: ['ict'] });
  await insertOrganization(h, { nameBg: 'Игри', areas: ['creative-games', 'ict-ai-data'] });
  // Not listed publicly, so never counted.
  await insertOrganization(h, { nameBg: 'Община', category: 'candidate', areas: ['ict-egov'] });
  await insertOrganization(h, { nameBg: 'Спряна', status: 'suspended', areas: ['ict-software', 'creative'] });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

async function areas(): Promise<Area[]> {
  const res = await app.inject({ method: 'GET', url: '/api/areas' });
  expect(res.statusCode).toBe(200);
  return AreaListResponseSchema.parse(res.json()).items;
}

describe('the specialisation areas', () => {
  it('counts publicly listed members in each area, a parent area including its sub-areas once per member', async () => {
    const count = Object.fromEntries((await areas()).map((a) => [a.id, a.memberCount]));
    expect(count).toMatchObject({
      ict: 4,
      'ict-software': 2,
      'ict-cybersecurity': 1,
      'ict-ai-data': 1,
      'ict-egov': 0,
      creative: 1,
      'creative-games': 1,
      mechatronics: 0,
      'clean-tech': 0,
    });
  });

  it('lists every area in tree order: each thematic area followed by its sub-areas by position', async () => {
    const items = await areas();
    expect(items).toHaveLength(25);
    const top = items.filter((a) => a.parentId === null);
    expect(top.map((a) => a.id)).toEqual(['ict', 'mechatronics', 'healthy-life', 'creative', 'clean-tech']);
    expect(top.filter((a) => a.isPriority).map((a) => a.id)).toEqual(['ict', 'creative']);
    const ictIndex = items.findIndex((a) => a.id === 'ict');
    expect(items.slice(ictIndex + 1, ictIndex + 3).map((a) => a.id)).toEqual(['ict-software', 'ict-ai-data']);
    for (const [i, a] of items.entries()) {
      if (a.parentId === null) continue;
      const previous = items[i - 1]!;
      // A sub-area follows its parent or a sibling with a smaller position.
      expect(
        previous.id === a.parentId || (previous.parentId === a.parentId && previous.position < a.position),
      ).toBe(true);
    }
    expect(items[0]).toMatchObject({ nameBg: 'Информатика и ИКТ', nameEn: 'Informatics and ICT' });
  });
});
