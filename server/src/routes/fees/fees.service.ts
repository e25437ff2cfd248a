import { type Db, type SQL, sql } from '@portal/db';
import {
  type FeeListQuery,
  type FeeListResponse,
  type FeePayment,
  type FeePaymentBody,
  type FeePaymentCreated,
  type FeeRate,
  type FeeRatesBody,
  type FeeRatesResponse,
  type FeeStatus,
  feeStatus,
  type MembershipCategory,
  type MembershipStatus,
  type OrganizationFeesResponse,
  todayInSofia,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { containsPattern, execute, isoTimestamp, parseJson } from '../../db.ts';
import { AppError, fieldError } from '../../errors.ts';

/**
 * Annual fees (issue 5). Rates per category and year are set by administrators; payments are recorded by
 * the committee; a member's status in a year follows from both (shared `feeStatus`). Fees never change a
 * membership: an overdue member stays listed in the directory until the committee decides otherwise.
 *
 * The committee's list covers active and suspended memberships. Withdrawn and excluded organisations are
 * no longer members and owe no further fees; their payments stay on record and remain visible on their
 * own fees page. A member owes the rate of its current category for each year from the year it joined.
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
  const [rates, years] = await Promise.all([
    ratesOf(db, year),
    execute<{ year: number }>(db, sql`select distinct year from fee_rates order by year desc`),
  ]);
  return { year, rates, years: years.map((y) => Number(y.year)) };
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
 * Records a payment. The reference is unique per organisation (a unique index), and the insert is
 * `on conflict do nothing`: a double submit, even at the same instant, records one payment and answers the
 * second with 409 naming the reference field.
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
          on conflict (organization_id, reference) do nothing
          returning id, organization_id, year, amount_cents, paid_on::text as paid_on, reference`,
    );
    if (!row) {
      throw new AppError('fees.payment_duplicate', 409, {
        fields: [
          { path: 'body.reference', code: 'fees.reference_taken', values: { reference: body.reference } },
        ],
      });
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

// ---------- the committee's list ----------

/** The shared `feeStatus` rule in SQL, over columns due_cents, paid_cents and due_on (text). */
const STATUS_SQL = (today: string) => sql`case
    when due_cents is null or due_cents <= 0 then 'not_due'
    when paid_cents >= due_cents then 'paid'
    when due_on < ${today} then 'overdue'
    when paid_cents > 0 then 'partial'
    else 'unpaid' end`;

const PAYMENTS_JSON = (organizationId: SQL, year: SQL) => sql`(select coalesce(json_agg(json_build_object(
      'id', fp.id, 'amountCents', fp.amount_cents, 'paidOn', fp.paid_on::text, 'reference', fp.reference)
      order by fp.paid_on, fp.created_at), '[]'::json)
    from fee_payments fp where fp.organization_id = ${organizationId} and fp.year = ${year})`;

interface ListRow extends Record<string, unknown> {
  total: number;
  id: string | null;
  eik: string;
  name_bg: string;
  name_en: string;
  category: MembershipCategory;
  membership_status: MembershipStatus;
  due_cents: number | null;
  due_on: string | null;
  paid_cents: number;
  status: FeeStatus;
  payments: FeePayment[] | string;
}

/**
 * Members with what they owe and paid in a year, filtered and paginated, in one statement: the count and
 * the page come from the same snapshot (a single row of nulls carries the total of an empty page).
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
  const statusFilter =
    q.status === undefined
      ? sql`true`
      : q.status === 'outstanding'
        ? sql`status in ('unpaid', 'partial', 'overdue')`
        : sql`status = ${q.status}`;
  const rows = await execute<ListRow>(
    db,
    sql`with owed as (
          select o.id, o.eik, o.name_bg, o.name_en, m.category, m.status as membership_status,
            r.amount_cents as due_cents, r.due_on::text as due_on,
            coalesce((select sum(fp.amount_cents) from fee_payments fp
                       where fp.organization_id = o.id and fp.year = ${q.year}), 0)::int as paid_cents
          from memberships m
          join organizations o on o.id = m.organization_id
          left join fee_rates r on r.year = ${q.year} and r.category = m.category
            and (m.member_since is null or extract(year from m.member_since) <= ${q.year})
          where ${sql.join(filters, sql` and `)}
        ), scored as (
          select owed.*, ${STATUS_SQL(today)} as status from owed
        ), filtered as (
          select * from scored where ${statusFilter}
        ), counted as (
          select count(*)::int as total from filtered
        )
        select counted.total, page.*,
          ${PAYMENTS_JSON(sql`page.id`, sql`${q.year}`)} as payments
        from counted left join lateral (
          select * from filtered order by name_bg, id
          limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}
        ) page on true`,
  );
  const items = rows
    .filter((r) => r.id !== null)
    .map((r) => ({
      organizationId: r.id as string,
      eik: r.eik,
      nameBg: r.name_bg,
      nameEn: r.name_en,
      category: r.category,
      membershipStatus: r.membership_status,
      dueCents: r.due_cents === null ? null : Number(r.due_cents),
      dueOn: r.due_cents === null ? null : r.due_on,
      paidCents: Number(r.paid_cents),
      status: r.status,
      payments: parseJson(r.payments).map((p) => ({ ...p, amountCents: Number(p.amountCents) })),
    }));
  return { year: q.year, items, total: Number(rows[0]?.total ?? 0), page: q.page, pageSize: q.pageSize };
}

// ---------- a member's own fees ----------

/** Every year the organisation owed or paid something, newest first; null when there is no such organisation. */
export async function organizationFees(
  db: Db,
  organizationId: string,
  today = todayInSofia(),
): Promise<OrganizationFeesResponse | null> {
  const [org] = await execute<{
    id: string;
    category: MembershipCategory | null;
    status: MembershipStatus | null;
    member_since: string | null;
  }>(
    db,
    sql`select o.id, m.category, m.status, m.member_since::text as member_since
        from organizations o left join memberships m on m.organization_id = o.id
        where o.id = ${organizationId}`,
  );
  if (!org) return null;
  if (!org.category || !org.status) {
    return { organizationId, category: null, membershipStatus: null, years: [] };
  }
  const rows = await execute<{
    year: number;
    due_cents: number | null;
    due_on: string | null;
    paid_cents: number;
    payments: FeePayment[] | string;
  }>(
    db,
    sql`with years as (
          select r.year from fee_rates r
            where r.category = ${org.category}
              and (${org.member_since}::date is null or r.year >= extract(year from ${org.member_since}::date))
          union
          select fp.year from fee_payments fp where fp.organization_id = ${organizationId}
        )
        select y.year, r.amount_cents as due_cents, r.due_on::text as due_on,
          coalesce((select sum(fp.amount_cents) from fee_payments fp
                     where fp.organization_id = ${organizationId} and fp.year = y.year), 0)::int as paid_cents,
          ${PAYMENTS_JSON(sql`${organizationId}`, sql`y.year`)} as payments
        from years y
        left join fee_rates r on r.year = y.year and r.category = ${org.category}
          and (${org.member_since}::date is null or r.year >= extract(year from ${org.member_since}::date))
        order by y.year desc`,
  );
  return {
    organizationId,
    category: org.category,
    membershipStatus: org.status,
    years: rows.map((r) => {
      const dueCents = r.due_cents === null ? null : Number(r.due_cents);
      const paidCents = Number(r.paid_cents);
      const dueOn = dueCents === null ? null : r.due_on;
      return {
        year: Number(r.year),
        category: org.category as MembershipCategory,
        dueCents,
        dueOn,
        paidCents,
        status: feeStatus({ dueCents, paidCents, dueOn, today }),
        payments: parseJson(r.payments).map((p) => ({ ...p, amountCents: Number(p.amountCents) })),
      };
    }),
  };
}
