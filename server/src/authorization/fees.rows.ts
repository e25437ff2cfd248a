import { sql } from '@portal/db';
import { expect } from 'vitest';
import {
  adminOnly,
  allow,
  bodyOf,
  type Expectations,
  everyone,
  fresh,
  h,
  historyReaders,
  ORG_NOT_FOUND,
  type Row,
} from './matrix.ts';

/** Fee payments and the fee list: the committee and administrators. */
const feeRecorders = (status: number): Expectations => ({
  ...adminOnly(status),
  committee_member: allow(status),
  committee_chair: allow(status),
});

export const ROWS: Row[] = [
  // ---------- fees: rates (admins), payments and the list (committee, admins), own status (record-level) ----------
  {
    method: 'GET',
    url: '/api/fees/rates',
    permission: 'public',
    label: 'the annual fee of each category (shown where a category is chosen)',
    expect: everyone(200),
    build: () => ({ url: '/api/fees/rates?year=2026' }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ year: 2026 }),
  },
  {
    method: 'GET',
    url: '/api/admin/fees/rates',
    permission: 'fees.manage',
    label: "a year's fee rates",
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/fees/rates?year=2026' }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ year: 2026 }),
  },
  {
    method: 'PUT',
    url: '/api/admin/fees/rates/:year',
    permission: 'fees.manage',
    label: "setting a year's fee rates",
    expect: adminOnly(200),
    build: () => ({
      url: '/api/admin/fees/rates/2026',
      payload: { rates: [{ category: 'regular', amountCents: 50_000, dueOn: '2026-03-31' }] },
    }),
    check: (body) => expect(bodyOf(body).rates).toEqual([expect.objectContaining({ amountCents: 50_000 })]),
  },
  {
    method: 'PUT',
    url: '/api/admin/fees/settings',
    permission: 'fees.manage',
    label: 'setting how the year a member joins is charged',
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/fees/settings', payload: { joinRule: 'full_year' } }),
    check: (body) => expect(bodyOf(body)).toEqual({ joinRule: 'full_year' }),
  },
  {
    method: 'GET',
    url: '/api/committee/fees',
    permission: 'fees.record',
    label: "the members' fee status (who is overdue)",
    expect: feeRecorders(200),
    build: () => ({ url: '/api/committee/fees?year=2026&pageSize=100' }),
    check: (body, f) =>
      expect((bodyOf(body).items as { organizationId: string }[]).map((i) => i.organizationId)).toEqual(
        expect.arrayContaining([f.orgA.id, f.orgB.id]),
      ),
  },
  {
    method: 'POST',
    url: '/api/committee/fees/payments',
    permission: 'fees.record',
    label: 'recording a fee payment',
    expect: feeRecorders(201),
    build: (f) => ({
      url: '/api/committee/fees/payments',
      payload: {
        organizationId: f.orgB.id,
        year: 2026,
        amountCents: 100,
        paidOn: '2026-01-15',
        reference: fresh('payment'),
      },
    }),
    check: (body, f) => expect(body).toMatchObject({ organizationId: f.orgB.id, amountCents: 100 }),
  },
  {
    method: 'DELETE',
    url: '/api/committee/fees/payments/:id',
    permission: 'fees.record',
    label: 'deleting a fee payment recorded by mistake',
    expect: feeRecorders(204),
    build: async (f) => {
      const [row] = await h.query<{ id: string }>(
        sql`insert into fee_payments (organization_id, year, amount_cents, paid_on, reference)
            values (${f.orgB.id}, 2026, 100, '2026-01-15', ${fresh('mistake')}) returning id`,
      );
      return { url: `/api/committee/fees/payments/${row!.id}` };
    },
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/fees',
    permission: 'fees.view',
    label: "the fees of the representative's own organisation A",
    record: true,
    expect: historyReaders(allow(200)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/fees` }),
    check: (body, f) => expect(bodyOf(body)).toMatchObject({ organizationId: f.orgA.id }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/fees',
    permission: 'fees.view',
    label: 'the fees of another organisation B',
    record: true,
    expect: historyReaders(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/fees` }),
    check: (body, f) => expect(bodyOf(body)).toMatchObject({ organizationId: f.orgB.id }),
  },
];
