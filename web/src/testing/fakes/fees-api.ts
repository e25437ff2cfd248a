import {
  type FeeJoinRule,
  type FeeListResponse,
  type FeePaymentBody,
  type FeeRate,
  type FeeRatesBody,
  type FeeStatusFilter,
  feeStatus,
  type Me,
  type MemberFee,
  matchesFeeFilter,
  type OrganizationFeesResponse,
} from '@portal/shared';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { type Handler, json, noContent, problem, stubApi } from '@/testing/mocks/stub-api.ts';

/** Test data and a stateful stub of the fees API: it filters, pages and records like the server. */

export const adminMe: Me = meFixture({
  id: 'a0000000-0000-4000-8000-000000000001',
  displayName: 'Админ Админов',
  roles: ['admin'],
  organizations: [],
});

export const committeeMe: Me = meFixture({
  id: 'c0000000-0000-4000-8000-000000000001',
  displayName: 'Иван Иванов',
  roles: ['committee_member'],
  organizations: [],
});

/** A date the fixtures treat as today: before the 2026 due date. */
export const TODAY = '2026-02-15';

export const ratesFixture: FeeRate[] = [
  {
    category: 'regular',
    amountCents: 50_000,
    dueOn: '2026-03-31',
    version: 1,
    updatedAt: '2026-01-05T10:00:00.000Z',
  },
  {
    category: 'associated',
    amountCents: 25_050,
    dueOn: '2026-03-31',
    version: 1,
    updatedAt: '2026-01-05T10:00:00.000Z',
  },
];

const member = (n: number, overrides: Partial<MemberFee>): MemberFee => ({
  organizationId: `0b6c3f5e-0000-4000-8000-00000000000${n}`,
  eik: `20000000${n}`,
  nameBg: `Член ${n}`,
  nameEn: `Member ${n}`,
  category: 'regular',
  membershipStatus: 'active',
  dueCents: 50_000,
  dueOn: '2026-03-31',
  paidCents: 0,
  creditInCents: 0,
  creditCents: 0,
  status: 'unpaid',
  payments: [],
  ...overrides,
});

export function membersFixture(): MemberFee[] {
  return [
    member(1, {
      nameBg: 'Дигитална София',
      nameEn: 'Digital Sofia',
      paidCents: 50_000,
      status: 'paid',
      payments: [
        {
          id: 'f0000000-0000-4000-8000-000000000001',
          amountCents: 50_000,
          paidOn: '2026-01-20',
          reference: 'ПН-2026-001',
        },
      ],
    }),
    member(2, {
      nameBg: 'Пиксел Фабрика',
      nameEn: 'Pixel Factory',
      paidCents: 20_000,
      status: 'overdue',
      dueOn: '2026-01-31',
      payments: [
        {
          id: 'f0000000-0000-4000-8000-000000000002',
          amountCents: 20_000,
          paidOn: '2026-01-25',
          reference: 'ПН-2026-002',
        },
      ],
    }),
    member(3, { nameBg: 'Облачни Решения', nameEn: 'Cloud Solutions', membershipStatus: 'suspended' }),
  ];
}

/** The stub: rates per year (PUT stores), the committee's list (filters, search, pages), payments. */
export function feesApi(options: { me?: Me; extra?: Record<string, Handler> } = {}) {
  const rates = new Map<number, FeeRate[]>([[2026, structuredClone(ratesFixture)]]);
  let members = membersFixture();
  let joinRule: FeeJoinRule = 'pro_rata_month';
  let seq = 10;
  const restatus = (m: MemberFee): MemberFee => ({ ...m, status: feeStatus({ ...m, today: TODAY }) });
  const api = stubApi({
    ...signedIn(options.me ?? adminMe),
    '/api/admin/fees/rates': (url) => {
      const year = Number(url.searchParams.get('year') ?? 2026);
      return json({
        year,
        rates: rates.get(year) ?? [],
        years: [...rates.keys()].sort((a, b) => b - a),
        joinRule,
      });
    },
    '/api/admin/fees/settings': (_url, request) => {
      joinRule = (request.body as { joinRule: FeeJoinRule }).joinRule;
      return json({ joinRule });
    },
    '/api/admin/fees/rates/:year': (url, request) => {
      const year = Number(url.pathname.split('/').at(-1));
      const body = request.body as FeeRatesBody;
      const current = rates.get(year) ?? [];
      for (const r of body.rates) {
        const i = current.findIndex((c) => c.category === r.category);
        const next = { ...r, version: (current[i]?.version ?? 0) + 1, updatedAt: '2026-02-15T10:00:00.000Z' };
        if (i >= 0) current[i] = next;
        else current.push(next);
      }
      rates.set(year, current);
      return json({ year, rates: current, years: [...rates.keys()].sort((a, b) => b - a), joinRule });
    },
    '/api/committee/fees': (url) => {
      const year = Number(url.searchParams.get('year'));
      const status = url.searchParams.get('status') as FeeStatusFilter | null;
      const q = url.searchParams.get('q')?.toLowerCase();
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
      if (status && !['paid', 'partial', 'unpaid', 'overdue', 'not_due', 'outstanding'].includes(status)) {
        return problem(400, 'Невалидни данни', [{ path: 'status', message: 'Невалидна стойност.' }], {
          code: 'validation.failed',
        });
      }
      const all = (year === 2026 ? members : [])
        .filter((m) => !status || matchesFeeFilter(m.status, status))
        .filter((m) => !q || m.nameBg.toLowerCase().includes(q) || m.nameEn.toLowerCase().includes(q));
      const body: FeeListResponse = {
        year,
        items: all.slice((page - 1) * pageSize, page * pageSize),
        total: all.length,
        page,
        pageSize,
      };
      return json(body);
    },
    '/api/committee/fees/payments': (_url, request) => {
      const body = request.body as FeePaymentBody;
      const target = members.find((m) => m.organizationId === body.organizationId);
      if (!target)
        return problem(400, 'Невалидни данни', [
          { path: 'body.organizationId', message: 'Няма такъв член.' },
        ]);
      if (members.some((m) => m.payments.some((p) => p.reference === body.reference))) {
        return problem(
          409,
          'Плащането вече е записано',
          [
            {
              path: 'body.reference',
              message: `Плащане с основание „${body.reference}“ вече е записано за тази организация.`,
            },
          ],
          { code: 'fees.payment_duplicate' },
        );
      }
      const payment = {
        id: `f0000000-0000-4000-8000-0000000000${++seq}`,
        amountCents: body.amountCents,
        paidOn: body.paidOn,
        reference: body.reference,
      };
      members = members.map((m) =>
        m === target
          ? restatus({ ...m, paidCents: m.paidCents + body.amountCents, payments: [...m.payments, payment] })
          : m,
      );
      return json({ ...payment, organizationId: body.organizationId, year: body.year }, 201);
    },
    '/api/committee/fees/payments/:id': (url, request) => {
      if (request.method !== 'DELETE') return undefined;
      const id = url.pathname.split('/').at(-1);
      members = members.map((m) => {
        const gone = m.payments.find((p) => p.id === id);
        return gone
          ? restatus({
              ...m,
              paidCents: m.paidCents - gone.amountCents,
              payments: m.payments.filter((p) => p !== gone),
            })
          : m;
      });
      return noContent();
    },
    ...options.extra,
  });
  return {
    ...api,
    members: () => members,
    sent: (path: string, method: string) => api.requestsTo(path).filter((r) => r.method === method),
  };
}

export const organizationFeesFixture = (id: string): OrganizationFeesResponse => ({
  organizationId: id,
  category: 'regular',
  membershipStatus: 'active',
  years: [
    {
      year: 2026,
      category: 'regular',
      dueCents: 50_000,
      dueOn: '2026-03-31',
      paidCents: 20_000,
      creditInCents: 0,
      creditCents: 0,
      status: 'partial',
      payments: [
        {
          id: 'f0000000-0000-4000-8000-000000000002',
          amountCents: 20_000,
          paidOn: '2026-01-25',
          reference: 'ПН-2026-002',
        },
      ],
    },
    {
      year: 2025,
      category: 'regular',
      dueCents: 45_000,
      dueOn: '2025-03-31',
      paidCents: 0,
      creditInCents: 0,
      creditCents: 0,
      status: 'overdue',
      payments: [],
    },
  ],
  creditCents: 0,
});
