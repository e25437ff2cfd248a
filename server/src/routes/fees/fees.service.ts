import { and, type Db, eq, inArray, like, memberships, or, organizations, sql } from '@portal/db';
import {
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
  matchesFeeFilter,
  type OrganizationFeesResponse,
  todayInSofia,
  yearFee,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { containsPattern } from '../../db.ts';
import { AppError, type FieldIssue, fieldError } from '../../errors.ts';
import {
  deletePaymentById,
  type FeeInputs,
  findFeeInputs,
  findJoinRule,
  findPaymentByReference,
  findRates,
  findRateYears,
  hasMembership,
  insertPaymentUnlessTaken,
  organizationExists,
  updateJoinRule,
  upsertRate,
} from './fees.repository.ts';

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

const snapshot = (rates: FeeRate[]) =>
  rates.map(({ category, amountCents, dueOn }) => ({ category, amountCents, dueOn }));

export async function getRates(db: Db, year: number): Promise<FeeRatesResponse> {
  const [rates, years, settings] = await Promise.all([
    findRates(db, year),
    findRateYears(db),
    getFeeSettings(db),
  ]);
  return { year, rates, years, joinRule: settings.joinRule };
}

const DEFAULT_JOIN_RULE: FeeJoinRule = 'pro_rata_month';

export async function getFeeSettings(db: Db): Promise<FeeSettings> {
  return { joinRule: (await findJoinRule(db)) ?? DEFAULT_JOIN_RULE };
}

/**
 * Sets how the year a member joins is charged (decision 016). It changes what the joining year of every
 * member admitted this year costs from now on; the audit event keeps before and after.
 */
export async function setFeeSettings(db: Db, actor: Actor, body: FeeSettings): Promise<FeeSettings> {
  await db.transaction(async (tx) => {
    const joinRule = await findJoinRule(tx, true);
    // The row is created by migration 0002; without it there is nothing to set (and nothing to audit).
    if (joinRule === null || joinRule === body.joinRule) return;
    await updateJoinRule(tx, body.joinRule);
    await recordAudit(tx, actor, {
      action: 'fees.settings_set',
      entityType: 'cluster_settings',
      entityId: '1',
      before: { joinRule },
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
    const before = await findRates(tx, year, true);
    for (const r of body.rates) await upsertRate(tx, year, r, actor.userId);
    const after = await findRates(tx, year);
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
    if (!(await hasMembership(tx, body.organizationId))) {
      throw fieldError('body.organizationId', 'fees.organization_unknown');
    }
    const payment = await insertPaymentUnlessTaken(tx, { ...body, recordedBy: actor.userId });
    if (!payment) {
      // The conflicting row is committed (the insert waited for it), so this statement sees it.
      const taken = await findPaymentByReference(tx, body.reference);
      const field: FieldIssue =
        !taken || taken.organizationId === body.organizationId
          ? { path: 'body.reference', code: 'fees.reference_taken', values: { reference: body.reference } }
          : {
              path: 'body.reference',
              code: 'fees.reference_used_elsewhere',
              values: {
                reference: body.reference,
                organizationBg: taken.nameBg,
                organizationEn: taken.nameEn,
                year: String(taken.year),
              },
            };
      throw new AppError('fees.payment_duplicate', 409, { fields: [field] });
    }
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
    const row = await deletePaymentById(tx, id);
    if (!row) throw new AppError('fees.payment_not_found', 404);
    const { id: _id, ...before } = row;
    await recordAudit(tx, actor, {
      action: 'fees.payment_deleted',
      entityType: 'fee_payment',
      entityId: id,
      before,
    });
  });
}

// ---------- what each member owes (one statement, computed with the shared rules) ----------

interface MemberLedger {
  years: (LedgerYear & { payments: FeePayment[] })[];
}

/**
 * A member's years in ascending order: each year it owed something by the rate of the category in force
 * (from the year it joined), each year with a payment, and `include` (the year a list asks for).
 */
function memberLedger(row: FeeInputs, today: string, include?: number): MemberLedger {
  const changes = row.changes;
  const rates = row.rates.map((r) => ({ ...r, amountCents: Number(r.amountCents) }));
  const payments = row.payments.map((p) => ({ ...p, amountCents: Number(p.amountCents) }));
  const joinRule = row.joinRule ?? DEFAULT_JOIN_RULE;
  const joinYear = row.memberSince === null ? null : Number(row.memberSince.slice(0, 4));
  const categoryOf = (year: number) =>
    categoryInForce(
      row.category,
      changes,
      joinYear === year && row.memberSince !== null ? row.memberSince : `${year}-01-01`,
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
          memberSince: row.memberSince,
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
  const p = q.q ? containsPattern(q.q.toLowerCase()) : undefined;
  const rows = await findFeeInputs(
    db,
    and(
      inArray(memberships.status, ['active', 'suspended']),
      p === undefined
        ? undefined
        : or(
            like(sql`lower(${organizations.nameBg})`, p),
            like(sql`lower(${organizations.nameEn})`, p),
            like(organizations.eik, p),
          ),
    ),
    q.year,
  );
  const all: MemberFee[] = rows.map((r) => {
    const y = memberLedger(r, today, q.year).years.find((x) => x.year === q.year)!;
    return {
      organizationId: r.id,
      eik: r.eik,
      nameBg: r.nameBg,
      nameEn: r.nameEn,
      category: y.category,
      membershipStatus: r.membershipStatus,
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
  const [row] = await findFeeInputs(db, eq(organizations.id, organizationId), null);
  if (!row) {
    return (await organizationExists(db, organizationId))
      ? { organizationId, category: null, membershipStatus: null, years: [], creditCents: 0 }
      : null;
  }
  const { years } = memberLedger(row, today);
  return {
    organizationId,
    category: row.category,
    membershipStatus: row.membershipStatus,
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

// ---------- totals per year (the dashboard's fee collection) ----------

/** One year's fee collection over the committee's list: members owing something, Σ due, Σ paid. */
export interface FeeYearTotal {
  year: number;
  /** Members with a fee that year (active or suspended, as in the committee's list). */
  members: number;
  dueCents: number;
  paidCents: number;
  /** Members with a payment booked to the year. */
  paidMembers: number;
  /** Σ min(due, paid + credit brought in): what of the due amounts is covered. */
  collectedCents: number;
}

/**
 * The committee's fee list summed per year, by the same ledger (join rule, the category in force each
 * year, credits), so the dashboard and the fee pages never disagree: `dueCents` is the sum of the list's
 * "due" column for the year, `paidCents` of its "paid" column.
 */
export async function feeYearTotals(
  db: Db,
  years: readonly number[],
  today = todayInSofia(),
): Promise<FeeYearTotal[]> {
  const rows = await findFeeInputs(
    db,
    inArray(memberships.status, ['active', 'suspended']),
    Math.max(...years),
  );
  const totals = years.map((year) => ({
    year,
    members: 0,
    dueCents: 0,
    paidCents: 0,
    paidMembers: 0,
    collectedCents: 0,
  }));
  for (const r of rows) {
    const ledger = memberLedger(r, today).years;
    for (const t of totals) {
      const y = ledger.find((x) => x.year === t.year);
      if (!y) continue;
      const due = y.fee?.amountCents ?? null;
      if (due !== null) {
        t.members += 1;
        t.dueCents += due;
        if (due > 0) t.collectedCents += Math.min(due, y.paidCents + y.creditInCents);
      }
      t.paidCents += y.paidCents;
      if (y.paidCents > 0) t.paidMembers += 1;
    }
  }
  return totals;
}
