import { type Db, type SQL, sql } from '@portal/db';
import {
  type CategoryChange,
  categoryInForce,
  type FeeJoinRule,
  type FeeListQuery,
  type FeeListResponse,
  type FeePayment,
  type FeePaymentBody,
  type FeePaymentCreated,
  type FeeRate,
  type FeeRatesBody,
  type FeeRatesResponse,
  type FeeSettings,
  feeLedger,
  type LedgerYear,
  type LedgerYearInput,
  type MemberFee,
  type MembershipCategory,
  type MembershipStatus,
  matchesFeeFilter,
  type OrganizationFeesResponse,
  todayInSofia,
  type YearRate,
  yearFee,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { containsPattern, execute, isoTimestamp, parseJson } from '../../db.ts';
import { AppError, type FieldIssue, fieldError } from '../../errors.ts';

/**
 * Annual fees (issue 5). Rates per category and year are set by administrators; payments are recorded by
 * the committee; a member's status in a year follows from both (shared `feeStatus`). Fees never change a
 * membership: an overdue member stays listed in the directory until the committee decides otherwise.
 *
 * The committee's list covers active and suspended memberships. Withdrawn and excluded organisations are
 * no longer members and owe no further fees; their payments stay on record and remain visible on their
 * own fees page. A member owes, for each year from the year it joined, the rate of the category in force
 * that year; the year it joined follows the join rule; overpayments are carried forward as credit (shared
 * `yearFee`, `categoryInForce`, `feeLedger`; decision 016).
 */

// ---------- rates ----------

interface RateRow extends Record<string, unknown> {
  year: number;
  category: MembershipCategory;
  amount_cents: number;
  due_on: string;
  version: number;
  updated_at: string;
}

const toRate = (r: RateRow): FeeRate => ({
  category: r.category,
  amountCents: Number(r.amount_cents),
  dueOn: r.due_on,
  version: Number(r.version),
  updatedAt: r.updated_at,
});

const snapshot = (rates: FeeRate[]) =>
  rates.map(({ category, amountCents, dueOn }) => ({ category, amountCents, dueOn }));

async function ratesOf(db: Db, year: number, lock = false): Promise<FeeRate[]> {
  const rows = await execute<RateRow>(
    db,
    sql`select year, category, amount_cents, due_on::text as due_on, version,
          ${isoTimestamp('updated_at')} as updated_at
        from fee_rates where year = ${year} order by category ${lock ? sql`for update` : sql``}`,
  );
  return rows.map(toRate);
}

export async function getRates(db: Db, year: number): Promise<FeeRatesResponse> {
  const [rates, years, settings] = await Promise.all([
    ratesOf(db, year),
    execute<{ year: number }>(db, sql`select distinct year from fee_rates order by year desc`),
    getFeeSettings(db),
  ]);
  return { year, rates, years: years.map((y) => Number(y.year)), joinRule: settings.joinRule };
}

const DEFAULT_JOIN_RULE: FeeJoinRule = 'pro_rata_month';

export async function getFeeSettings(db: Db): Promise<FeeSettings> {
  const [row] = await execute<{ fee_join_rule: FeeJoinRule }>(
    db,
    sql`select fee_join_rule from cluster_settings where id = 1`,
  );
  return { joinRule: row?.fee_join_rule ?? DEFAULT_JOIN_RULE };
}

/**
 * Sets how the year a member joins is charged (decision 016). It changes what the joining year of every
 * member admitted this year costs from now on; the audit event keeps before and after.
 */
export async function setFeeSettings(db: Db, actor: Actor, body: FeeSettings): Promise<FeeSettings> {
  await db.transaction(async (tx) => {
    const [row] = await execute<{ fee_join_rule: FeeJoinRule }>(
      tx,
      sql`select fee_join_rule from cluster_settings where id = 1 for update`,
    );
    // The row is created by migration 0002; without it there is nothing to set (and nothing to audit).
    if (!row || row.fee_join_rule === body.joinRule) return;
    await execute(
      tx,
      sql`update cluster_settings set fee_join_rule = ${body.joinRule}, updated_at = now(),
            version = version + 1 where id = 1`,
    );
    await recordAudit(tx, actor, {
      action: 'fees.settings_set',
      entityType: 'cluster_settings',
      entityId: '1',
      before: { joinRule: row.fee_join_rule },
      after: { joinRule: body.joinRule },
    });
  });
  return getFeeSettings(db);
}

/**
 * Sets the rates of a year, one per category sent (the others keep theirs). Last write wins: a rate is a
 * single administrative setting, changed a few times a year by very few people, and the form sends every
 * category at once; the audit event keeps before and after, so an overwritten value is visible and can be
 * put back. The year's rows are locked for the transaction, so the audit's "before" is exact.
 */
export async function setRates(
  db: Db,
  actor: Actor,
  year: number,
  body: FeeRatesBody,
): Promise<FeeRatesResponse> {
  const seen = new Set<string>();
  body.rates.forEach((r, i) => {
    if (seen.has(r.category)) {
      throw fieldError(`body.rates.${i}.category`, 'fees.category_repeated', { category: r.category });
    }
    seen.add(r.category);
  });
  await db.transaction(async (tx) => {
    const before = await ratesOf(tx, year, true);
    for (const r of body.rates) {
      await execute(
        tx,
        sql`insert into fee_rates (year, category, amount_cents, due_on, updated_by)
            values (${year}, ${r.category}, ${r.amountCents}, ${r.dueOn}::date, ${actor.userId})
            on conflict (year, category) do update
              set amount_cents = excluded.amount_cents, due_on = excluded.due_on,
                  updated_by = excluded.updated_by, updated_at = now(), version = fee_rates.version + 1
              where (fee_rates.amount_cents, fee_rates.due_on)
                is distinct from (excluded.amount_cents, excluded.due_on)`,
      );
    }
    const after = await ratesOf(tx, year);
    const changed = JSON.stringify(snapshot(before)) !== JSON.stringify(snapshot(after));
    if (changed) {
      await recordAudit(tx, actor, {
        action: 'fees.rates_set',
        entityType: 'fee_rates',
        entityId: String(year),
        before: { year, rates: snapshot(before) },
        after: { year, rates: snapshot(after) },
      });
    }
  });
  return getRates(db, year);
}

// ---------- payments ----------

interface PaymentRow extends Record<string, unknown> {
  id: string;
  organization_id: string;
  year: number;
  amount_cents: number;
  paid_on: string;
  reference: string;
}

const toPayment = (r: PaymentRow): FeePaymentCreated => ({
  id: r.id,
  organizationId: r.organization_id,
  year: Number(r.year),
  amountCents: Number(r.amount_cents),
  paidOn: r.paid_on,
  reference: r.reference,
});

/**
 * Records a payment. The reference is unique across the cluster, ignoring case (a unique index on
 * lower(reference), issue 11 B4), and the insert is `on conflict do nothing`: a double submit, even at the
 * same instant, records one payment and answers the second with 409 naming the reference field; the same
 * reference for another organisation is refused the same way, naming the organisation that has it. Paying
 * more than the fee is allowed: the surplus is a credit carried to the next year.
 */
export async function recordPayment(
  db: Db,
  actor: Actor,
  body: FeePaymentBody,
  today = todayInSofia(),
): Promise<FeePaymentCreated> {
  if (body.paidOn > today) throw fieldError('body.paidOn', 'fees.paid_on_future');
  return db.transaction(async (tx) => {
    const [member] = await execute<{ id: string }>(
      tx,
      sql`select organization_id as id from memberships where organization_id = ${body.organizationId}`,
    );
    if (!member) throw fieldError('body.organizationId', 'fees.organization_unknown');
    const [row] = await execute<PaymentRow>(
      tx,
      sql`insert into fee_payments (organization_id, year, amount_cents, paid_on, reference, recorded_by)
          values (${body.organizationId}, ${body.year}, ${body.amountCents}, ${body.paidOn}::date,
                  ${body.reference}, ${actor.userId})
          on conflict do nothing
          returning id, organization_id, year, amount_cents, paid_on::text as paid_on, reference`,
    );
    if (!row) {
      // The conflicting row is committed (the insert waited for it), so this statement sees it.
      const [taken] = await execute<{
        organization_id: string;
        year: number;
        name_bg: string;
        name_en: string;
      }>(
        tx,
        sql`select fp.organization_id, fp.year, o.name_bg, o.name_en
            from fee_payments fp join organizations o on o.id = fp.organization_id
            where lower(fp.reference) = lower(${body.reference})`,
      );
      const field: FieldIssue =
        !taken || taken.organization_id === body.organizationId
          ? { path: 'body.reference', code: 'fees.reference_taken', values: { reference: body.reference } }
          : {
              path: 'body.reference',
              code: 'fees.reference_used_elsewhere',
              values: {
                reference: body.reference,
                organizationBg: taken.name_bg,
                organizationEn: taken.name_en,
                year: String(taken.year),
              },
            };
      throw new AppError('fees.payment_duplicate', 409, { fields: [field] });
    }
    const payment = toPayment(row);
    const { id: _id, ...after } = payment;
    await recordAudit(tx, actor, {
      action: 'fees.payment_recorded',
      entityType: 'fee_payment',
      entityId: payment.id,
      after,
    });
    return payment;
  });
}

/** Deletes a payment recorded by mistake; the audit event keeps what it was. */
export async function deletePayment(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await execute<PaymentRow>(
      tx,
      sql`delete from fee_payments where id = ${id}
          returning id, organization_id, year, amount_cents, paid_on::text as paid_on, reference`,
    );
    if (!row) throw new AppError('fees.payment_not_found', 404);
    const { id: _id, ...before } = toPayment(row);
    await recordAudit(tx, actor, {
      action: 'fees.payment_deleted',
      entityType: 'fee_payment',
      entityId: id,
      before,
    });
  });
}

// ---------- what each member owes (one statement, computed with the shared rules) ----------

interface PaymentOfYear extends FeePayment {
  year: number;
}

interface RateOfYear extends YearRate {
  year: number;
  category: MembershipCategory;
}

interface FeeInputRow extends Record<string, unknown> {
  id: string;
  eik: string;
  name_bg: string;
  name_en: string;
  category: MembershipCategory;
  membership_status: MembershipStatus;
  member_since: string | null;
  changes: CategoryChange[] | string;
  payments: PaymentOfYear[] | string;
  rates: RateOfYear[] | string;
  join_rule: FeeJoinRule | null;
}

/**
 * Everything the fee rules need for the memberships matching `where`, in ONE statement (so the page, the
 * total and the credits come from the same snapshot): each membership with its category changes, its
 * payments up to `upTo`, and beside it every rate up to `upTo` and the join rule.
 */
async function feeInputs(db: Db, where: SQL, upTo: number | null): Promise<FeeInputRow[]> {
  const upToFilter = (column: SQL) => (upTo === null ? sql`true` : sql`${column} <= ${upTo}`);
  return execute<FeeInputRow>(
    db,
    sql`with rates as (
          select coalesce(json_agg(json_build_object('year', r.year, 'category', r.category,
              'amountCents', r.amount_cents, 'dueOn', r.due_on::text)), '[]'::json) as rates
          from fee_rates r where ${upToFilter(sql`r.year`)}
        )
        select o.id, o.eik, o.name_bg, o.name_en, m.category, m.status as membership_status,
          m.member_since::text as member_since,
          (select coalesce(json_agg(json_build_object('fromCategory', e.from_category,
              'toCategory', e.to_category, 'effectiveOn', e.effective_on::text,
              'recordedOn', (e.created_at at time zone 'Europe/Sofia')::date::text) order by e.id), '[]'::json)
            from membership_events e
            where e.organization_id = o.id and e.action = 'change_category') as changes,
          (select coalesce(json_agg(json_build_object('id', fp.id, 'year', fp.year,
              'amountCents', fp.amount_cents, 'paidOn', fp.paid_on::text, 'reference', fp.reference)
              order by fp.paid_on, fp.created_at), '[]'::json)
            from fee_payments fp where fp.organization_id = o.id and ${upToFilter(sql`fp.year`)}) as payments,
          rates.rates,
          (select s.fee_join_rule from cluster_settings s where s.id = 1) as join_rule
        from memberships m
        join organizations o on o.id = m.organization_id
        cross join rates
        where ${where}
        order by o.name_bg, o.id`,
  );
}

interface MemberLedger {
  years: (LedgerYear & { payments: FeePayment[] })[];
}

/**
 * A member's years in ascending order: each year it owed something by the rate of the category in force
 * (from the year it joined), each year with a payment, and `include` (the year a list asks for).
 */
function memberLedger(row: FeeInputRow, today: string, include?: number): MemberLedger {
  const changes = parseJson(row.changes);
  const rates = parseJson(row.rates).map((r) => ({ ...r, amountCents: Number(r.amountCents) }));
  const payments = parseJson(row.payments).map((p) => ({ ...p, amountCents: Number(p.amountCents) }));
  const joinRule = row.join_rule ?? DEFAULT_JOIN_RULE;
  const joinYear = row.member_since === null ? null : Number(row.member_since.slice(0, 4));
  const categoryOf = (year: number) =>
    categoryInForce(
      row.category,
      changes,
      joinYear === year && row.member_since !== null ? row.member_since : `${year}-01-01`,
    );
  const rateOf = (year: number, category: MembershipCategory) =>
    rates.find((r) => r.year === year && r.category === category) ?? null;

  const years = new Set<number>(payments.map((p) => Number(p.year)));
  for (const r of rates) {
    if ((joinYear === null || r.year >= joinYear) && r.category === categoryOf(r.year)) years.add(r.year);
  }
  if (include !== undefined) years.add(include);
  const inputs: LedgerYearInput[] = [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const category = categoryOf(year);
      const rate = rateOf(year, category);
      return {
        year,
        category,
        fee: yearFee({
          year,
          rate: rate && { amountCents: rate.amountCents, dueOn: rate.dueOn },
          memberSince: row.member_since,
          joinRule,
        }),
        paidCents: payments.filter((p) => Number(p.year) === year).reduce((n, p) => n + p.amountCents, 0),
      };
    });
  return {
    years: feeLedger(inputs, today).map((y) => ({
      ...y,
      payments: payments
        .filter((p) => Number(p.year) === y.year)
        .map(({ id, amountCents, paidOn, reference }) => ({ id, amountCents, paidOn, reference })),
    })),
  };
}

// ---------- the committee's list ----------

/**
 * Members with what they owe and paid in a year, filtered and paginated. The memberships, their history,
 * payments and the rates are read in one statement (one snapshot); the amounts, credits and statuses
 * follow from the shared rules, so the list and a member's own page always agree.
 */
export async function listMemberFees(
  db: Db,
  q: FeeListQuery & { year: number },
  today = todayInSofia(),
): Promise<FeeListResponse> {
  const filters = [sql`m.status in ('active', 'suspended')`];
  if (q.q) {
    const p = containsPattern(q.q.toLowerCase());
    filters.push(sql`(lower(o.name_bg) like ${p} or lower(o.name_en) like ${p} or o.eik like ${p})`);
  }
  const rows = await feeInputs(db, sql.join(filters, sql` and `), q.year);
  const all: MemberFee[] = rows.map((r) => {
    const y = memberLedger(r, today, q.year).years.find((x) => x.year === q.year)!;
    return {
      organizationId: r.id,
      eik: r.eik,
      nameBg: r.name_bg,
      nameEn: r.name_en,
      category: y.category,
      membershipStatus: r.membership_status,
      dueCents: y.fee?.amountCents ?? null,
      dueOn: y.fee?.dueOn ?? null,
      paidCents: y.paidCents,
      creditInCents: y.creditInCents,
      creditCents: y.creditCents,
      status: y.status,
      payments: y.payments,
    };
  });
  const filtered = q.status === undefined ? all : all.filter((i) => matchesFeeFilter(i.status, q.status!));
  const start = (q.page - 1) * q.pageSize;
  return {
    year: q.year,
    items: filtered.slice(start, start + q.pageSize),
    total: filtered.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

// ---------- a member's own fees ----------

/** Every year the organisation owed or paid something, newest first; null when there is no such organisation. */
export async function organizationFees(
  db: Db,
  organizationId: string,
  today = todayInSofia(),
): Promise<OrganizationFeesResponse | null> {
  const [row] = await feeInputs(db, sql`o.id = ${organizationId}`, null);
  if (!row) {
    const [org] = await execute<{ id: string }>(
      db,
      sql`select id from organizations where id = ${organizationId}`,
    );
    return org ? { organizationId, category: null, membershipStatus: null, years: [], creditCents: 0 } : null;
  }
  const { years } = memberLedger(row, today);
  return {
    organizationId,
    category: row.category,
    membershipStatus: row.membership_status,
    creditCents: years.at(-1)?.creditCents ?? 0,
    years: years
      .map((y) => ({
        year: y.year,
        category: y.category,
        dueCents: y.fee?.amountCents ?? null,
        dueOn: y.fee?.dueOn ?? null,
        paidCents: y.paidCents,
        creditInCents: y.creditInCents,
        creditCents: y.creditCents,
        status: y.status,
        payments: y.payments,
      }))
      .reverse(),
  };
}
