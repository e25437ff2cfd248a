/**
 * The people and work the load bench (bench/load.ts) signs in as, on top of the demo seed and
 * bench/generate.ts's organisations: representatives of generated members (two per organisation, so
 * their edits can collide like real colleagues'), committee members, and applications waiting in an open
 * committee vote (half open ballots, half secret), written the way the server leaves them after
 * create → submit → start_review → open_vote.
 *
 * Every account gets the demo accounts' password hash (DEMO_PASSWORD), so no hashing is needed here and
 * the bench logs in through the real API. Addresses are under `load.bench.example`; ЕИКs of the
 * applications start at 30000000, apart from the generator's (40000000 on) and the demo's.
 */
import type { DbHandle } from '@portal/db';
import { DEMO_APPLICATIONS, DEMO_PASSWORD, DEMO_USERS } from '@portal/db/seed';
import { type ApplicationData, eik9CheckDigit } from '@portal/shared';

export const LOAD_PASSWORD = DEMO_PASSWORD;
export const LOAD_EMAIL_DOMAIN = 'load.bench.example';

export interface LoadActors {
  /** Representatives: each with the organisation they edit (two representatives per organisation). */
  representatives: { email: string; organizationId: string }[];
  /** Every committee member who can vote: the demo chair and members, then the generated ones. */
  committee: { email: string }[];
  /** Applications in an open vote. */
  applicationsInVote: number;
}

export interface LoadActorCounts {
  representatives: number;
  /** Committee members in total, the demo's three included (at least 3). */
  committee: number;
  applications: number;
}

/** The demo's committee (chair, member, member 2): they vote too, so votes can complete and close. */
const DEMO_COMMITTEE = [
  ...DEMO_USERS.filter((u) => u.roles.some((r) => r === 'committee_member' || r === 'committee_chair')).map(
    (u) => u.email,
  ),
  'komitet2@demo.klaster.bg',
];
const CHAIR = 'predsedatel@demo.klaster.bg';

async function query<T>(handle: DbHandle, text: string, params: unknown[] = []): Promise<T[]> {
  if (handle.pglite) return (await handle.pglite.query<T>(text, params)).rows;
  if (handle.sql) return (await handle.sql.unsafe(text, params as never[])) as unknown as T[];
  throw new Error('the database handle exposes neither a PGlite nor a postgres.js client');
}

/** Inserts users with the demo password hash and the given role; returns their ids by email. */
async function insertUsers(
  handle: DbHandle,
  people: { email: string; name: string }[],
  role: string,
): Promise<Map<string, string>> {
  if (people.length === 0) return new Map();
  const rows = await query<{ id: string; email: string }>(
    handle,
    `with src as (select * from json_to_recordset($1::json) as x(email text, name text)),
          hash as (select password_hash from users where email = 'admin@demo.klaster.bg'),
          ins as (
            insert into users (email, password_hash, display_name, language, email_verified_at)
            select src.email, hash.password_hash, src.name, 'bg', now() from src cross join hash
            on conflict do nothing
            returning id, email
          ),
          roles as (insert into user_roles (user_id, role) select id, $2 from ins on conflict do nothing)
     select id, email from ins`,
    [JSON.stringify(people), role],
  );
  if (rows.length !== people.length)
    throw new Error(`stored ${rows.length} of ${people.length} ${role} accounts (is the database fresh?)`);
  return new Map(rows.map((r) => [r.email, r.id]));
}

export async function generateLoadActors(handle: DbHandle, counts: LoadActorCounts): Promise<LoadActors> {
  if (counts.committee < DEMO_COMMITTEE.length)
    throw new Error(`the committee has at least the demo's ${DEMO_COMMITTEE.length} members`);

  // Representatives: two per organisation, of generated active members (the demo's keep their own).
  const organisations = Math.ceil(counts.representatives / 2);
  const orgs = await query<{ id: string }>(
    handle,
    `select o.id from organizations o join memberships m on m.organization_id = o.id
      where o.eik like '4%' and m.status = 'active' and m.category <> 'candidate'
      order by o.eik limit $1`,
    [organisations],
  );
  if (orgs.length < organisations)
    throw new Error(`only ${orgs.length} generated members to give ${organisations} organisations' editors`);
  const representatives = Array.from({ length: counts.representatives }, (_, i) => ({
    email: `rep-${i + 1}@${LOAD_EMAIL_DOMAIN}`,
    name: `Представител ${i + 1} (натоварване)`,
    organizationId: (orgs[Math.floor(i / 2)] as { id: string }).id,
  }));
  const repIds = await insertUsers(handle, representatives, 'representative');
  await query(
    handle,
    `insert into user_organizations (user_id, organization_id)
     select (x->>'userId')::uuid, (x->>'organizationId')::uuid from json_array_elements($1::json) as x`,
    [
      JSON.stringify(
        representatives.map((r) => ({ userId: repIds.get(r.email), organizationId: r.organizationId })),
      ),
    ],
  );

  const extraCommittee = Array.from({ length: counts.committee - DEMO_COMMITTEE.length }, (_, i) => ({
    email: `committee-${i + 1}@${LOAD_EMAIL_DOMAIN}`,
    name: `Член на комитета ${i + 1} (натоварване)`,
  }));
  await insertUsers(handle, extraCommittee, 'committee_member');

  await generateApplicationsInVote(handle, counts.applications);

  return {
    representatives: representatives.map(({ email, organizationId }) => ({ email, organizationId })),
    committee: [...DEMO_COMMITTEE, ...extraCommittee.map((c) => c.email)].map((email) => ({ email })),
    applicationsInVote: counts.applications,
  };
}

/**
 * Applications in an open vote: each by its own applicant, with the answers of a demo application that
 * went through review (another firm's name and ЕИК), its timeline up to `open_vote`, and round 1 of the
 * vote opened by the chair; ballots alternate between open and secret.
 */
async function generateApplicationsInVote(handle: DbHandle, count: number): Promise<void> {
  if (count === 0) return;
  const template = DEMO_APPLICATIONS.find((a) => a.n === 7)?.data;
  if (!template?.organization || !template.contact) throw new Error('demo application 7 is not as expected');
  const applicants = Array.from({ length: count }, (_, i) => ({
    email: `applicant-${i + 1}@${LOAD_EMAIL_DOMAIN}`,
    name: `Кандидат ${i + 1} (натоварване)`,
  }));
  const applicantIds = await insertUsers(handle, applicants, 'applicant');
  const [chair] = await query<{ id: string }>(handle, 'select id from users where email = $1', [CHAIR]);
  if (!chair) throw new Error('the demo chair is missing (seed the demo first)');

  const rows = applicants.map((a, i) => {
    const first8 = String(30_000_000 + i);
    const eik = `${first8}${eik9CheckDigit(first8)}`;
    const data: ApplicationData = {
      ...template,
      organization: {
        ...template.organization!,
        nameBg: `Кандидат Системс ${i + 1}`,
        nameEn: `Kandidat Systems ${i + 1}`,
        eik,
        website: `https://kandidat-${i + 1}.example`,
      },
      contact: { ...template.contact!, email: `contact-${i + 1}@kandidat.example` },
    };
    return {
      applicantId: applicantIds.get(a.email),
      data,
      eik,
      kind: data.organization?.kind,
      ballot: i % 2 === 0 ? 'open' : 'secret',
      // Submitted one after another, a minute apart: the queue's order (newest first) is stable.
      submittedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    };
  });
  await query(
    handle,
    `with src as (
       select * from json_to_recordset($1::json) as x(
         "applicantId" uuid, data jsonb, eik text, kind text, ballot text, "submittedAt" timestamptz)
     ),
     apps as (
       insert into applications (applicant_id, state, data, eik, kind, submitted_at, created_at, updated_at, version)
       select "applicantId", 'in_vote', data, eik, kind, "submittedAt", "submittedAt" - interval '2 days',
              "submittedAt" + interval '3 days', 10
       from src
       returning id, eik, submitted_at
     ),
     events as (
       insert into application_events (application_id, at, actor_id, kind, action, from_state, to_state, audience)
       select apps.id, apps.submitted_at + step.after,
              case when step.action in ('start_review', 'open_vote') then $2::uuid else src."applicantId" end,
              'transition', step.action, step.from_state, step.to_state, 'applicant'
       from apps join src using (eik)
       cross join (values (interval '-2 days', 'create', null, 'draft'),
                          (interval '0', 'submit', 'draft', 'submitted'),
                          (interval '1 day', 'start_review', 'submitted', 'under_review'),
                          (interval '3 days', 'open_vote', 'under_review', 'in_vote'))
         as step(after, action, from_state, to_state)
     )
     insert into vote_sessions (application_id, round, majority, ballot, opened_by, opened_at)
     select apps.id, 1, 'simple', src.ballot, $2::uuid, apps.submitted_at + interval '3 days'
     from apps join src using (eik)`,
    [JSON.stringify(rows), chair.id],
  );
  await query(handle, 'analyze', []);
}
