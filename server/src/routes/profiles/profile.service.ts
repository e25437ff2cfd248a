import {
  and,
  areas,
  auditEvents,
  type Db,
  desc,
  eq,
  inArray,
  notInArray,
  organizationAreas,
  organizations,
  sql,
  toIso,
  users,
} from '@portal/db';
import {
  accountLogoUrl,
  type EditableProfile,
  effectiveVisibility,
  type OrganizationKind,
  PROFILE_EDITABLE_FIELDS,
  type ProfileEditableField,
  type ProfileEditBody,
  type ProfileHistoryEntry,
  type Sharing,
  type SizeClass,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { execute, parseJson } from '../../db.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { ContactRow } from '../privacy/contacts.ts';

/**
 * Issue 5: a member organisation's profile as its representatives edit it. Every write is conditional on
 * the version the editor read (If-Match), so a colleague's concurrent edit is refused, never overwritten.
 */

type Editable = Pick<EditableProfile, ProfileEditableField>;
/** A body as stored: `acceptsContact` left out means "as it is" until the old row is known. */
type Normalised = Omit<Editable, 'acceptsContact'> & { acceptsContact?: boolean | undefined };

interface ProfileRow extends ContactRow {
  id: string;
  eik: string;
  kind: OrganizationKind;
  size_class: SizeClass | null;
  version: number;
  updated_at: string;
  logo_version: number | null;
  name_bg: string;
  name_en: string;
  description_bg: string;
  description_en: string;
  area_ids: string[] | string;
  nace_codes: string[] | string;
  employees: number | null;
  city: string | null;
  offers: Sharing | string;
  seeks: Sharing | string;
  accepts_contact: boolean;
  updated_by?: string | null;
}

/** The profile columns of organisation alias `o` (areas sorted, so comparisons are stable). */
const PROFILE_COLUMNS = (o: string) =>
  sql.raw(`${o}.id, ${o}.eik, ${o}.kind, ${o}.size_class, ${o}.version, ${o}.logo_version,
    to_char(${o}.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at,
    ${o}.name_bg, ${o}.name_en, ${o}.description_bg, ${o}.description_en,
    (select coalesce(json_agg(oa.area_id order by oa.area_id), '[]'::json)
       from organization_areas oa where oa.organization_id = ${o}.id) as area_ids,
    to_json(${o}.nace_codes) as nace_codes, ${o}.employees, ${o}.city, ${o}.address, ${o}.website,
    ${o}.public_email, ${o}.public_phone, ${o}.contact_name, ${o}.contact_position, ${o}.contact_email,
    ${o}.contact_phone, ${o}.offers, ${o}.seeks, ${o}.visibility, ${o}.accepts_contact,
    (select e.actor_id from audit_events e
       where e.entity_type = 'organization' and e.entity_id = ${o}.id::text
         and e.action in ('organization.profile_updated', 'organization.logo_updated', 'organization.logo_removed')
       order by e.id desc limit 1) as updated_by`);

function toProfile(r: ProfileRow): EditableProfile {
  return {
    id: r.id,
    eik: r.eik,
    kind: r.kind,
    sizeClass: r.size_class,
    version: Number(r.version),
    updatedAt: r.updated_at,
    logoUrl: r.logo_version === null ? null : accountLogoUrl(r.id, Number(r.logo_version), 'large'),
    updatedBy: r.updated_by ?? null,
    nameBg: r.name_bg,
    nameEn: r.name_en,
    descriptionBg: r.description_bg,
    descriptionEn: r.description_en,
    areaIds: parseJson(r.area_ids),
    naceCodes: parseJson(r.nace_codes),
    employees: r.employees,
    city: r.city,
    address: r.address,
    website: r.website,
    publicEmail: r.public_email,
    publicPhone: r.public_phone,
    contactName: r.contact_name,
    contactPosition: r.contact_position,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    offers: parseJson(r.offers),
    seeks: parseJson(r.seeks),
    // Stored partially (a missing field has its default); answered in full.
    visibility: effectiveVisibility(r.visibility === null ? null : parseJson(r.visibility)),
    acceptsContact: r.accepts_contact === true,
  };
}

export async function loadProfile(db: Db, id: string): Promise<EditableProfile | null> {
  const [row] = await execute<ProfileRow>(
    db,
    sql`select ${PROFILE_COLUMNS('o')} from organizations o where o.id = ${id}`,
  );
  return row ? toProfile(row) : null;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];
/** Only the kinds of sharing that say something. */
const sharing = (s: Sharing): Sharing =>
  Object.fromEntries(Object.entries(s).filter(([, v]) => typeof v === 'string' && v !== ''));

/** The body as it is stored: blank optional texts as null, no empty sharing entries, no duplicates. */
function normalise(body: ProfileEditBody): Normalised {
  return {
    ...body,
    areaIds: unique(body.areaIds).sort(),
    naceCodes: unique(body.naceCodes),
    city: body.city || null,
    address: body.address || null,
    contactName: body.contactName || null,
    contactPosition: body.contactPosition || null,
    offers: sharing(body.offers),
    seeks: sharing(body.seeks),
  };
}

/** JSON with object keys sorted (jsonb does not keep the order they were written in). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** Before/after of the fields whose value changed (empty when none did). */
function changes(before: Editable, after: Editable) {
  const changed = PROFILE_EDITABLE_FIELDS.filter((k) => canonical(before[k]) !== canonical(after[k]));
  const pick = (p: Editable) => Object.fromEntries(changed.map((k) => [k, p[k]]));
  return { changed, before: pick(before), after: pick(after) };
}

async function assertAreasExist(db: Db, areaIds: string[]): Promise<void> {
  const known = await db.select({ id: areas.id }).from(areas).where(inArray(areas.id, areaIds));
  const unknown = areaIds.find((a) => !known.some((k) => k.id === a));
  if (unknown) throw fieldError('body.areaIds', 'area.unknown', { value: unknown });
}

async function organizationExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id));
  return row !== undefined;
}

const textArray = (values: string[]) =>
  sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::text[]`;

/**
 * Saves a profile edit if the row is still at `expectedVersion`: ONE conditional UPDATE (which also returns
 * the row as it was), then the area links and an audit event, all in one transaction. A stale version
 * writes nothing and answers 412; a missing organisation answers 404.
 */
export async function updateProfile(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  body: ProfileEditBody,
): Promise<EditableProfile> {
  const next = normalise(body);
  await assertAreasExist(db, next.areaIds);
  return db.transaction(async (tx) => {
    // `old` is the same row read from the statement's snapshot: under a concurrent write the version
    // re-check fails and nothing is updated, so `old` is exactly what this edit replaced.
    const [updated] = await execute<{ old: ProfileRow | string }>(
      tx,
      sql`update organizations o set
            name_bg = ${next.nameBg}, name_en = ${next.nameEn},
            description_bg = ${next.descriptionBg}, description_en = ${next.descriptionEn},
            nace_codes = ${textArray(next.naceCodes)}, employees = ${next.employees},
            city = ${next.city}, address = ${next.address}, website = ${next.website},
            public_email = ${next.publicEmail}, public_phone = ${next.publicPhone},
            contact_name = ${next.contactName}, contact_position = ${next.contactPosition},
            contact_email = ${next.contactEmail}, contact_phone = ${next.contactPhone},
            visibility = ${JSON.stringify(effectiveVisibility(next.visibility))}::jsonb,
            offers = ${JSON.stringify(next.offers)}::jsonb, seeks = ${JSON.stringify(next.seeks)}::jsonb,
            accepts_contact = coalesce(${next.acceptsContact ?? null}::boolean, o.accepts_contact),
            updated_at = now(), version = o.version + 1
          from (select ${PROFILE_COLUMNS('p')} from organizations p where p.id = ${id}) old
          where o.id = ${id} and o.version = ${expectedVersion} and old.id = o.id
          returning row_to_json(old) as old`,
    );
    if (!updated) {
      if (!(await organizationExists(tx, id))) throw new AppError('organization.not_found', 404);
      throw new AppError('precondition.failed', 412);
    }
    const before = toProfile(parseJson(updated.old));

    const wanted = next.areaIds;
    if (canonical(before.areaIds) !== canonical(wanted)) {
      await tx
        .delete(organizationAreas)
        .where(and(eq(organizationAreas.organizationId, id), notInArray(organizationAreas.areaId, wanted)));
      if (wanted.length > 0) {
        await tx
          .insert(organizationAreas)
          .values(wanted.map((areaId) => ({ organizationId: id, areaId })))
          .onConflictDoNothing();
      }
    }

    const diff = changes(before, { ...next, acceptsContact: next.acceptsContact ?? before.acceptsContact });
    if (diff.changed.length > 0) {
      await recordAudit(tx, actor, {
        action: 'organization.profile_updated',
        entityType: 'organization',
        entityId: id,
        before: diff.before,
        after: diff.after,
      });
    }
    return (await loadProfile(tx, id))!;
  });
}

/** How many history entries one answer carries (newest first). */
export const HISTORY_LIMIT = 100;

/** The organisation's audit events, newest first; null when there is no such organisation. */
export async function profileHistory(db: Db, id: string): Promise<ProfileHistoryEntry[] | null> {
  if (!(await organizationExists(db, id))) return null;
  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      actorName: users.displayName,
      action: auditEvents.action,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, 'organization'), eq(auditEvents.entityId, id)))
    .orderBy(desc(auditEvents.id))
    .limit(HISTORY_LIMIT);
  return rows.map((r) => ({
    id: r.id,
    at: toIso(r.occurredAt),
    actorName: r.actorName,
    action: r.action,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
}
