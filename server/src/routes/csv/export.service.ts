import type { Db } from '@portal/db';
import { type ContactField, CSV_BOM, csvLine, type Visibility } from '@portal/shared';
import { contactsAt } from '../privacy/contacts.ts';
import { EXPORT_BATCH, type ExportBatchRow, findExportBatch } from './csv.repository.ts';

export { EXPORT_BATCH };

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

/** The CSV's columns that are no contact field, from a batch row. */
function plainValue(row: ExportBatchRow, column: string): string | number | null {
  const values: Record<string, string | number | null> = {
    eik: row.eik,
    name_bg: row.nameBg,
    name_en: row.nameEn,
    kind: row.kind,
    size_class: row.sizeClass,
    employees: row.employees,
    founded_year: row.foundedYear,
    city: row.city,
    areas: row.areas,
    nace_codes: row.naceCodes,
    category: row.category,
    status: row.status,
    member_since: row.memberSince,
  };
  return values[column] ?? null;
}

function rowValues(row: ExportBatchRow, columns: string[], level: Visibility): (string | number | null)[] {
  const contacts = contactsAt(row, level);
  return columns.map((column) => {
    const field = CONTACT_COLUMNS[column];
    if (field) return contacts[field];
    return plainValue(row, column);
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
    const rows = await findExportBatch(db, level, after);
    if (rows.length > 0) {
      yield Buffer.from(rows.map((r) => csvLine(rowValues(r, columns, level))).join(''));
    }
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_BATCH) return;
    after = { name: last.nameBg, id: last.id };
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
