import { sql } from '@portal/db';
import { expect } from 'vitest';
import { insertOrganization } from '../testing.ts';
import { adminOnly, everyone, h, type Row } from './matrix.ts';

export const ROWS: Row[] = [
  // ---------- the cluster's own words (issue 11 C6, C13) ----------
  {
    method: 'GET',
    url: '/api/pages/:slug',
    permission: 'public',
    label: 'an information page',
    expect: everyone(200),
    build: () => ({ url: '/api/pages/statute' }),
    check: (body) => expect(body).toMatchObject({ slug: 'statute', titleEn: 'Statute' }),
  },
  {
    method: 'PUT',
    url: '/api/admin/pages/:slug',
    permission: 'settings.manage',
    label: 'changing an information page',
    expect: adminOnly(200),
    build: async () => {
      const [row] = await h.query<{ version: number }>(
        sql`select version from site_pages where slug = 'contact'`,
      );
      return {
        url: '/api/admin/pages/contact',
        headers: { 'if-match': `"${row!.version}"` },
        payload: { titleBg: 'Контакти', titleEn: 'Contact', bodyBg: 'Телефон', bodyEn: 'Phone' },
      };
    },
  },
  {
    method: 'GET',
    url: '/api/admin/settings/texts',
    permission: 'settings.manage',
    label: "the home page's texts",
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/settings/texts' }),
    check: (body) => expect(body).toHaveProperty('version'),
  },
  {
    method: 'PUT',
    url: '/api/admin/settings/texts',
    permission: 'settings.manage',
    label: "changing the home page's texts",
    expect: adminOnly(200),
    build: async () => {
      const [row] = await h.query<{ version: number }>(
        sql`select version from cluster_settings where id = 1`,
      );
      return {
        url: '/api/admin/settings/texts',
        headers: { 'if-match': `"${row!.version}"` },
        payload: {
          nameBg: 'Клъстер',
          nameEn: 'Cluster',
          taglineBg: '',
          taglineEn: '',
          missionBg: '',
          missionEn: '',
          strategyBg: '',
          strategyEn: '',
        },
      };
    },
  },
  {
    method: 'DELETE',
    url: '/api/admin/organizations/:id',
    permission: 'organizations.remove',
    label: 'removing an organisation entered by mistake',
    expect: adminOnly(204),
    build: async () => ({
      url: `/api/admin/organizations/${await insertOrganization(h, { nameBg: 'Грешно внесена' })}`,
    }),
  },
];
