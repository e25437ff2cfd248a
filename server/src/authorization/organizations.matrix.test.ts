/** The authorisation matrix for an organisation's private view, profile, history and logo: the rows are in `organizations.rows.ts`, the harness in `matrix.ts`. */
import { describe, expect, it } from 'vitest';
import { app, f, runMatrix } from './matrix.ts';
import { ROWS } from './organizations.rows.ts';

runMatrix(ROWS);

describe('record-level answers reveal nothing', () => {
  it('answers a representative asking for another organisation exactly like for one that does not exist', async () => {
    const { cookie } = f.actors.representative;
    const other = await app.inject({
      url: `/api/account/organizations/${f.orgB.id}`,
      headers: { cookie: cookie! },
    });
    const missing = await app.inject({
      url: '/api/account/organizations/00000000-0000-4000-8000-000000000000',
      headers: { cookie: cookie! },
    });
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
    expect(other.body).not.toContain(f.orgB.eik);
    expect(other.body).not.toContain('Организация Б');
  });
});
