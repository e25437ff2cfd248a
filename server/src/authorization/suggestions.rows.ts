import { sql } from '@portal/db';
import { expect } from 'vitest';
import {
  ANON,
  allow,
  bodyOf,
  type Expectations,
  type Fixtures,
  FORBIDDEN,
  h,
  ORG_NOT_FOUND,
  type Outcome,
  type Row,
} from './matrix.ts';

/** Partner suggestions (issue 14 §4, decision 035): the organisation's representatives; the committee reads any. */
const readers = (representative: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative,
  committee_member: allow(200),
  committee_chair: allow(200),
  admin: FORBIDDEN,
});

/** Dismissing and undoing: only the organisation's own representatives, nobody on its behalf. */
const dismissers = (representative: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative,
  committee_member: FORBIDDEN,
  committee_chair: FORBIDDEN,
  admin: FORBIDDEN,
});

const base = (f: Fixtures, id = f.orgA.id) => `/api/account/organizations/${id}/suggestions`;

async function dismissed(organizationId: string, dismissedId: string) {
  await h.query(
    sql`insert into suggestion_dismissals (organization_id, dismissed_id, reason_kinds)
        values (${organizationId}, ${dismissedId}, array['shared_areas']::text[]) on conflict do nothing`,
  );
}

export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/api/account/organizations/:id/suggestions',
    permission: 'suggestions.view',
    label: "the suggested partners of the representative's own organisation A",
    record: true,
    expect: readers(allow(200)),
    build: (f) => ({ url: base(f) }),
    check: (body, f) =>
      expect(bodyOf(body)).toMatchObject({ organizationId: f.orgA.id, suggestions: expect.any(Array) }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/suggestions',
    permission: 'suggestions.view',
    label: 'the suggested partners of another organisation B',
    record: true,
    expect: readers(ORG_NOT_FOUND),
    build: (f) => ({ url: base(f, f.orgB.id) }),
    check: (body, f) => expect(bodyOf(body)).toMatchObject({ organizationId: f.orgB.id }),
  },
  {
    method: 'POST',
    url: '/api/account/organizations/:id/suggestions/dismissals',
    permission: 'suggestions.dismiss',
    label: 'A marks organisation B "not relevant"',
    record: true,
    expect: dismissers(allow(204)),
    build: (f) => ({ url: `${base(f)}/dismissals`, payload: { organizationId: f.orgB.id } }),
  },
  {
    method: 'POST',
    url: '/api/account/organizations/:id/suggestions/dismissals',
    permission: 'suggestions.dismiss',
    label: 'a dismissal on behalf of another organisation B',
    record: true,
    expect: dismissers(ORG_NOT_FOUND),
    build: (f) => ({ url: `${base(f, f.orgB.id)}/dismissals`, payload: { organizationId: f.orgA.id } }),
  },
  {
    method: 'DELETE',
    url: '/api/account/organizations/:id/suggestions/dismissals/:dismissedId',
    permission: 'suggestions.dismiss',
    label: 'A undoes its dismissal of B',
    record: true,
    expect: dismissers(allow(204)),
    build: async (f) => {
      await dismissed(f.orgA.id, f.orgB.id);
      return { url: `${base(f)}/dismissals/${f.orgB.id}` };
    },
  },
  {
    method: 'DELETE',
    url: '/api/account/organizations/:id/suggestions/dismissals/:dismissedId',
    permission: 'suggestions.dismiss',
    label: "undoing B's dismissal of A",
    record: true,
    expect: dismissers(ORG_NOT_FOUND),
    build: async (f) => {
      await dismissed(f.orgB.id, f.orgA.id);
      return { url: `${base(f, f.orgB.id)}/dismissals/${f.orgA.id}` };
    },
  },
];
