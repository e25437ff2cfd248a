import { sql } from '@portal/db';
import { expect } from 'vitest';
import {
  ANON,
  allow,
  bodyOf,
  type Expectations,
  everyone,
  FORBIDDEN,
  h,
  INACTIVE_MEMBER,
  nextSeq,
  ORG_NOT_FOUND,
  type Outcome,
  type Row,
  signedIn,
} from './matrix.ts';

/** Funding calls (issue 16 §3, decision 049): everyone reads; the committee and admins keep them. */
const keepers = (status: number): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative: FORBIDDEN,
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: allow(status),
});

/** Interest: representatives of an active member, for their own organisation; nobody on its behalf. */
const interested = (representative: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative,
  committee_member: FORBIDDEN,
  committee_chair: FORBIDDEN,
  admin: FORBIDDEN,
});

/** Inserts an open call (opened yesterday, deadline in 60 days) with one required document. */
async function insertCall() {
  const [row] = await h.query<{ id: string }>(
    sql`insert into funding_calls (programme, code, title_bg, title_en, opens_at, deadline_at)
        values ('ПКИП 2021–2027', ${`BG-MATRIX-${nextSeq()}`}, 'Покана', 'Call',
          now() - interval '1 day', now() + interval '60 days')
        returning id`,
  );
  await h.query(
    sql`insert into funding_call_documents (call_id, name_bg, name_en, position)
        values (${row!.id}, 'Декларация', 'Declaration', 0)`,
  );
  return row!.id;
}

const callBody = {
  programme: 'ПКИП 2021–2027',
  code: 'BG16RFPR001-1.010',
  titleBg: 'Развитие на клъстери',
  titleEn: 'Cluster development',
  opensAt: '2027-03-01T08:00:00.000Z',
  deadlineAt: '2027-06-01T14:00:00.000Z',
  budgetCents: 100_000_00,
  documents: [{ nameBg: 'Формуляр', nameEn: 'Application form' }],
};

export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/api/public/calls',
    permission: 'public',
    label: 'the funding calls',
    expect: everyone(200),
    build: async () => {
      await insertCall();
      return { url: '/api/public/calls?status=open&pageSize=100' };
    },
    check: (body) => expect(Number(bodyOf(body).total)).toBeGreaterThan(0),
  },
  {
    method: 'GET',
    url: '/api/public/calls/:id',
    permission: 'public',
    label: 'one funding call with its documents and the number (not names) of interested members',
    expect: everyone(200),
    build: async () => ({ url: `/api/public/calls/${await insertCall()}` }),
    check: (body) => {
      expect(bodyOf(body)).toMatchObject({ status: 'open', interestedCount: 0 });
      expect(bodyOf(body)).not.toHaveProperty('organizations');
    },
  },
  {
    method: 'POST',
    url: '/api/committee/calls',
    permission: 'calls.manage',
    label: 'announcing a funding call',
    expect: keepers(201),
    build: () => ({ url: '/api/committee/calls', payload: callBody }),
    check: (body) =>
      expect(bodyOf(body)).toMatchObject({ status: 'upcoming', documents: [{ nameEn: 'Application form' }] }),
  },
  {
    method: 'PUT',
    url: '/api/committee/calls/:id',
    permission: 'calls.manage',
    label: 'changing a funding call',
    expect: keepers(200),
    build: async () => ({
      url: `/api/committee/calls/${await insertCall()}`,
      payload: callBody,
      headers: { 'if-match': '"1"' },
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ titleEn: 'Cluster development', version: 2 }),
  },
  {
    method: 'DELETE',
    url: '/api/committee/calls/:id',
    permission: 'calls.manage',
    label: 'removing a funding call nobody is interested in',
    expect: keepers(204),
    build: async () => ({
      url: `/api/committee/calls/${await insertCall()}`,
      headers: { 'if-match': '"1"' },
    }),
  },
  {
    method: 'GET',
    url: '/api/calls/:id/interests',
    permission: 'members.view',
    label: 'the member organisations interested in a call',
    expect: { ...signedIn(200), no_role: FORBIDDEN, applicant: FORBIDDEN, other_applicant: FORBIDDEN },
    build: async (f) => {
      const id = await insertCall();
      await h.query(
        sql`insert into funding_call_interests (call_id, organization_id) values (${id}, ${f.orgB.id})`,
      );
      return { url: `/api/calls/${id}/interests` };
    },
    check: (body, f) =>
      expect(bodyOf(body).organizations).toEqual([expect.objectContaining({ id: f.orgB.id })]),
  },
  {
    method: 'PUT',
    url: '/api/calls/:id/interests/:organizationId',
    permission: 'calls.interest',
    label: "marking organisation A's interest in a call",
    record: true,
    expect: interested(allow(200)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({ url: `/api/calls/${await insertCall()}/interests/${f.orgA.id}` }),
    check: (body, f) => expect(bodyOf(body).mine).toEqual([f.orgA.id]),
  },
  {
    method: 'PUT',
    url: '/api/calls/:id/interests/:organizationId',
    permission: 'calls.interest',
    label: "marking another organisation B's interest",
    record: true,
    expect: interested(ORG_NOT_FOUND),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({ url: `/api/calls/${await insertCall()}/interests/${f.orgB.id}` }),
  },
  {
    method: 'DELETE',
    url: '/api/calls/:id/interests/:organizationId',
    permission: 'calls.interest',
    label: "unmarking organisation A's interest in a call",
    record: true,
    expect: interested(allow(200)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => {
      const id = await insertCall();
      await h.query(
        sql`insert into funding_call_interests (call_id, organization_id) values (${id}, ${f.orgA.id})`,
      );
      return { url: `/api/calls/${id}/interests/${f.orgA.id}` };
    },
    check: (body) => expect(bodyOf(body).mine).toEqual([]),
  },
];
