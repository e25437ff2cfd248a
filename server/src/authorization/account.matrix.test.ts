/** The authorisation matrix for the caller's own account: the rows are in `account.rows.ts`, the harness in `matrix.ts`. */
import { describe, expect, it } from 'vitest';
import { ROWS } from './account.rows.ts';
import { app, f, runMatrix } from './matrix.ts';

runMatrix(ROWS);

describe('record-level answers reveal nothing', () => {
  it("keeps the victim's session alive after everyone tried to end it", async () => {
    const res = await app.inject({ url: '/api/account', headers: { cookie: f.victim.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(f.victim.id);
  });
});
