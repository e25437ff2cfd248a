/**
 * Issue 11 B3: after a membership action (e.g. a category change) the fee pages read again, since what
 * the member owes follows its category; before, the fees region kept the old figures until a reload.
 */
import type { MembershipDetail } from '@portal/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { noContactsFixture } from '@/testing/fixtures.ts';
import { json, stubApi } from '@/testing/mocks/stub-api.ts';
import { useMembershipAction } from './memberships.ts';

const ID = 'b1000000-0000-4000-8000-000000000001';

const changed: MembershipDetail = {
  id: ID,
  nameBg: 'Роботика Пловдив',
  nameEn: 'Robotics Plovdiv',
  eik: '123456789',
  kind: 'company',
  category: 'engaged',
  status: 'active',
  memberSince: '2024-01-15',
  version: 2,
  contacts: noContactsFixture,
  representatives: [],
  events: [],
  vote: null,
  availableActions: ['change_category', 'suspend', 'withdraw', 'exclude'],
};

describe('a membership action', () => {
  it("makes the organisation's fees and the committee's fee list read again", async () => {
    stubApi({ [`/api/committee/members/${ID}/actions`]: () => json(changed) });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const ownFees = ['fees', 'organization', ID];
    const feeList = ['fees', 'list', { year: 2026, pageSize: 20 }];
    client.setQueryData(ownFees, { stale: false });
    client.setQueryData(feeList, { stale: false });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useMembershipAction(ID), { wrapper });
    expect(client.getQueryState(ownFees)?.isInvalidated).toBe(false);

    await act(() =>
      result.current.mutateAsync({
        action: 'change_category',
        category: 'engaged',
        effectiveOn: '2027-01-01',
        reason: '',
        version: 1,
      } as Parameters<typeof result.current.mutateAsync>[0]),
    );

    expect(client.getQueryState(ownFees)?.isInvalidated).toBe(true);
    expect(client.getQueryState(feeList)?.isInvalidated).toBe(true);
  });
});
