import { sql } from '@portal/db';
import { expect } from 'vitest';
import {
  APPROVED_NO,
  adminOnly,
  allow,
  bodyOf,
  committeeOnly,
  type Expectations,
  everyone,
  type FixtureState,
  FORBIDDEN,
  h,
  INTERNAL_NOTE,
  MISSING_ID,
  makeApplication,
  NOT_FOUND,
  type Outcome,
  PDF,
  REJECTED_NO,
  type Row,
  sectionBodies,
  signedIn,
  strangers,
  year,
} from './matrix.ts';

const SECTIONS = [
  'organization',
  'contact',
  'areas',
  'offers',
  'motivation',
  'declarations',
  'accession',
] as const;

const readers = (status: number): Expectations => ({
  ...strangers,
  applicant: allow(status),
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: allow(status),
});
/** The applicant alone; the committee and administrators get `seers` (403 when they can read it, 404 for a draft). */
const ownerAlone = (status: number, seers: Outcome): Expectations => ({
  ...strangers,
  applicant: allow(status),
  committee_member: seers,
  committee_chair: seers,
  admin: seers,
});

/** A move of the state machine, on a fresh application in `from` for every caller. */
function actionRow(action: string, from: FixtureState, to: string, expectations: Expectations): Row {
  return {
    method: 'POST',
    url: '/api/applications/:id/actions/:action',
    permission: 'application.view',
    label: `${action}: ${from} → ${to}`,
    record: true,
    expect: expectations,
    build: async () => ({
      url: `/api/applications/${(await makeApplication(from)).id}/actions/${action}`,
      payload: action === 'request_changes' ? { comment: 'Допълнете, моля.' } : {},
    }),
    check: (body) => expect(body).toMatchObject({ state: to }),
  };
}

export const ROWS: Row[] = [
  // ---------- join applications (record-level: the applicant's own; the committee never sees drafts) ----------
  {
    method: 'GET',
    url: '/api/applications/mine',
    permission: 'application.create',
    label: 'my applications',
    expect: signedIn(200),
    build: () => ({ url: '/api/applications/mine' }),
    check: (body, f, actor) => {
      const ids = (bodyOf(body).items as { id: string }[]).map((i) => i.id);
      const applicants = [f.apps.draft.id, f.apps.submitted.id, f.apps.changesRequested.id];
      if (actor.name === 'applicant') expect(ids).toEqual(expect.arrayContaining(applicants));
      else expect(ids.filter((id) => applicants.includes(id))).toEqual([]);
      if (actor.name === 'other_applicant') expect(ids).toEqual([f.apps.otherDraft.id]);
      // (The runs with A lapsed come after the representative started drafts of their own.)
      if (actor.name !== 'applicant' && actor.name !== 'other_applicant' && !actor.standing)
        expect(ids).toEqual([]);
    },
  },
  {
    method: 'GET',
    url: '/api/applications/:id',
    permission: 'application.view',
    label: "the applicant's submitted application",
    record: true,
    expect: readers(200),
    build: (f) => ({ url: `/api/applications/${f.apps.submitted.id}` }),
    check: (body, f, actor) => {
      expect(body).toMatchObject({ id: f.apps.submitted.id, state: 'submitted' });
      // Internal committee notes: the committee's only.
      const committee = actor.name === 'committee_member' || actor.name === 'committee_chair';
      expect(JSON.stringify(body).includes(INTERNAL_NOTE)).toBe(committee);
    },
  },
  {
    method: 'GET',
    url: '/api/applications/:id',
    permission: 'application.view',
    label: "the applicant's draft",
    record: true,
    expect: ownerAlone(200, NOT_FOUND),
    build: (f) => ({ url: `/api/applications/${f.apps.draft.id}` }),
    check: (body, f) => expect(body).toMatchObject({ id: f.apps.draft.id, state: 'draft' }),
  },
  {
    method: 'GET',
    url: '/api/applications/:id',
    permission: 'application.view',
    label: 'an application that does not exist',
    record: true,
    expect: {
      ...strangers,
      applicant: NOT_FOUND,
      committee_member: NOT_FOUND,
      committee_chair: NOT_FOUND,
      admin: NOT_FOUND,
    },
    build: () => ({ url: `/api/applications/${MISSING_ID}` }),
  },
  ...SECTIONS.map(
    (section): Row => ({
      method: 'PUT',
      url: `/api/applications/:id/sections/${section}`,
      permission: 'application.edit',
      label: `saving the "${section}" step of the applicant's draft`,
      record: true,
      expect: ownerAlone(200, NOT_FOUND),
      build: (f) => ({
        url: `/api/applications/${f.apps.draft.id}/sections/${section}`,
        payload: sectionBodies(f.apps.draft.eik)[section],
      }),
      check: (body) => expect(bodyOf(bodyOf(body).data)[section]).toBeTruthy(),
    }),
  ),
  {
    method: 'PUT',
    url: '/api/applications/:id/sections/contact',
    permission: 'application.edit',
    label: 'editing an application returned for changes (the committee reads it but may not write it)',
    record: true,
    expect: ownerAlone(200, FORBIDDEN),
    build: (f) => ({
      url: `/api/applications/${f.apps.changesRequested.id}/sections/contact`,
      payload: sectionBodies(f.apps.changesRequested.eik).contact,
    }),
  },
  {
    method: 'POST',
    url: '/api/applications/:id/documents',
    permission: 'application.edit',
    label: "uploading a PDF to the applicant's draft",
    record: true,
    expect: ownerAlone(201, NOT_FOUND),
    build: (f) => ({
      url: `/api/applications/${f.apps.draft.id}/documents?kind=other&filename=a.pdf`,
      payload: PDF,
      contentType: 'application/pdf',
    }),
    check: (body) => expect(body).toMatchObject({ kind: 'other', size: PDF.length }),
  },
  {
    method: 'POST',
    url: '/api/applications/:id/documents',
    permission: 'application.edit',
    label: 'uploading a PDF to an application returned for changes',
    record: true,
    expect: ownerAlone(201, FORBIDDEN),
    build: (f) => ({
      url: `/api/applications/${f.apps.changesRequested.id}/documents?kind=other&filename=b.pdf`,
      payload: PDF,
      contentType: 'application/pdf',
    }),
  },
  {
    method: 'GET',
    url: '/api/applications/:id/documents/:documentId',
    permission: 'application.view',
    label: "downloading a submitted application's document",
    record: true,
    expect: readers(200),
    build: (f) => ({
      url: `/api/applications/${f.apps.submitted.id}/documents/${f.apps.submitted.documentId}`,
    }),
    check: (body) => expect(Buffer.isBuffer(body) && body.equals(PDF)).toBe(true),
  },
  {
    method: 'GET',
    url: '/api/applications/:id/documents/:documentId',
    permission: 'application.view',
    label: "downloading a draft's document",
    record: true,
    expect: ownerAlone(200, NOT_FOUND),
    build: (f) => ({ url: `/api/applications/${f.apps.draft.id}/documents/${f.apps.draft.documentId}` }),
  },
  {
    method: 'DELETE',
    url: '/api/applications/:id/documents/:documentId',
    permission: 'application.edit',
    label: 'removing a document from a draft',
    record: true,
    expect: ownerAlone(204, NOT_FOUND),
    build: async () => {
      const a = await makeApplication('draft');
      return { url: `/api/applications/${a.id}/documents/${a.documentId}` };
    },
  },
  {
    method: 'DELETE',
    url: '/api/applications/:id/documents/:documentId',
    permission: 'application.edit',
    label: 'removing a document from an application returned for changes',
    record: true,
    expect: ownerAlone(204, FORBIDDEN),
    build: async () => {
      const a = await makeApplication('changes_requested');
      return { url: `/api/applications/${a.id}/documents/${a.documentId}` };
    },
  },
  {
    method: 'DELETE',
    url: '/api/applications/:id',
    permission: 'application.edit',
    label: "deleting the applicant's draft (issue 11 C3; the committee never sees drafts)",
    record: true,
    expect: ownerAlone(204, NOT_FOUND),
    build: async () => ({ url: `/api/applications/${(await makeApplication('draft')).id}` }),
  },
  actionRow('submit', 'draft', 'submitted', ownerAlone(200, NOT_FOUND)),
  actionRow('resubmit', 'changes_requested', 'under_review', ownerAlone(200, FORBIDDEN)),
  actionRow('withdraw', 'submitted', 'withdrawn', ownerAlone(200, FORBIDDEN)),
  actionRow('start_review', 'submitted', 'under_review', committeeOnly(200)),
  actionRow('request_changes', 'under_review', 'changes_requested', committeeOnly(200)),
  actionRow('open_vote', 'under_review', 'in_vote', { ...committeeOnly(200), committee_member: FORBIDDEN }),
  {
    method: 'POST',
    url: '/api/applications/:id/comments',
    permission: 'application.view',
    label: 'a message between the committee and the applicant',
    record: true,
    expect: { ...readers(200), admin: FORBIDDEN },
    build: (f, actor) => ({
      url: `/api/applications/${f.apps.submitted.id}/comments`,
      payload: { text: `Съобщение от ${actor.name}`, audience: 'applicant' },
    }),
    check: (body, _f, actor) =>
      expect(JSON.stringify(bodyOf(body).timeline)).toContain(`Съобщение от ${actor.name}`),
  },
  {
    method: 'POST',
    url: '/api/applications/:id/comments',
    permission: 'application.view',
    label: 'an internal committee note',
    record: true,
    expect: committeeOnly(200),
    build: (f, actor) => ({
      url: `/api/applications/${f.apps.submitted.id}/comments`,
      payload: { text: `Бележка от ${actor.name}`, audience: 'committee' },
    }),
  },
  {
    method: 'PUT',
    url: '/api/applications/:id/vote',
    permission: 'application.vote',
    label: 'voting on an application in vote',
    expect: committeeOnly(200, FORBIDDEN),
    build: async () => ({
      url: `/api/applications/${(await makeApplication('in_vote')).id}/vote`,
      payload: { choice: 'for' },
    }),
    check: (body) => expect(bodyOf(body).vote).toMatchObject({ myVote: 'for' }),
  },
  {
    method: 'PUT',
    url: '/api/applications/:id/vote',
    permission: 'application.vote',
    label: 'voting on a draft',
    record: true,
    expect: { ...committeeOnly(200, FORBIDDEN), committee_member: NOT_FOUND, committee_chair: NOT_FOUND },
    build: (f) => ({ url: `/api/applications/${f.apps.draft.id}/vote`, payload: { choice: 'for' } }),
  },
  {
    method: 'POST',
    url: '/api/applications/:id/vote/recuse',
    permission: 'application.vote',
    label: 'declaring a conflict of interest',
    expect: committeeOnly(200, FORBIDDEN),
    build: async () => ({
      url: `/api/applications/${(await makeApplication('in_vote')).id}/vote/recuse`,
      payload: { reason: 'Консултирам ги.' },
    }),
    check: (body) => expect(bodyOf(body).vote).toMatchObject({ myRecused: true }),
  },
  {
    method: 'POST',
    url: '/api/applications/:id/vote/close',
    permission: 'application.chair',
    label: 'closing a vote',
    expect: { ...committeeOnly(200, FORBIDDEN), committee_member: FORBIDDEN },
    build: async () => ({ url: `/api/applications/${(await makeApplication('in_vote')).id}/vote/close` }),
    // Nobody voted: no quorum, back to review.
    check: (body) => expect(body).toMatchObject({ state: 'under_review', vote: { outcome: 'no_quorum' } }),
  },
  {
    method: 'POST',
    url: '/api/applications/:id/vote/close',
    permission: 'application.chair',
    label: 'closing a vote on a draft',
    record: true,
    expect: { ...committeeOnly(200, FORBIDDEN), committee_member: FORBIDDEN, committee_chair: NOT_FOUND },
    build: (f) => ({ url: `/api/applications/${f.apps.draft.id}/vote/close` }),
  },
  {
    method: 'GET',
    url: '/api/committee/applications',
    permission: 'application.review',
    label: "the committee's queue",
    expect: committeeOnly(200, FORBIDDEN),
    build: () => ({ url: '/api/committee/applications?pageSize=100' }),
    check: (body, f) => {
      const items = bodyOf(body).items as { id: string; state: string }[];
      expect(items.map((i) => i.id)).toEqual(expect.arrayContaining([f.apps.submitted.id]));
      expect(items.filter((i) => i.state === 'draft')).toEqual([]);
    },
  },
  {
    method: 'GET',
    url: '/api/decisions',
    permission: 'public',
    label: 'the decisions register',
    expect: everyone(200),
    build: () => ({ url: '/api/decisions?pageSize=100' }),
    check: (body, _f, actor) => {
      const items = bodyOf(body).items as { number: string; outcome: string; tally: unknown }[];
      // A representative sees the full register only while their organisation is an active member.
      const members =
        ['representative', 'committee_member', 'committee_chair', 'admin'].includes(actor.name) &&
        !actor.standing;
      expect(items.map((d) => d.number).sort()).toEqual(members ? [APPROVED_NO, REJECTED_NO] : [APPROVED_NO]);
      for (const d of items) expect(d.tally === null).toBe(!members);
    },
  },
  {
    method: 'GET',
    url: '/api/decisions/years',
    permission: 'public',
    label: "the register's years",
    expect: everyone(200),
    build: () => ({ url: '/api/decisions/years' }),
    check: (body) => expect(body).toEqual({ years: [year] }),
  },
  {
    method: 'GET',
    url: '/api/admin/settings/voting',
    permission: 'settings.manage',
    label: 'the voting rules',
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/settings/voting' }),
    check: (body) => expect(body).toEqual({ quorum: 'more_than_half', majority: 'simple', ballot: 'open' }),
  },
  {
    method: 'PUT',
    url: '/api/admin/settings/voting',
    permission: 'settings.manage',
    label: 'changing the voting rules',
    expect: adminOnly(200),
    build: () => ({
      url: '/api/admin/settings/voting',
      payload: { quorum: 'more_than_half', majority: 'simple', ballot: 'open' },
    }),
  },
  // Last: starting an application makes the caller an applicant (a role that grants nothing more).
  {
    method: 'POST',
    url: '/api/applications',
    permission: 'application.create',
    label: 'starting an application',
    expect: signedIn(201),
    build: async (_f, actor) => {
      // A second start with an untouched draft answers that draft (200); the runs per membership status
      // repeat this row for the same representative, so each run starts from no untouched draft.
      if (actor.user) {
        await h.query(
          sql`delete from applications a where a.applicant_id = ${actor.user.id} and a.state = 'draft'
                and a.data = '{}'::jsonb
                and not exists (select 1 from application_documents d where d.application_id = a.id)`,
        );
      }
      return { url: '/api/applications' };
    },
    check: (body, _f, actor) =>
      expect(body).toMatchObject({ state: 'draft', applicant: { id: actor.user?.id } }),
  },
];
