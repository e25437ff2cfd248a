import { sql } from '@portal/db';
import { expect } from 'vitest';
import { adminOnly, bodyOf, h, type Row } from './matrix.ts';

export const ROWS: Row[] = [
  // ---------- administration ----------
  {
    method: 'GET',
    url: '/api/admin/users',
    permission: 'users.manage',
    label: 'the user list',
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/users?pageSize=100' }),
    check: (body, f) => {
      const emails = (bodyOf(body).items as { email: string }[]).map((u) => u.email);
      expect(emails).toEqual(expect.arrayContaining([f.target.email, f.victim.email]));
    },
  },
  {
    method: 'GET',
    url: '/api/admin/users/:id',
    permission: 'users.manage',
    label: 'one user',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}` }),
    check: (body, f) => expect(body).toMatchObject({ id: f.target.id, email: f.target.email }),
  },
  {
    method: 'PUT',
    url: '/api/admin/users/:id/roles/:role',
    permission: 'users.manage',
    label: 'granting a role to another user',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}/roles/committee_member` }),
    check: (body) => expect(bodyOf(body).roles).toContain('committee_member'),
  },
  {
    method: 'PUT',
    url: '/api/admin/users/:id/roles/:role',
    permission: 'users.manage',
    label: 'granting myself the admin role',
    expect: adminOnly(200),
    build: (f, actor) => ({ url: `/api/admin/users/${actor.user?.id ?? f.target.id}/roles/admin` }),
  },
  {
    method: 'DELETE',
    url: '/api/admin/users/:id/roles/:role',
    permission: 'users.manage',
    label: 'revoking a role',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}/roles/committee_member` }),
    check: (body) => expect(bodyOf(body).roles).not.toContain('committee_member'),
  },
  {
    method: 'POST',
    url: '/api/admin/users/:id/disable',
    permission: 'users.manage',
    label: 'disabling a user',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}/disable` }),
    check: (body) => expect(bodyOf(body).status).toBe('disabled'),
  },
  {
    method: 'POST',
    url: '/api/admin/users/:id/enable',
    permission: 'users.manage',
    label: 'enabling a user',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}/enable` }),
    check: (body) => expect(bodyOf(body).status).toBe('active'),
  },
  {
    method: 'PUT',
    url: '/api/admin/users/:id/organizations/:organizationId',
    permission: 'users.manage',
    label: 'linking a representative to an organisation',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}/organizations/${f.orgB.id}` }),
    check: (body, f) =>
      expect((bodyOf(body).organizations as { id: string }[]).map((o) => o.id)).toEqual([f.orgB.id]),
  },
  {
    method: 'DELETE',
    url: '/api/admin/users/:id/organizations/:organizationId',
    permission: 'users.manage',
    label: 'unlinking a representative',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}/organizations/${f.orgB.id}` }),
    check: (body) => expect(bodyOf(body).organizations).toEqual([]),
  },
  {
    method: 'GET',
    url: '/api/admin/organizations',
    permission: 'users.manage',
    label: 'finding any organisation',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/organizations?q=${f.orgB.eik}` }),
    check: (body, f) => expect(bodyOf(body).items).toEqual([expect.objectContaining({ id: f.orgB.id })]),
  },
  {
    method: 'GET',
    url: '/api/admin/audit',
    permission: 'audit.read',
    label: 'the audit log',
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/audit' }),
    check: (body) => expect(bodyOf(body).total).toBeGreaterThan(0),
  },
  {
    method: 'GET',
    url: '/api/admin/mailbox',
    permission: 'mailbox.read',
    label: 'the mailbox',
    expect: adminOnly(200),
    build: async (f) => {
      // The mailbox must hold a message (in one file with the public rows, their emails were there already).
      await h.query(
        sql`insert into outbox_messages (to_email, language, template, subject, text)
            select ${f.target.email}, 'bg', 'verify_email', 'Потвърдете адреса си', 'Текст'
            where not exists (select 1 from outbox_messages)`,
      );
      return { url: '/api/admin/mailbox' };
    },
    check: (body) => expect(bodyOf(body).total).toBeGreaterThan(0),
  },
];
