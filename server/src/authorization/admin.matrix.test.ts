/** The authorisation matrix for user administration: the rows are in `admin.rows.ts`, the harness in `matrix.ts`. */
import { sql } from '@portal/db';
import { describe, expect, it } from 'vitest';
import { ROWS } from './admin.rows.ts';
import { f, h, runMatrix } from './matrix.ts';

runMatrix(ROWS);

describe('record-level answers reveal nothing', () => {
  it('leaves no user but the administrator holding the admin role', async () => {
    const admins = await h.query<{ user_id: string }>(
      sql`select user_id from user_roles where role = 'admin'`,
    );
    expect(admins.map((r) => r.user_id)).toEqual([f.actors.admin.user!.id]);
  });
});
