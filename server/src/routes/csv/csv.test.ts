/**
 * Issue 5: the member list as CSV (fields per the exporter's level) and the all-or-nothing CSV import of
 * organisations, whose bad rows are named by their line in the file.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, type Problem } from '@portal/shared';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization, insertUser, logIn, nextEik } from '../../testing.ts';
import { EXPORT_BATCH } from './export.service.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
const as = {} as Record<'rep' | 'committee' | 'admin', string>;
let listed: { id: string; eik: string };
let candidateEik: string;
let suspendedEik: string;
/** The bulk rows (more than one export batch, many sharing a name) and their ЕИКs. */
const bulkEiks: string[] = [];

const eikOf = async (id: string) =>
  (await h.query<{ eik: string }>(sql`select eik from organizations where id = ${id}`))[0]!.eik;

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  const listedId = await insertOrganization(h, {
    nameBg: 'Алфа Данни',
    nameEn: '=HYPERLINK("http://evil.example","click")',
    city: '+359 Пловдив',
    areas: ['ict-software', 'ict-ai-data'],
    naceCodes: ['62.01', '63.11'],
    publicEmail: 'office@alfa.example',
    employees: 42,
  });
  await h.query(
    sql`update organizations set contact_name = '@Иван Петров', contact_position = 'Управител',
          contact_email = 'ivan@alfa.example', contact_phone = '+359 88 123 4567', address = 'ул. "Тиха", 5',
          visibility = ${JSON.stringify({ contactPhone: 'members', contactEmail: 'committee', address: 'members' })}::jsonb
        where id = ${listedId}`,
  );
  listed = { id: listedId, eik: await eikOf(listedId) };
  candidateEik = await eikOf(
    await insertOrganization(h, { nameBg: 'Кандидат ООД', category: 'candidate', areas: ['ict-iot'] }),
  );
  suspendedEik = await eikOf(
    await insertOrganization(h, { nameBg: 'Спряна ООД', status: 'suspended', areas: ['ict-iot'] }),
  );
  // More listed members than one export batch, many with the same name (the keyset's tie-break by id).
  const bulk = EXPORT_BATCH + 150;
  for (let i = 0; i < bulk; i++) bulkEiks.push(nextEik());
  await h.query(
    sql`with o as (
          insert into organizations (eik, name_bg, name_en, kind)
          select e, 'Серия ' || (n % 7), 'Series ' || (n % 7), 'company'
          from unnest(${`{${bulkEiks.join(',')}}`}::text[]) with ordinality as t(e, n)
          returning id)
        insert into memberships (organization_id, category, status, member_since)
        select id, 'regular', 'active', '2023-05-01' from o`,
  );

  const rep = await insertUser(h, { roles: ['representative'], organizationIds: [listedId] });
  const committee = await insertUser(h, { roles: ['committee_member'] });
  const admin = await insertUser(h, { roles: ['admin'] });
  as.rep = await logIn(app, rep.email);
  as.committee = await logIn(app, committee.email);
  as.admin = await logIn(app, admin.email);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

// ---------- export ----------

type Record_ = Record<string, string>;

async function exportAs(cookie: string) {
  const res = await app.inject({ url: '/api/members/export.csv', headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  const raw = res.rawPayload;
  const records = parse(raw, { bom: true, columns: true }) as Record_[];
  const header = (parse(raw, { bom: true, to_line: 1 }) as string[][])[0]!;
  return { res, raw, records, header };
}

describe('GET /api/members/export.csv', () => {
  it('gives a representative the listed members with public fields and only the contacts shown to members', async () => {
    const { res, raw, records, header } = await exportAs(as.rep);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="members-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain('\r\n');
    expect(header).not.toContain('status');
    expect(header).toEqual(
      expect.arrayContaining(['eik', 'name_bg', 'category', 'member_since', 'contact_phone']),
    );

    const eiks = records.map((r) => r.eik);
    expect(eiks).not.toContain(candidateEik);
    expect(eiks).not.toContain(suspendedEik);
    // Every listed member once, across the export's batches.
    expect(eiks.length).toBe(bulkEiks.length + 1);
    expect(new Set(eiks).size).toBe(eiks.length);
    expect(eiks).toEqual(expect.arrayContaining(bulkEiks));

    const alfa = records.find((r) => r.eik === listed.eik)!;
    expect(alfa).toMatchObject({
      name_bg: 'Алфа Данни',
      areas: 'ict-ai-data;ict-software',
      nace_codes: '62.01;63.11',
      public_email: 'office@alfa.example',
      address: 'ул. "Тиха", 5', // members-level: shown; quoted and its quotes doubled in the file
      contact_name: "'@Иван Петров",
      contact_phone: "'+359 88 123 4567", // made visible to members
      contact_email: '', // committee-only
    });
    expect(raw.toString('utf8')).not.toContain('ivan@alfa.example');
  });

  it('gives the committee and administrators every member with status and all contacts', async () => {
    for (const cookie of [as.committee, as.admin]) {
      const { records, header } = await exportAs(cookie);
      expect(header).toContain('status');
      const eiks = records.map((r) => r.eik);
      expect(eiks).toEqual(expect.arrayContaining([candidateEik, suspendedEik, listed.eik]));
      expect(eiks.length).toBe(bulkEiks.length + 3);
      expect(records.find((r) => r.eik === suspendedEik)).toMatchObject({ status: 'suspended' });
      expect(records.find((r) => r.eik === candidateEik)).toMatchObject({ category: 'candidate' });
      expect(records.find((r) => r.eik === listed.eik)).toMatchObject({
        contact_email: 'ivan@alfa.example',
        contact_phone: "'+359 88 123 4567",
        employees: '42',
        member_since: '2024-01-15',
      });
    }
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const { records, raw } = await exportAs(as.committee);
    const alfa = records.find((r) => r.eik === listed.eik)!;
    expect(alfa.name_en).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(alfa.city).toBe("'+359 Пловдив");
    expect(alfa.contact_name).toBe("'@Иван Петров");
    // No cell of the file starts with a formula character.
    for (const record of records) {
      for (const cell of Object.values(record)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(raw.toString('utf8')).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('is refused to users without members.export', async () => {
    const plain = await insertUser(h, { roles: ['applicant'] });
    const res = await app.inject({
      url: '/api/members/export.csv',
      headers: { cookie: await logIn(app, plain.email) },
    });
    expect(res.statusCode).toBe(403);
    expect((await app.inject({ url: '/api/members/export.csv' })).statusCode).toBe(401);
  });
});

// ---------- import ----------

const HEADER = IMPORT_COLUMNS.join(',');
/** A full row in IMPORT_COLUMNS order; `over` replaces cells. */
function row(eik: string, over: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> = {}): string {
  const values: Record<string, string> = {
    eik,
    name_bg: `Внесена ${eik}`,
    name_en: `Imported ${eik}`,
    kind: 'company',
    areas: 'ict-software;clean-energy',
    nace_codes: '62.01',
    employees: '12',
    founded_year: '2015',
    city: 'Русе',
    address: 'ул. Първа 1',
    website: 'https://example.bg',
    public_email: 'info@example.bg',
    public_phone: '082 123 456',
    description_bg: 'Описание',
    description_en: 'Description',
    category: 'regular',
    status: 'active',
    member_since: '2022-03-01',
    ...over,
  };
  return IMPORT_COLUMNS.map((c) => {
    const v = values[c] ?? '';
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}

async function importCsv(
  body: string | Buffer,
  options: { dryRun?: boolean; lang?: string; cookie?: string } = {},
) {
  return app.inject({
    method: 'POST',
    url: `/api/admin/organizations/import${options.dryRun ? '?dryRun=true' : ''}`,
    payload: body,
    headers: {
      cookie: options.cookie ?? as.admin,
      'content-type': 'text/csv',
      'accept-language': options.lang ?? 'en',
    },
  });
}

const countOrgs = async () =>
  Number((await h.query<{ n: number }>(sql`select count(*)::int as n from organizations`))[0]!.n);
const existing = async (eiks: string[]) =>
  (
    await h.query<{ eik: string }>(
      sql`select eik from organizations where eik = any(${`{${eiks.join(',')}}`}::text[])`,
    )
  ).map((r) => r.eik);

function problemOf(res: { statusCode: number; json: () => unknown; body: string }): Problem {
  expect(res.statusCode, res.body).toBe(400);
  const p = res.json() as Problem;
  expect(p.code).toBe('import.invalid');
  return p;
}
const paths = (p: Problem) => (p.errors ?? []).map((e) => e.path);

describe('POST /api/admin/organizations/import', () => {
  it('imports a good file (BOM, CRLF, quoted line breaks, any column order) and lists the members', async () => {
    const [a, b, c] = [nextEik(), nextEik(), nextEik()];
    const columns = ['name_en', 'eik', 'name_bg', 'kind', 'areas', 'description_bg', 'category', 'status'];
    const csv = `\ufeff${columns.join(',')}\r\n${[
      `Northwind Ltd,${a},"Нортуинд, ООД",company,ict-software,"Ред едно\r\nред две",regular,active`,
      `Candidate Co,${b},Кандидат ЕООД,university,clean-energy;ict-iot,,candidate,active`,
      `Plain Co,${c},Обикновена ООД,ngo,creative-games,,,`,
    ].join('\r\n')}\r\n\r\n`;
    const res = await importCsv(csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, rows: 3, imported: 3 });

    const [org] = await h.query<{ name_bg: string; description_bg: string; kind: string; areas: string }>(
      sql`select o.name_bg, o.description_bg, o.kind,
            (select string_agg(area_id, ';' order by area_id) from organization_areas where organization_id = o.id) as areas
          from organizations o where eik = ${a}`,
    );
    expect(org).toEqual({
      name_bg: 'Нортуинд, ООД',
      description_bg: 'Ред едно\r\nред две',
      kind: 'company',
      areas: 'ict-software',
    });
    const [plain] = await h.query<{ category: string; status: string }>(
      sql`select m.category, m.status from memberships m join organizations o on o.id = m.organization_id where o.eik = ${c}`,
    );
    expect(plain).toEqual({ category: 'regular', status: 'active' });

    // In the public directory: the regular members, not the candidate.
    const directory = await app.inject({ url: '/api/organizations?q=Нортуинд' });
    expect(directory.json().items.map((i: { nameBg: string }) => i.nameBg)).toEqual(['Нортуинд, ООД']);
    const candidate = await app.inject({ url: '/api/organizations?q=Кандидат ЕООД' });
    expect(candidate.json().total).toBe(0);

    const [event] = await h.query<{ after: { count: number; eiks: string[] }; actor_id: string }>(
      sql`select after, actor_id from audit_events where action = 'organizations.imported' order by id desc limit 1`,
    );
    expect(event!.after).toEqual({ count: 3, eiks: [a, b, c] });
  });

  it('imports nothing when one row among good ones is bad, and names that line of the file', async () => {
    const eiks = [nextEik(), nextEik(), nextEik(), nextEik()];
    const bad = `${eiks[2]!.slice(0, 8)}${(Number(eiks[2]!.at(-1)) + 1) % 10}`; // wrong check digit
    const csv = [
      HEADER, // line 1
      row(eiks[0]!, { description_bg: 'Първи ред\nвтори ред' }), // lines 2–3
      row(eiks[1]!), // line 4
      row(bad), // line 5
      row(eiks[3]!), // line 6
    ].join('\n');
    const before = await countOrgs();
    const res = await importCsv(csv, { lang: 'bg' });
    const p = problemOf(res);
    expect(res.headers['content-language']).toBe('bg');
    expect(p.errors).toEqual([{ path: 'line 5 › eik', message: expect.stringContaining('ЕИК') }]);
    expect(p.detail).toContain('Нищо не е внесено');
    expect(await countOrgs()).toBe(before);
    expect(await existing([eiks[0]!, eiks[1]!, eiks[3]!])).toEqual([]);
  });

  it('reports every bad cell of every row, in English or Bulgarian', async () => {
    const csv = [
      HEADER,
      row(nextEik(), {
        kind: 'corporation',
        nace_codes: '6201',
        website: 'ftp://example.bg',
        public_email: 'not-an-email',
        member_since: '2999-01-01',
      }),
      row(nextEik(), { employees: '-3', founded_year: '1492', category: 'gold', status: 'paused' }),
      row(nextEik(), { name_bg: '', areas: '' }),
    ].join('\n');
    const p = problemOf(await importCsv(csv));
    expect(paths(p)).toEqual([
      'line 2 › kind',
      'line 2 › nace_codes',
      'line 2 › website',
      'line 2 › public_email',
      'line 2 › member_since',
      'line 3 › employees',
      'line 3 › founded_year',
      'line 3 › category',
      'line 3 › status',
      'line 4 › name_bg',
      'line 4 › areas',
    ]);
    expect(p.errors![0]!.message).toContain('university');
    const bg = problemOf(await importCsv(csv, { lang: 'bg' }));
    expect(bg.errors![0]!.message).toMatch(/вид организация/);
  });

  it('refuses ЕИКs repeated in the file, already in the portal or in an open application', async () => {
    const [dup, fresh] = [nextEik(), nextEik()];
    const pending = nextEik();
    const applicant = await insertUser(h, { roles: ['applicant'] });
    await h.query(
      sql`insert into applications (applicant_id, state, data, eik, kind, submitted_at)
          values (${applicant.id}, 'submitted', '{}'::jsonb, ${pending}, 'company', now())`,
    );
    const csv = [HEADER, row(dup), row(fresh), row(dup), row(listed.eik), row(pending)].join('\r\n');
    const p = problemOf(await importCsv(csv));
    expect(p.errors).toEqual([
      { path: 'line 4 › eik', message: 'The same UIC is also on line 2.' },
      { path: 'line 5 › eik', message: `An organisation with UIC ${listed.eik} is already in the portal.` },
      { path: 'line 6 › eik', message: `UIC ${pending} belongs to an open membership application.` },
    ]);
    expect(await existing([dup, fresh])).toEqual([]);
  });

  it('refuses areas that do not exist', async () => {
    const csv = [HEADER, row(nextEik()), row(nextEik(), { areas: 'ict-software;quantum-magic' })].join('\n');
    const p = problemOf(await importCsv(csv));
    expect(p.errors).toEqual([
      { path: 'line 3 › areas', message: expect.stringContaining('"quantum-magic"') },
    ]);
  });

  it('refuses unknown, repeated and missing header columns on line 1', async () => {
    const p = problemOf(
      await importCsv(`eik,name_bg,kind,colour,kind\n${nextEik()},Име,company,red,company\n`),
    );
    expect(paths(p)).toEqual(['line 1 › colour', 'line 1 › kind', 'line 1 › name_en', 'line 1 › areas']);
    expect(p.errors![0]!.message).toContain('Unknown column "colour"');
  });

  it('checks a file without saving anything on a dry run', async () => {
    const eiks = [nextEik(), nextEik()];
    const before = await countOrgs();
    const audits = await h.query(sql`select id from audit_events`);
    const res = await importCsv([HEADER, row(eiks[0]!), row(eiks[1]!)].join('\n'), { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ dryRun: true, rows: 2, imported: 0 });
    expect(await countOrgs()).toBe(before);
    expect(await h.query(sql`select id from audit_events`)).toHaveLength(audits.length);
    // A dry run reports errors like the import.
    expect(paths(problemOf(await importCsv(`${HEADER}\n${row('123')}`, { dryRun: true })))).toEqual([
      'line 2 › eik',
    ]);
  });

  it('answers an empty file, a header alone, a semicolon-separated file, a broken quote, a short row, non-UTF-8 and too many rows', async () => {
    const only = async (body: string | Buffer) => {
      const p = problemOf(await importCsv(body));
      expect(p.errors).toHaveLength(1);
      return p.errors![0]!;
    };
    expect(await only('')).toMatchObject({
      path: 'line 1',
      message: expect.stringContaining('no organisation rows'),
    });
    expect(await only('\ufeff\r\n')).toMatchObject({ path: 'line 1' });
    expect(await only(`${HEADER}\r\n`)).toMatchObject({
      path: 'line 1',
      message: expect.stringContaining('no organisation rows'),
    });
    expect(await only('eik;name_bg;name_en;kind;areas\n1;2;3;4;5\n')).toMatchObject({
      message: expect.stringContaining('commas'),
    });
    expect(
      await only(
        `${HEADER}\n${row(nextEik())}\n${row(nextEik(), { name_bg: 'x' }).replace(',x,', ',"x,')}\n`,
      ),
    ).toMatchObject({ path: 'line 3', message: expect.stringContaining('quote') });
    expect(await only(`${HEADER}\n${nextEik()},Име,Name\n`)).toMatchObject({
      path: 'line 2',
      message: `The line has 3 cells; the header has ${IMPORT_COLUMNS.length}.`,
    });
    expect(await only(Buffer.from([...Buffer.from('eik,name_bg\n1,'), 0xcf, 0xf0, 0xe8]))).toMatchObject({
      message: expect.stringContaining('UTF-8'),
    });
    const many = [HEADER, ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, () => row('1'))].join('\n');
    expect(await only(many)).toMatchObject({
      path: 'line 1',
      message: expect.stringContaining(`${IMPORT_MAX_ROWS}`),
    });
  });

  it('refuses a body over 5 MB and a JSON body', async () => {
    const big = await importCsv(Buffer.alloc(5 * 1024 * 1024 + 1, 'a'));
    expect(big.statusCode).toBe(413);
    const json = await app.inject({
      method: 'POST',
      url: '/api/admin/organizations/import',
      payload: { eik: '1' },
      headers: { cookie: as.admin },
    });
    expect(problemOf(json).errors![0]!.message).toContain('text/csv');
  });

  it('is refused to the committee and representatives', async () => {
    const csv = `${HEADER}\n${row(nextEik())}`;
    expect((await importCsv(csv, { cookie: as.committee })).statusCode).toBe(403);
    expect((await importCsv(csv, { cookie: as.rep })).statusCode).toBe(403);
  });
});

describe('GET /api/admin/organizations/import/template.csv', () => {
  it('is the header and an example row that itself passes the import checks', async () => {
    const res = await app.inject({
      url: '/api/admin/organizations/import/template.csv',
      headers: { cookie: as.admin },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="organizations-import-template.csv"',
    );
    const [header, example] = parse(res.rawPayload, { bom: true }) as string[][];
    expect(header).toEqual([...IMPORT_COLUMNS]);
    expect(example).toHaveLength(IMPORT_COLUMNS.length);
    const check = await importCsv(res.rawPayload, { dryRun: true });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ rows: 1 });
  });
});
