import { randomUUID } from 'node:crypto';
import { type Db, isUniqueViolation, memberships, organizationAreas, organizations } from '@portal/db';
import {
  eik9CheckDigit,
  IMPORT_CELL_SCHEMAS,
  IMPORT_COLUMNS,
  IMPORT_MAX_ERRORS,
  IMPORT_MAX_ROWS,
  IMPORT_REQUIRED_COLUMNS,
  type ImportColumn,
  type ImportResult,
  type ImportRow,
  importErrorPath,
  MEMBERSHIP_CATEGORIES,
  MEMBERSHIP_STATUSES,
  ORGANIZATION_KINDS,
} from '@portal/shared';
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { type Actor, recordAudit } from '../../audit.ts';
import { AppError, type FieldIssue } from '../../errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { findKnownAreas, findTakenEiks } from './csv.repository.ts';

/** Rows inserted per statement (18 columns × 500 stays far below the 65 535 parameters of a statement). */
const INSERT_CHUNK = 500;

/** Values some cell messages name (the lists of allowed codes). */
const CELL_VALUES: Partial<Record<ImportColumn, Record<string, string>>> = {
  kind: { values: ORGANIZATION_KINDS.join(', ') },
  category: { values: MEMBERSHIP_CATEGORIES.join(', ') },
  status: { values: MEMBERSHIP_STATUSES.join(', ') },
};

interface Issue extends FieldIssue {
  line: number;
}

/** A data row that passed its cell checks, with the line of the file it starts on. */
interface ParsedRow {
  line: number;
  row: ImportRow;
}

function invalid(issues: Issue[]): AppError {
  const sorted = [...issues].sort((a, b) => a.line - b.line);
  return new AppError('import.invalid', 400, {
    values: { count: issues.length },
    fields: sorted.slice(0, IMPORT_MAX_ERRORS).map(({ path, code, values }) => ({
      path,
      code,
      ...(values ? { values } : {}),
    })),
  });
}

const issue = (
  line: number,
  column: string | undefined,
  code: MessageKey,
  values?: Issue['values'],
): Issue => ({
  line,
  path: importErrorPath(line, column),
  code,
  ...(values ? { values } : {}),
});

/**
 * The line (1-based) each byte offset of `buf` is on. Line breaks are LF, CRLF or a lone CR; a break
 * inside a quoted cell is a line of the file too, so the numbers are those an editor shows.
 */
function lineCounter(buf: Buffer): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x0a || (c === 0x0d && buf[i + 1] !== 0x0a)) starts.push(i + 1);
  }
  return (offset) => {
    // The number of line starts at or before `offset`.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

interface RawRecord {
  line: number;
  cells: string[];
}

/** The CSV's records with the line each starts on; a malformed record is reported by its line. */
function readRecords(buf: Buffer): RawRecord[] {
  const lineOf = lineCounter(buf);
  const records: RawRecord[] = [];
  let start = 0;
  try {
    parse(buf, {
      bom: true,
      relax_column_count: true,
      on_record: (record: string[], context) => {
        records.push({ line: lineOf(start), cells: record });
        // `bytes` is the offset just past the record (and its line break): the next record starts there.
        start = context.bytes;
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) throw invalid([issue(lineOf(start), undefined, 'import.malformed')]);
    throw error;
  }
  return records;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * Reads and checks a whole CSV file of organisations. Every problem of every row is collected; if there
 * is any, a 400 `import.invalid` names each by `line N › column` and nothing is saved. Returns the rows.
 */
export async function validateImport(db: Db, body: Buffer): Promise<ParsedRow[]> {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw invalid([issue(1, undefined, 'import.not_utf8')]);
  }
  const records = readRecords(body).filter((r) => !isBlank(r.cells));
  const header = records.shift();
  if (!header) throw invalid([issue(1, undefined, 'import.empty')]);

  // ---------- the header ----------
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const headerIssues: Issue[] = [];
  if (names.length === 1 && names[0]?.includes(';')) {
    throw invalid([issue(header.line, undefined, 'import.delimiter')]);
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) {
      headerIssues.push(
        issue(header.line, name || '""', 'import.column_unknown', {
          column: name,
          columns: IMPORT_COLUMNS.join(', '),
        }),
      );
    } else if (seen.has(name)) {
      headerIssues.push(issue(header.line, name, 'import.column_duplicate', { column: name }));
    }
    seen.add(name);
  }
  for (const column of IMPORT_REQUIRED_COLUMNS) {
    if (!seen.has(column)) headerIssues.push(issue(header.line, column, 'import.column_missing', { column }));
  }
  if (headerIssues.length > 0) throw invalid(headerIssues);
  if (records.length === 0) throw invalid([issue(header.line, undefined, 'import.empty')]);
  if (records.length > IMPORT_MAX_ROWS) {
    throw invalid([
      issue(header.line, undefined, 'import.too_many_rows', { rows: records.length, max: IMPORT_MAX_ROWS }),
    ]);
  }

  // ---------- each row on its own ----------
  const issues: Issue[] = [];
  const rows: ParsedRow[] = [];
  for (const record of records) {
    if (record.cells.length !== names.length) {
      issues.push(
        issue(record.line, undefined, 'import.cell_count', {
          found: record.cells.length,
          expected: names.length,
        }),
      );
      continue;
    }
    const row: Record<string, unknown> = {};
    let ok = true;
    for (const column of IMPORT_COLUMNS) {
      const index = names.indexOf(column);
      // A leading apostrophe before = + - @ is how spreadsheets (and our export) keep a cell from being
      // a formula; it is not part of the value (a phone like '+359 …).
      const cell = (index === -1 ? '' : (record.cells[index] ?? '').trim()).replace(/^'(?=[=+\-@])/, '');
      const result = IMPORT_CELL_SCHEMAS[column].safeParse(cell);
      if (result.success) {
        row[column] = result.data;
      } else {
        ok = false;
        issues.push(issue(record.line, column, `import.cell.${column}`, CELL_VALUES[column]));
      }
    }
    if (ok) rows.push({ line: record.line, row: row as ImportRow });
  }

  // ---------- across rows and against the database ----------
  const firstLine = new Map<string, number>();
  for (const { line, row } of rows) {
    const first = firstLine.get(row.eik);
    if (first === undefined) firstLine.set(row.eik, line);
    else issues.push(issue(line, 'eik', 'import.eik_duplicate', { line: first }));
  }
  const eiks = [...firstLine.keys()];
  const areaIds = [...new Set(rows.flatMap((r) => r.row.areas))];
  const [existing, known] = await Promise.all([
    eiks.length === 0 ? [] : findTakenEiks(db, eiks),
    areaIds.length === 0 ? [] : findKnownAreas(db, areaIds),
  ]);
  const taken = new Map<string, boolean>();
  for (const e of existing) if (!taken.get(e.eik)) taken.set(e.eik, e.openApplication === true);
  const knownAreas = new Set(known.map((a) => a.id));
  for (const { line, row } of rows) {
    const open = taken.get(row.eik);
    if (open !== undefined && firstLine.get(row.eik) === line) {
      issues.push(
        issue(line, 'eik', open ? 'import.eik_in_application' : 'import.eik_exists', { eik: row.eik }),
      );
    }
    for (const area of row.areas) {
      if (!knownAreas.has(area)) issues.push(issue(line, 'areas', 'import.area_unknown', { value: area }));
    }
  }
  if (issues.length > 0) throw invalid(issues);
  return rows;
}

/**
 * Imports a CSV of organisations all-or-nothing: after `validateImport` accepts every row, one
 * transaction inserts the organisations, their areas and memberships and one audit event.
 */
export async function importOrganizations(
  db: Db,
  actor: Actor,
  body: Buffer,
  dryRun: boolean,
): Promise<ImportResult> {
  const rows = await validateImport(db, body);
  if (dryRun) return { dryRun: true, rows: rows.length, imported: 0 };

  try {
    await insertRows(db, actor, rows);
  } catch (error) {
    // Another request inserted one of these ЕИКs since the check: check again, which names its line.
    if (isUniqueViolation(error, 'organizations_eik_key')) await validateImport(db, body);
    throw error;
  }
  return { dryRun: false, rows: rows.length, imported: rows.length };
}

async function insertRows(db: Db, actor: Actor, rows: ParsedRow[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK).map((r) => r.row);
      const inserted = await tx
        .insert(organizations)
        .values(
          chunk.map((r) => ({
            eik: r.eik,
            nameBg: r.name_bg,
            nameEn: r.name_en,
            kind: r.kind,
            employees: r.employees,
            foundedYear: r.founded_year,
            city: r.city,
            address: r.address,
            website: r.website,
            publicEmail: r.public_email,
            publicPhone: r.public_phone,
            descriptionBg: r.description_bg,
            descriptionEn: r.description_en,
            naceCodes: r.nace_codes,
          })),
        )
        .returning({ id: organizations.id, eik: organizations.eik });
      const idOf = new Map(inserted.map((o) => [o.eik, o.id]));
      const id = (r: ImportRow) => idOf.get(r.eik) as string;
      await tx
        .insert(organizationAreas)
        .values(chunk.flatMap((r) => r.areas.map((areaId) => ({ organizationId: id(r), areaId }))));
      await tx.insert(memberships).values(
        chunk.map((r) => ({
          organizationId: id(r),
          category: r.category,
          status: r.status,
          memberSince: r.member_since,
        })),
      );
    }
    await recordAudit(tx, actor, {
      action: 'organizations.imported',
      entityType: 'organization_import',
      entityId: randomUUID(),
      after: { count: rows.length, eiks: rows.map((r) => r.row.eik) },
    });
  });
}

/** The template: the header and one example row (a valid ЕИК, an area of the ISIS list). */
export const IMPORT_TEMPLATE_EXAMPLE: Record<ImportColumn, string> = {
  eik: `12345678${eik9CheckDigit('12345678')}`,
  name_bg: 'Примерна организация ЕООД',
  name_en: 'Example Organisation Ltd',
  kind: 'company',
  areas: 'ict-software',
  nace_codes: '62.01;62.02',
  employees: '25',
  founded_year: '2010',
  city: 'София',
  address: 'ул. Примерна 1',
  website: 'https://example.bg',
  public_email: 'office@example.bg',
  public_phone: '02 123 4567',
  description_bg: 'Кратко описание на дейността.',
  description_en: 'A short description of what the organisation does.',
  category: 'regular',
  status: 'active',
  member_since: '2024-01-15',
};
