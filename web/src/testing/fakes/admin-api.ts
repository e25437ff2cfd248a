import type {
  AdminUser,
  AuditEvent,
  MailboxMessage,
  Me,
  OrganizationRef,
  Role,
  UserStatus,
} from '@portal/shared';
import { meFixture } from '@/testing/auth-fixtures.ts';
import { type Handler, json, problem, stubApi } from '@/testing/mocks/stub-api.ts';

/**
 * Test data and a stateful stub of the administration API for the admin pages' tests: it filters and
 * paginates like the server and applies changes to its users, so a test sees the page react to answers.
 */

export const adminMe: Me = meFixture({
  id: 'a0000000-0000-4000-8000-000000000001',
  email: 'admin@portal.example',
  displayName: 'Админ Админов',
  roles: ['admin'],
  organizations: [],
});

/** A signed-in user without the admin role. */
export const representativeMe: Me = meFixture();

export const pixelFactory: OrganizationRef = {
  id: '0b6c3f5e-8f2a-4b8e-9d7a-1c2b3d4e5f60',
  nameBg: 'Пиксел Фабрика',
  nameEn: 'Pixel Factory',
};
export const techUniversity: OrganizationRef = {
  id: '0b6c3f5e-8f2a-4b8e-9d7a-1c2b3d4e5f61',
  nameBg: 'Технически университет',
  nameEn: 'Technical University',
};

export function makeUser(n: number, overrides: Partial<AdminUser> = {}): AdminUser {
  const nn = String(n).padStart(2, '0');
  return {
    id: `00000000-0000-4000-8000-0000000000${nn}`,
    email: `user${nn}@example.bg`,
    displayName: `Потребител ${nn}`,
    language: 'bg',
    roles: [],
    organizations: [],
    status: 'active' as UserStatus,
    createdAt: '2026-02-03T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export const ana = makeUser(1, {
  email: 'ana@example.bg',
  displayName: 'Ана Петрова',
  roles: ['applicant'],
  organizations: [pixelFactory],
});

export function makeEvent(id: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id,
    occurredAt: '2026-03-04T09:30:00.000Z',
    actorId: adminMe.id,
    actorEmail: adminMe.email,
    action: 'user.role_granted',
    entityType: 'user',
    entityId: ana.id,
    before: { email: ana.email, roles: ['applicant'], status: 'active', version: 1 },
    after: { email: ana.email, roles: ['applicant', 'committee_member'], status: 'active', version: 2 },
    requestId: `req-${id}`,
    ...overrides,
  };
}

export function makeMessage(n: number, overrides: Partial<MailboxMessage> = {}): MailboxMessage {
  return {
    id: `c0000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
    to: `user${n}@example.bg`,
    language: 'bg',
    template: 'verify_email',
    subject: `Писмо ${n}`,
    text: `Текст ${n}`,
    status: 'sent',
    attempts: 1,
    createdAt: '2026-03-05T12:00:00.000Z',
    sentAt: '2026-03-05T12:00:05.000Z',
    ...overrides,
  };
}

function paged<T>(url: URL, all: T[], defaultSize: number) {
  const page = Number(url.searchParams.get('page') ?? 1);
  const pageSize = Number(url.searchParams.get('pageSize') ?? defaultSize);
  return json({
    items: all.slice((page - 1) * pageSize, page * pageSize),
    total: all.length,
    page,
    pageSize,
  });
}

const userIdOf = (url: URL) => url.pathname.split('/')[4] ?? '';

export function adminApi({
  me = adminMe,
  users: initialUsers = [ana],
  events = [],
  messages = [],
  organizations = [pixelFactory, techUniversity],
  handlers = {},
}: {
  me?: Me | null;
  users?: AdminUser[];
  events?: AuditEvent[];
  messages?: MailboxMessage[];
  organizations?: OrganizationRef[];
  handlers?: Record<string, Handler>;
} = {}) {
  const users = initialUsers.map((u) => structuredClone(u));
  const find = (url: URL) => users.find((u) => u.id === userIdOf(url));
  const answer = (url: URL, change: (u: AdminUser) => void) => {
    const user = find(url);
    if (!user) return problem(404, 'Потребителят не е намерен');
    change(user);
    user.version += 1;
    return json(user);
  };

  const api = stubApi({
    '/api/auth/session': () => json({ user: me }),
    '/api/admin/users': (url) => {
      const q = url.searchParams.get('q')?.toLowerCase();
      const role = url.searchParams.get('role');
      const status = url.searchParams.get('status');
      const matching = users.filter(
        (u) =>
          (!q || `${u.email} ${u.displayName}`.toLowerCase().includes(q)) &&
          (!role || u.roles.includes(role as Role)) &&
          (!status || u.status === status),
      );
      return paged(url, matching, 20);
    },
    '/api/admin/users/:id': (url) => {
      const user = find(url);
      return user ? json(user) : problem(404, 'Потребителят не е намерен');
    },
    '/api/admin/users/:id/roles/:role': (url, request) => {
      const role = url.pathname.split('/').at(-1) as Role;
      return answer(url, (u) => {
        u.roles =
          request.method === 'PUT' ? [...new Set([...u.roles, role])] : u.roles.filter((r) => r !== role);
      });
    },
    '/api/admin/users/:id/disable': (url) =>
      answer(url, (u) => {
        u.status = 'disabled';
      }),
    '/api/admin/users/:id/enable': (url) =>
      answer(url, (u) => {
        u.status = 'active';
      }),
    '/api/admin/users/:id/organizations/:organizationId': (url, request) => {
      const organization = organizations.find((o) => o.id === url.pathname.split('/').at(-1));
      if (!organization) return problem(404, 'Организацията не е намерена');
      return answer(url, (u) => {
        if (request.method === 'PUT') {
          u.organizations = [...u.organizations.filter((o) => o.id !== organization.id), organization];
          if (!u.roles.includes('representative')) u.roles = [...u.roles, 'representative'];
        } else {
          u.organizations = u.organizations.filter((o) => o.id !== organization.id);
        }
      });
    },
    '/api/admin/organizations': (url) => {
      const q = url.searchParams.get('q')?.toLowerCase() ?? '';
      return json({
        items: organizations.filter((o) => `${o.nameBg} ${o.nameEn}`.toLowerCase().includes(q)),
      });
    },
    '/api/admin/audit': (url) => {
      const p = url.searchParams;
      const matching = events.filter(
        (e) =>
          (!p.get('actorId') || e.actorId === p.get('actorId')) &&
          (!p.get('entityType') || e.entityType === p.get('entityType')) &&
          (!p.get('entityId') || e.entityId === p.get('entityId')) &&
          (!p.get('action') || e.action === p.get('action')),
      );
      return paged(url, matching, 50);
    },
    '/api/admin/mailbox': (url) => {
      const to = url.searchParams.get('to')?.toLowerCase();
      return paged(
        url,
        messages.filter((m) => !to || m.to.includes(to)),
        20,
      );
    },
    ...handlers,
  });
  return { ...api, users };
}
