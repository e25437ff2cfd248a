/**
 * Demo governing bodies (issue 15 §1, decision 039): the initiative committee of „София – град на
 * знанието“, which reviews the join applications today (its position holders are the demo committee
 * accounts, whose committee roles match their positions), and the general assembly, still to be founded,
 * whose members are the member organisations. One earlier term shows the history members can read.
 *
 * Idempotent: fixed ids, inserted with `on conflict do nothing`, never rewritten.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bodyPositions, governingBodies, users } from '../schema/index.ts';

/** Fixed ids: `…-4700-…` bodies, `…-4800-…` positions. */
export const demoBodyId = (n: number) => `00000000-de00-4700-8000-${String(n).padStart(12, '0')}`;
const positionId = (n: number) => `00000000-de00-4800-8000-${String(n).padStart(12, '0')}`;

export const DEMO_BODIES = [
  {
    id: demoBodyId(1),
    kind: 'initiative_committee' as const,
    nameBg: 'Инициативен комитет',
    nameEn: 'Initiative committee',
    descriptionBg:
      'Води клъстера до учредителното общо събрание: разглежда заявленията за членство, подготвя устава и институционалното изграждане по международните стандарти за клъстери и представлява клъстера пред общината и партньорите.',
    descriptionEn:
      'Leads the cluster up to its founding general assembly: reviews the applications for membership, prepares the statute and the institutional set-up to international cluster standards, and speaks for the cluster to the municipality and partners.',
    quorum: 'more_than_half' as const,
    majority: 'simple' as const,
    allowsProxy: false,
    reviewsApplications: true,
    foundedOn: '2025-10-01',
    sortOrder: 1,
  },
  {
    id: demoBodyId(2),
    kind: 'general_assembly' as const,
    nameBg: 'Общо събрание',
    nameEn: 'General assembly',
    descriptionBg:
      'Върховният орган на клъстера, в който всяка членуваща организация има един глас чрез своя представител. Приема устава и стратегията и избира управителния и контролния съвет. Предстои да бъде учредено.',
    descriptionEn:
      "The cluster's highest body, where every member organisation has one vote through its representative. It adopts the statute and the strategy and elects the management and control boards. It is yet to be founded.",
    quorum: 'more_than_half' as const,
    majority: 'simple' as const,
    allowsProxy: true,
    reviewsApplications: false,
    foundedOn: null,
    sortOrder: 2,
  },
];

/** The committee's terms: [email, position, startsOn, endsOn]. */
const DEMO_POSITIONS = [
  [1, 'predsedatel@demo.klaster.bg', 'chair', '2026-01-15', null],
  [2, 'komitet@demo.klaster.bg', 'deputy_chair', '2026-01-15', null],
  [3, 'komitet2@demo.klaster.bg', 'secretary', '2026-01-15', null],
  // Before the committee chose its officers, he was one of its members (the history members see).
  [4, 'komitet@demo.klaster.bg', 'member', '2025-10-01', '2026-01-15'],
] as const;

export async function seedDemoBodies(tx: Db): Promise<void> {
  await tx.insert(governingBodies).values(DEMO_BODIES).onConflictDoNothing();
  const emails = [...new Set(DEMO_POSITIONS.map((p) => p[1]))];
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const idOf = new Map(rows.map((r) => [r.email, r.id]));
  // Another reviewing body (an installation that changed the demo) keeps the flag: the committee's stays.
  const [committee] = await tx
    .select()
    .from(governingBodies)
    .where(eq(governingBodies.id, demoBodyId(1)));
  if (!committee) return;
  await tx
    .insert(bodyPositions)
    .values(
      DEMO_POSITIONS.map(([n, email, position, startsOn, endsOn]) => {
        const userId = idOf.get(email);
        if (!userId) throw new Error(`demo user ${email} was not stored`);
        return { id: positionId(n), bodyId: demoBodyId(1), position, userId, startsOn, endsOn };
      }),
    )
    .onConflictDoNothing();
}
