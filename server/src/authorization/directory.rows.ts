import { expect } from 'vitest';
import { bodyOf, FORBIDDEN, type Row, signedIn } from './matrix.ts';

export const ROWS: Row[] = [
  // ---------- privacy: the members-only directory (representatives, the committee, admins) ----------
  // What each role sees in these answers is checked field by field in routes/privacy/privacy-matrix.test.ts.
  {
    method: 'GET',
    url: '/api/members/organizations',
    permission: 'members.view',
    label: 'the members-only directory',
    expect: {
      ...signedIn(200),
      no_role: FORBIDDEN,
      applicant: FORBIDDEN,
      other_applicant: FORBIDDEN,
    },
    build: () => ({ url: '/api/members/organizations' }),
    check: (body) => expect(bodyOf(body)).toHaveProperty('level'),
  },
  {
    method: 'GET',
    url: '/api/members/organizations/:id',
    permission: 'members.view',
    label: "a member's profile with the contacts the viewer may see",
    expect: {
      ...signedIn(200),
      no_role: FORBIDDEN,
      applicant: FORBIDDEN,
      other_applicant: FORBIDDEN,
    },
    build: (f) => ({ url: `/api/members/organizations/${f.orgB.id}` }),
    check: (body, f) => expect(bodyOf(body)).toMatchObject({ id: f.orgB.id }),
  },
];
