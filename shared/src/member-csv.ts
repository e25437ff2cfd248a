import * as z from 'zod';
import { AreaIdSchema, EikSchema } from './common.ts';
import { KidCodeSchema } from './directory.ts';
import { MembershipCategorySchema, MembershipStatusSchema, OrganizationKindSchema } from './organization.ts';

/**
 * CSV import of organisations for the initial load (issue 5) and the member-list export. The import is
 * all-or-nothing: every row is checked, any bad row is reported by its line in the file (the header is
 * line 1) and nothing is saved. Cells are trimmed; an empty cell is "no value".
 */
export const IMPORT_COLUMNS = [
  'eik',
  'name_bg',
  'name_en',
  'kind',
  'areas',
  'nace_codes',
  'employees',
  'founded_year',
  'city',
  'address',
  'website',
  'public_email',
  'public_phone',
  'description_bg',
  'description_en',
  'category',
  'status',
  'member_since',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns the header must name; the others may be left out (their cells are then empty). */
export const IMPORT_REQUIRED_COLUMNS: readonly ImportColumn[] = [
  'eik',
  'name_bg',
  'name_en',
  'kind',
  'areas',
];
/** Separator of the values in a list cell (areas, nace_codes). */
export const IMPORT_LIST_SEPARATOR = ';';
export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Field errors reported at most (a file of 5000 bad rows is reported by its first ones and a count). */
export const IMPORT_MAX_ERRORS = 500;

const text = (max: number) => z.string().min(1).max(max);
/** An optional cell: empty is null, anything else must pass `schema`. */
const optional = <T extends z.ZodType>(schema: T) => z.union([z.literal('').transform(() => null), schema]);
const list = <T extends z.ZodType<unknown, string>>(item: T, min: number, max: number) =>
  z
    .string()
    .transform((s) => [
      ...new Set(
        s
          .split(IMPORT_LIST_SEPARATOR)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(item).min(min).max(max));
const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * Each column's cell (already trimmed) → its value. The rules are those of the profile editor and the
 * join application: a valid ЕИК, a known kind, 1–10 area slugs (the server also checks they exist),
 * NACE codes like `62.01`, http(s) website, email, phone, member since a past ISO date.
 */
export const IMPORT_CELL_SCHEMAS = {
  eik: EikSchema,
  name_bg: text(300),
  name_en: text(300),
  kind: OrganizationKindSchema,
  areas: list(AreaIdSchema, 1, 10),
  nace_codes: list(KidCodeSchema, 0, 10),
  employees: optional(integer(0, 1_000_000)),
  founded_year: optional(integer(1800, 2100)),
  city: optional(text(100)),
  address: optional(text(300)),
  website: optional(z.url({ protocol: /^https?$/ }).max(300)),
  public_email: optional(z.email().max(254)),
  public_phone: optional(z.string().regex(/^\+?[0-9 ()-]{6,30}$/)),
  description_bg: z.string().max(5000),
  description_en: z.string().max(5000),
  category: z.union([z.literal('').transform(() => 'regular' as const), MembershipCategorySchema]),
  status: z.union([z.literal('').transform(() => 'active' as const), MembershipStatusSchema]),
  member_since: optional(z.iso.date().refine((d) => d <= todayIso())),
} satisfies Record<ImportColumn, z.ZodType>;

export type ImportRow = { [C in ImportColumn]: z.output<(typeof IMPORT_CELL_SCHEMAS)[C]> };

export const ImportQuerySchema = z.object({
  /** `true`: check the file and report, save nothing. */
  dryRun: z.enum(['true', 'false']).default('false'),
});

export const ImportResultSchema = z.object({
  dryRun: z.boolean(),
  /** Data rows in the file that passed every check. */
  rows: z.number().int().nonnegative(),
  /** Organisations created (0 on a dry run). */
  imported: z.number().int().nonnegative(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** `line 7 › eik` ⇄ { line: 7, column: 'eik' }: the path of an import error (a whole line has no column). */
export function importErrorPath(line: number, column?: string): string {
  return column ? `line ${line} › ${column}` : `line ${line}`;
}
export function parseImportErrorPath(path: string): { line: number; column: string | null } | null {
  const m = /^line (\d+)(?: › (.+))?$/.exec(path);
  return m ? { line: Number(m[1]), column: m[2] ?? null } : null;
}

/** A spreadsheet must not run a cell as a formula: cells starting like one get a leading apostrophe. */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 cell: quoted when it holds a quote, comma or line break (quotes doubled). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const safe = neutralizeFormula(String(value));
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record with its CRLF. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** The export's and the template's byte-order mark: spreadsheets then read the file as UTF-8. */
export const CSV_BOM = '\ufeff';
