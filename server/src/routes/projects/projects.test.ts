/**
 * Issue 16 §4, decision 050: joint projects and consortia. A member's representative starts a project for
 * their organisation, invites a member (whose representative accepts), adds an external partner and saves
 * the budget (shares ≥ 0 summing to the total to the cent, If-Match); members ask to join forming projects;
 * only the partners' representatives and the committee see a project; bad input saves nothing.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { type Problem, type Project, ProjectSchema } from '@portal/shared';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  dispatchEvents,
  insertOrganization,
  insertUser,
  logIn,
  TEST_PDF,
} from '../../testing.ts';
import { adminEraseUser, exportAccount } from '../personal-data/personal-data.service.ts';

/** The cells of a worksheet's XML, row by row, filled to the column (empty cells as ''). */
function readSheet(xml: string): { value: string | number; type: string; style: string }[][] {
  const unescapeXml = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map(([, row]) => {
    const cells: { value: string | number; type: string; style: string }[] = [];
    for (const [, attrs, inner] of row!.matchAll(/<c ([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
      const col = /r="([A-Z]+)\d+"/.exec(attrs!)![1]!.charCodeAt(0) - 65;
      while (cells.length < col) cells.push({ value: '', type: '', style: '' });
      const type = /t="(\w+)"/.exec(attrs!)?.[1] ?? 'n';
      const style = /s="(\d+)"/.exec(attrs!)?.[1] ?? '0';
      const value =
        type === 'inlineStr'
          ? unescapeXml(/<t[^>]*>(.*?)<\/t>/.exec(inner ?? '')?.[1] ?? '')
          : Number(/<v>(.*?)<\/v>/.exec(inner ?? '')![1]);
      cells.push({ value, type, style });
    }
    return cells;
  });
}

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let lead: { org: string; cookie: string };
let partner: { org: string; cookie: string };
let outsider: { org: string; cookie: string };
let suspended: { org: string; cookie: string };
let committee: string;
let callId: string;
let perPartnerDoc: string;
let projectDoc: string;

const call = (
  cookie: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  app.inject({
    method,
    url,
    headers: { cookie, 'accept-language': 'en', ...headers },
    ...(payload ? { payload } : {}),
  });
const fieldsOf = (res: { json: () => unknown }) => (res.json() as Problem).errors?.map((e) => e.path);
const count = async (table: string, where = 'true') =>
  Number(
    (await h.query<{ n: number }>(sql.raw(`select count(*)::int as n from ${table} where ${where}`)))[0]!.n,
  );

async function rep(nameEn: string, status: 'active' | 'suspended' = 'active') {
  const org = await insertOrganization(h, { nameBg: nameEn, nameEn, status });
  const u = await insertUser(h, { roles: ['representative'], organizationIds: [org], language: 'en' });
  return { org, cookie: await logIn(app, u.email) };
}

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  lead = await rep('Lead Ltd');
  partner = await rep('Partner Ltd');
  outsider = await rep('Outsider Ltd');
  suspended = await rep('Suspended Ltd', 'suspended');
  const c = await insertUser(h, { roles: ['committee_member'] });
  committee = await logIn(app, c.email);
  const [row] = await h.query<{ id: string }>(
    sql`insert into funding_calls (programme, code, title_bg, title_en, opens_at, deadline_at)
        values ('ПКИП', 'BG16RFPR001-1.007', 'Клъстери', 'Clusters', now(), now() + interval '60 days')
        returning id`,
  );
  callId = row!.id;
  const docs = await h.query<{ id: string; per_partner: boolean }>(
    sql`insert into funding_call_documents (call_id, name_bg, name_en, per_partner, position)
        values (${callId}, 'Формуляр', 'Application form', false, 0),
               (${callId}, 'Декларация', 'Declaration', true, 1)
        returning id, per_partner`,
  );
  projectDoc = docs.find((d) => !d.per_partner)!.id;
  perPartnerDoc = docs.find((d) => d.per_partner)!.id;
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

async function newProject(status: 'idea' | 'forming' = 'forming'): Promise<Project> {
  const res = await call(lead.cookie, 'POST', '/api/projects', {
    leadOrganizationId: lead.org,
    titleBg: 'Цифрови двойници',
    titleEn: 'Digital twins',
    callId,
  });
  expect(res.statusCode, res.body).toBe(201);
  let p = ProjectSchema.parse(res.json());
  if (status === 'forming') {
    const moved = await call(lead.cookie, 'PUT', `/api/projects/${p.id}`, {
      titleBg: p.titleBg,
      titleEn: p.titleEn,
      summaryBg: '',
      summaryEn: '',
      callId,
      status: 'forming',
      version: p.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    p = moved.json();
  }
  return p;
}

/** A forming project with `partner` accepted through an invitation. */
async function projectWithPartner(): Promise<Project> {
  const p = await newProject();
  const invited = await call(lead.cookie, 'POST', `/api/projects/${p.id}/invitations`, {
    organizationId: partner.org,
    message: 'Join us',
  });
  expect(invited.statusCode, invited.body).toBe(201);
  const join = (invited.json() as Project).joins.find((j) => j.organizationId === partner.org)!;
  const accepted = await call(partner.cookie, 'POST', `/api/projects/${p.id}/joins/${join.id}/answer`, {
    accept: true,
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return (await call(partner.cookie, 'GET', `/api/projects/${p.id}`)).json();
}

const budget = (p: Project, total: number, shares: number[], version = p.version) =>
  call(
    lead.cookie,
    'PUT',
    `/api/projects/${p.id}/budget`,
    { totalCents: total, lines: p.partners.map((x, i) => ({ partnerId: x.id, shareCents: shares[i] ?? 0 })) },
    { 'if-match': `"${version}"` },
  );

describe('creating a project', () => {
  it('makes the representative’s organisation the lead and first partner, with the call’s checklist', async () => {
    const p = await newProject('idea');
    expect(p).toMatchObject({ status: 'idea', leadOrganizationId: lead.org, access: 'lead', totalCents: 0 });
    expect(p.partners).toEqual([expect.objectContaining({ organizationId: lead.org, isLead: true })]);
    expect(p.checklist.map((c) => [c.nameEn, c.perPartner])).toEqual([
      ['Application form', false],
      ['Declaration', true],
    ]);
    const [audit] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'project.created' and entity_id = ${p.id}`,
    );
    expect(Number(audit!.n)).toBe(1);
  });

  it('refuses a project led by another organisation', async () => {
    const res = await call(lead.cookie, 'POST', '/api/projects', {
      leadOrganizationId: partner.org,
      titleBg: 'Чужд',
      titleEn: 'Foreign',
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses a representative whose organisation is not an active member now', async () => {
    const before = await count('projects');
    const res = await call(suspended.cookie, 'POST', '/api/projects', {
      leadOrganizationId: suspended.org,
      titleBg: 'Проект',
      titleEn: 'Project',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('membership.inactive');
    expect(await count('projects')).toBe(before);
  });

  it('refuses an unknown call with a field error in the user’s language', async () => {
    const res = await call(lead.cookie, 'POST', '/api/projects', {
      leadOrganizationId: lead.org,
      titleBg: 'Проект',
      titleEn: 'Project',
      callId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).errors).toEqual([
      { path: 'callId', message: 'There is no such funding call.' },
    ]);
  });
});

describe('who sees a project', () => {
  it('hides it from members who are not partners, and shows them a forming project only in the list', async () => {
    const p = await newProject();
    expect((await call(outsider.cookie, 'GET', `/api/projects/${p.id}`)).statusCode).toBe(404);
    const list = (await call(outsider.cookie, 'GET', '/api/projects?scope=forming')).json();
    const item = list.items.find((i: { id: string }) => i.id === p.id);
    expect(item).toMatchObject({
      titleEn: 'Digital twins',
      callCode: 'BG16RFPR001-1.007',
      leadNameEn: 'Lead Ltd',
      mine: false,
    });
    expect(Object.keys(item)).not.toContain('totalCents');
    expect((await call(outsider.cookie, 'GET', '/api/projects?scope=mine')).json().items).toEqual([]);
  });

  it('lets the committee read every project but change nothing', async () => {
    const p = await newProject();
    const read = await call(committee, 'GET', `/api/projects/${p.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().access).toBe('read');
    const all = (await call(committee, 'GET', '/api/projects?scope=all')).json();
    expect(all.items.map((i: { id: string }) => i.id)).toContain(p.id);
    const res = await call(
      committee,
      'PUT',
      `/api/projects/${p.id}/budget`,
      { totalCents: 0, lines: [] },
      {
        'if-match': `"${p.version}"`,
      },
    );
    expect(res.statusCode).toBe(403);
  });

  it('refuses the whole-list scope to members', async () => {
    expect((await call(lead.cookie, 'GET', '/api/projects?scope=all')).statusCode).toBe(403);
  });
});

describe('invitations and requests to join', () => {
  it("emails the other side of an invitation, a request and their answers, in each reader's language", async () => {
    const bgOrg = await insertOrganization(h, { nameBg: 'Българска ООД', nameEn: 'Bulgarian Ltd' });
    const bgUser = await insertUser(h, {
      roles: ['representative'],
      organizationIds: [bgOrg],
      language: 'bg',
    });
    const bgCookie = await logIn(app, bgUser.email);
    const [leadUser] = await h.query<{ email: string }>(
      sql`select u.email from users u join user_organizations uo on uo.user_id = u.id
           where uo.organization_id = ${lead.org}`,
    );
    const p = await newProject();
    await dispatchEvents(h.db);
    const seen = new Set(
      (await h.query<{ id: string }>(sql`select id::text as id from outbox_messages`)).map((r) => r.id),
    );
    const mails = async () => {
      await dispatchEvents(h.db);
      const rows = await h.query<{
        id: string;
        to_email: string;
        language: string;
        template: string;
        subject: string;
        text: string;
      }>(
        sql`select id::text as id, to_email, language, template, subject, text from outbox_messages order by created_at, id`,
      );
      const fresh = rows.filter((r) => !seen.has(r.id));
      for (const r of fresh) seen.add(r.id);
      return fresh;
    };

    const invited = await call(lead.cookie, 'POST', `/api/projects/${p.id}/invitations`, {
      organizationId: bgOrg,
      message: 'Елате при нас',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const [invitation, ...more] = await mails();
    expect(more).toEqual([]);
    expect(invitation).toMatchObject({
      to_email: bgUser.email,
      language: 'bg',
      template: 'project_invitation',
    });
    expect(invitation!.subject).toBe('Покана за партньорство в проекта „Цифрови двойници“');
    expect(invitation!.text).toContain('Lead Ltd кани Българска ООД');
    expect(invitation!.text).toContain('Елате при нас');
    expect(invitation!.text).toMatch(/\/projects$/);

    const joinId = (invited.json() as Project).joins.find((j) => j.organizationId === bgOrg)!.id;
    const declined = await call(bgCookie, 'POST', `/api/projects/${p.id}/joins/${joinId}/answer`, {
      accept: false,
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(await mails()).toMatchObject([
      {
        to_email: leadUser!.email,
        language: 'en',
        template: 'project_invitation_declined',
        subject: 'Bulgarian Ltd declined the invitation to "Digital twins"',
      },
    ]);

    const asked = await call(bgCookie, 'POST', `/api/projects/${p.id}/join-requests`, {
      organizationId: bgOrg,
      message: 'We have a lab',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const [request, ...others] = await mails();
    expect(others).toEqual([]);
    expect(request).toMatchObject({
      to_email: leadUser!.email,
      template: 'project_join_requested',
      subject: 'Bulgarian Ltd asks to join "Digital twins"',
    });
    expect(request!.text).toContain('We have a lab');
    expect(request!.text).toContain(`/projects/${p.id}`);

    const ok = await call(lead.cookie, 'POST', `/api/projects/${p.id}/joins/${asked.json().id}/answer`, {
      accept: true,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const [accepted, ...rest] = await mails();
    expect(rest).toEqual([]);
    expect(accepted).toMatchObject({
      to_email: bgUser.email,
      language: 'bg',
      template: 'project_join_accepted',
      subject: 'Приети сте в проекта „Цифрови двойници“',
    });
    expect(accepted!.text).toContain(`/projects/${p.id}`);
  });

  it('makes an invited member a partner once its representative accepts', async () => {
    const p = await projectWithPartner();
    expect(p.access).toBe('partner');
    expect(p.partners.map((x) => x.organizationId)).toEqual([lead.org, partner.org]);
    expect(p.joins[0]).toMatchObject({ kind: 'invitation', status: 'accepted' });
  });

  it('lists pending invitations for the invited organisation only', async () => {
    const p = await newProject();
    await call(lead.cookie, 'POST', `/api/projects/${p.id}/invitations`, { organizationId: outsider.org });
    const mine = (await call(outsider.cookie, 'GET', '/api/projects/invitations')).json();
    expect(mine.items.map((i: { projectId: string }) => i.projectId)).toContain(p.id);
    const theirs = (await call(partner.cookie, 'GET', '/api/projects/invitations')).json();
    expect(theirs.items.map((i: { projectId: string }) => i.projectId)).not.toContain(p.id);
  });

  it('refuses accepting an invitation once the project is withdrawn; declining still answers it', async () => {
    const p = await newProject();
    const invited = await call(lead.cookie, 'POST', `/api/projects/${p.id}/invitations`, {
      organizationId: partner.org,
      message: '',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const after = ProjectSchema.parse(invited.json());
    const join = after.joins.find((j) => j.organizationId === partner.org)!;
    const withdrawn = await call(lead.cookie, 'PUT', `/api/projects/${p.id}`, {
      titleBg: p.titleBg,
      titleEn: p.titleEn,
      summaryBg: '',
      summaryEn: '',
      callId,
      status: 'withdrawn',
      version: after.version,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const answer = (accept: boolean) =>
      call(partner.cookie, 'POST', `/api/projects/${p.id}/joins/${join.id}/answer`, { accept });
    const accepted = await answer(true);
    expect(accepted.statusCode).toBe(409);
    expect((accepted.json() as { code: string }).code).toBe('project.closed');
    expect((await answer(false)).statusCode).toBe(200);
  });

  it('refuses to invite an organisation that is not an active member', async () => {
    const p = await newProject();
    const res = await call(lead.cookie, 'POST', `/api/projects/${p.id}/invitations`, {
      organizationId: suspended.org,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['organizationId']);
  });

  it('lets a member ask to join a forming project, and the lead accept; a second request is refused', async () => {
    const p = await newProject();
    const asked = await call(outsider.cookie, 'POST', `/api/projects/${p.id}/join-requests`, {
      organizationId: outsider.org,
      message: 'We have a lab',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const again = await call(outsider.cookie, 'POST', `/api/projects/${p.id}/join-requests`, {
      organizationId: outsider.org,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('project.join_pending');
    // The asker is not yet a partner: the project stays hidden.
    expect((await call(outsider.cookie, 'GET', `/api/projects/${p.id}`)).statusCode).toBe(404);
    // Only the lead answers a request.
    const byOutsider = await call(
      outsider.cookie,
      'POST',
      `/api/projects/${p.id}/joins/${asked.json().id}/answer`,
      {
        accept: true,
      },
    );
    expect(byOutsider.statusCode).toBe(404);
    const ok = await call(lead.cookie, 'POST', `/api/projects/${p.id}/joins/${asked.json().id}/answer`, {
      accept: true,
    });
    expect(ok.json()).toMatchObject({ status: 'accepted' });
    expect((await call(outsider.cookie, 'GET', `/api/projects/${p.id}`)).json().access).toBe('partner');
  });

  it('refuses a request to join a project that is still an idea', async () => {
    const p = await newProject('idea');
    const res = await call(outsider.cookie, 'POST', `/api/projects/${p.id}/join-requests`, {
      organizationId: outsider.org,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('project.not_forming');
  });
});

describe('the budget', () => {
  it('saves shares that sum to the total to the cent, and moves the version', async () => {
    const p = await projectWithPartner();
    const res = await budget(p, 100_000_01, [60_000_00, 40_000_01]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe(`"${p.version + 1}"`);
    const saved = res.json() as Project;
    expect(saved.totalCents).toBe(100_000_01);
    expect(saved.partners.map((x) => x.shareCents)).toEqual([60_000_00, 40_000_01]);
  });

  it('refuses shares one cent short of the total with a field error in the user’s language, saving nothing', async () => {
    const p = await projectWithPartner();
    const res = await budget(p, 100_000_00, [60_000_00, 39_999_99]);
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).errors).toEqual([
      {
        path: 'totalCents',
        message: 'The shares add up to €99999.99; they must equal the total budget of €100000.00 exactly.',
      },
    ]);
    const after = (await call(lead.cookie, 'GET', `/api/projects/${p.id}`)).json() as Project;
    expect(after.version).toBe(p.version);
    expect(after.totalCents).toBe(0);
  });

  it('refuses a negative share on its own line', async () => {
    const p = await projectWithPartner();
    const res = await budget(p, 100, [200, -100]);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['lines.1.shareCents']);
  });

  it('answers 428 without If-Match and 412 with a stale version, writing nothing', async () => {
    const p = await projectWithPartner();
    const none = await call(lead.cookie, 'PUT', `/api/projects/${p.id}/budget`, { totalCents: 0, lines: [] });
    expect(none.statusCode).toBe(428);
    expect((await budget(p, 10, [5, 5])).statusCode).toBe(200);
    const stale = await budget(p, 20, [10, 10]);
    expect(stale.statusCode).toBe(412);
    const after = (await call(lead.cookie, 'GET', `/api/projects/${p.id}`)).json() as Project;
    expect(after.totalCents).toBe(10);
  });

  it('takes a removed partner’s share out of the total, so the shares still sum to it', async () => {
    const p = await projectWithPartner();
    await budget(p, 1000, [600, 400]);
    const res = await call(lead.cookie, 'DELETE', `/api/projects/${p.id}/partners/${p.partners[1]!.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      totalCents: 600,
      partners: [expect.objectContaining({ shareCents: 600 })],
    });
    expect((await call(partner.cookie, 'GET', `/api/projects/${p.id}`)).statusCode).toBe(404);
  });

  it('never removes the lead', async () => {
    const p = await newProject();
    const res = await call(lead.cookie, 'DELETE', `/api/projects/${p.id}/partners/${p.partners[0]!.id}`);
    expect(res.statusCode).toBe(409);
  });
});

describe('partners, tasks, documents and the consortium sheet', () => {
  it('adds an external partner, a task, uploads per partner, and exports the sheet as CSV', async () => {
    const p0 = await projectWithPartner();
    const ext = await call(lead.cookie, 'POST', `/api/projects/${p0.id}/partners`, {
      name: 'Fraunhofer IPA',
      country: 'DE',
      kind: 'research_institute',
      role: 'Research partner',
    });
    expect(ext.statusCode, ext.body).toBe(201);
    const p = ext.json() as Project;
    expect(p.partners[2]).toMatchObject({ organizationId: null, name: 'Fraunhofer IPA', country: 'DE' });
    const saved = await budget(p, 300_00, [100_00, 100_00, 100_00]);
    expect(saved.statusCode, saved.body).toBe(200);

    const task = await call(partner.cookie, 'POST', `/api/projects/${p.id}/tasks`, {
      title: 'Collect declarations',
      ownerPartnerId: p.partners[1]!.id,
      dueOn: '2030-01-31',
    });
    expect(task.statusCode, task.body).toBe(201);

    // The partner uploads its own declaration; not the lead's; the project-wide form too.
    const upload = (cookie: string, doc: string, partnerId?: string) =>
      app.inject({
        method: 'POST',
        url: `/api/projects/${p.id}/documents?callDocumentId=${doc}${partnerId ? `&partnerId=${partnerId}` : ''}&filename=decl.pdf`,
        headers: { cookie, 'content-type': 'application/pdf' },
        payload: TEST_PDF,
      });
    expect((await upload(partner.cookie, perPartnerDoc, p.partners[1]!.id)).statusCode).toBe(201);
    expect((await upload(partner.cookie, perPartnerDoc, p.partners[0]!.id)).statusCode).toBe(403);
    const form = await upload(partner.cookie, projectDoc);
    expect(form.statusCode, form.body).toBe(201);
    const checklist = (form.json() as Project).checklist;
    expect(checklist.map((c) => c.uploads.length)).toEqual([1, 1]);
    const docId = checklist[1]!.uploads[0]!.id;
    const download = await call(committee, 'GET', `/api/projects/${p.id}/documents/${docId}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call(outsider.cookie, 'GET', `/api/projects/${p.id}/documents/${docId}`)).statusCode).toBe(
      404,
    );

    const csv = await call(partner.cookie, 'GET', `/api/projects/${p.id}/consortium.csv`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('partner,partner_en,country,kind,lead,role,share_eur,share_percent');
    expect(lines).toContain(
      'Fraunhofer IPA,Fraunhofer IPA,DE,research_institute,,Research partner,100.00,33.33',
    );
    expect(lines.at(-1)).toBe('total,total,,,,,300.00,100.00');

    // The same sheet as XLSX: headers in the reader's language (bold), amounts and shares as numbers.
    const xlsx = await call(partner.cookie, 'GET', `/api/projects/${p.id}/consortium.xlsx?lang=bg`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const files = unzipSync(new Uint8Array(xlsx.rawPayload));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/styles.xml']),
    );
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="Консорциум"');
    const sheet = readSheet(strFromU8(files['xl/worksheets/sheet1.xml']!));
    expect(sheet[0]!.map((c) => c.value)).toEqual([
      'Партньор',
      'Партньор (английски)',
      'Държава',
      'Вид',
      'Водещ',
      'Роля',
      'Дял (EUR)',
      'Дял (%)',
    ]);
    expect(sheet[0]!.every((c) => c.style === '1')).toBe(true); // bold
    const fraunhofer = sheet.find((r) => r[0]?.value === 'Fraunhofer IPA')!;
    expect(fraunhofer.map((c) => c.value)).toEqual([
      'Fraunhofer IPA',
      'Fraunhofer IPA',
      'DE',
      'research_institute',
      '',
      'Research partner',
      100,
      33.33,
    ]);
    expect(fraunhofer[6]).toMatchObject({ type: 'n', style: '2' }); // a number, #,##0.00
    expect(sheet.at(-1)!.map((c) => c.value)).toEqual(['Общо', 'Общо', '', '', '', '', 300, 100]);
    const english = await call(partner.cookie, 'GET', `/api/projects/${p.id}/consortium.xlsx`);
    const englishSheet = readSheet(
      strFromU8(unzipSync(new Uint8Array(english.rawPayload))['xl/worksheets/sheet1.xml']!),
    );
    expect(englishSheet[0]![0]!.value).toBe('Partner'); // Accept-Language: en
    expect((await call(outsider.cookie, 'GET', `/api/projects/${p.id}/consortium.xlsx`)).statusCode).toBe(
      404,
    );
  });

  it('refuses a document the call does not require and a file that is not a PDF', async () => {
    const p = await newProject();
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/projects/${p.id}/documents?callDocumentId=00000000-0000-4000-8000-000000000000`,
      headers: { cookie: lead.cookie, 'content-type': 'application/pdf' },
      payload: TEST_PDF,
    });
    expect(wrong.statusCode).toBe(400);
    const notPdf = await app.inject({
      method: 'POST',
      url: `/api/projects/${p.id}/documents?callDocumentId=${projectDoc}`,
      headers: { cookie: lead.cookie, 'content-type': 'application/pdf' },
      payload: Buffer.from('hello'),
    });
    expect(notPdf.statusCode).toBe(400);
    expect(await count('project_documents', `project_id = '${p.id}'`)).toBe(0);
  });

  it('refuses an illegal status move', async () => {
    const p = await newProject('idea');
    const res = await call(lead.cookie, 'PUT', `/api/projects/${p.id}`, {
      titleBg: p.titleBg,
      titleEn: p.titleEn,
      callId,
      status: 'funded',
      version: p.version,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['status']);
  });
});

describe('personal data in projects (GDPR)', () => {
  it('exports the requests and uploads a person made, and erasure keeps them without the person', async () => {
    const org = await insertOrganization(h, { nameBg: 'Заявител', nameEn: 'Asker Ltd' });
    const person = await insertUser(h, {
      roles: ['representative'],
      organizationIds: [org, outsider.org],
      displayName: 'Мария Иванова',
    });
    const cookie = await logIn(app, person.email);
    const p = await newProject();
    const asked = await call(cookie, 'POST', `/api/projects/${p.id}/join-requests`, {
      organizationId: org,
      message: `Обадете се на Мария Иванова, ${person.email}`,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    await call(lead.cookie, 'POST', `/api/projects/${p.id}/joins/${asked.json().id}/answer`, {
      accept: true,
    });
    const up = await app.inject({
      method: 'POST',
      url: `/api/projects/${p.id}/documents?callDocumentId=${projectDoc}&filename=form.pdf`,
      headers: { cookie, 'content-type': 'application/pdf' },
      payload: TEST_PDF,
    });
    expect(up.statusCode, up.body).toBe(201);

    const exported = await exportAccount(h.db, person.id);
    expect(exported.projectJoins).toMatchObject([{ projectId: p.id, kind: 'request', madeByThem: true }]);
    expect(exported.projectDocuments).toMatchObject([{ projectId: p.id, filename: 'form.pdf' }]);

    // A second representative keeps the organisation represented, so the erasure may go ahead.
    await insertUser(h, { roles: ['representative'], organizationIds: [org] });
    const admin = await insertUser(h, { roles: ['admin'] });
    await adminEraseUser(h.db, { userId: admin.id, requestId: null }, person.id);
    const [join] = await h.query<{ created_by: string | null; message: string }>(
      sql`select created_by, message from project_joins where id = ${asked.json().id}`,
    );
    expect(join!.created_by).toBeNull();
    expect(join!.message).not.toContain('Мария Иванова');
    expect(join!.message).not.toContain(person.email);
    expect(await count('project_documents', `uploaded_by = '${person.id}'`)).toBe(0);
    expect(await count('project_documents', `project_id = '${p.id}'`)).toBe(1);
    const after = await exportAccount(h.db, person.id);
    expect(after.projectJoins).toEqual([]);
    expect(after.projectDocuments).toEqual([]);
  });
});
