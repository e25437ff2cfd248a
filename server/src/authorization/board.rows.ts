import { sql } from '@portal/db';
import { addDays, todayInSofia } from '@portal/shared';
import { expect } from 'vitest';
import {
  ANON,
  allow,
  bodyOf,
  type Expectations,
  everyone,
  type Fixtures,
  FORBIDDEN,
  h,
  historyReaders,
  ORG_NOT_FOUND,
  type Outcome,
  type Row,
} from './matrix.ts';

/** The board itself: representatives of an active member, the committee and administrators. */
const boardReaders = (status: number): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative: allow(status),
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: allow(status),
});

/** An organisation's own items: its representatives while it is an active member, nobody on its behalf. */
const posters = (representative: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative,
  committee_member: FORBIDDEN,
  committee_chair: FORBIDDEN,
  admin: FORBIDDEN,
});

const itemBody = {
  kind: 'offer',
  type: 'infrastructure',
  titleBg: 'Споделена лаборатория',
  descriptionBg: 'Достъп до лабораторията по дни.',
  areaIds: ['ict-software'],
};

/** Inserts an item of `organizationId` in `status` (published ones valid for 30 days); returns its id. */
async function insertItem(organizationId: string, status: 'draft' | 'published', visibility = 'members') {
  const validUntil = status === 'published' ? addDays(todayInSofia(), 30) : null;
  const [row] = await h.query<{ id: string }>(
    sql`insert into board_items (organization_id, kind, type, title_bg, description_bg, status, visibility,
          valid_until, published_at)
        values (${organizationId}, 'offer', 'infrastructure', 'Обява', 'Описание', ${status}, ${visibility},
          ${validUntil}::date, ${status === 'published' ? sql`now()` : null})
        returning id`,
  );
  await h.query(sql`insert into board_item_areas (item_id, area_id) values (${row!.id}, 'ict-software')`);
  return row!.id;
}

/** A published item of `organizationId` with one revision (its text before an edit); returns its id. */
async function insertEditedItem(organizationId: string) {
  const id = await insertItem(organizationId, 'published');
  await h.query(
    sql`insert into board_item_revisions (item_id, version, content)
        values (${id}, 1, ${JSON.stringify({
          kind: 'offer',
          type: 'infrastructure',
          titleBg: 'Старо заглавие',
          titleEn: '',
          descriptionBg: 'Описание',
          descriptionEn: '',
          areaIds: ['ict-software'],
          naceCode: null,
          validUntil: null,
          visibility: 'members',
          status: 'published',
        })}::jsonb)`,
  );
  return id;
}

const own = (f: Fixtures) => `/api/account/organizations/${f.orgA.id}/board-items`;

export const ROWS: Row[] = [
  // ---------- the cooperation board (issue 14 §1): teaser (everyone), board (members), own items ----------
  {
    method: 'GET',
    url: '/api/board/public',
    permission: 'public',
    label: 'the public teaser of the board (no descriptions)',
    expect: everyone(200),
    build: async (f) => {
      await insertItem(f.orgB.id, 'published', 'public');
      return { url: '/api/board/public' };
    },
    check: (body) => expect(bodyOf(body).latest).toEqual(expect.arrayContaining([expect.anything()])),
  },
  {
    method: 'GET',
    url: '/api/board/items',
    permission: 'board.view',
    label: 'offers and requests on the board',
    expect: boardReaders(200),
    build: async (f) => {
      await insertItem(f.orgB.id, 'published');
      return { url: '/api/board/items?pageSize=100' };
    },
    check: (body) => expect(Number(bodyOf(body).total)).toBeGreaterThan(0),
  },
  {
    method: 'GET',
    url: '/api/board/items/:id',
    permission: 'board.view',
    label: "another member's item on the board",
    expect: boardReaders(200),
    build: async (f) => ({ url: `/api/board/items/${await insertItem(f.orgB.id, 'published')}` }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ descriptionBg: 'Описание' }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/board-items',
    permission: 'board.post',
    label: "the board items of the representative's own organisation A",
    record: true,
    expect: posters(allow(200)),
    build: async (f) => {
      await insertItem(f.orgA.id, 'draft');
      return { url: own(f) };
    },
    check: (body) => expect(bodyOf(body).items).toEqual(expect.arrayContaining([expect.anything()])),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/board-items',
    permission: 'board.post',
    label: 'the board items of another organisation B',
    record: true,
    expect: posters(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/board-items` }),
  },
  {
    method: 'POST',
    url: '/api/account/organizations/:id/board-items',
    permission: 'board.post',
    label: 'posting a draft for organisation A',
    record: true,
    expect: posters(allow(201)),
    build: (f) => ({ url: own(f), payload: itemBody }),
    check: (body, f) =>
      expect(bodyOf(body)).toMatchObject({ status: 'draft', organization: { id: f.orgA.id } }),
  },
  {
    method: 'POST',
    url: '/api/account/organizations/:id/board-items',
    permission: 'board.post',
    label: 'posting for another organisation B',
    record: true,
    expect: posters(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/board-items`, payload: itemBody }),
  },
  {
    method: 'PUT',
    url: '/api/account/organizations/:id/board-items/:itemId',
    permission: 'board.post',
    label: "editing A's published item",
    record: true,
    expect: posters(allow(200)),
    build: async (f) => ({
      url: `${own(f)}/${await insertItem(f.orgA.id, 'published')}`,
      payload: { ...itemBody, titleBg: 'Редактирана', version: 1 },
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ titleBg: 'Редактирана', revisionCount: 1 }),
  },
  {
    method: 'POST',
    url: '/api/account/organizations/:id/board-items/:itemId/publish',
    permission: 'board.post',
    label: "publishing A's draft",
    record: true,
    expect: posters(allow(200)),
    build: async (f) => ({
      url: `${own(f)}/${await insertItem(f.orgA.id, 'draft')}/publish`,
      payload: { version: 1 },
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ status: 'published' }),
  },
  {
    method: 'POST',
    url: '/api/account/organizations/:id/board-items/:itemId/close',
    permission: 'board.post',
    label: "closing A's published item",
    record: true,
    expect: posters(allow(200)),
    build: async (f) => ({
      url: `${own(f)}/${await insertItem(f.orgA.id, 'published')}/close`,
      payload: { version: 1, outcome: 'no_longer_needed' },
    }),
    check: (body) =>
      expect(bodyOf(body)).toMatchObject({ status: 'closed', closeOutcome: 'no_longer_needed' }),
  },
  {
    method: 'POST',
    url: '/api/account/organizations/:id/board-items/:itemId/close',
    permission: 'board.post',
    label: "closing B's item through A's path",
    record: true,
    expect: posters({ deny: 404, code: 'board.item_not_found' }),
    build: async (f) => ({
      url: `${own(f)}/${await insertItem(f.orgB.id, 'published')}/close`,
      payload: { version: 1, outcome: 'other' },
    }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/board-items/:itemId/revisions',
    permission: 'organization.history',
    label: "the history of an item of the representative's own organisation A",
    record: true,
    expect: historyReaders(allow(200)),
    build: async (f) => ({ url: `${own(f)}/${await insertEditedItem(f.orgA.id)}/revisions` }),
    check: (body) => expect(bodyOf(body).items).toEqual([expect.objectContaining({ version: 1 })]),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/board-items/:itemId/revisions',
    permission: 'organization.history',
    label: 'the history of an item of another organisation B',
    record: true,
    expect: historyReaders(ORG_NOT_FOUND),
    build: async (f) => ({
      url: `/api/account/organizations/${f.orgB.id}/board-items/${await insertEditedItem(f.orgB.id)}/revisions`,
    }),
    check: (body) => expect(bodyOf(body).items).toEqual([expect.objectContaining({ version: 1 })]),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/board-items/:itemId/revisions',
    permission: 'organization.history',
    label: "B's item through A's path",
    record: true,
    expect: {
      ...historyReaders({ deny: 404, code: 'board.item_not_found' }),
      committee_member: { deny: 404, code: 'board.item_not_found' },
      committee_chair: { deny: 404, code: 'board.item_not_found' },
      admin: { deny: 404, code: 'board.item_not_found' },
    },
    build: async (f) => ({ url: `${own(f)}/${await insertEditedItem(f.orgB.id)}/revisions` }),
  },
];
