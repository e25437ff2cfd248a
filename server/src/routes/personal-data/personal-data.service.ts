import { type Db, type SQL, sql } from '@portal/db';
import {
  type AccountExport,
  type AdminUser,
  type EraseAccountBody,
  erasedEmailFor,
  type OrganizationExport,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import { hitRateLimit, type RateLimits } from '../../auth/rate-limit.ts';
import { tokenHash } from '../../auth/tokens.ts';
import { containsPattern, execute, parseJson } from '../../db.ts';
import { AppError, fieldError } from '../../errors.ts';
import { loadAdminUser } from '../../users.ts';

// ---------------------------------------------------------------------------------------------------
// Exports: plain JSON of the rows, with camelCase names chosen column by column, so nothing secret (a
// password hash, a session or token hash) or bulky (a document's or logo's bytes) can slip in.
// ---------------------------------------------------------------------------------------------------

type Row = Record<string, unknown>;

/** The rows of `query` as one JSON array (built by the database, the same on both engines). */
async function jsonRows(db: Db, query: SQL): Promise<Row[]> {
  const [row] = await execute<{ rows: Row[] | string }>(
    db,
    sql`select coalesce(json_agg(t), '[]'::json) as rows from (${query}) t`,
  );
  return row ? parseJson(row.rows) : [];
}

async function jsonRow(db: Db, query: SQL): Promise<Row | null> {
  return (await jsonRows(db, query))[0] ?? null;
}

/** An application's documents, described (never their bytes). */
const DOCUMENTS = sql`(select coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind,
    'filename', d.filename, 'size', d.size, 'sha256', d.sha256, 'uploadedAt', d.uploaded_at)
    order by d.uploaded_at), '[]'::json)
  from application_documents d where d.application_id = a.id)`;

/** The applicant-facing timeline of an application (internal committee notes are not the applicant's). */
const APPLICANT_EVENTS = sql`(select coalesce(json_agg(json_build_object('at', e.at, 'kind', e.kind,
    'action', e.action, 'fromState', e.from_state, 'toState', e.to_state, 'text', e.text, 'changes', e.changes)
    order by e.id), '[]'::json)
  from application_events e where e.application_id = a.id and e.audience = 'applicant')`;

const DECISION_OF = sql`(select json_build_object('number', d.number, 'decidedOn', d.decided_on,
    'outcome', d.outcome) from decisions d where d.application_id = a.id order by d.created_at desc limit 1)`;

/** A link's `token=` query value (as app.ts redactUrl hides it from logs). */
const TOKEN_IN_LINK = '([?&]token=)[^&#[:space:]]*';

export async function exportAccount(db: Db, userId: string): Promise<AccountExport> {
  const account = await jsonRow(
    db,
    sql`select id, email, display_name as "displayName", language, email_verified_at as "emailVerifiedAt",
          disabled_at as "disabledAt", created_at as "createdAt", updated_at as "updatedAt"
        from users where id = ${userId}`,
  );
  if (!account) throw new AppError('user.not_found', 404);
  const email = String(account.email);
  return {
    kind: 'account',
    exportedAt: new Date().toISOString(),
    account: account as AccountExport['account'],
    roles: await jsonRows(
      db,
      sql`select role, granted_at as "grantedAt" from user_roles where user_id = ${userId} order by role`,
    ),
    sessions: await jsonRows(
      db,
      sql`select id, created_at as "createdAt", last_seen_at as "lastSeenAt", expires_at as "expiresAt",
            user_agent as "userAgent"
          from sessions where user_id = ${userId} order by created_at`,
    ),
    organizations: await jsonRows(
      db,
      sql`select o.id, o.eik, o.name_bg as "nameBg", o.name_en as "nameEn", uo.linked_at as "linkedAt"
          from user_organizations uo join organizations o on o.id = uo.organization_id
          where uo.user_id = ${userId} order by o.name_bg`,
    ),
    applications: await jsonRows(
      db,
      sql`select a.id, a.state, a.data as answers, a.eik, a.kind, a.organization_id as "organizationId",
            a.submitted_at as "submittedAt", a.decided_at as "decidedAt", a.created_at as "createdAt",
            a.updated_at as "updatedAt", ${DOCUMENTS} as documents, ${APPLICANT_EVENTS} as events,
            ${DECISION_OF} as decision
          from applications a where a.applicant_id = ${userId} order by a.created_at`,
    ),
    votes: await jsonRows(
      db,
      sql`select s.application_id as "applicationId", s.round, v.choice, v.recused,
            v.recusal_reason as "recusalReason", v.updated_at as "updatedAt"
          from votes v join vote_sessions s on s.id = v.session_id
          where v.member_id = ${userId} order by v.updated_at`,
    ),
    invitationsSent: await jsonRows(
      db,
      sql`select i.id, i.organization_id as "organizationId", i.email, i.created_at as "createdAt",
            i.expires_at as "expiresAt", i.accepted_at as "acceptedAt", i.revoked_at as "revokedAt"
          from representative_invitations i where i.invited_by = ${userId} order by i.created_at`,
    ),
    invitationsReceived: await jsonRows(
      db,
      sql`select i.id, i.organization_id as "organizationId", i.email, i.created_at as "createdAt",
            i.expires_at as "expiresAt", i.accepted_at as "acceptedAt", i.revoked_at as "revokedAt"
          from representative_invitations i
          where i.email = ${email} or i.accepted_by = ${userId} order by i.created_at`,
    ),
    emails: await jsonRows(
      db,
      // An emailed link's single-use token is a credential: the file shows the link without it.
      sql`select m.id, m.to_email as "to", m.language, m.template, m.subject,
            regexp_replace(m.text, ${TOKEN_IN_LINK}, ${'\\1[redacted]'}, 'g') as text, m.status,
            m.created_at as "createdAt", m.sent_at as "sentAt"
          from outbox_messages m where m.to_email = ${email} order by m.created_at`,
    ),
    // Snapshots only of events about the user: those they merely acted in may hold other people's data.
    auditEvents: await jsonRows(
      db,
      sql`select e.id, e.occurred_at as "occurredAt", e.action, e.entity_type as "entityType",
            e.entity_id as "entityId", e.actor_id = ${userId} as "byMe",
            case when e.entity_type = 'user' and e.entity_id = ${userId} then e.before end as before,
            case when e.entity_type = 'user' and e.entity_id = ${userId} then e.after end as after
          from audit_events e
          where e.actor_id = ${userId} or (e.entity_type = 'user' and e.entity_id = ${userId})
          order by e.id`,
    ),
  };
}

export async function exportOrganization(db: Db, organizationId: string): Promise<OrganizationExport | null> {
  const organization = await jsonRow(
    db,
    sql`select id, eik, name_bg as "nameBg", name_en as "nameEn", kind, employees, size_class as "sizeClass",
          founded_year as "foundedYear", city, address, website, public_email as "publicEmail",
          public_phone as "publicPhone", description_bg as "descriptionBg", description_en as "descriptionEn",
          nace_codes as "naceCodes", offers, seeks, contact_name as "contactName",
          contact_position as "contactPosition", contact_email as "contactEmail", contact_phone as "contactPhone",
          visibility, logo_version as "logoVersion", created_at as "createdAt", updated_at as "updatedAt", version
        from organizations where id = ${organizationId}`,
  );
  if (!organization) return null;
  const id = organizationId;
  return {
    kind: 'organization',
    exportedAt: new Date().toISOString(),
    organization,
    areas: await jsonRows(
      db,
      sql`select a.id, a.name_bg as "nameBg", a.name_en as "nameEn"
          from organization_areas oa join areas a on a.id = oa.area_id
          where oa.organization_id = ${id} order by a.position, a.id`,
    ),
    logo: await jsonRow(
      db,
      sql`select version, source_type as "sourceType", width, height, created_at as "createdAt"
          from organization_logos where organization_id = ${id}`,
    ),
    membership: await jsonRow(
      db,
      sql`select category, status, member_since as "memberSince", created_at as "createdAt",
            updated_at as "updatedAt"
          from memberships where organization_id = ${id}`,
    ),
    membershipEvents: await jsonRows(
      db,
      sql`select e.id, e.action, e.from_category as "fromCategory", e.to_category as "toCategory",
            e.from_status as "fromStatus", e.to_status as "toStatus", d.number as "decisionNumber",
            e.reason, e.effective_on as "effectiveOn", e.created_at as "createdAt"
          from membership_events e left join decisions d on d.id = e.decision_id
          where e.organization_id = ${id} order by e.id`,
    ),
    feePayments: await jsonRows(
      db,
      sql`select id, year, amount_cents as "amountCents", paid_on as "paidOn", reference,
            created_at as "createdAt"
          from fee_payments where organization_id = ${id} order by year, paid_on`,
    ),
    representatives: await jsonRows(
      db,
      sql`select u.id, u.display_name as "displayName", u.email, uo.linked_at as "linkedAt"
          from user_organizations uo join users u on u.id = uo.user_id
          where uo.organization_id = ${id} order by uo.linked_at`,
    ),
    invitations: await jsonRows(
      db,
      sql`select id, email, invited_by as "invitedBy", created_at as "createdAt", expires_at as "expiresAt",
            accepted_at as "acceptedAt", accepted_by as "acceptedBy", revoked_at as "revokedAt"
          from representative_invitations where organization_id = ${id} order by created_at`,
    ),
    applications: await jsonRows(
      db,
      sql`select a.id, a.state, a.data as answers, a.submitted_at as "submittedAt", a.decided_at as "decidedAt",
            a.created_at as "createdAt", ${DOCUMENTS} as documents, ${APPLICANT_EVENTS} as events
          from applications a where a.organization_id = ${id} and a.state <> 'draft' order by a.created_at`,
    ),
    decisions: await jsonRows(
      db,
      sql`select d.id, d.number, d.decided_on as "decidedOn", d.subject, d.outcome, d.text_bg as "textBg",
            d.text_en as "textEn", d.tally, d.created_at as "createdAt"
          from decisions d
          where d.organization_id = ${id}
             or d.application_id in (select a.id from applications a where a.organization_id = ${id})
          order by d.year, d.sequence`,
    ),
    auditEvents: await jsonRows(
      db,
      sql`select e.id, e.occurred_at as "occurredAt", e.action, e.actor_id as "actorId",
            u.display_name as "actorName", e.before, e.after
          from audit_events e left join users u on u.id = e.actor_id
          where e.entity_type = 'organization' and e.entity_id = ${id} order by e.id`,
    ),
  };
}

/** `portal-account-2026-11-27.json`: what the download is saved as. */
export function exportFilename(what: string, now = new Date()): string {
  return `portal-${what}-${now.toISOString().slice(0, 10)}.json`;
}

// ---------------------------------------------------------------------------------------------------
// Erasure: the person's data is removed or overwritten; rows that record what the cluster decided
// (decisions, votes, audit events, application timelines) stay and point to the anonymous user row.
// ---------------------------------------------------------------------------------------------------

export const ERASED = '[erased]';

/**
 * What to scrub: values replaced where they are a whole string (as written; emails in any case), and the
 * ones also replaced wherever they appear in a text (an email, a name of two words or more, in any case).
 * A one-word value ("Admin", a position, a phone) is replaced only where it is the whole value, so a role
 * `admin` in a snapshot is never taken for a user called "Admin".
 */
interface Scrub {
  exact: string[];
  within: string[];
}

function scrubOf(values: (string | null | undefined)[]): Scrub {
  const exact = [
    ...new Set(
      values
        .map((v) => v?.trim() ?? '')
        .filter((v) => v.length >= 2)
        .map((v) => (v.includes('@') ? v.toLowerCase() : v)),
    ),
  ];
  const within = exact.filter((v) => v.includes('@') || (/\s/.test(v) && v.length >= 5));
  return { exact, within };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function scrubText(text: string, s: Scrub): string {
  const trimmed = text.trim();
  if (s.exact.includes(trimmed) || (trimmed.includes('@') && s.exact.includes(trimmed.toLowerCase()))) {
    return ERASED;
  }
  let out = text;
  for (const v of s.within) out = out.replace(new RegExp(escapeRegExp(v), 'gi'), ERASED);
  return out;
}

function scrubJson(value: unknown, s: Scrub): unknown {
  if (typeof value === 'string') return scrubText(value, s);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, s));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, s)]));
  }
  return value;
}

/** `expr ilike` any of the scrub's values (a cheap pre-filter; the exact rules are applied in scrubJson). */
function mentions(expr: SQL, s: Scrub): SQL {
  if (s.exact.length === 0) return sql`false`;
  return sql`(${sql.join(
    s.exact.map((v) => sql`${expr} ilike ${containsPattern(v)}`),
    sql` or `,
  )})`;
}

/**
 * Scrubs the values from the json columns `columns` of `table` (keyed by `id`) in the rows `where` picks
 * that mention them. Returns how many rows changed.
 */
async function scrubJsonColumns(
  tx: Db,
  table: string,
  columns: string[],
  where: SQL,
  s: Scrub,
): Promise<number> {
  const t = sql.identifier(table);
  const any = sql.join(
    columns.map((c) => mentions(sql`${sql.identifier(c)}::text`, s)),
    sql` or `,
  );
  const rows = await execute<Row & { id: string | number }>(
    tx,
    sql`select id, ${sql.join(
      columns.map((c) => sql`${sql.identifier(c)}::text as ${sql.identifier(c)}`),
      sql`, `,
    )} from ${t} where (${where}) and (${any})`,
  );
  let changed = 0;
  for (const row of rows) {
    const sets: SQL[] = [];
    for (const c of columns) {
      const raw = row[c];
      if (raw === null || raw === undefined) continue;
      const before = typeof raw === 'string' ? JSON.parse(raw) : raw;
      const after = scrubJson(before, s);
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        sets.push(sql`${sql.identifier(c)} = ${JSON.stringify(after)}::jsonb`);
      }
    }
    if (sets.length === 0) continue;
    await execute(tx, sql`update ${t} set ${sql.join(sets, sql`, `)} where id = ${row.id}`);
    changed++;
  }
  return changed;
}

/** The same for plain text columns. */
async function scrubTextColumns(
  tx: Db,
  table: string,
  columns: string[],
  where: SQL,
  s: Scrub,
): Promise<void> {
  const t = sql.identifier(table);
  const any = sql.join(
    columns.map((c) => mentions(sql`${sql.identifier(c)}`, s)),
    sql` or `,
  );
  const rows = await execute<Row & { id: string | number }>(
    tx,
    sql`select id, ${sql.join(
      columns.map((c) => sql.identifier(c)),
      sql`, `,
    )} from ${t} where (${where}) and (${any})`,
  );
  for (const row of rows) {
    const sets = columns
      .filter((c) => typeof row[c] === 'string' && scrubText(row[c] as string, s) !== row[c])
      .map((c) => sql`${sql.identifier(c)} = ${scrubText(row[c] as string, s)}`);
    if (sets.length > 0) {
      await execute(tx, sql`update ${t} set ${sql.join(sets, sql`, `)} where id = ${row.id}`);
    }
  }
}

interface Target extends Row {
  id: string;
  email: string;
  display_name: string;
  erased_at: string | null;
}

/** Locks the user row (two erasures, or an erasure and an edit, serialise); refuses an erased one. */
async function lockUser(tx: Db, userId: string): Promise<Target> {
  const [user] = await execute<Target>(
    tx,
    sql`select id, email, display_name, erased_at from users where id = ${userId} for update`,
  );
  if (!user) throw new AppError('user.not_found', 404);
  if (user.erased_at) throw new AppError('user.already_erased', 409);
  return user;
}

/**
 * Refuses when the user is the only representative of an organisation: it would be left with nobody to
 * act for it. The organisations are locked first, so a colleague removed at the same moment is seen.
 */
async function assertNotOnlyRepresentative(tx: Db, userId: string): Promise<void> {
  await execute(
    tx,
    sql`select o.id from organizations o
        where o.id in (select organization_id from user_organizations where user_id = ${userId})
        order by o.id for update`,
  );
  const alone = await execute<{ name_bg: string; name_en: string }>(
    tx,
    sql`select o.name_bg, o.name_en from user_organizations uo join organizations o on o.id = uo.organization_id
        where uo.user_id = ${userId}
          and not exists (select 1 from user_organizations other
                          where other.organization_id = uo.organization_id and other.user_id <> ${userId})
        order by o.name_bg`,
  );
  if (alone.length > 0) {
    throw new AppError('account.only_representative', 409, {
      values: { names: alone.map((o) => `„${o.name_bg}“ (${o.name_en})`).join(', ') },
    });
  }
}

/** What an erasure changed, for the audit event (counts only: no personal data). */
interface ErasureCounts {
  sessionsEnded: number;
  applicationsScrubbed: number;
  organizationContactsCleared: number;
  emailsDeleted: number;
  emailsRedacted: number;
  invitationsDeleted: number;
}

/** Erases one user's personal data inside `tx` (the user row is already locked). */
async function eraseUserInTransaction(tx: Db, user: Target): Promise<ErasureCounts> {
  const email = user.email.toLowerCase();
  const placeholder = erasedEmailFor(user.id);
  // Their phone numbers, as given in their applications' contact sections and as their organisations'
  // contact person, are scrubbed with their name and address.
  const phones = await execute<{ phone: string | null }>(
    tx,
    sql`select data->'contact'->>'phone' as phone from applications where applicant_id = ${user.id}
        union select contact_phone from organizations where lower(contact_email) = ${email}`,
  );
  const s = scrubOf([email, user.display_name, ...phones.map((p) => p.phone)]);

  // The organisations whose contact person they are: the contact fields go.
  const contacts = await execute(
    tx,
    sql`update organizations set contact_name = null, contact_position = null, contact_email = null,
          contact_phone = null, updated_at = now(), version = version + 1
        where lower(contact_email) = ${email}
           or (lower(contact_name) = ${user.display_name.trim().toLowerCase()} and id in
               (select organization_id from user_organizations where user_id = ${user.id}))
        returning id`,
  );

  // Their applications keep the organisation's answers, not the contact person's.
  const apps = await execute(
    tx,
    sql`update applications set data = data - 'contact', updated_at = now(), version = version + 1
        where applicant_id = ${user.id} and data->'contact' is not null returning id`,
  );
  const scrubbedElsewhere = await scrubJsonColumns(tx, 'applications', ['data'], sql`true`, s);
  await scrubJsonColumns(tx, 'application_events', ['changes'], sql`true`, s);
  await scrubTextColumns(tx, 'application_events', ['text'], sql`true`, s);
  await scrubJsonColumns(tx, 'audit_events', ['before', 'after'], sql`true`, s);
  await scrubTextColumns(tx, 'membership_events', ['reason'], sql`true`, s);

  // Mail to them: queued messages are dropped, sent ones kept as a record without their content.
  const dropped = await execute(
    tx,
    sql`delete from outbox_messages where to_email = ${email} and status = 'pending' returning id`,
  );
  const redacted = await execute(
    tx,
    sql`update outbox_messages set to_email = ${placeholder}, text = ${ERASED}
        where to_email = ${email} returning id`,
  );
  await scrubTextColumns(tx, 'outbox_messages', ['subject', 'text'], sql`true`, s);

  // Invitations to their address: open ones go; settled ones keep the record under the placeholder.
  const invitations = await execute(
    tx,
    sql`delete from representative_invitations
        where email = ${email} and accepted_at is null and revoked_at is null returning id`,
  );
  await execute(tx, sql`update representative_invitations set email = ${placeholder} where email = ${email}`);

  const sessions = await execute(tx, sql`delete from sessions where user_id = ${user.id} returning id`);
  await execute(tx, sql`delete from auth_tokens where user_id = ${user.id}`);
  await execute(tx, sql`delete from user_roles where user_id = ${user.id}`);
  await execute(tx, sql`delete from user_organizations where user_id = ${user.id}`);
  // Rate-limit counters are keyed by a hash of the address.
  const hashed = ['log-in', 'sign-up', 'reset'].map((kind) => `${kind}:account:${tokenHash(email)}`);
  await execute(tx, sql`delete from rate_limits where key in (${sql.join(hashed, sql`, `)})`);

  // The row stays (decisions, votes and audit events point to it), holding nothing personal: the
  // placeholder address can never log in or receive mail and frees the real one for a new sign-up.
  await execute(
    tx,
    sql`update users set email = ${placeholder}, display_name = '', password_hash = '!erased',
          erased_at = now(), disabled_at = coalesce(disabled_at, now()), updated_at = now(),
          version = version + 1
        where id = ${user.id}`,
  );
  return {
    sessionsEnded: sessions.length,
    applicationsScrubbed: apps.length + scrubbedElsewhere,
    organizationContactsCleared: contacts.length,
    emailsDeleted: dropped.length,
    emailsRedacted: redacted.length,
    invitationsDeleted: invitations.length,
  };
}

export interface EraseContext {
  db: Db;
  actor: Actor & { userId: string };
  limits: RateLimits;
  ip: string;
}

/**
 * A user erases their own account: the password again (rate-limited like a log-in), refused while they
 * are the only representative of an organisation.
 */
export async function eraseOwnAccount(ctx: EraseContext, body: EraseAccountBody): Promise<void> {
  const userId = ctx.actor.userId;
  await hitRateLimit(ctx.db, `erase:ip:${ctx.ip}`, ctx.limits.logInPerIp);
  await hitRateLimit(ctx.db, `erase:account:${userId}`, ctx.limits.logInPerAccount);
  const [row] = await execute<{ password_hash: string }>(
    ctx.db,
    sql`select password_hash from users where id = ${userId}`,
  );
  if (!row || !(await verifyPassword(row.password_hash, body.password))) {
    throw fieldError('body.password', 'password.wrong');
  }
  await ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    await assertNotOnlyRepresentative(tx, userId);
    const counts = await eraseUserInTransaction(tx, user);
    await recordAudit(tx, ctx.actor, {
      action: 'user.erased',
      entityType: 'user',
      entityId: userId,
      after: counts,
    });
  });
  await execute(ctx.db, sql`delete from rate_limits where key = ${`erase:account:${userId}`}`);
}

/**
 * An administrator erases a former user. The only-representative rule does not apply: the committee and
 * administrators are whom a member asks about its representatives, and an administrator can link a new
 * one. Administrators erase their own account on the account page, like everyone.
 */
export async function adminEraseUser(db: Db, actor: Actor, userId: string): Promise<AdminUser> {
  if (userId === actor.userId) throw new AppError('user.self_erase', 409);
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    const counts = await eraseUserInTransaction(tx, user);
    await recordAudit(tx, actor, {
      action: 'personal_data.erased',
      entityType: 'user',
      entityId: userId,
      after: counts,
    });
    return (await loadAdminUser(tx, userId))!;
  });
}

interface ContactRow extends Row {
  contact_name: string | null;
  contact_position: string | null;
  contact_email: string | null;
  contact_phone: string | null;
}

/**
 * An administrator erases an organisation's (former) contact person: the contact fields are cleared and
 * their values scrubbed from the organisation's audit snapshots and its applications' contact sections.
 */
export async function eraseOrganizationContact(db: Db, actor: Actor, organizationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [org] = await execute<ContactRow>(
      tx,
      sql`select contact_name, contact_position, contact_email, contact_phone from organizations
          where id = ${organizationId} for update`,
    );
    if (!org) throw new AppError('organization.not_found', 404);
    const fields = (
      [
        ['contactName', org.contact_name],
        ['contactPosition', org.contact_position],
        ['contactEmail', org.contact_email],
        ['contactPhone', org.contact_phone],
      ] as const
    )
      .filter(([, v]) => v)
      .map(([k]) => k);
    const s = scrubOf([org.contact_name, org.contact_position, org.contact_email, org.contact_phone]);
    await execute(
      tx,
      sql`update organizations set contact_name = null, contact_position = null, contact_email = null,
            contact_phone = null, updated_at = now(), version = version + 1
          where id = ${organizationId}`,
    );
    const email = org.contact_email?.toLowerCase() ?? '';
    const name = org.contact_name?.trim().toLowerCase() ?? '';
    // Its applications' contact sections naming that person go whole.
    await execute(
      tx,
      sql`update applications set data = data - 'contact', updated_at = now(), version = version + 1
          where organization_id = ${organizationId} and data->'contact' is not null
            and (lower(data->'contact'->>'email') = ${email} or lower(trim(data->'contact'->>'name')) = ${name})`,
    );
    const ofOrganization = sql`organization_id = ${organizationId}`;
    await scrubJsonColumns(tx, 'applications', ['data'], ofOrganization, s);
    await scrubJsonColumns(
      tx,
      'application_events',
      ['changes'],
      sql`application_id in (select id from applications where ${ofOrganization})`,
      s,
    );
    await scrubJsonColumns(
      tx,
      'audit_events',
      ['before', 'after'],
      sql`entity_type = 'organization' and entity_id = ${organizationId}`,
      s,
    );
    await recordAudit(tx, actor, {
      action: 'personal_data.erased',
      entityType: 'organization',
      entityId: organizationId,
      after: { fields },
    });
  });
}
