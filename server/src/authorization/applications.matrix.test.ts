/** The authorisation matrix for join applications: the rows are in `applications.rows.ts`, the harness in `matrix.ts`. */
import { sql } from '@portal/db';
import { describe, expect, it } from 'vitest';
import { ROWS } from './applications.rows.ts';
import { type ActorName, app, f, h, MISSING_ID, runMatrix } from './matrix.ts';

runMatrix(ROWS);

describe('record-level answers reveal nothing', () => {
  it("answers a stranger asking for another user's application, and the committee asking for a draft, exactly like for one that does not exist", async () => {
    const ask = (name: ActorName, id: string) =>
      app.inject({ url: `/api/applications/${id}`, headers: { cookie: f.actors[name].cookie! } });
    for (const [name, id] of [
      ['other_applicant', f.apps.submitted.id],
      ['representative', f.apps.submitted.id],
      ['committee_member', f.apps.draft.id],
      ['admin', f.apps.draft.id],
    ] as const) {
      const other = await ask(name, id);
      const missing = await ask(name, MISSING_ID);
      expect(other.statusCode, name).toBe(404);
      expect(other.body, name).toBe(missing.body);
    }
  });

  it("leaves the applicant's draft as the applicant saved it after everyone else tried to write it", async () => {
    const [row] = await h.query<{ data: { organization: { eik: string } }; docs: number }>(
      sql`select a.data, (select count(*)::int from application_documents d where d.application_id = a.id) as docs
          from applications a where a.id = ${f.apps.draft.id}`,
    );
    expect(row!.data.organization.eik).toBe(f.apps.draft.eik);
    // The fixture's PDF and the applicant's own upload.
    expect(Number(row!.docs)).toBe(2);
    const votes = await h.query(
      sql`select 1 from votes v join vote_sessions s on s.id = v.session_id where s.application_id = ${f.apps.draft.id}`,
    );
    expect(votes).toEqual([]);
  });
});
