/**
 * No lost update of a project's budget (issue 16 §4 "two partners editing the budget at once"), on a real
 * PostgreSQL server (PGlite has one connection, so nothing races there; projects.test.ts shows the stale
 * version refused on PGlite). Many partners' representatives save the budget at the same instant, all with
 * the version they read: exactly one save wins, every other gets 412, and the stored budget is the winner's.
 */
import type { DbHandle } from '@portal/db';
import { sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import type { Project } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';

const onPostgres = testEngine === 'postgres';
const N = 12;

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let leadCookie: string;
let partners: { organizationId: string; cookie: string }[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  h = await createTestDb({ maxConnections: 30 });
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  const leadOrg = await insertOrganization(h, { nameBg: 'Водещ', nameEn: 'Lead' });
  const lead = await insertUser(h, { roles: ['representative'], organizationIds: [leadOrg] });
  leadCookie = await logIn(app, lead.email);
  const created = await app.inject({
    method: 'POST',
    url: '/api/projects',
    headers: { cookie: leadCookie },
    payload: { leadOrganizationId: leadOrg, titleBg: 'Консорциум', titleEn: 'Consortium' },
  });
  expect(created.statusCode, created.body).toBe(201);
  projectId = created.json().id;
  partners = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const organizationId = await insertOrganization(h, { nameBg: `Партньор ${i}`, nameEn: `Partner ${i}` });
      const u = await insertUser(h, { roles: ['representative'], organizationIds: [organizationId] });
      return { organizationId, cookie: await logIn(app, u.email) };
    }),
  );
  for (const p of partners) {
    const invited = await app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/invitations`,
      headers: { cookie: leadCookie },
      payload: { organizationId: p.organizationId },
    });
    const join = (invited.json() as Project).joins.find((j) => j.organizationId === p.organizationId)!;
    const answered = await app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/joins/${join.id}/answer`,
      headers: { cookie: p.cookie },
      payload: { accept: true },
    });
    expect(answered.statusCode, answered.body).toBe(200);
  }
});
let projectId: string;
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('two partners saving the budget at once', () => {
  it.runIf(onPostgres)(
    `accepts exactly one of ${N} budget saves made with the same version; the others get 412 and nothing is lost`,
    async () => {
      const read = await app.inject({
        method: 'GET',
        url: `/api/projects/${projectId}`,
        headers: { cookie: leadCookie },
      });
      const project = read.json() as Project;
      const etag = read.headers.etag as string;
      // Partner i gives itself the whole budget of (i + 1) × €1,000: each save is distinguishable.
      const answers = await Promise.all(
        partners.map((p, i) => {
          const mine = project.partners.find((x) => x.organizationId === p.organizationId)!;
          const total = (i + 1) * 100_000;
          return app.inject({
            method: 'PUT',
            url: `/api/projects/${projectId}/budget`,
            headers: { cookie: p.cookie, 'if-match': etag },
            payload: {
              totalCents: total,
              lines: project.partners.map((x) => ({
                partnerId: x.id,
                shareCents: x.id === mine.id ? total : 0,
              })),
            },
          });
        }),
      );
      const statuses = answers.map((a) => a.statusCode);
      const seen = answers
        .filter((a) => a.statusCode !== 412)
        .map((a) => `${a.statusCode} ${a.body.slice(0, 200)}`)
        .join('\n');
      expect(
        statuses.filter((s) => s === 200),
        seen,
      ).toHaveLength(1);
      expect(
        statuses.filter((s) => s === 412),
        seen,
      ).toHaveLength(N - 1);
      const winnerIndex = statuses.indexOf(200);
      const winner = answers[winnerIndex]!.json() as Project;
      expect(winner.version).toBe(project.version + 1);
      // The stored budget is the winner's, whole: its total and shares, no mix of two saves.
      const [row] = await h.query<{ total: number; sum: number; nonzero: number; version: number }>(
        sql`select p.total_cents::int as total, p.version,
                   (select sum(share_cents)::int from project_partners where project_id = p.id) as sum,
                   (select count(*)::int from project_partners where project_id = p.id and share_cents > 0) as nonzero
            from projects p where p.id = ${projectId}`,
      );
      expect(Number(row!.total)).toBe((winnerIndex + 1) * 100_000);
      expect(Number(row!.sum)).toBe(Number(row!.total));
      expect(Number(row!.nonzero)).toBe(1);
      expect(Number(row!.version)).toBe(project.version + 1);
      const [audits] = await h.query<{ n: number }>(
        sql`select count(*)::int as n from audit_events where action = 'project.budget_saved' and entity_id = ${projectId}`,
      );
      expect(Number(audits!.n)).toBe(1);
    },
  );
});
