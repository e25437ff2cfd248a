import type { DbHandle } from '@portal/db';
import { sql } from '@portal/db';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@portal/db/seed';
import { createTestDb } from '@portal/db/testing';
import { APPLICATION_STATES, ApplicationSchema, type ApplicationSummary, ROLES } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, logIn } from './testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  h = await createTestDb({ seed: (db) => seedDemo(db.db).then(() => undefined) });
  app = await buildTestApp(h);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('demo accounts', () => {
  it('has one account for each role, each logging in with the published demo password', async () => {
    const covered = new Set(DEMO_USERS.flatMap((u) => u.roles));
    expect([...covered].sort()).toEqual([...ROLES].sort());
    for (const demo of DEMO_USERS) {
      const cookie = await logIn(app, demo.email, DEMO_PASSWORD);
      const me = (await app.inject({ url: '/api/account', headers: { cookie } })).json();
      expect(me.roles.sort()).toEqual([...demo.roles].sort());
    }
  });

  it('links the demo representative to „Дигитална София“', async () => {
    const rep = DEMO_USERS.find((u) => u.roles.includes('representative'))!;
    const cookie = await logIn(app, rep.email, DEMO_PASSWORD);
    const orgs = (await app.inject({ url: '/api/account/organizations', headers: { cookie } })).json().items;
    expect(orgs.map((o: { nameBg: string }) => o.nameBg)).toEqual(['Дигитална София']);
  });

  it('links the demo candidate representative to „Кванта Интелект“, a candidate that sees the resources open to candidates', async () => {
    const candidate = DEMO_USERS.find((u) => u.email === 'kandidat-chlen@demo.klaster.bg')!;
    const cookie = await logIn(app, candidate.email, DEMO_PASSWORD);
    const session = (await app.inject({ url: '/api/auth/session', headers: { cookie } })).json();
    expect(session.user.organizations).toEqual([
      expect.objectContaining({ nameBg: 'Кванта Интелект', standing: 'none', candidate: true }),
    ]);
    const resources = (await app.inject({ url: '/api/resources', headers: { cookie } })).json().items;
    expect(resources.length).toBeGreaterThan(0);
    for (const r of resources) expect(r.whoMayBook).toBe('members_and_applicants');
  });

  it('names the records the audit log refers to by id (here a user) instead of showing only UUIDs', async () => {
    const admin = DEMO_USERS.find((u) => u.roles.includes('admin'))!;
    const cookie = await logIn(app, admin.email, DEMO_PASSWORD);
    const res = await app.inject({
      url: '/api/admin/audit?action=session.created&pageSize=100',
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { entityId: string }[]; names: Record<string, string> };
    const me = (await app.inject({ url: '/api/account', headers: { cookie } })).json();
    expect(body.items.some((e) => e.entityId === me.id)).toBe(true);
    expect(body.names[me.id]).toBe(admin.displayName);
  });

  it('is not duplicated or changed by seeding again', async () => {
    const before = await h.query(sql`select id, email, password_hash, version from users order by email`);
    await seedDemo(h.db);
    const after = await h.query(sql`select id, email, password_hash, version from users order by email`);
    expect(after).toEqual(before);
  });
});

describe('the demo join applications, through the API', () => {
  const get = async (url: string, email?: string) => {
    const cookie = email ? await logIn(app, email, DEMO_PASSWORD) : undefined;
    const res = await app.inject({ url, headers: cookie ? { cookie } : {} });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res;
  };

  it('shows the demo applicant their draft and the application awaiting changes, without internal notes', async () => {
    const email = 'kandidat@demo.klaster.bg';
    const mine: ApplicationSummary[] = (await get('/api/applications/mine', email)).json().items;
    expect(mine.map((a) => a.state).sort()).toEqual(['changes_requested', 'draft']);
    const id = mine.find((a) => a.state === 'changes_requested')!.id;
    const application = ApplicationSchema.parse((await get(`/api/applications/${id}`, email)).json());
    expect(application.timeline.find((e) => e.action === 'request_changes')?.text).toMatch(/certificate/);
    expect(application.timeline.every((e) => e.audience === 'applicant')).toBe(true);
    expect(application.vote).toBeNull();
    const doc = await get(`/api/applications/${id}/documents/${application.documents[0]!.id}`, email);
    expect(doc.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it("gives the committee every state but drafts, and the chair Sofia Municipality's open vote to close", async () => {
    const chair = 'predsedatel@demo.klaster.bg';
    const queue = (await get('/api/committee/applications?pageSize=100', chair)).json();
    expect(Object.keys(queue.counts).sort()).toEqual(APPLICATION_STATES.filter((s) => s !== 'draft').sort());
    const sofia = (queue.items as ApplicationSummary[]).find((a) => a.eik === '000696327');
    expect(sofia?.state).toBe('in_vote');
    const before = ApplicationSchema.parse((await get(`/api/applications/${sofia!.id}`, chair)).json());
    expect(before.documents.map((d) => d.kind)).toContain('council_decision');
    expect(before.vote).toMatchObject({ round: 1, closedAt: null, myVote: null, quorumReached: true });
    expect(before.vote!.tally.voted).toBeLessThan(before.vote!.tally.eligible);

    const cookie = await logIn(app, chair, DEMO_PASSWORD);
    const closed = await app.inject({
      method: 'POST',
      url: `/api/applications/${sofia!.id}/vote/close`,
      headers: { cookie },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = ApplicationSchema.parse(closed.json());
    expect(after.state).toBe('approved');
    // The demo register of 2026 ends at 2026-009 (four admissions, a membership decision, then the four
    // decisions of the committee's first meeting), so the next decision of 2026 is 2026-010.
    const year = new Date().getUTCFullYear();
    expect(after.decision?.number).toBe(year === 2026 ? '2026-010' : `${year}-001`);
  });

  it('lists the demo admissions in the public decisions register, and the rejection to members', async () => {
    const publicItems = (await get('/api/decisions')).json().items as { number: string; outcome: string }[];
    expect(publicItems.filter((d) => d.number.startsWith('2026-00')).length).toBeGreaterThanOrEqual(3);
    expect(publicItems.every((d) => d.outcome === 'approved')).toBe(true);
    const full = (await get('/api/decisions', 'predstavitel@demo.klaster.bg')).json().items;
    expect(full.map((d: { outcome: string }) => d.outcome)).toContain('rejected');
  });
});
