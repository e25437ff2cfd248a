/**
 * The decisions register (issue 11 C13): the years its filter offers follow what the reader may see.
 */
import type { DbHandle } from '@portal/db';
import { sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { DecisionListResponseSchema, DecisionYearsResponseSchema } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let representative: string;
let member: string;

let sequence = 0;
/** A decision entered in the register directly; returns its number. */
async function registerDecision(
  year: number,
  organizationId: string | null,
  subject: 'admission' | 'membership',
  outcome: 'approved' | 'rejected',
): Promise<string> {
  sequence++;
  const number = `${year}-${String(sequence).padStart(3, '0')}`;
  await h.query(
    sql`insert into decisions (year, sequence, number, decided_on, subject, outcome, organization_id,
          organization_name_bg, organization_name_en, text_bg, text_en, tally)
        values (${year}, ${sequence}, ${number}, ${`${year}-06-15`}::date, ${subject}, ${outcome}, ${organizationId},
          'Регистър ООД', 'Register Ltd', 'Текст', 'Text',
          '{"for": 3, "against": 0, "abstain": 0, "eligible": 5, "recused": 0}'::jsonb)`,
  );
  return number;
}

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  member = await insertOrganization(h, { nameBg: 'Член Регистър' });
  const rep = await insertUser(h, { roles: ['representative'], organizationIds: [member] });
  representative = await logIn(app, rep.email);
  // 2022: a membership decision only; 2023: a rejection only; 2025: an admission; 2024: nothing at all.
  await registerDecision(2022, member, 'membership', 'approved');
  await registerDecision(2023, null, 'admission', 'rejected');
  await registerDecision(2025, member, 'admission', 'approved');
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

async function years(cookie?: string): Promise<number[]> {
  const res = await app.inject({ url: '/api/decisions/years', headers: cookie ? { cookie } : {} });
  expect(res.statusCode, res.body).toBe(200);
  return DecisionYearsResponseSchema.parse(res.json()).years;
}

describe('the years of the register', () => {
  it('answers the public only the years with an admission it may read, newest first', async () => {
    expect(await years()).toEqual([2025]);
  });

  it('answers members every year holding a decision, newest first, and no year without one', async () => {
    expect(await years(representative)).toEqual([2025, 2023, 2022]);
  });
});

describe('the organisations named in the register', () => {
  it("gives an organisation's id only while it is publicly listed, to every reader", async () => {
    const year = 2021;
    const candidate = await insertOrganization(h, { nameBg: 'Кандидат', category: 'candidate' });
    const excluded = await insertOrganization(h, { nameBg: 'Изключен', status: 'excluded' });
    const suspended = await insertOrganization(h, { nameBg: 'Спрян', status: 'suspended' });
    const erased = await insertOrganization(h, { nameBg: 'Изтрит' });
    const numbers = {
      listed: await registerDecision(year, member, 'admission', 'approved'),
      candidate: await registerDecision(year, candidate, 'admission', 'approved'),
      excluded: await registerDecision(year, excluded, 'admission', 'approved'),
      suspended: await registerDecision(year, suspended, 'admission', 'approved'),
      erased: await registerDecision(year, erased, 'admission', 'approved'),
      rejected: await registerDecision(year, null, 'admission', 'rejected'),
    };
    await h.query(sql`delete from organizations where id = ${erased}`);
    const expected = { [numbers.listed]: member };
    for (const cookie of [undefined, representative]) {
      const res = await app.inject({
        url: `/api/decisions?year=${year}&pageSize=100`,
        headers: cookie ? { cookie } : {},
      });
      expect(res.statusCode, res.body).toBe(200);
      const items = DecisionListResponseSchema.parse(res.json()).items;
      expect(items.length).toBe(cookie ? 6 : 5);
      for (const d of items) {
        expect([d.number, d.organizationId]).toEqual([d.number, expected[d.number] ?? null]);
        expect([d.number, d.organizationListed]).toEqual([d.number, d.number === numbers.listed]);
      }
      for (const id of [candidate, excluded, suspended, erased]) expect(res.body).not.toContain(id);
    }
  });
});
