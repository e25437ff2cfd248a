import { sql } from '@portal/db';
import { addDays, todayInSofia } from '@portal/shared';
import { expect } from 'vitest';
import { insertOrganization } from '../testing.ts';
import {
  ANON,
  adminOnly,
  allow,
  bodyOf,
  type Expectations,
  FORBIDDEN,
  h,
  INACTIVE_MEMBER,
  nextSeq,
  ORG_NOT_FOUND,
  type Outcome,
  type Row,
  signedIn,
} from './matrix.ts';

/**
 * Private conversations (issue 14 §2, decision 036): representatives only — of one of the two
 * organisations for a given conversation; the committee and administrators are refused (administrators
 * get the moderation list, without text).
 */
const representatives = (representative: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative,
  committee_member: FORBIDDEN,
  committee_chair: FORBIDDEN,
  admin: FORBIDDEN,
});

const CONVERSATION_NOT_FOUND: Outcome = { deny: 404, code: 'conversation.not_found' };

/** A published item of `organizationId`; returns its id. */
async function insertItem(organizationId: string): Promise<string> {
  const [row] = await h.query<{ id: string }>(
    sql`insert into board_items (organization_id, kind, type, title_bg, description_bg, status, valid_until,
          published_at)
        values (${organizationId}, 'offer', 'infrastructure', 'Обява', 'Описание', 'published',
          ${addDays(todayInSofia(), 30)}::date, now())
        returning id`,
  );
  await h.query(sql`insert into board_item_areas (item_id, area_id) values (${row!.id}, 'ict-software')`);
  return row!.id;
}

/** A conversation about `owner`'s item with `interested` (one message of the interested side). */
async function insertConversation(
  owner: string,
  interested: string,
  status: 'open' | 'agreed_proposed' | 'agreed' = 'open',
): Promise<string> {
  const itemId = await insertItem(owner);
  const [row] = await h.query<{ id: string }>(
    sql`insert into conversations (item_id, owner_organization_id, interested_organization_id, status,
          agreed_proposed_by_organization_id, agreed_proposed_at, agreed_confirmed_at)
        values (${itemId}, ${owner}, ${interested}, ${status},
          ${status === 'open' ? null : interested}, ${status === 'open' ? null : sql`now()`},
          ${status === 'agreed' ? sql`now()` : null})
        returning id`,
  );
  await h.query(
    sql`insert into conversation_messages (conversation_id, author_organization_id, body)
        values (${row!.id}, ${interested}, 'Здравейте')`,
  );
  return row!.id;
}

async function otherOrganization(): Promise<string> {
  return insertOrganization(h, { nameBg: `Трета организация ${nextSeq()}` });
}

export const ROWS: Row[] = [
  {
    method: 'POST',
    url: '/api/board/items/:id/interest',
    permission: 'conversations.use',
    label: "interest in B's item, for A",
    expect: representatives(allow(201)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({
      url: `/api/board/items/${await insertItem(f.orgB.id)}/interest`,
      payload: { body: 'Интересуваме се.' },
    }),
    check: (body, f) =>
      expect(bodyOf(body)).toMatchObject({ owner: { id: f.orgB.id }, interested: { id: f.orgA.id } }),
  },
  {
    method: 'GET',
    url: '/api/conversations',
    permission: 'conversations.use',
    label: "my organisations' conversations",
    expect: representatives(allow(200)),
    build: async (f) => {
      await insertConversation(f.orgB.id, f.orgA.id);
      return { url: '/api/conversations' };
    },
    check: (body) => expect(bodyOf(body).items).toEqual(expect.arrayContaining([expect.anything()])),
  },
  {
    method: 'GET',
    url: '/api/conversations/unread',
    permission: 'conversations.use',
    label: 'my unread messages',
    expect: representatives(allow(200)),
    build: async (f) => {
      await insertConversation(f.orgA.id, f.orgB.id);
      return { url: '/api/conversations/unread' };
    },
    check: (body) => expect(Number(bodyOf(body).total)).toBeGreaterThan(0),
  },
  {
    method: 'GET',
    url: '/api/conversations/:id',
    permission: 'conversations.use',
    label: 'a conversation between A and B',
    expect: representatives(allow(200)),
    build: async (f) => ({ url: `/api/conversations/${await insertConversation(f.orgB.id, f.orgA.id)}` }),
    check: (body) => expect(bodyOf(body).messages).toEqual([expect.objectContaining({ body: 'Здравейте' })]),
  },
  {
    method: 'GET',
    url: '/api/conversations/:id',
    permission: 'conversations.use',
    label: 'a conversation between B and another organisation',
    record: true,
    expect: representatives(CONVERSATION_NOT_FOUND),
    build: async (f) => ({
      url: `/api/conversations/${await insertConversation(f.orgB.id, await otherOrganization())}`,
    }),
  },
  {
    method: 'POST',
    url: '/api/conversations/:id/messages',
    permission: 'conversations.use',
    label: 'writing in a conversation between A and B',
    expect: representatives(allow(201)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({
      url: `/api/conversations/${await insertConversation(f.orgB.id, f.orgA.id)}/messages`,
      payload: { body: 'Отговор' },
    }),
    check: (body) => expect(bodyOf(body).messages).toHaveLength(2),
  },
  {
    method: 'POST',
    url: '/api/conversations/:id/messages',
    permission: 'conversations.use',
    label: 'writing in a conversation between B and another organisation',
    record: true,
    expect: representatives(CONVERSATION_NOT_FOUND),
    lapsed: CONVERSATION_NOT_FOUND,
    build: async (f) => ({
      url: `/api/conversations/${await insertConversation(f.orgB.id, await otherOrganization())}/messages`,
      payload: { body: 'Намеса' },
    }),
  },
  {
    method: 'POST',
    url: '/api/conversations/:id/read',
    permission: 'conversations.use',
    label: 'marking a conversation between A and B read',
    expect: representatives(allow(204)),
    build: async (f) => ({
      url: `/api/conversations/${await insertConversation(f.orgA.id, f.orgB.id)}/read`,
    }),
  },
  {
    method: 'POST',
    url: '/api/conversations/:id/agree',
    permission: 'conversations.use',
    label: 'proposing "agreed" in a conversation between A and B',
    expect: representatives(allow(200)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({
      url: `/api/conversations/${await insertConversation(f.orgA.id, f.orgB.id)}/agree`,
      payload: { version: 1 },
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ status: 'agreed_proposed' }),
  },
  {
    method: 'POST',
    url: '/api/conversations/:id/confirm',
    permission: 'conversations.use',
    label: 'confirming what B proposed',
    expect: representatives(allow(200)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({
      url: `/api/conversations/${await insertConversation(f.orgA.id, f.orgB.id, 'agreed_proposed')}/confirm`,
      payload: { version: 1 },
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ status: 'agreed' }),
  },
  {
    method: 'POST',
    url: '/api/conversations/:id/withdraw',
    permission: 'conversations.use',
    label: 'withdrawing what A proposed',
    expect: representatives(allow(200)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({
      // The proposing side is the interested one: A.
      url: `/api/conversations/${await insertConversation(f.orgB.id, f.orgA.id, 'agreed_proposed')}/withdraw`,
      payload: { version: 1 },
    }),
    check: (body) =>
      expect(bodyOf(body)).toMatchObject({ status: 'open', proposalEnded: { action: 'withdrawn' } }),
  },
  {
    method: 'POST',
    url: '/api/conversations/:id/withdraw',
    permission: 'conversations.use',
    label: 'withdrawing in a conversation between B and another organisation',
    record: true,
    expect: representatives(CONVERSATION_NOT_FOUND),
    lapsed: CONVERSATION_NOT_FOUND,
    build: async (f) => ({
      url: `/api/conversations/${await insertConversation(await otherOrganization(), f.orgB.id, 'agreed_proposed')}/withdraw`,
      payload: { version: 1 },
    }),
  },
  {
    method: 'POST',
    url: '/api/conversations/:id/decline',
    permission: 'conversations.use',
    label: 'declining what B proposed',
    expect: representatives(allow(200)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({
      url: `/api/conversations/${await insertConversation(f.orgA.id, f.orgB.id, 'agreed_proposed')}/decline`,
      payload: { version: 1, reason: 'Не сега' },
    }),
    check: (body) =>
      expect(bodyOf(body)).toMatchObject({
        status: 'open',
        proposalEnded: { action: 'declined', reason: 'Не сега' },
      }),
  },
  {
    method: 'POST',
    url: '/api/conversations/:id/decline',
    permission: 'conversations.use',
    label: 'declining in a conversation between B and another organisation',
    record: true,
    expect: representatives(CONVERSATION_NOT_FOUND),
    lapsed: CONVERSATION_NOT_FOUND,
    build: async (f) => ({
      url: `/api/conversations/${await insertConversation(f.orgB.id, await otherOrganization(), 'agreed_proposed')}/decline`,
      payload: { version: 1 },
    }),
  },
  {
    method: 'GET',
    url: '/api/account/conversation-settings',
    permission: 'account.manage',
    label: 'my new-message email setting',
    expect: signedIn(200),
    build: () => ({ url: '/api/account/conversation-settings' }),
    check: (body) => expect(bodyOf(body)).toHaveProperty('emailsEnabled'),
  },
  {
    method: 'PUT',
    url: '/api/account/conversation-settings',
    permission: 'account.manage',
    label: 'turning my new-message emails off',
    expect: signedIn(200),
    build: () => ({ url: '/api/account/conversation-settings', payload: { emailsEnabled: false } }),
    check: (body) => expect(bodyOf(body)).toEqual({ emailsEnabled: false }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/partnerships',
    permission: 'conversations.use',
    label: "A's partnerships",
    record: true,
    expect: representatives(allow(200)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/partnerships` }),
    check: (body) => expect(Array.isArray(bodyOf(body).items)).toBe(true),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/partnerships',
    permission: 'conversations.use',
    label: "B's partnerships",
    record: true,
    expect: representatives(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/partnerships` }),
  },
  {
    method: 'PUT',
    url: '/api/account/partnerships/:id/consent',
    permission: 'conversations.use',
    label: 'showing a partnership of A and B on the profiles',
    record: true,
    expect: representatives(allow(204)),
    build: async (f) => {
      const conversationId = await insertConversation(f.orgA.id, f.orgB.id, 'agreed');
      const [p] = await h.query<{ id: string }>(
        sql`insert into partnerships (conversation_id, owner_organization_id, partner_organization_id, agreed_at)
            values (${conversationId}, ${f.orgA.id}, ${f.orgB.id}, now()) returning id`,
      );
      return { url: `/api/account/partnerships/${p!.id}/consent`, payload: { shown: true } };
    },
  },
  {
    method: 'PUT',
    url: '/api/account/partnerships/:id/consent',
    permission: 'conversations.use',
    label: 'showing a partnership of B and another organisation',
    record: true,
    expect: representatives({ deny: 404, code: 'partnership.not_found' }),
    build: async (f) => {
      const other = await otherOrganization();
      const conversationId = await insertConversation(f.orgB.id, other, 'agreed');
      const [p] = await h.query<{ id: string }>(
        sql`insert into partnerships (conversation_id, owner_organization_id, partner_organization_id, agreed_at)
            values (${conversationId}, ${f.orgB.id}, ${other}, now()) returning id`,
      );
      return { url: `/api/account/partnerships/${p!.id}/consent`, payload: { shown: true } };
    },
  },
  {
    method: 'GET',
    url: '/api/admin/conversations',
    permission: 'conversations.moderate',
    label: 'the moderation list of conversations (no text)',
    expect: adminOnly(200),
    build: async (f) => {
      await insertConversation(f.orgA.id, f.orgB.id);
      return { url: '/api/admin/conversations' };
    },
    check: (body) => {
      expect(bodyOf(body).items).toEqual(expect.arrayContaining([expect.anything()]));
      expect(JSON.stringify(body)).not.toContain('Здравейте');
    },
  },
];
