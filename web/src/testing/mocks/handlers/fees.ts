import {
  type FeeJoinRule,
  FeeListQuerySchema,
  type FeeListResponse,
  FeePaymentBodySchema,
  type FeeRate,
  FeeRatesBodySchema,
  FeeSettingsSchema,
  feeStatus,
  type Me,
  type MemberFee,
  matchesFeeFilter,
} from '@portal/shared';
import { http } from 'msw';
import { signedIn } from '@/testing/auth-fixtures.ts';
import { adminMe, membersFixture, ratesFixture, TODAY } from '../fixtures/fees.ts';
import { recordRequests } from '../recorder.ts';
import { invalid, json, noContent, problem } from '../responses.ts';
import { server } from '../server.ts';
import { type Handler, handlersOf } from '../stub-api.ts';

/** What the fees handlers serve and change: rates per year, the join rule, the members' ledgers. */
export interface FeesData {
  rates: Map<number, FeeRate[]>;
  joinRule: FeeJoinRule;
  members: MemberFee[];
}

export function feesData(): FeesData {
  return {
    rates: new Map([[2026, structuredClone(ratesFixture)]]),
    joinRule: 'pro_rata_month',
    members: membersFixture(),
  };
}

const years = (data: FeesData) => [...data.rates.keys()].sort((a, b) => b - a);
// The status is the shared rule's, as on the server, with the fixtures' date as today.
const restatus = (m: MemberFee): MemberFee => ({ ...m, status: feeStatus({ ...m, today: TODAY }) });

/** The fees API over `data`: the admin's rates and join rule, the committee's list and its payments. */
export function feesHandlers(data: FeesData) {
  let seq = 10;
  return [
    http.get('/api/admin/fees/rates', ({ request }) => {
      const year = Number(new URL(request.url).searchParams.get('year') ?? 2026);
      return json({ year, rates: data.rates.get(year) ?? [], years: years(data), joinRule: data.joinRule });
    }),
    http.put('/api/admin/fees/settings', async ({ request }) => {
      const body = FeeSettingsSchema.safeParse(await request.json());
      if (!body.success) return invalid(body.error, 'body');
      data.joinRule = body.data.joinRule;
      return json({ joinRule: data.joinRule });
    }),
    http.put('/api/admin/fees/rates/:year', async ({ request, params }) => {
      const year = Number(params.year);
      const body = FeeRatesBodySchema.safeParse(await request.json());
      if (!body.success) return invalid(body.error, 'body');
      const current = data.rates.get(year) ?? [];
      for (const r of body.data.rates) {
        const i = current.findIndex((c) => c.category === r.category);
        const next = { ...r, version: (current[i]?.version ?? 0) + 1, updatedAt: '2026-02-15T10:00:00.000Z' };
        if (i >= 0) current[i] = next;
        else current.push(next);
      }
      data.rates.set(year, current);
      return json({ year, rates: current, years: years(data), joinRule: data.joinRule });
    }),
    http.get('/api/committee/fees', ({ request }) => {
      const url = new URL(request.url);
      const query = FeeListQuerySchema.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) return invalid(query.error);
      const { year = 2026, status, q, page, pageSize } = query.data;
      const needle = q?.toLowerCase();
      const all = (year === 2026 ? data.members : [])
        .filter((m) => !status || matchesFeeFilter(m.status, status))
        .filter(
          (m) =>
            !needle ||
            m.nameBg.toLowerCase().includes(needle) ||
            m.nameEn.toLowerCase().includes(needle) ||
            m.eik.includes(needle),
        );
      const body: FeeListResponse = {
        year,
        items: all.slice((page - 1) * pageSize, page * pageSize),
        total: all.length,
        page,
        pageSize,
      };
      return json(body);
    }),
    http.post('/api/committee/fees/payments', async ({ request }) => {
      const parsed = FeePaymentBodySchema.safeParse(await request.json());
      if (!parsed.success) return invalid(parsed.error, 'body');
      const body = parsed.data;
      const target = data.members.find((m) => m.organizationId === body.organizationId);
      if (!target)
        return problem(400, 'Невалидни данни', [
          { path: 'body.organizationId', message: 'Няма такъв член.' },
        ]);
      if (data.members.some((m) => m.payments.some((p) => p.reference === body.reference))) {
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
      data.members = data.members.map((m) =>
        m === target
          ? restatus({ ...m, paidCents: m.paidCents + body.amountCents, payments: [...m.payments, payment] })
          : m,
      );
      return json({ ...payment, organizationId: body.organizationId, year: body.year }, 201);
    }),
    http.delete('/api/committee/fees/payments/:id', ({ params }) => {
      data.members = data.members.map((m) => {
        const gone = m.payments.find((p) => p.id === params.id);
        return gone
          ? restatus({
              ...m,
              paidCents: m.paidCents - gone.amountCents,
              payments: m.payments.filter((p) => p !== gone),
            })
          : m;
      });
      return noContent();
    }),
  ];
}

/**
 * Serves the fees API to a signed-in `me` (an administrator by default) for one test; `extra` answers
 * come first. Returns the requests made and the members' ledgers as they are now.
 */
export function feesApi(options: { me?: Me; extra?: Record<string, Handler> } = {}) {
  const data = feesData();
  const recorder = recordRequests();
  server.use(
    ...handlersOf(options.extra ?? {}),
    ...feesHandlers(data),
    ...handlersOf(signedIn(options.me ?? adminMe)),
  );
  return { ...recorder, members: () => data.members };
}
