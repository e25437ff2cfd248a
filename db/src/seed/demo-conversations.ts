/**
 * Demo conversations (issue 14 §2): two private conversations on the demo board, so the conversation
 * pages, the header's badge and "partners in the cluster" have something to show on first start —
 *
 * - on the offer "Shared GPU and test lab": open, a few messages;
 * - on the request "Partner wanted for a creative-industries project": agreed (proposed by one side,
 *   confirmed by the other), the partnership shown on both profiles (both sides consented).
 *
 * The board items come from the demo board seed and are found by their English title; when one is not
 * there, its conversation is skipped quietly. The interested side is the demo representative's
 * organisation (so predstavitel@demo.klaster.bg sees both), or, on its own item, the first other active
 * member. A side without a representative gets a demo one (no password anyone knows: the demo hash).
 * Idempotent: a conversation that exists (item, interested organisation) is left as it is.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  boardItemAreas,
  boardItems,
  conversationMessages,
  conversationReads,
  conversations,
  memberships,
  organizations,
  partnershipAreas,
  partnerships,
  userOrganizations,
  userRoles,
  users,
} from '../schema/index.ts';
import { DEMO_PASSWORD_HASH, DEMO_USERS } from './demo-users.ts';

const HOUR = 3_600_000;

interface DemoMessage {
  /** Which side writes it. */
  from: 'owner' | 'interested';
  body: string;
  /** How long before the seed it was written. */
  hoursAgo: number;
}

interface DemoConversation {
  itemTitleEn: string;
  agreed: boolean;
  messages: DemoMessage[];
}

export const DEMO_CONVERSATIONS: DemoConversation[] = [
  {
    itemTitleEn: 'Shared GPU and test lab',
    agreed: false,
    messages: [
      {
        from: 'interested',
        body: 'Здравейте! Търсим достъп до GPU сървър за около две седмици през следващия месец, за обучение на модел за разпознаване на реч. Възможно ли е и при какви условия?',
        hoursAgo: 50,
      },
      {
        from: 'owner',
        body: 'Здравейте! Да, свободни сме след 15-о число. Работим с поделяне на разходите за електроенергия. Условията за достъп са описани тук: https://example.bg/gpu-lab',
        hoursAgo: 30,
      },
      {
        from: 'interested',
        body: 'Чудесно, благодарим! Може ли да се видим в лабораторията следващата седмица, за да уточним графика?',
        hoursAgo: 2,
      },
    ],
  },
  {
    itemTitleEn: 'Partner wanted for a creative-industries project',
    agreed: true,
    messages: [
      {
        from: 'interested',
        body: 'Здравейте! Имаме опит с анимация и захващане на движение и бихме се включили като партньор в проекта.',
        hoursAgo: 240,
      },
      {
        from: 'owner',
        body: 'Звучи отлично. Изпращаме ви описанието на работния пакет — да обсъдим разпределението на бюджета в четвъртък?',
        hoursAgo: 200,
      },
      {
        from: 'interested',
        body: 'Разбрахме се: поемаме работния пакет за визуализация. Отбелязваме разговора като договорен.',
        hoursAgo: 150,
      },
    ],
  },
];

/** The demo representative's organisation (the interested side unless the item is its own). */
const DEMO_REPRESENTATIVE = DEMO_USERS.find((u) => u.roles.includes('representative'));

async function activeMemberIds(tx: Db): Promise<string[]> {
  const rows = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .innerJoin(memberships, eq(memberships.organizationId, organizations.id))
    .where(and(eq(memberships.status, 'active'), ne(memberships.category, 'candidate')))
    .orderBy(asc(organizations.eik));
  return rows.map((r) => r.id);
}

/** A representative of the organisation: the first linked account, or a demo one made for it. */
async function representativeOf(tx: Db, organizationId: string): Promise<string> {
  const [linked] = await tx
    .select({ id: users.id })
    .from(userOrganizations)
    .innerJoin(users, eq(users.id, userOrganizations.userId))
    .where(and(eq(userOrganizations.organizationId, organizationId), sql`${users.erasedAt} is null`))
    .orderBy(asc(users.email))
    .limit(1);
  if (linked) return linked.id;
  const [org] = await tx
    .select({ eik: organizations.eik, nameBg: organizations.nameBg })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  const email = `partnyor-${org!.eik}@demo.klaster.bg`;
  await tx
    .insert(users)
    .values({
      email,
      passwordHash: DEMO_PASSWORD_HASH,
      displayName: `Представител на ${org!.nameBg} (демо)`,
      language: 'bg',
      emailVerifiedAt: new Date('2026-01-15T09:00:00Z'),
    })
    .onConflictDoNothing();
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  await tx.insert(userRoles).values({ userId: user!.id, role: 'representative' }).onConflictDoNothing();
  await tx.insert(userOrganizations).values({ userId: user!.id, organizationId }).onConflictDoNothing();
  return user!.id;
}

/** Seeds the demo conversations whose board items exist; returns how many it opened now. */
export async function seedDemoConversations(tx: Db, now: Date = new Date()): Promise<number> {
  const titles = DEMO_CONVERSATIONS.map((c) => c.itemTitleEn);
  const items = await tx
    .select({ id: boardItems.id, titleEn: boardItems.titleEn, organizationId: boardItems.organizationId })
    .from(boardItems)
    .where(inArray(boardItems.titleEn, titles))
    .orderBy(asc(boardItems.createdAt));
  if (items.length === 0) return 0;

  const members = await activeMemberIds(tx);
  const [demoRepOrg] = DEMO_REPRESENTATIVE?.organizationEiks.length
    ? await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.eik, DEMO_REPRESENTATIVE.organizationEiks[0]!))
    : [];

  let opened = 0;
  for (const demo of DEMO_CONVERSATIONS) {
    const item = items.find((i) => i.titleEn === demo.itemTitleEn);
    if (!item) continue;
    const interestedId =
      demoRepOrg && demoRepOrg.id !== item.organizationId && members.includes(demoRepOrg.id)
        ? demoRepOrg.id
        : members.find((id) => id !== item.organizationId);
    if (!interestedId) continue;
    const authors = {
      owner: await representativeOf(tx, item.organizationId),
      interested: await representativeOf(tx, interestedId),
    };
    const sideOrg = { owner: item.organizationId, interested: interestedId };
    const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
    const first = demo.messages[0]!;
    const last = demo.messages.at(-1)!;
    const agreedAt = at(last.hoursAgo - 1);

    const [created] = await tx
      .insert(conversations)
      .values({
        itemId: item.id,
        ownerOrganizationId: item.organizationId,
        interestedOrganizationId: interestedId,
        openedBy: authors.interested,
        status: demo.agreed ? 'agreed' : 'open',
        ...(demo.agreed
          ? {
              agreedProposedByOrganizationId: interestedId,
              agreedProposedBy: authors.interested,
              agreedProposedAt: at(last.hoursAgo),
              agreedConfirmedBy: authors.owner,
              agreedConfirmedAt: agreedAt,
            }
          : {}),
        lastMessageAt: at(last.hoursAgo),
        createdAt: at(first.hoursAgo),
        updatedAt: demo.agreed ? agreedAt : at(last.hoursAgo),
      })
      .onConflictDoNothing({ target: [conversations.itemId, conversations.interestedOrganizationId] })
      .returning({ id: conversations.id });
    if (!created) continue;
    opened += 1;

    await tx.insert(conversationMessages).values(
      demo.messages.map((m) => ({
        conversationId: created.id,
        authorUserId: authors[m.from],
        authorOrganizationId: sideOrg[m.from],
        body: m.body,
        createdAt: at(m.hoursAgo),
      })),
    );
    // Each writer has read up to their own last message; the newest message of the open conversation
    // stays unread for the other side (the header's badge shows it).
    for (const side of ['owner', 'interested'] as const) {
      const own = demo.messages.filter((m) => m.from === side).at(-1);
      if (own) {
        await tx
          .insert(conversationReads)
          .values({ conversationId: created.id, userId: authors[side], lastReadAt: at(own.hoursAgo) })
          .onConflictDoNothing();
      }
    }

    if (demo.agreed) {
      const [p] = await tx
        .insert(partnerships)
        .values({
          conversationId: created.id,
          ownerOrganizationId: item.organizationId,
          partnerOrganizationId: interestedId,
          agreedAt,
          ownerConsentAt: agreedAt,
          partnerConsentAt: agreedAt,
        })
        .onConflictDoNothing()
        .returning({ id: partnerships.id });
      if (p) {
        const areas = await tx
          .select({ areaId: boardItemAreas.areaId })
          .from(boardItemAreas)
          .where(eq(boardItemAreas.itemId, item.id));
        if (areas.length) {
          await tx
            .insert(partnershipAreas)
            .values(areas.map((a) => ({ partnershipId: p.id, areaId: a.areaId })))
            .onConflictDoNothing();
        }
      }
    }
  }
  return opened;
}
