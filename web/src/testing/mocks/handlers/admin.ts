import {
  type AdminUser,
  AdminUserListQuerySchema,
  type AuditEvent,
  AuditQuerySchema,
  type MailboxMessage,
  MailboxQuerySchema,
  type Me,
  type OrganizationRef,
  RoleSchema,
} from '@portal/shared';
import { http } from 'msw';
import { adminMe, ana, pixelFactory, techUniversity } from '../fixtures/admin.ts';
import { recordRequests } from '../recorder.ts';
import { invalid, json, paged, problem } from '../responses.ts';
import { server } from '../server.ts';
import { type Handler, handlersOf } from '../stub-api.ts';

/** What the administration handlers serve and change. */
export interface AdminData {
  users: AdminUser[];
  events: AuditEvent[];
  messages: MailboxMessage[];
  organizations: OrganizationRef[];
}

const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
const userNotFound = () => problem(404, 'Потребителят не е намерен');

/** The administration API over `data`: users (search, roles, access, organisations), audit log, mailbox. */
export function adminHandlers(data: AdminData) {
  const find = (id: unknown) => data.users.find((u) => u.id === id);
  /** Applies a change to a user and answers it with its next version, as the server does. */
  const change = (id: unknown, apply: (u: AdminUser) => void) => {
    const user = find(id);
    if (!user) return userNotFound();
    apply(user);
    user.version += 1;
    return json(user);
  };
  const organizationOf = (id: unknown) => data.organizations.find((o) => o.id === id);
  return [
    http.get('/api/admin/users', ({ request }) => {
      const parsed = AdminUserListQuerySchema.safeParse(query(request));
      if (!parsed.success) return invalid(parsed.error);
      const { q, role, status } = parsed.data;
      const needle = q?.toLowerCase();
      const matching = data.users.filter(
        (u) =>
          (!needle || `${u.email} ${u.displayName}`.toLowerCase().includes(needle)) &&
          (!role || u.roles.includes(role)) &&
          (!status || u.status === status),
      );
      return paged(matching, parsed.data);
    }),
    http.get('/api/admin/users/:id', ({ params }) => {
      const user = find(params.id);
      return user ? json(user) : userNotFound();
    }),
    http.put('/api/admin/users/:id/roles/:role', ({ params }) => {
      const role = RoleSchema.parse(params.role);
      return change(params.id, (u) => {
        u.roles = [...new Set([...u.roles, role])];
      });
    }),
    http.delete('/api/admin/users/:id/roles/:role', ({ params }) =>
      change(params.id, (u) => {
        u.roles = u.roles.filter((r) => r !== params.role);
      }),
    ),
    http.post('/api/admin/users/:id/disable', ({ params }) =>
      change(params.id, (u) => {
        u.status = 'disabled';
      }),
    ),
    http.post('/api/admin/users/:id/enable', ({ params }) =>
      change(params.id, (u) => {
        u.status = 'active';
      }),
    ),
    // Linking a user to an organisation makes them its representative (the role comes with it).
    http.put('/api/admin/users/:id/organizations/:organizationId', ({ params }) => {
      const organization = organizationOf(params.organizationId);
      if (!organization) return problem(404, 'Организацията не е намерена');
      return change(params.id, (u) => {
        u.organizations = [...u.organizations.filter((o) => o.id !== organization.id), organization];
        if (!u.roles.includes('representative')) u.roles = [...u.roles, 'representative'];
      });
    }),
    http.delete('/api/admin/users/:id/organizations/:organizationId', ({ params }) => {
      const organization = organizationOf(params.organizationId);
      if (!organization) return problem(404, 'Организацията не е намерена');
      return change(params.id, (u) => {
        u.organizations = u.organizations.filter((o) => o.id !== organization.id);
      });
    }),
    http.get('/api/admin/organizations', ({ request }) => {
      const needle = new URL(request.url).searchParams.get('q')?.toLowerCase() ?? '';
      return json({
        items: data.organizations.filter((o) => `${o.nameBg} ${o.nameEn}`.toLowerCase().includes(needle)),
      });
    }),
    http.get('/api/admin/audit', ({ request }) => {
      const parsed = AuditQuerySchema.safeParse(query(request));
      if (!parsed.success) return invalid(parsed.error);
      const { actorId, entityType, entityId, action } = parsed.data;
      const matching = data.events.filter(
        (e) =>
          (!actorId || e.actorId === actorId) &&
          (!entityType || e.entityType === entityType) &&
          (!entityId || e.entityId === entityId) &&
          (!action || e.action === action),
      );
      return paged(matching, parsed.data);
    }),
    http.get('/api/admin/mailbox', ({ request }) => {
      const parsed = MailboxQuerySchema.safeParse(query(request));
      if (!parsed.success) return invalid(parsed.error);
      const to = parsed.data.to?.toLowerCase();
      return paged(
        data.messages.filter((m) => !to || m.to.includes(to)),
        parsed.data,
      );
    }),
  ];
}

/**
 * Serves the administration API to `me` (an administrator by default; null: nobody signed in) for one
 * test; `handlers` answer first. Returns the requests made and the users as they are now.
 */
export function adminApi({
  me = adminMe,
  users = [ana],
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
  const data: AdminData = { users: users.map((u) => structuredClone(u)), events, messages, organizations };
  const recorder = recordRequests();
  server.use(
    ...handlersOf(handlers),
    ...adminHandlers(data),
    http.get('/api/auth/session', () => json({ user: me })),
  );
  return { ...recorder, users: data.users };
}
