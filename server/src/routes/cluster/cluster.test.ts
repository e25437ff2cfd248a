import { clusterSettings, type DbHandle } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { ClusterResponseSchema } from '@portal/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization } from '../../testing.ts';

let h: DbHandle;
let app: FastifyInstance;
beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('the cluster', () => {
  it('presents its identity from the settings with the number of publicly listed members', async () => {
    await h.db
      .update(clusterSettings)
      .set({ nameBg: 'Клъстер „Тест“', nameEn: 'Test Cluster', taglineBg: 'Заедно', taglineEn: 'Together' });
    await insertOrganization(h, { nameBg: 'Член Едно' });
    await insertOrganization(h, { nameBg: 'Член Две', category: 'engaged' });
    await insertOrganization(h, { nameBg: 'Кандидат', category: 'candidate' });
    await insertOrganization(h, { nameBg: 'Изключен', status: 'excluded' });

    const res = await app.inject({ method: 'GET', url: '/api/cluster' });
    expect(res.statusCode).toBe(200);
    expect(ClusterResponseSchema.parse(res.json())).toMatchObject({
      nameBg: 'Клъстер „Тест“',
      nameEn: 'Test Cluster',
      taglineBg: 'Заедно',
      taglineEn: 'Together',
      memberCount: 2,
    });
  });
});
