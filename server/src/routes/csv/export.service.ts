import type { Db } from '@portal/db';
import { type SQL, sql } from '@portal/db';
import { type ContactField, CSV_BOM, csvLine, redactContacts, type Visibility } from '@portal/shared';
import { execute, parseJson } from '../../db.ts';
import type { ContactRow } from '../organizations/organizations.service.ts';

/** Rows read per statement: the export streams batch by batch, so its memory does not grow with the list. */
export const EXPORT_BATCH = 1000;

interface ExportRow extends ContactRow {
  id: string;
  eik: string;
  name_bg: string;
  name_en: string;
  kind: string;
  size_class: string | null;
  employees: number | null;
  founded_year: number | null;
  city: string | null;
  areas: string | null;
  nace_codes: string | null;
  category: string;
  status: string;
  member_since: string | null;
}

/** The CSV columns, each with the contact field it shows (for the per-row visibility), if any. */
const CONTACT_COLUMNS: Record<string, ContactField> = {
  address: 'address',
  website: 'website',
  public_email: 'publicEmail',
  public_phone: 'publicPhone',
  contact_name: 'contactName',
  contact_position: 'contactPosition',
  contact_email: 'contactEmail',
  contact_phone: 'contactPhone',
};

/**
 * The columns per reader: representatives (`members`) get the publicly listed members' public fields and
 * the contact fields each organisation shows to members; the committee and administrators every
 * organisation with a membership, with its status and every contact field.
 */
export function exportColumns(level: Visibility): string[] {
  return [
    'eik',
    'name_bg',
    'name_en',
    'kind',
    'size_class',
    'employees',
    'founded_year',
    'city',
    'areas',
    'nace_codes',
    'category',
    ...(level === 'committee' ? ['status'] : []),
    'member_since',
    ...Object.keys(CONTACT_COLUMNS),
  ];
}

/** One batch after `after` (name, id), in directory order. */
function batchStatement(level: Visibility, after: { name: string; id: string } | null): SQL {
  const filters: SQL[] = [];
  if (level !== 'committee') filters.push(sql`m.status = 'active' and m.category <> 'candidate'`);
  if (after) {
    filters.push(
      sql`(o.name_bg collate portal_bg, o.id) > (${after.name}::text collate portal_bg, ${after.id}::uuid)`,
    );
  }
  const where = filters.length > 0 ? sql`where ${sql.join(filters, sql` and `)}` : sql``;
  return sql`select o.id, o.eik, o.name_bg, o.name_en, o.kind, o.size_class, o.employees, o.founded_year,
      o.city, array_to_string(o.nace_codes, ';') as nace_codes,
      (select string_agg(oa.area_id, ';' order by oa.area_id) from organization_areas oa
        where oa.organization_id = o.id) as areas,
      m.category, m.status, m.member_since::text as member_since,
      o.address, o.website, o.public_email, o.public_phone,
      o.contact_name, o.contact_position, o.contact_email, o.contact_phone, o.visibility
    from organizations o join memberships m on m.organization_id = o.id
    ${where}
    order by o.name_bg collate portal_bg, o.id
    limit ${EXPORT_BATCH}`;
}

function rowValues(row: ExportRow, columns: string[], level: Visibility): (string | number | null)[] {
  const contacts = redactContacts(
    {
      address: row.address,
      website: row.website,
      publicEmail: row.public_email,
      publicPhone: row.public_phone,
      contactName: row.contact_name,
      contactPosition: row.contact_position,
      contactEmail: row.contact_email,
      contactPhone: row.contact_phone,
    },
    row.visibility ? parseJson(row.visibility) : {},
    level,
  );
  return columns.map((column) => {
    const field = CONTACT_COLUMNS[column];
    if (field) return contacts[field];
    return row[column] as string | number | null;
  });
}

/**
 * The member list as CSV for a reader at `level`: a UTF-8 byte-order mark and the header, then one
 * chunk per batch of EXPORT_BATCH rows read by keyset (name, id) — one statement per batch, so at most
 * one batch is in memory however long the list is.
 */
export async function* memberExport(db: Db, level: Visibility): AsyncGenerator<Buffer> {
  const columns = exportColumns(level);
  yield Buffer.from(CSV_BOM + csvLine(columns));
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const rows: ExportRow[] = await execute<ExportRow>(db, batchStatement(level, after));
    if (rows.length > 0) {
      yield Buffer.from(rows.map((r) => csvLine(rowValues(r, columns, level))).join(''));
    }
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_BATCH) return;
    after = { name: last.name_bg, id: last.id };
  }
}

/** `members-2026-05-01.csv` (the date in Sofia). */
export function exportFilename(now: Date = new Date()): string {
  const date = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Sofia',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return `members-${date}.csv`;
}
