import {
  asc,
  clusterSettings,
  type Db,
  desc,
  eq,
  feePayments,
  feeRates,
  lte,
  membershipEvents,
  memberships,
  organizations,
  parseJson,
  type SQL,
  sql,
  toIso,
} from '@portal/db';
import type {
  CategoryChange,
  FeeJoinRule,
  FeePayment,
  FeeRate,
  MembershipCategory,
  YearRate,
} from '@portal/shared';

export { organizationExists } from '../directory/directory.repository.ts';

/** Fee rates, payments and the inputs of the fee rules in the database (decision 029). */

// ---------- rates and settings ----------

/** The rates of a year by category; `lock` holds them for the transaction (an exact audit "before"). */
export async function findRates(db: Db, year: number, lock = false): Promise<FeeRate[]> {
  const query = db
    .select({
      category: feeRates.category,
      amountCents: feeRates.amountCents,
      dueOn: feeRates.dueOn,
      version: feeRates.version,
      updatedAt: feeRates.updatedAt,
    })
    .from(feeRates)
    .where(eq(feeRates.year, year))
    .orderBy(asc(feeRates.category));
  const rows = lock ? await query.for('update') : await query;
  return rows.map((r) => ({ ...r, updatedAt: toIso(r.updatedAt) }));
}

/** Every year with a rate, newest first. */
export async function findRateYears(db: Db): Promise<number[]> {
  const rows = await db.selectDistinct({ year: feeRates.year }).from(feeRates).orderBy(desc(feeRates.year));
  return rows.map((r) => r.year);
}

/**
 * Inserts or changes one rate; a rate whose amount and due day stay the same is not written (its
 * version and `updated_at` stay).
 */
export async function upsertRate(
  db: Db,
  year: number,
  rate: { category: MembershipCategory; amountCents: number; dueOn: string },
  userId: string | null,
): Promise<void> {
  await db
    .insert(feeRates)
    .values({ year, ...rate, updatedBy: userId })
    .onConflictDoUpdate({
      target: [feeRates.year, feeRates.category],
      set: {
        amountCents: sql`excluded.amount_cents`,
        dueOn: sql`excluded.due_on`,
        updatedBy: sql`excluded.updated_by`,
        updatedAt: sql`now()`,
        version: sql`${feeRates.version} + 1`,
      },
      setWhere: sql`(${feeRates.amountCents}, ${feeRates.dueOn})
        is distinct from (excluded.amount_cents, excluded.due_on)`,
    });
}

/** The join rule (null: the settings row is missing); `lock` holds the row for the transaction. */
export async function findJoinRule(db: Db, lock = false): Promise<FeeJoinRule | null> {
  const query = db
    .select({ joinRule: clusterSettings.feeJoinRule })
    .from(clusterSettings)
    .where(eq(clusterSettings.id, 1));
  const [row] = lock ? await query.for('update') : await query;
  return row?.joinRule ?? null;
}

export async function updateJoinRule(db: Db, joinRule: FeeJoinRule): Promise<void> {
  await db
    .update(clusterSettings)
    .set({ feeJoinRule: joinRule, updatedAt: sql`now()`, version: sql`${clusterSettings.version} + 1` })
    .where(eq(clusterSettings.id, 1));
}

// ---------- payments ----------

const paymentColumns = {
  id: feePayments.id,
  organizationId: feePayments.organizationId,
  year: feePayments.year,
  amountCents: feePayments.amountCents,
  paidOn: feePayments.paidOn,
  reference: feePayments.reference,
};

export async function hasMembership(db: Db, organizationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.organizationId })
    .from(memberships)
    .where(eq(memberships.organizationId, organizationId));
  return row !== undefined;
}

/**
 * Inserts a payment, or nothing when its reference is taken (ignoring case: a unique index on
 * lower(reference)); returns the payment inserted.
 */
export async function insertPaymentUnlessTaken(
  db: Db,
  payment: {
    organizationId: string;
    year: number;
    amountCents: number;
    paidOn: string;
    reference: string;
    recordedBy: string | null;
  },
) {
  const [row] = await db.insert(feePayments).values(payment).onConflictDoNothing().returning(paymentColumns);
  return row;
}

/** Who has a payment with this reference (ignoring case). */
export async function findPaymentByReference(db: Db, reference: string) {
  const [row] = await db
    .select({
      organizationId: feePayments.organizationId,
      year: feePayments.year,
      nameBg: organizations.nameBg,
      nameEn: organizations.nameEn,
    })
    .from(feePayments)
    .innerJoin(organizations, eq(organizations.id, feePayments.organizationId))
    .where(sql`lower(${feePayments.reference}) = lower(${reference})`);
  return row;
}

export async function deletePaymentById(db: Db, id: string) {
  const [row] = await db.delete(feePayments).where(eq(feePayments.id, id)).returning(paymentColumns);
  return row;
}

// ---------- the inputs of the fee rules ----------

export interface PaymentOfYear extends FeePayment {
  year: number;
}

export interface RateOfYear extends YearRate {
  year: number;
  category: MembershipCategory;
}

/** A json array built by `json_agg`, parsed on both engines. */
const jsonArray = <T>(expression: SQL) => sql`${expression}`.mapWith((v: T[] | string) => parseJson<T[]>(v));

/**
 * Everything the fee rules need for the memberships matching `where`, in ONE statement (so the page, the
 * total and the credits come from the same snapshot): each membership with its category changes, its
 * payments up to `upTo`, and beside it every rate up to `upTo` and the join rule. The histories are json
 * aggregates: one row per membership, whatever the number of payments.
 */
export async function findFeeInputs(db: Db, where: SQL | undefined, upTo: number | null) {
  const rates = db.$with('rates').as(
    db
      .select({
        rates: jsonArray<RateOfYear>(
          sql`coalesce(json_agg(json_build_object('year', ${feeRates.year}, 'category', ${feeRates.category},
              'amountCents', ${feeRates.amountCents}, 'dueOn', ${feeRates.dueOn}::text)), '[]'::json)`,
        ).as('rates'),
      })
      .from(feeRates)
      .where(upTo === null ? undefined : lte(feeRates.year, upTo)),
  );
  const rows = await db
    .with(rates)
    .select({
      id: organizations.id,
      eik: organizations.eik,
      nameBg: organizations.nameBg,
      nameEn: organizations.nameEn,
      category: memberships.category,
      membershipStatus: memberships.status,
      memberSince: memberships.memberSince,
      changes: jsonArray<CategoryChange>(
        sql`(select coalesce(json_agg(json_build_object('fromCategory', ${membershipEvents.fromCategory},
              'toCategory', ${membershipEvents.toCategory}, 'effectiveOn', ${membershipEvents.effectiveOn}::text,
              'recordedOn', (${membershipEvents.createdAt} at time zone 'Europe/Sofia')::date::text)
              order by ${membershipEvents.id}), '[]'::json)
            from ${membershipEvents}
            where ${membershipEvents.organizationId} = ${organizations.id}
              and ${membershipEvents.action} = 'change_category')`,
      ),
      payments: jsonArray<PaymentOfYear>(
        sql`(select coalesce(json_agg(json_build_object('id', fp.id, 'year', fp.year,
              'amountCents', fp.amount_cents, 'paidOn', fp.paid_on::text, 'reference', fp.reference)
              order by fp.paid_on, fp.created_at), '[]'::json)
            from fee_payments fp where fp.organization_id = ${organizations.id}
              and ${upTo === null ? sql`true` : sql`fp.year <= ${upTo}`})`,
      ),
      rates: rates.rates,
      joinRule: sql<FeeJoinRule | null>`(select s.fee_join_rule from cluster_settings s where s.id = 1)`,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .crossJoin(rates)
    .where(where)
    .orderBy(asc(organizations.nameBg), asc(organizations.id));
  return rows;
}

export type FeeInputs = Awaited<ReturnType<typeof findFeeInputs>>[number];
