import { readinessCriteria, readinessEvidence, readinessSets } from '@portal/db';
import { expect } from 'vitest';
import { ANON, adminOnly, allow, bodyOf, type Expectations, FORBIDDEN, h, PDF, type Row } from './matrix.ts';

/**
 * Readiness checks (issue 16 §2, decision 051): the committee and administrators read, run checks, add
 * evidence (documents are committee-only) and mark manual items; administrators edit sets and criteria.
 */
const checkers = (status: number): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative: FORBIDDEN,
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: allow(status),
});

let seq = 0;
async function newSet(): Promise<{ id: string; slug: string }> {
  const slug = `matrix-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
  const [row] = await h.db
    .insert(readinessSets)
    .values({ slug, titleBg: 'Набор', titleEn: 'Set' })
    .returning({ id: readinessSets.id, slug: readinessSets.slug });
  return row!;
}
async function newCriterion(kind: 'rule' | 'manual' = 'manual'): Promise<string> {
  const set = await newSet();
  const [row] = await h.db
    .insert(readinessCriteria)
    .values({
      setId: set.id,
      code: 'C1',
      titleBg: 'Критерий',
      titleEn: 'Criterion',
      kind,
      ...(kind === 'rule'
        ? { indicatorKey: 'members.active_total', comparison: 'gte' as const, green: 1 }
        : {}),
    })
    .returning({ id: readinessCriteria.id });
  return row!.id;
}
async function newDocument(): Promise<string> {
  const [row] = await h.db
    .insert(readinessEvidence)
    .values({
      criterionId: await newCriterion(),
      kind: 'document',
      title: 'Устав.pdf',
      fileName: 'Устав.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      content: PDF,
    })
    .returning({ id: readinessEvidence.id });
  return row!.id;
}

const setInput = () => ({
  slug: `new-${++seq}-${Math.random().toString(36).slice(2, 8)}`,
  titleBg: 'Н',
  titleEn: 'N',
});
const criterionInput = {
  code: 'R1',
  titleBg: 'Членове',
  titleEn: 'Members',
  kind: 'rule',
  indicatorKey: 'members.active_total',
  comparison: 'gte',
  green: 15,
  amber: 10,
};
const ifMatch = { 'if-match': '"1"' };

export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/api/committee/readiness',
    permission: 'readiness.check',
    label: 'the readiness sets with their counts',
    expect: checkers(200),
    build: () => ({ url: '/api/committee/readiness' }),
    check: (body) => expect(bodyOf(body)).toHaveProperty('items'),
  },
  {
    method: 'GET',
    url: '/api/committee/readiness/:slug',
    permission: 'readiness.check',
    label: "a readiness set's criteria, evidence and history",
    expect: checkers(200),
    build: async () => ({ url: `/api/committee/readiness/${(await newSet()).slug}` }),
    check: (body) => expect(bodyOf(body)).toHaveProperty('criteria'),
  },
  {
    method: 'GET',
    url: '/api/committee/readiness/:slug/export.pdf',
    permission: 'readiness.check',
    label: 'a readiness set as PDF',
    expect: checkers(200),
    build: async () => ({ url: `/api/committee/readiness/${(await newSet()).slug}/export.pdf?lang=en` }),
  },
  {
    method: 'POST',
    url: '/api/committee/readiness/:slug/runs',
    permission: 'readiness.check',
    label: 'running a readiness check',
    expect: checkers(201),
    build: async () => ({ url: `/api/committee/readiness/${(await newSet()).slug}/runs` }),
  },
  {
    method: 'PUT',
    url: '/api/committee/readiness/criteria/:id/manual',
    permission: 'readiness.check',
    label: 'marking a manual evidence item',
    expect: checkers(200),
    build: async () => ({
      url: `/api/committee/readiness/criteria/${await newCriterion()}/manual`,
      payload: { status: 'partial' },
    }),
  },
  {
    method: 'POST',
    url: '/api/committee/readiness/criteria/:id/evidence',
    permission: 'readiness.check',
    label: 'adding a link as evidence',
    expect: checkers(201),
    build: async () => ({
      url: `/api/committee/readiness/criteria/${await newCriterion()}/evidence`,
      payload: { kind: 'link', title: 'Сайт', url: 'https://example.org/en/' },
    }),
  },
  {
    method: 'POST',
    url: '/api/committee/readiness/criteria/:id/documents',
    permission: 'readiness.check',
    label: 'uploading an evidence document (PDF)',
    expect: checkers(201),
    build: async () => ({
      url: `/api/committee/readiness/criteria/${await newCriterion()}/documents?filename=statute.pdf`,
      payload: PDF,
      contentType: 'application/pdf',
    }),
  },
  {
    method: 'GET',
    url: '/api/committee/readiness/evidence/:id/document',
    permission: 'readiness.check',
    label: 'downloading an evidence document (committee-only)',
    expect: checkers(200),
    build: async () => ({ url: `/api/committee/readiness/evidence/${await newDocument()}/document` }),
  },
  {
    method: 'DELETE',
    url: '/api/committee/readiness/evidence/:id',
    permission: 'readiness.check',
    label: 'removing an item of evidence',
    expect: checkers(204),
    build: async () => ({ url: `/api/committee/readiness/evidence/${await newDocument()}` }),
  },
  {
    method: 'POST',
    url: '/api/admin/readiness/sets',
    permission: 'readiness.manage',
    label: 'adding a readiness set',
    expect: adminOnly(201),
    build: () => ({ url: '/api/admin/readiness/sets', payload: setInput() }),
  },
  {
    method: 'PUT',
    url: '/api/admin/readiness/sets/:id',
    permission: 'readiness.manage',
    label: 'changing a readiness set',
    expect: adminOnly(200),
    build: async () => ({
      url: `/api/admin/readiness/sets/${(await newSet()).id}`,
      payload: setInput(),
      headers: ifMatch,
    }),
  },
  {
    method: 'POST',
    url: '/api/admin/readiness/sets/:id/criteria',
    permission: 'readiness.manage',
    label: 'adding a readiness criterion',
    expect: adminOnly(201),
    build: async () => ({
      url: `/api/admin/readiness/sets/${(await newSet()).id}/criteria`,
      payload: criterionInput,
    }),
  },
  {
    method: 'PUT',
    url: '/api/admin/readiness/criteria/:id',
    permission: 'readiness.manage',
    label: 'changing a readiness criterion',
    expect: adminOnly(200),
    build: async () => ({
      url: `/api/admin/readiness/criteria/${await newCriterion('rule')}`,
      payload: { ...criterionInput, code: 'C1' },
      headers: ifMatch,
    }),
  },
  {
    method: 'DELETE',
    url: '/api/admin/readiness/criteria/:id',
    permission: 'readiness.manage',
    label: 'deleting a readiness criterion',
    expect: adminOnly(204),
    build: async () => ({ url: `/api/admin/readiness/criteria/${await newCriterion()}`, headers: ifMatch }),
  },
];
