import { sql } from '@portal/db';
import { expect } from 'vitest';
import { insertOrganization } from '../testing.ts';
import {
  allow,
  bodyOf,
  committeeOnly,
  type Expectations,
  FORBIDDEN,
  h,
  nextSeq,
  type Row,
} from './matrix.ts';

/** Membership administration: the committee and administrators. */
const membershipManagers = (status: number): Expectations => ({
  ...committeeOnly(status, FORBIDDEN),
  admin: allow(status),
});

/** A member with an open vote on its suspension (inserted directly, as the chair would open it). */
async function membershipInVote(): Promise<string> {
  const id = await insertOrganization(h, { nameBg: 'В гласуване' });
  await h.query(
    sql`insert into vote_sessions (organization_id, proposal, round, majority, ballot)
        values (${id}, '{"action":"suspend","category":null,"reason":"","effectiveOn":"2026-01-01"}'::jsonb, 1,
          'simple', 'open')`,
  );
  return id;
}

export const ROWS: Row[] = [
  // ---------- memberships (issue 5): the committee's administration of memberships ----------
  {
    method: 'GET',
    url: '/api/committee/members',
    permission: 'memberships.manage',
    label: 'every organisation with a membership',
    expect: membershipManagers(200),
    build: () => ({ url: '/api/committee/members?pageSize=100' }),
    check: (body, f) => {
      const items = bodyOf(body).items as { id: string }[];
      expect(items.map((i) => i.id)).toEqual(expect.arrayContaining([f.orgA.id, f.orgB.id]));
    },
  },
  {
    method: 'GET',
    url: '/api/committee/members/:id',
    permission: 'memberships.manage',
    label: 'a membership with its history',
    expect: membershipManagers(200),
    build: (f) => ({ url: `/api/committee/members/${f.orgB.id}` }),
    check: (body, f) => expect(bodyOf(body)).toMatchObject({ id: f.orgB.id, status: 'active' }),
  },
  {
    method: 'POST',
    url: '/api/committee/members/:id/actions',
    permission: 'memberships.manage',
    label: "changing a membership's category under a register decision",
    expect: membershipManagers(200),
    build: async (f) => {
      const [m] = await h.query<{ category: string; version: number }>(
        sql`select category, version from memberships where organization_id = ${f.orgB.id}`,
      );
      // A decision of the register about this organisation's membership, not used by any change yet.
      const sequence = 500 + nextSeq();
      const number = `2020-${sequence}`;
      await h.query(
        sql`insert into decisions (year, sequence, number, decided_on, subject, outcome, organization_id,
              organization_name_bg, organization_name_en, text_bg, text_en, tally)
            values (2020, ${sequence}, ${number}, '2020-06-01', 'membership', 'approved', ${f.orgB.id},
              'Организация Б', 'Organisation B', 'Промяна на категорията', 'Category change',
              '{"for":3,"against":0,"abstain":0}'::jsonb)`,
      );
      return {
        url: `/api/committee/members/${f.orgB.id}/actions`,
        payload: {
          action: 'change_category',
          category: m!.category === 'regular' ? 'associated' : 'regular',
          effectiveOn: '2026-01-01',
          decision: { number },
          version: Number(m!.version),
        },
      };
    },
    check: (body, f) => expect(bodyOf(body)).toMatchObject({ id: f.orgB.id, status: 'active' }),
  },
  // ---------- membership votes (issue 11 B1): the chair opens and closes, the committee votes ----------
  {
    method: 'POST',
    url: '/api/committee/members/:id/votes',
    permission: 'application.chair',
    label: 'opening a vote on a membership change',
    expect: { ...committeeOnly(200, FORBIDDEN), committee_member: FORBIDDEN },
    build: async () => ({
      url: `/api/committee/members/${await insertOrganization(h, { nameBg: 'Гласувана' })}/votes`,
      payload: { action: 'suspend', effectiveOn: '2026-01-01', version: 1 },
    }),
    check: (body) =>
      expect(bodyOf(body).vote).toMatchObject({ proposal: { action: 'suspend' }, closedAt: null }),
  },
  {
    method: 'POST',
    url: '/api/committee/members/:id/votes/current/ballot',
    permission: 'application.vote',
    label: 'voting on a membership change',
    expect: committeeOnly(200, FORBIDDEN),
    build: async () => ({
      url: `/api/committee/members/${await membershipInVote()}/votes/current/ballot`,
      payload: { choice: 'for' },
    }),
    check: (body) => expect(bodyOf(body).vote).toMatchObject({ myVote: 'for' }),
  },
  {
    method: 'POST',
    url: '/api/committee/members/:id/votes/current/close',
    permission: 'application.chair',
    label: 'closing a vote on a membership change',
    expect: { ...committeeOnly(200, FORBIDDEN), committee_member: FORBIDDEN },
    build: async () => ({ url: `/api/committee/members/${await membershipInVote()}/votes/current/close` }),
    // Nobody voted: no quorum, nothing changes.
    check: (body) => expect(body).toMatchObject({ status: 'active', vote: { outcome: 'no_quorum' } }),
  },
];
