import { bodyPositions, governingBodies } from '@portal/db';
import { expect } from 'vitest';
import { adminOnly, bodyOf, everyone, FORBIDDEN, h, type Row, signedIn } from './matrix.ts';

/** A fresh working group (never the reviewing body: the matrix's actors keep their roles). */
async function newBody(): Promise<string> {
  const [row] = await h.db
    .insert(governingBodies)
    .values({ kind: 'working_group', nameBg: 'Работна група', nameEn: 'Working group' })
    .returning({ id: governingBodies.id });
  return row!.id;
}
async function newPosition(): Promise<{ bodyId: string; positionId: string }> {
  const bodyId = await newBody();
  const [row] = await h.db
    .insert(bodyPositions)
    .values({ bodyId, position: 'member', personName: 'Лице без профил', startsOn: '2026-01-01' })
    .returning({ id: bodyPositions.id });
  return { bodyId, positionId: row!.id };
}
const bodyInput = {
  kind: 'working_group',
  nameBg: 'Работна група',
  nameEn: 'Working group',
  quorum: 'more_than_half',
  majority: 'simple',
};

export const ROWS: Row[] = [
  // ---------- governing bodies (issue 15 §1, decision 039) ----------
  {
    method: 'GET',
    url: '/api/bodies',
    permission: 'public',
    label: 'who runs the cluster: the bodies and the positions held today',
    expect: everyone(200),
    build: () => ({ url: '/api/bodies' }),
    check: (body) => expect(bodyOf(body)).toHaveProperty('items'),
  },
  {
    method: 'GET',
    url: '/api/bodies/history',
    permission: 'members.view',
    label: 'every term of every body (members)',
    expect: { ...signedIn(200), no_role: FORBIDDEN, applicant: FORBIDDEN, other_applicant: FORBIDDEN },
    build: () => ({ url: '/api/bodies/history' }),
    check: (body) => expect(bodyOf(body)).toHaveProperty('items'),
  },
  {
    method: 'GET',
    url: '/api/admin/bodies',
    permission: 'bodies.manage',
    label: 'the bodies to manage',
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/bodies' }),
  },
  {
    method: 'POST',
    url: '/api/admin/bodies',
    permission: 'bodies.manage',
    label: 'creating a body',
    expect: adminOnly(201),
    build: () => ({ url: '/api/admin/bodies', payload: bodyInput }),
  },
  {
    method: 'GET',
    url: '/api/admin/bodies/:id',
    permission: 'bodies.manage',
    label: 'one body with every term',
    expect: adminOnly(200),
    build: async () => ({ url: `/api/admin/bodies/${await newBody()}` }),
  },
  {
    method: 'PUT',
    url: '/api/admin/bodies/:id',
    permission: 'bodies.manage',
    label: "changing a body's rules",
    expect: adminOnly(200),
    build: async () => ({
      url: `/api/admin/bodies/${await newBody()}`,
      payload: { ...bodyInput, quorum: 'two_thirds', version: 1 },
    }),
  },
  {
    method: 'POST',
    url: '/api/admin/bodies/:id/positions',
    permission: 'bodies.manage',
    label: 'giving a position',
    expect: adminOnly(201),
    build: async () => ({
      url: `/api/admin/bodies/${await newBody()}/positions`,
      payload: { position: 'chair', personName: 'Председател без профил', startsOn: '2026-01-01' },
    }),
  },
  {
    method: 'PUT',
    url: '/api/admin/bodies/:id/positions/:positionId',
    permission: 'bodies.manage',
    label: 'correcting a position',
    expect: adminOnly(200),
    build: async () => {
      const { bodyId, positionId } = await newPosition();
      return {
        url: `/api/admin/bodies/${bodyId}/positions/${positionId}`,
        payload: { position: 'secretary', personName: 'Лице без профил', startsOn: '2026-01-01', version: 1 },
      };
    },
  },
  {
    method: 'POST',
    url: '/api/admin/bodies/:id/positions/:positionId/end',
    permission: 'bodies.manage',
    label: 'ending a position',
    expect: adminOnly(200),
    build: async () => {
      const { bodyId, positionId } = await newPosition();
      return { url: `/api/admin/bodies/${bodyId}/positions/${positionId}/end`, payload: {} };
    },
  },
  {
    method: 'POST',
    url: '/api/admin/bodies/:id/positions/:positionId/erase-holder',
    permission: 'personal_data.erase',
    label: "erasing a named position holder's name",
    expect: adminOnly(200),
    build: async () => {
      const { bodyId, positionId } = await newPosition();
      return { url: `/api/admin/bodies/${bodyId}/positions/${positionId}/erase-holder` };
    },
  },
];
