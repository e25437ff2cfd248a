import { sql } from '@portal/db';
import { CONTACT_FIELD_DEFAULTS } from '@portal/shared';
import { expect } from 'vitest';
import {
  type Actor,
  ANON,
  allow,
  bodyOf,
  editors,
  everyone,
  FORBIDDEN,
  h,
  historyReaders,
  ORG_NOT_FOUND,
  type Request,
  type Row,
} from './matrix.ts';

/** A valid profile save of `id` at its current version (If-Match), changing only the English description. */
async function profileEdit(id: string, actor: Actor): Promise<Request> {
  const [row] = await h.query<{ version: number; name_bg: string; name_en: string }>(
    sql`select version, name_bg, name_en from organizations where id = ${id}`,
  );
  return {
    url: `/api/account/organizations/${id}/profile`,
    headers: { 'if-match': `"${row!.version}"` },
    payload: {
      nameBg: row!.name_bg,
      nameEn: row!.name_en,
      descriptionBg: '',
      descriptionEn: `Edited by ${actor.name}`,
      areaIds: ['ict-software'],
      naceCodes: [],
      employees: 12,
      city: null,
      address: null,
      website: null,
      publicEmail: null,
      publicPhone: null,
      contactName: null,
      contactPosition: null,
      contactEmail: null,
      contactPhone: null,
      offers: {},
      seeks: {},
      visibility: CONTACT_FIELD_DEFAULTS,
    },
  };
}

// ---------- logos: fixtures ----------

/** A genuine 2×2 PNG (the upload rows' body). */
const LOGO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWMwTjtjnHaGAUIBACS2BZUFBQd/AAAAAElFTkSuQmCC',
  'base64',
);

/** Gives `id` a stored logo unless it has one (rows that read a logo must find one); returns its version. */
async function ensureLogo(id: string): Promise<number> {
  const [row] = await h.query<{ logo_version: number | null }>(
    sql`select logo_version from organizations where id = ${id}`,
  );
  if (row?.logo_version != null) return Number(row.logo_version);
  const [org] = await h.query<{ version: number }>(
    sql`update organizations set version = version + 1, logo_version = version + 1 where id = ${id}
        returning version`,
  );
  await h.query(
    sql`insert into organization_logos (organization_id, version, source_type, large, small, width, height)
        values (${id}, ${org!.version}, 'image/png', ${LOGO_PNG}, ${LOGO_PNG}, 2, 2)
        on conflict (organization_id) do update set version = excluded.version`,
  );
  return Number(org!.version);
}

const isImage = (body: unknown) => expect(Buffer.isBuffer(body) && body.length > 0).toBe(true);

export const ROWS: Row[] = [
  // ---------- private view of an organisation (record-level) ----------
  {
    method: 'GET',
    url: '/api/account/organizations/:id',
    permission: 'organization.view_private',
    label: "the private view of the representative's own organisation A",
    record: true,
    expect: {
      anonymous: ANON,
      no_role: FORBIDDEN,
      applicant: FORBIDDEN,
      other_applicant: FORBIDDEN,
      representative: allow(200),
      committee_member: FORBIDDEN,
      committee_chair: FORBIDDEN,
      admin: allow(200),
    },
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}` }),
    check: (body, f) => expect(body).toMatchObject({ id: f.orgA.id, eik: f.orgA.eik }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id',
    permission: 'organization.view_private',
    label: 'the private view of another organisation B',
    record: true,
    expect: {
      anonymous: ANON,
      no_role: FORBIDDEN,
      applicant: FORBIDDEN,
      other_applicant: FORBIDDEN,
      representative: { deny: 404, code: 'organization.not_found' },
      committee_member: FORBIDDEN,
      committee_chair: FORBIDDEN,
      admin: allow(200),
    },
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}` }),
    check: (body, f) => expect(body).toMatchObject({ id: f.orgB.id, eik: f.orgB.eik }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id',
    permission: 'organization.view_private',
    label: 'the private view of an organisation that does not exist',
    record: true,
    expect: {
      anonymous: ANON,
      no_role: FORBIDDEN,
      applicant: FORBIDDEN,
      other_applicant: FORBIDDEN,
      representative: { deny: 404, code: 'organization.not_found' },
      committee_member: FORBIDDEN,
      committee_chair: FORBIDDEN,
      admin: { deny: 404, code: 'organization.not_found' },
    },
    build: () => ({ url: '/api/account/organizations/00000000-0000-4000-8000-000000000000' }),
  },

  // ---------- an organisation's profile and history (record-level: its representatives) ----------
  {
    method: 'GET',
    url: '/api/account/organizations/:id/profile',
    permission: 'organization.edit',
    label: "the editable profile of the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/profile` }),
    check: (body, f) => expect(body).toMatchObject({ id: f.orgA.id, eik: f.orgA.eik }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/profile',
    permission: 'organization.edit',
    label: 'the editable profile of another organisation B',
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/profile` }),
    check: (body, f) => expect(body).toMatchObject({ id: f.orgB.id, eik: f.orgB.eik }),
  },
  {
    method: 'PUT',
    url: '/api/account/organizations/:id/profile',
    permission: 'organization.edit',
    label: "saving the profile of the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: (f, actor) => profileEdit(f.orgA.id, actor),
    check: (body, _f, actor) => expect(body).toMatchObject({ descriptionEn: `Edited by ${actor.name}` }),
  },
  {
    method: 'PUT',
    url: '/api/account/organizations/:id/profile',
    permission: 'organization.edit',
    label: 'saving the profile of another organisation B',
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: (f, actor) => profileEdit(f.orgB.id, actor),
    check: (body, _f, actor) => expect(body).toMatchObject({ descriptionEn: `Edited by ${actor.name}` }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/competitors',
    permission: 'organization.edit',
    label: "the competitors declared by the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/competitors` }),
    check: (body) => expect(Array.isArray(bodyOf(body).eiks)).toBe(true),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/competitors',
    permission: 'organization.edit',
    label: 'the competitors declared by another organisation B',
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/competitors` }),
    check: (body) => expect(Array.isArray(bodyOf(body).eiks)).toBe(true),
  },
  {
    method: 'PUT',
    url: '/api/account/organizations/:id/competitors',
    permission: 'organization.edit',
    label: "declaring the competitors of the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: (f) => ({
      url: `/api/account/organizations/${f.orgA.id}/competitors`,
      payload: { eiks: ['131071587'] },
    }),
    check: (body) => expect(bodyOf(body).eiks).toEqual(['131071587']),
  },
  {
    method: 'PUT',
    url: '/api/account/organizations/:id/competitors',
    permission: 'organization.edit',
    label: 'declaring the competitors of another organisation B',
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: (f) => ({
      url: `/api/account/organizations/${f.orgB.id}/competitors`,
      payload: { eiks: ['131071587'] },
    }),
    check: (body) => expect(bodyOf(body).eiks).toEqual(['131071587']),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/history',
    permission: 'organization.history',
    label: "the history of the representative's own organisation A",
    record: true,
    expect: historyReaders(allow(200)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/history` }),
    check: (body) => expect(Array.isArray(bodyOf(body).items)).toBe(true),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/history',
    permission: 'organization.history',
    label: 'the history of another organisation B',
    record: true,
    expect: historyReaders(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/history` }),
    check: (body) => expect(Array.isArray(bodyOf(body).items)).toBe(true),
  },

  // ---------- logos (issue 5): upload, remove and the representatives' copy (record-level), public copy ----------
  {
    method: 'GET',
    url: '/api/account/organizations/:id/logo',
    permission: 'organization.edit',
    label: "the logo of the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: async (f) => {
      await ensureLogo(f.orgA.id);
      return { url: `/api/account/organizations/${f.orgA.id}/logo?size=small` };
    },
    check: isImage,
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/logo',
    permission: 'organization.edit',
    label: "the logo of another organisation B, through the representatives' route",
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: async (f) => {
      await ensureLogo(f.orgB.id);
      return { url: `/api/account/organizations/${f.orgB.id}/logo` };
    },
    check: isImage,
  },
  {
    method: 'PUT',
    url: '/api/account/organizations/:id/logo',
    permission: 'organization.edit',
    label: "uploading the logo of the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: (f) => ({
      url: `/api/account/organizations/${f.orgA.id}/logo`,
      payload: LOGO_PNG,
      contentType: 'image/png',
    }),
    check: (body) => expect(body).toMatchObject({ sourceType: 'image/png', width: 2, height: 2 }),
  },
  {
    method: 'PUT',
    url: '/api/account/organizations/:id/logo',
    permission: 'organization.edit',
    label: 'uploading the logo of another organisation B',
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: (f) => ({
      url: `/api/account/organizations/${f.orgB.id}/logo`,
      payload: LOGO_PNG,
      contentType: 'image/png',
    }),
    check: (body) => expect(body).toMatchObject({ sourceType: 'image/png' }),
  },
  {
    method: 'DELETE',
    url: '/api/account/organizations/:id/logo',
    permission: 'organization.edit',
    label: "removing the logo of the representative's own organisation A",
    record: true,
    expect: { ...editors(allow(204)), admin: allow(204) },
    build: async (f) => {
      await ensureLogo(f.orgA.id);
      return { url: `/api/account/organizations/${f.orgA.id}/logo` };
    },
  },
  {
    method: 'DELETE',
    url: '/api/account/organizations/:id/logo',
    permission: 'organization.edit',
    label: 'removing the logo of another organisation B',
    record: true,
    expect: { ...editors(ORG_NOT_FOUND), admin: allow(204) },
    build: async (f) => {
      await ensureLogo(f.orgB.id);
      return { url: `/api/account/organizations/${f.orgB.id}/logo` };
    },
  },
  {
    method: 'GET',
    url: '/api/organizations/:id/logo',
    permission: 'public',
    label: "a listed member's logo",
    expect: everyone(200),
    build: async (f) => {
      const version = await ensureLogo(f.orgB.id);
      return { url: `/api/organizations/${f.orgB.id}/logo?size=small&v=${version}` };
    },
    check: isImage,
  },
];
