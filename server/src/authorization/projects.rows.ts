import { sql } from '@portal/db';
import { expect } from 'vitest';
import { TEST_PDF } from '../testing.ts';
import {
  ANON,
  allow,
  bodyOf,
  type Expectations,
  FORBIDDEN,
  h,
  ORG_NOT_FOUND,
  type Outcome,
  type Row,
} from './matrix.ts';

/**
 * Joint projects and consortia (issue 16 §4, decision 050). The representative is linked to A. A project is
 * seen by its partners' representatives (while their organisation is an active member) and by the committee
 * (read-only); for everyone else it does not exist. Members list forming projects and ask to join them.
 */

const PROJECT_NOT_FOUND: Outcome = { deny: 404, code: 'project.not_found' };
const JOIN_NOT_FOUND: Outcome = { deny: 404, code: 'project.join_not_found' };
const LEAD_ONLY: Outcome = { deny: 403, code: 'project.lead_only' };

/** projects.view: active members' representatives and the committee. */
const viewers = (representative: Outcome, committee: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative,
  committee_member: committee,
  committee_chair: committee,
  admin: FORBIDDEN,
});
/** projects.work: a representative of an active member, for its own organisation's projects. */
const workers = (representative: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative,
  committee_member: FORBIDDEN,
  committee_chair: FORBIDDEN,
  admin: FORBIDDEN,
});

/** A call with one project-wide and one per-partner document; its id and the documents' ids. */
async function callWithDocuments(): Promise<{ callId: string; form: string; declaration: string }> {
  const [call] = await h.query<{ id: string }>(
    sql`insert into funding_calls (programme, code, title_bg, title_en, opens_at, deadline_at)
        values ('ПКИП', 'BG16RFPR001-1.007', 'Клъстери', 'Clusters', now(), now() + interval '60 days')
        returning id`,
  );
  const docs = await h.query<{ id: string; per_partner: boolean }>(
    sql`insert into funding_call_documents (call_id, name_bg, name_en, per_partner)
        values (${call!.id}, 'Формуляр', 'Form', false), (${call!.id}, 'Декларация', 'Declaration', true)
        returning id, per_partner`,
  );
  return {
    callId: call!.id,
    form: docs.find((d) => !d.per_partner)!.id,
    declaration: docs.find((d) => d.per_partner)!.id,
  };
}

interface ProjectFixture {
  id: string;
  callId: string;
  form: string;
  declaration: string;
  /** Partner ids by organisation id. */
  partners: Record<string, string>;
}

/** A fresh forming project led by `lead` with `others` as partners (at version 1). */
async function projectOf(lead: string, others: string[] = []): Promise<ProjectFixture> {
  const call = await callWithDocuments();
  const [row] = await h.query<{ id: string }>(
    sql`insert into projects (title_bg, title_en, lead_organization_id, status, call_id)
        values ('Проект', 'Project', ${lead}, 'forming', ${call.callId}) returning id`,
  );
  const partners: Record<string, string> = {};
  for (const org of [lead, ...others]) {
    const [p] = await h.query<{ id: string }>(
      sql`insert into project_partners (project_id, organization_id) values (${row!.id}, ${org}) returning id`,
    );
    partners[org] = p!.id;
  }
  return { id: row!.id, ...call, partners };
}

async function externalPartnerOf(projectId: string): Promise<string> {
  const [p] = await h.query<{ id: string }>(
    sql`insert into project_partners (project_id, external_name, external_country, external_kind)
        values (${projectId}, 'Fraunhofer', 'DE', 'research_institute') returning id`,
  );
  return p!.id;
}

async function joinOf(projectId: string, organizationId: string, kind: 'request' | 'invitation') {
  const [j] = await h.query<{ id: string }>(
    sql`insert into project_joins (project_id, organization_id, kind) values (${projectId}, ${organizationId}, ${kind})
        returning id`,
  );
  return j!.id;
}

async function taskOf(projectId: string): Promise<string> {
  const [t] = await h.query<{ id: string }>(
    sql`insert into project_tasks (project_id, title) values (${projectId}, 'Task') returning id`,
  );
  return t!.id;
}

async function documentOf(p: ProjectFixture): Promise<string> {
  const [d] = await h.query<{ id: string }>(
    sql`insert into project_documents (project_id, call_document_id, filename, size, sha256, content)
        values (${p.id}, ${p.form}, 'form.pdf', ${TEST_PDF.length}, 'x', ${TEST_PDF}) returning id`,
  );
  return d!.id;
}

const projectFields = {
  titleBg: 'Проект',
  titleEn: 'Project',
  summaryBg: '',
  summaryEn: '',
  status: 'forming',
};
const ids = (body: unknown) => (bodyOf(body).items as { id: string }[]).map((i) => i.id);

export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/api/projects',
    permission: 'projects.view',
    label: "my organisations' projects",
    expect: viewers(allow(200), allow(200)),
    build: async (f) => {
      await projectOf(f.orgB.id);
      return { url: '/api/projects?scope=mine' };
    },
    check: (body) => expect(Array.isArray(bodyOf(body).items)).toBe(true),
  },
  {
    method: 'GET',
    url: '/api/projects',
    permission: 'projects.view',
    label: 'forming projects to ask to join (title, call and lead only)',
    expect: viewers(allow(200), allow(200)),
    build: async (f) => {
      await projectOf(f.orgB.id);
      return { url: '/api/projects?scope=forming' };
    },
    check: (body) => {
      const items = bodyOf(body).items as Record<string, unknown>[];
      expect(items.length).toBeGreaterThan(0);
      for (const i of items) expect(i).not.toHaveProperty('totalCents');
    },
  },
  {
    method: 'GET',
    url: '/api/projects',
    permission: 'projects.view',
    label: 'every project (the committee)',
    record: true,
    expect: viewers(FORBIDDEN, allow(200)),
    build: () => ({ url: '/api/projects?scope=all' }),
    check: (body) => expect(ids(body).length).toBeGreaterThan(0),
  },
  {
    method: 'POST',
    url: '/api/projects',
    permission: 'projects.work',
    label: 'starting a project led by their own organisation A',
    expect: workers(allow(201)),
    build: (f) => ({
      url: '/api/projects',
      payload: { leadOrganizationId: f.orgA.id, titleBg: 'П', titleEn: 'P' },
    }),
    check: (body, f) => expect(body).toMatchObject({ leadOrganizationId: f.orgA.id, access: 'lead' }),
  },
  {
    method: 'POST',
    url: '/api/projects',
    permission: 'projects.work',
    label: 'starting a project led by another organisation B',
    record: true,
    expect: workers(ORG_NOT_FOUND),
    build: (f) => ({
      url: '/api/projects',
      payload: { leadOrganizationId: f.orgB.id, titleBg: 'П', titleEn: 'P' },
    }),
  },
  {
    method: 'GET',
    url: '/api/projects/invitations',
    permission: 'projects.work',
    label: 'pending invitations to A',
    expect: workers(allow(200)),
    build: async (f) => {
      const p = await projectOf(f.orgB.id);
      await joinOf(p.id, f.orgA.id, 'invitation');
      return { url: '/api/projects/invitations' };
    },
    check: (body) => expect(ids(body).length).toBeGreaterThan(0),
  },
  {
    method: 'GET',
    url: '/api/projects/:id',
    permission: 'projects.view',
    label: 'a project A leads',
    record: true,
    expect: viewers(allow(200), allow(200)),
    build: async (f) => ({ url: `/api/projects/${(await projectOf(f.orgA.id)).id}` }),
    check: (body, _f, actor) =>
      expect(bodyOf(body).access).toBe(actor.name === 'representative' ? 'lead' : 'read'),
  },
  {
    method: 'GET',
    url: '/api/projects/:id',
    permission: 'projects.view',
    label: 'a project of B in which A is a partner',
    record: true,
    expect: viewers(allow(200), allow(200)),
    build: async (f) => ({ url: `/api/projects/${(await projectOf(f.orgB.id, [f.orgA.id])).id}` }),
    check: (body, _f, actor) =>
      expect(bodyOf(body).access).toBe(actor.name === 'representative' ? 'partner' : 'read'),
  },
  {
    method: 'GET',
    url: '/api/projects/:id',
    permission: 'projects.view',
    label: 'a project of B in which A is not a partner',
    record: true,
    expect: viewers(PROJECT_NOT_FOUND, allow(200)),
    build: async (f) => ({ url: `/api/projects/${(await projectOf(f.orgB.id)).id}` }),
  },
  {
    method: 'PUT',
    url: '/api/projects/:id',
    permission: 'projects.work',
    label: 'changing a project A leads',
    record: true,
    expect: workers(allow(200)),
    build: async (f) => ({
      url: `/api/projects/${(await projectOf(f.orgA.id)).id}`,
      payload: { ...projectFields, callId: null, version: 1 },
    }),
    check: (body) => expect(bodyOf(body).version).toBe(2),
  },
  {
    method: 'PUT',
    url: '/api/projects/:id',
    permission: 'projects.work',
    label: 'changing a project of B in which A is only a partner',
    record: true,
    expect: workers(LEAD_ONLY),
    build: async (f) => ({
      url: `/api/projects/${(await projectOf(f.orgB.id, [f.orgA.id])).id}`,
      payload: { ...projectFields, callId: null, version: 1 },
    }),
  },
  {
    method: 'PUT',
    url: '/api/projects/:id/budget',
    permission: 'projects.work',
    label: 'saving the budget of a project of B in which A is a partner',
    record: true,
    expect: workers(allow(200)),
    build: async (f) => {
      const p = await projectOf(f.orgB.id, [f.orgA.id]);
      return {
        url: `/api/projects/${p.id}/budget`,
        headers: { 'if-match': '"1"' },
        payload: {
          totalCents: 1000,
          lines: [
            { partnerId: p.partners[f.orgB.id], shareCents: 600 },
            { partnerId: p.partners[f.orgA.id], shareCents: 400 },
          ],
        },
      };
    },
    check: (body) => expect(bodyOf(body).totalCents).toBe(1000),
  },
  {
    method: 'PUT',
    url: '/api/projects/:id/budget',
    permission: 'projects.work',
    label: 'saving the budget of a project of B in which A is not a partner',
    record: true,
    expect: workers(PROJECT_NOT_FOUND),
    build: async (f) => {
      const p = await projectOf(f.orgB.id);
      return {
        url: `/api/projects/${p.id}/budget`,
        headers: { 'if-match': '"1"' },
        payload: { totalCents: 0, lines: [{ partnerId: p.partners[f.orgB.id], shareCents: 0 }] },
      };
    },
  },
  {
    method: 'POST',
    url: '/api/projects/:id/partners',
    permission: 'projects.work',
    label: 'adding an external partner to a project A leads',
    record: true,
    expect: workers(allow(201)),
    build: async (f) => ({
      url: `/api/projects/${(await projectOf(f.orgA.id)).id}/partners`,
      payload: { name: 'Fraunhofer', country: 'DE', kind: 'research_institute' },
    }),
  },
  {
    method: 'POST',
    url: '/api/projects/:id/partners',
    permission: 'projects.work',
    label: 'adding an external partner to a project of B in which A is a partner',
    record: true,
    expect: workers(LEAD_ONLY),
    build: async (f) => ({
      url: `/api/projects/${(await projectOf(f.orgB.id, [f.orgA.id])).id}/partners`,
      payload: { name: 'Fraunhofer', country: 'DE', kind: 'research_institute' },
    }),
  },
  {
    method: 'PUT',
    url: '/api/projects/:id/partners/:partnerId',
    permission: 'projects.work',
    label: "changing a partner's role in a project A leads",
    record: true,
    expect: workers(allow(200)),
    build: async (f) => {
      const p = await projectOf(f.orgA.id, [f.orgB.id]);
      return { url: `/api/projects/${p.id}/partners/${p.partners[f.orgB.id]}`, payload: { role: 'Pilot' } };
    },
  },
  {
    method: 'DELETE',
    url: '/api/projects/:id/partners/:partnerId',
    permission: 'projects.work',
    label: 'removing a partner from a project A leads',
    record: true,
    expect: workers(allow(200)),
    build: async (f) => {
      const p = await projectOf(f.orgA.id);
      return { url: `/api/projects/${p.id}/partners/${await externalPartnerOf(p.id)}` };
    },
  },
  {
    method: 'DELETE',
    url: '/api/projects/:id/partners/:partnerId',
    permission: 'projects.work',
    label: 'removing a partner from a project of B in which A is a partner',
    record: true,
    expect: workers(LEAD_ONLY),
    build: async (f) => {
      const p = await projectOf(f.orgB.id, [f.orgA.id]);
      return { url: `/api/projects/${p.id}/partners/${await externalPartnerOf(p.id)}` };
    },
  },
  {
    method: 'POST',
    url: '/api/projects/:id/invitations',
    permission: 'projects.work',
    label: 'inviting B to a project A leads',
    record: true,
    expect: workers(allow(201)),
    build: async (f) => ({
      url: `/api/projects/${(await projectOf(f.orgA.id)).id}/invitations`,
      payload: { organizationId: f.orgB.id },
    }),
  },
  {
    method: 'POST',
    url: '/api/projects/:id/join-requests',
    permission: 'projects.work',
    label: "asking, for A, to join B's forming project",
    record: true,
    expect: workers(allow(201)),
    build: async (f) => ({
      url: `/api/projects/${(await projectOf(f.orgB.id)).id}/join-requests`,
      payload: { organizationId: f.orgA.id, message: 'We have a lab' },
    }),
    check: (body) => expect(bodyOf(body).status).toBe('pending'),
  },
  {
    method: 'POST',
    url: '/api/projects/:id/join-requests',
    permission: 'projects.work',
    label: 'asking to join for another organisation B',
    record: true,
    expect: workers(ORG_NOT_FOUND),
    build: async (f) => ({
      url: `/api/projects/${(await projectOf(f.orgA.id)).id}/join-requests`,
      payload: { organizationId: f.orgB.id },
    }),
  },
  {
    method: 'POST',
    url: '/api/projects/:id/joins/:joinId/answer',
    permission: 'projects.work',
    label: "accepting B's invitation to A",
    record: true,
    expect: workers(allow(200)),
    build: async (f) => {
      const p = await projectOf(f.orgB.id);
      return {
        url: `/api/projects/${p.id}/joins/${await joinOf(p.id, f.orgA.id, 'invitation')}/answer`,
        payload: { accept: true },
      };
    },
    check: (body) => expect(bodyOf(body).status).toBe('accepted'),
  },
  {
    method: 'POST',
    url: '/api/projects/:id/joins/:joinId/answer',
    permission: 'projects.work',
    label: "declining B's request to join a project A leads",
    record: true,
    expect: workers(allow(200)),
    build: async (f) => {
      const p = await projectOf(f.orgA.id);
      return {
        url: `/api/projects/${p.id}/joins/${await joinOf(p.id, f.orgB.id, 'request')}/answer`,
        payload: { accept: false },
      };
    },
    check: (body) => expect(bodyOf(body).status).toBe('declined'),
  },
  {
    method: 'POST',
    url: '/api/projects/:id/joins/:joinId/answer',
    permission: 'projects.work',
    label: "answering an invitation of A's project to B (B's to answer)",
    record: true,
    expect: workers(JOIN_NOT_FOUND),
    build: async (f) => {
      const p = await projectOf(f.orgA.id);
      return {
        url: `/api/projects/${p.id}/joins/${await joinOf(p.id, f.orgB.id, 'invitation')}/answer`,
        payload: { accept: true },
      };
    },
  },
  {
    method: 'POST',
    url: '/api/projects/:id/tasks',
    permission: 'projects.work',
    label: 'adding a task to a project of B in which A is a partner',
    record: true,
    expect: workers(allow(201)),
    build: async (f) => ({
      url: `/api/projects/${(await projectOf(f.orgB.id, [f.orgA.id])).id}/tasks`,
      payload: { title: 'Collect declarations', dueOn: '2030-01-31' },
    }),
  },
  {
    method: 'POST',
    url: '/api/projects/:id/tasks',
    permission: 'projects.work',
    label: 'adding a task to a project of B in which A is not a partner',
    record: true,
    expect: workers(PROJECT_NOT_FOUND),
    build: async (f) => ({
      url: `/api/projects/${(await projectOf(f.orgB.id)).id}/tasks`,
      payload: { title: 'Collect declarations' },
    }),
  },
  {
    method: 'PUT',
    url: '/api/projects/:id/tasks/:taskId',
    permission: 'projects.work',
    label: 'marking a task of a project A leads done',
    record: true,
    expect: workers(allow(200)),
    build: async (f) => {
      const p = await projectOf(f.orgA.id);
      return {
        url: `/api/projects/${p.id}/tasks/${await taskOf(p.id)}`,
        payload: { title: 'Task', done: true, version: 1 },
      };
    },
  },
  {
    method: 'DELETE',
    url: '/api/projects/:id/tasks/:taskId',
    permission: 'projects.work',
    label: 'removing a task of a project A leads',
    record: true,
    expect: workers(allow(200)),
    build: async (f) => {
      const p = await projectOf(f.orgA.id);
      return { url: `/api/projects/${p.id}/tasks/${await taskOf(p.id)}` };
    },
  },
  {
    method: 'POST',
    url: '/api/projects/:id/documents',
    permission: 'projects.work',
    label: "uploading A's declaration to a project of B in which A is a partner",
    record: true,
    expect: workers(allow(201)),
    build: async (f) => {
      const p = await projectOf(f.orgB.id, [f.orgA.id]);
      return {
        url: `/api/projects/${p.id}/documents?callDocumentId=${p.declaration}&partnerId=${p.partners[f.orgA.id]}`,
        payload: TEST_PDF,
        contentType: 'application/pdf',
      };
    },
  },
  {
    method: 'POST',
    url: '/api/projects/:id/documents',
    permission: 'projects.work',
    label: "uploading B's declaration to a project of B in which A is a partner",
    record: true,
    expect: workers(LEAD_ONLY),
    build: async (f) => {
      const p = await projectOf(f.orgB.id, [f.orgA.id]);
      return {
        url: `/api/projects/${p.id}/documents?callDocumentId=${p.declaration}&partnerId=${p.partners[f.orgB.id]}`,
        payload: TEST_PDF,
        contentType: 'application/pdf',
      };
    },
  },
  {
    method: 'GET',
    url: '/api/projects/:id/documents/:documentId',
    permission: 'projects.view',
    label: 'a checklist document of a project of B in which A is a partner',
    record: true,
    expect: viewers(allow(200), allow(200)),
    build: async (f) => {
      const p = await projectOf(f.orgB.id, [f.orgA.id]);
      return { url: `/api/projects/${p.id}/documents/${await documentOf(p)}` };
    },
    check: (body) =>
      expect(
        Buffer.from(body as Buffer)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-'),
  },
  {
    method: 'GET',
    url: '/api/projects/:id/documents/:documentId',
    permission: 'projects.view',
    label: 'a checklist document of a project of B in which A is not a partner',
    record: true,
    expect: viewers(PROJECT_NOT_FOUND, allow(200)),
    build: async (f) => {
      const p = await projectOf(f.orgB.id);
      return { url: `/api/projects/${p.id}/documents/${await documentOf(p)}` };
    },
  },
  {
    method: 'DELETE',
    url: '/api/projects/:id/documents/:documentId',
    permission: 'projects.work',
    label: 'removing a checklist document of a project A leads',
    record: true,
    expect: workers(allow(200)),
    build: async (f) => {
      const p = await projectOf(f.orgA.id);
      return { url: `/api/projects/${p.id}/documents/${await documentOf(p)}` };
    },
  },
  {
    method: 'GET',
    url: '/api/projects/:id/consortium.csv',
    permission: 'projects.view',
    label: 'the consortium sheet of a project A leads',
    record: true,
    expect: viewers(allow(200), allow(200)),
    build: async (f) => ({ url: `/api/projects/${(await projectOf(f.orgA.id)).id}/consortium.csv` }),
    check: (body) => expect(Buffer.from(body as Buffer).toString('utf8')).toContain('partner,partner_en'),
  },
  {
    method: 'GET',
    url: '/api/projects/:id/consortium.csv',
    permission: 'projects.view',
    label: 'the consortium sheet of a project of B in which A is not a partner',
    record: true,
    expect: viewers(PROJECT_NOT_FOUND, allow(200)),
    build: async (f) => ({ url: `/api/projects/${(await projectOf(f.orgB.id)).id}/consortium.csv` }),
  },
  {
    method: 'GET',
    url: '/api/projects/:id/consortium.xlsx',
    permission: 'projects.view',
    label: 'the consortium sheet as XLSX of a project A leads',
    record: true,
    expect: viewers(allow(200), allow(200)),
    build: async (f) => ({ url: `/api/projects/${(await projectOf(f.orgA.id)).id}/consortium.xlsx` }),
    check: (body) =>
      expect(
        Buffer.from(body as Buffer)
          .subarray(0, 2)
          .toString('latin1'),
      ).toBe('PK'),
  },
  {
    method: 'GET',
    url: '/api/projects/:id/consortium.xlsx',
    permission: 'projects.view',
    label: 'the consortium sheet as XLSX of a project of B in which A is not a partner',
    record: true,
    expect: viewers(PROJECT_NOT_FOUND, allow(200)),
    build: async (f) => ({ url: `/api/projects/${(await projectOf(f.orgB.id)).id}/consortium.xlsx` }),
  },
  {
    method: 'GET',
    url: '/api/projects/:id/summary.pdf',
    permission: 'projects.view',
    label: 'the one-page summary of a project A leads',
    record: true,
    expect: viewers(allow(200), allow(200)),
    build: async (f) => ({ url: `/api/projects/${(await projectOf(f.orgA.id)).id}/summary.pdf` }),
    check: (body) =>
      expect(
        Buffer.from(body as Buffer)
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-'),
  },
  {
    method: 'GET',
    url: '/api/projects/:id/summary.pdf',
    permission: 'projects.view',
    label: 'the one-page summary of a project of B in which A is not a partner',
    record: true,
    expect: viewers(PROJECT_NOT_FOUND, allow(200)),
    build: async (f) => ({ url: `/api/projects/${(await projectOf(f.orgB.id)).id}/summary.pdf` }),
  },
];
