/**
 * Property-based fuzzing of the whole API, driven by its own OpenAPI document: every operation that exists
 * gets random and hostile values in its path parameters, query string and body. No answer may be a 5xx,
 * and a refused request (4xx) must leave the database exactly as it was. Routes added later are covered
 * without new code, because the list comes from /api/openapi.json.
 */
import { type DbHandle, type SQL, sql } from '@portal/db';
import { seedDemo } from '@portal/db/seed';
import { createTestDb } from '@portal/db/testing';
import type { buildApp } from '@portal/server';
import { buildTestApp, insertUser, logIn } from '@portal/server/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type App = Awaited<ReturnType<typeof buildApp>>;
interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}

const HOSTILE = [
  '',
  ' ',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  "' OR 1=1 --",
  "'; DROP TABLE organizations; --",
  'drop table',
  '%',
  '_',
  '\\',
  '%00',
  '\u0000',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../etc/passwd',
  'София',
  'СОФИЯ',
  'ЕООД „Дигитална София“',
  '🙂🚀👩‍💻',
  '\u202e\u200b',
  'a'.repeat(201),
  'я'.repeat(5000),
  '9'.repeat(400),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** A value that fits the schema, so that some requests get past validation and reach the SQL. */
function validValue(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return hostileString;
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf?.length) return fc.oneof(...schema.anyOf.map(validValue));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'integer': {
      // Stay near the lower bound (a founding year starts at 1800), at most 1,000 above it.
      const min = schema.minimum ?? -10;
      return fc.integer({ min, max: Math.min(schema.maximum ?? min + 1000, min + 1000) });
    }
    case 'number':
      return fc.double({ noNaN: true, min: -1e6, max: 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(schema.items), { maxLength: 3 });
    case 'object':
      return fc.record(
        Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, validValue(v)])),
        { requiredKeys: [] },
      );
    default:
      if (schema.format === 'uuid') return fc.uuid();
      return fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('софия', 'sofia', 'ict', 'дигит'));
  }
}

function anyValue(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  return fc.oneof(validValue(schema), hostileString);
}

const hostileJson: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{"__proto__": {"admin": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '{"a": ',
    'null',
    '[]',
    `{"x": "${'я'.repeat(10_000)}"}`,
    'not json at all',
  ),
);

function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = raw as {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      };
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

function requestArbitrary(op: Operation) {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  return fc.record({
    path: fc
      .tuple(...pathParams.map((p) => anyValue(p.schema)))
      .map((values) =>
        pathParams.reduce(
          (path, p, i) => path.replace(`{${p.name}}`, encodeURIComponent(String(values[i]) || 'x')),
          op.path,
        ),
      ),
    query: fc.array(
      fc.oneof(
        fc
          .constantFrom(...(queryParams.length ? queryParams : [{ name: 'q', in: 'query' as const }]))
          .chain((p) => anyValue(p.schema).map((v) => [p.name, String(v)] as const)),
        fc.tuple(fc.constantFrom('__proto__', 'constructor', 'page[]', 'sort.x'), hostileString),
      ),
      { maxLength: 5 },
    ),
    body: op.body
      ? fc.oneof(
          validValue(op.body).map((v) => JSON.stringify(v)),
          hostileJson,
        )
      : fc.constant(undefined),
    language: fc.constantFrom('bg', 'en', 'de', '', 'en;q=abc'),
  });
}

/**
 * The directory's read model: tables filled by triggers from the tables above them only, so a write to
 * one of them is always a write to a base table too (which the fingerprint sees). Hashing them would only
 * slow every mutating call down.
 */
const DERIVED_TABLES = [
  'directory_entries',
  'directory_facet_counts',
  'directory_search',
  'directory_word_counts',
];

/** Every row of every table, hashed: equal fingerprints mean nothing was written. */
let fingerprintStatement: SQL | undefined;
/** Every base table's row count and content hash, in one statement (the table list is read once). */
async function fingerprint(h: DbHandle): Promise<string> {
  if (!fingerprintStatement) {
    const all = await h.query<{ name: string }>(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const tables = all.filter(({ name }) => !DERIVED_TABLES.includes(name));
    // Guards the exclusion list: it must name real tables (a rename would silently hash them again).
    for (const derived of DERIVED_TABLES) expect(all.map((t) => t.name)).toContain(derived);
    fingerprintStatement = sql`select string_agg(part, ';' order by part) as fp from (${sql.join(
      tables.map(
        ({ name }) =>
          sql`select ${name} || ':' || count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as part from ${sql.identifier(name)} t`,
      ),
      sql` union all `,
    )}) parts`;
  }
  const [row] = await h.query<{ fp: string }>(fingerprintStatement);
  return row?.fp ?? '';
}

let handle: DbHandle;
let app: App;
let operations: Operation[];
/** A session holding every role (and an organisation), so that permission checks let most requests through. */
let everyRole: string;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemo(handle.db);
  app = await buildTestApp(handle);
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  operations = operationsOf(res.json());
  const [org] = await handle.query<{ id: string }>(sql`select id from organizations order by id limit 1`);
  const user = await insertUser(handle, {
    roles: ['applicant', 'representative', 'committee_member', 'committee_chair', 'admin'],
    organizationIds: [org!.id],
  });
  everyRole = await logIn(app, user.email, user.password);
});

/**
 * Random requests per operation: a budget of 15 000 requests over the whole API (150 for each of the ~100
 * operations it was calibrated on), shared as the API grows so the run's time stays the same, and never
 * fewer than 50 per operation. `FUZZ_RUNS` asks for a deeper run (e.g. 500) by hand.
 */
function runsPerOperation(): number {
  if (process.env.FUZZ_RUNS) return Number(process.env.FUZZ_RUNS);
  return Math.max(50, Math.floor(15_000 / operations.length));
}

/** Every string field of a body schema (nested objects and arrays of objects too), as path segments. */
function stringFields(schema: JsonSchema | undefined, path: string[] = []): string[][] {
  if (!schema) return [];
  if (schema.anyOf) return schema.anyOf.flatMap((s) => stringFields(s, path));
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (type.includes('object')) {
    return Object.entries(schema.properties ?? {}).flatMap(([k, v]) => stringFields(v, [...path, k]));
  }
  if (type.includes('array')) return stringFields(schema.items, [...path, '0']);
  return type.includes('string') && path.length > 0 ? [path] : [];
}

/** `{ a: [{ b: value }] }` for the segments `a`, `0`, `b`. */
function bodyWith(segments: string[], value: string): unknown {
  const [head, ...rest] = segments;
  const inner = rest.length === 0 ? value : bodyWith(rest, value);
  return /^\d+$/.test(head!) ? [inner] : { [head!]: inner };
}

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe('the API under random and hostile input', () => {
  it('documents at least the directory routes, so the fuzzer has something to cover', () => {
    const names = operations.map((o) => `${o.method} ${o.path}`);
    expect(names).toEqual(expect.arrayContaining(['GET /api/organizations', 'GET /api/organizations/{id}']));
  });

  it('never answers 5xx and changes nothing when it refuses a request', async () => {
    const before = await fingerprint(handle);
    // What the database holds now; refreshed after an accepted write (sign-up, log-in… may write).
    let current = before;
    const seen = new Map<string, Set<number>>();
    for (const op of operations) {
      const statuses = new Set<number>();
      seen.set(`${op.method} ${op.path}`, statuses);
      await fc.assert(
        fc.asyncProperty(requestArbitrary(op), async (req) => {
          const qs = req.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
          const mutating = op.method !== 'GET';
          const res = await app.inject({
            method: op.method as 'GET',
            url: qs ? `${req.path}?${qs}` : req.path,
            headers: {
              'accept-language': req.language,
              ...(req.body ? { 'content-type': 'application/json' } : {}),
            },
            ...(req.body !== undefined ? { payload: req.body } : {}),
          });
          statuses.add(res.statusCode);
          expect(
            res.statusCode,
            `${op.method} ${req.path.slice(0, 120)}?${qs.slice(0, 120)} → ${res.body.slice(0, 300)}`,
          ).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.headers['content-type']).toContain('application/problem+json');
            if (mutating) expect(await fingerprint(handle)).toBe(current);
          } else if (mutating) {
            current = await fingerprint(handle);
          }
        }),
        { numRuns: runsPerOperation(), seed: Number(process.env.FUZZ_SEED ?? 20261126) },
      );
    }
    expect(await fingerprint(handle)).toBe(before);
    // The fuzzer must both pass validation and be refused by it, or it is not exploring anything.
    const all = [...seen.values()].flatMap((s) => [...s]);
    expect(all).toContain(200);
    expect(all).toContain(400);
    // About 15 000 requests in all: minutes on a busy 2-core machine; the limit catches a hang.
  }, 900_000);

  it('refuses a NUL in every documented query parameter and body string with a 400 naming the field', async () => {
    const NUL = 'a\u0000b';
    const checked: string[] = [];
    const failures: string[] = [];
    for (const op of operations) {
      const url = op.parameters
        .filter((p) => p.in === 'path')
        .reduce((path, p) => path.replace(`{${p.name}}`, '00000000-0000-4000-8000-000000000000'), op.path);
      const cases: { label: string; path: string; query?: string; body?: unknown }[] = [
        ...op.parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({
            label: p.name,
            path: p.name,
            query: `${encodeURIComponent(p.name)}=${encodeURIComponent(NUL)}`,
          })),
        ...stringFields(op.body).map((segments) => ({
          label: `body.${segments.join('.')}`,
          path: `body.${segments.join('.')}`,
          body: bodyWith(segments, NUL),
        })),
      ];
      for (const c of cases) {
        const res = await app.inject({
          method: op.method as 'GET',
          url: c.query ? `${url}?${c.query}` : url,
          headers: {
            'accept-language': 'en',
            cookie: everyRole,
            'sec-fetch-site': 'same-origin',
            ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(c.body !== undefined ? { payload: JSON.stringify(c.body) } : {}),
        });
        const where = `${op.method} ${op.path} ${c.label}`;
        if (res.statusCode === 401 || res.statusCode === 403) continue; // refused before any input is read
        const problem = res.json() as { errors?: { path: string; message: string }[] };
        const named = problem.errors?.some((e) => e.path === c.path && /control characters/.test(e.message));
        if (res.statusCode !== 400 || !named)
          failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        checked.push(where);
      }
    }
    expect(failures).toEqual([]);
    // Most routes must have been reached (the session holds every role), or the test proves little.
    expect(checked.length).toBeGreaterThan(100);
  });
});
