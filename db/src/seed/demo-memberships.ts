/**
 * Demo membership history (issue 5): the suspended demo member (Линия Дизайн Студио) moved from engaged to
 * regular at the start of 2026 and was suspended in April, each under a membership decision of the
 * register, so the committee's member page and the register show both.
 *
 * Idempotent: the decisions have fixed ids (inserted once, numbered from the register's counter after the
 * demo admissions), and the history is written only while the organisation has none.
 */
import { eik9CheckDigit, formatDecisionNumber } from '@portal/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

const eik = (first8: string) => `${first8}${eik9CheckDigit(first8)}`;

export const DEMO_SUSPENDED_EIK = eik('20654903');

interface DemoMembershipEvent {
  decisionId: string;
  action: 'change_category' | 'suspend';
  from: { category: string; status: string };
  to: { category: string; status: string };
  decidedOn: string;
  effectiveOn: string;
  reason: string;
  textBg: string;
  textEn: string;
  tally: { for: number; against: number; abstain: number; eligible: number; recused: number };
}

export const DEMO_MEMBERSHIP_EVENTS: readonly DemoMembershipEvent[] = [
  {
    decisionId: '00000000-de00-4500-8000-000000000001',
    action: 'change_category',
    from: { category: 'engaged', status: 'active' },
    to: { category: 'regular', status: 'active' },
    decidedOn: '2025-12-15',
    effectiveOn: '2026-01-01',
    reason: 'По искане на члена: по-малко участие в работните групи през 2026 г.',
    textBg:
      'Комитетът променя категорията на Линия Дизайн Студио от ангажиран на редовен член от 1 януари 2026 г.',
    textEn:
      'The committee changes the category of Line Design Studio from engaged to regular member from 1 January 2026.',
    tally: { for: 4, against: 0, abstain: 0, eligible: 5, recused: 0 },
  },
  {
    decisionId: '00000000-de00-4500-8000-000000000002',
    action: 'suspend',
    from: { category: 'regular', status: 'active' },
    to: { category: 'regular', status: 'suspended' },
    decidedOn: '2026-04-14',
    effectiveOn: '2026-04-15',
    reason: 'Неплатен членски внос за 2026 г. след напомняне.',
    textBg: 'Комитетът спира членството на Линия Дизайн Студио до плащането на членския внос за 2026 г.',
    textEn: 'The committee suspends the membership of Line Design Studio until its 2026 fee is paid.',
    tally: { for: 4, against: 1, abstain: 0, eligible: 5, recused: 0 },
  },
];

export async function seedDemoMemberships(tx: Db, idOf: (eik: string) => string): Promise<void> {
  const organizationId = idOf(DEMO_SUSPENDED_EIK);
  const existing = await tx.execute(
    sql`select 1 from membership_events where organization_id = ${organizationId} limit 1`,
  );
  const rows = Array.isArray(existing) ? existing : (existing as { rows: unknown[] }).rows;
  if (rows.length > 0) return;
  const [chair] = await rowsOf<{ id: string }>(
    tx,
    sql`select u.id from users u join user_roles r on r.user_id = u.id and r.role = 'committee_chair'
        order by u.email limit 1`,
  );
  for (const e of DEMO_MEMBERSHIP_EVENTS) {
    const year = Number(e.decidedOn.slice(0, 4));
    const [known] = await rowsOf<{ id: string }>(
      tx,
      sql`select id from decisions where id = ${e.decisionId}`,
    );
    if (!known) {
      const [counter] = await rowsOf<{ last: number }>(
        tx,
        sql`insert into decision_counters (year, last) values (${year}, 1)
            on conflict (year) do update set last = decision_counters.last + 1 returning last`,
      );
      const sequence = Number(counter!.last);
      await tx.execute(
        sql`insert into decisions (id, year, sequence, number, decided_on, subject, outcome, organization_id,
              organization_name_bg, organization_name_en, text_bg, text_en, tally)
            select ${e.decisionId}, ${year}, ${sequence}, ${formatDecisionNumber(year, sequence)},
              ${e.decidedOn}::date, 'membership', 'approved', o.id, o.name_bg, o.name_en, ${e.textBg}, ${e.textEn},
              ${JSON.stringify(e.tally)}::jsonb
            from organizations o where o.id = ${organizationId}`,
      );
    }
    await tx.execute(
      sql`insert into membership_events (organization_id, action, from_category, to_category, from_status,
            to_status, decision_id, reason, effective_on, actor_id, created_at)
          values (${organizationId}, ${e.action}, ${e.from.category}, ${e.to.category}, ${e.from.status},
            ${e.to.status}, ${e.decisionId}, ${e.reason}, ${e.effectiveOn}::date, ${chair?.id ?? null},
            ${`${e.decidedOn}T12:00:00Z`}::timestamptz)`,
    );
  }
}

async function rowsOf<T>(tx: Db, statement: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await tx.execute(statement)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
