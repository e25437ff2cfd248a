import { expect } from 'vitest';
import { nextEik } from '../testing.ts';
import { adminOnly, FORBIDDEN, type Row, signedIn } from './matrix.ts';

export const ROWS: Row[] = [
  // ---------- CSV (issue 5): the member-list export (representatives, committee, admins) and the import (admins) ----------
  {
    method: 'GET',
    url: '/api/members/export.csv',
    permission: 'members.export',
    label: 'the member list as CSV',
    expect: {
      ...signedIn(200),
      no_role: FORBIDDEN,
      applicant: FORBIDDEN,
      other_applicant: FORBIDDEN,
    },
    build: () => ({ url: '/api/members/export.csv' }),
    check: (body, f, actor) => {
      const csv = (body as Buffer).toString('utf8');
      expect(csv.startsWith('\ufeffeik,')).toBe(true);
      expect(csv).toContain(f.orgA.eik);
      // The membership status is the committee's column.
      expect(csv.split('\r\n')[0]!.split(',').includes('status')).toBe(actor.name !== 'representative');
    },
  },
  {
    method: 'GET',
    url: '/api/admin/organizations/import/template.csv',
    permission: 'organizations.import',
    label: 'the import template',
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/organizations/import/template.csv' }),
    check: (body) => expect((body as Buffer).toString('utf8')).toContain('eik,name_bg,name_en,kind,areas'),
  },
  {
    method: 'POST',
    url: '/api/admin/organizations/import',
    permission: 'organizations.import',
    label: 'importing organisations from CSV',
    expect: adminOnly(200),
    build: () => ({
      url: '/api/admin/organizations/import',
      contentType: 'text/csv',
      payload: Buffer.from(
        `eik,name_bg,name_en,kind,areas\n${nextEik()},Внесена,Imported,company,ict-software\n`,
      ),
    }),
    check: (body) => expect(body).toEqual({ dryRun: false, rows: 1, imported: 1 }),
  },
];
