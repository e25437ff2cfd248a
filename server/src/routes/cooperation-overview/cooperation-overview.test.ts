/**
 * Issue 14 §5: the committee's overview of cooperation and the network picture. Counts per Sofia month,
 * type and theme over seeded board items and bookings; the month boundaries follow Sofia's clock (winter
 * UTC+2, summer UTC+3); conversations and partnerships come from issue 14 §2's tables; the CSV carries
 * the same numbers. Who may read it is the authorisation matrix's
 * job (`cooperation.rows.ts`); here only the committee reads and a representative is refused once.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import {
  BOARD_ITEM_TYPES,
  CooperationNetworkSchema,
  CooperationOverviewSchema,
  type Problem,
} from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';
import { cooperationOverview } from './cooperation-overview.service.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
const org = {} as Record<'lab' | 'studio' | 'uni' | 'former', string>;
let committee = '';
let representative = '';
const item = {} as Record<string, string>;

async function insertItem(
  name: string,
  organizationId: string,
  o: {
    kind?: 'offer' | 'request';
    type?: string;
    publishedAt: string | null;
    status?: 'draft' | 'published' | 'closed';
    validUntil?: string;
    areas: string[];
  },
) {
  const status = o.status ?? (o.publishedAt ? 'published' : 'draft');
  const [row] = await h.query<{ id: string }>(
    sql`insert into board_items (organization_id, kind, type, title_bg, title_en, description_bg, status,
          valid_until, published_at, close_outcome)
        values (${organizationId}, ${o.kind ?? 'offer'}, ${o.type ?? 'infrastructure'}, ${name}, ${name}, 'Описание',
          ${status}, ${o.validUntil ?? '2099-12-31'}::date, ${o.publishedAt}::timestamptz,
          ${status === 'closed' ? 'other' : null})
        returning id`,
  );
  for (const area of o.areas) {
    await h.query(sql`insert into board_item_areas (item_id, area_id) values (${row!.id}, ${area})`);
  }
  item[name] = row!.id;
  return row!.id;
}

async function insertResource(organizationId: string): Promise<string> {
  const hours = JSON.stringify(Array.from({ length: 7 }, () => ({ opens: '00:00', closes: '24:00' })));
  const [row] = await h.query<{ id: string }>(
    sql`insert into shared_resources (organization_id, kind, name_bg, name_en, conditions, opening_hours)
        values (${organizationId}, 'lab', 'Лаборатория', 'Lab', 'free', ${hours}::jsonb) returning id`,
  );
  return row!.id;
}

async function insertBooking(
  resourceId: string,
  organizationId: string,
  startsAt: string,
  status = 'confirmed',
) {
  await h.query(
    sql`insert into resource_bookings (resource_id, organization_id, starts_at, ends_at, status)
        values (${resourceId}, ${organizationId}, ${startsAt}::timestamptz,
          ${startsAt}::timestamptz + interval '1 hour', ${status})`,
  );
}

async function insertConversation(
  itemId: string,
  ownerId: string,
  interestedId: string,
  openedAt: string,
  agreedAt: string | null = null,
): Promise<string> {
  const [row] = await h.query<{ id: string }>(
    sql`insert into conversations (item_id, owner_organization_id, interested_organization_id, status,
          agreed_proposed_by_organization_id, agreed_proposed_at, agreed_confirmed_at, created_at)
        values (${itemId}, ${ownerId}, ${interestedId}, ${agreedAt ? 'agreed' : 'open'},
          ${agreedAt ? interestedId : null}, ${agreedAt}::timestamptz, ${agreedAt}::timestamptz,
          ${openedAt}::timestamptz)
        returning id`,
  );
  return row!.id;
}

const get = (cookie: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie } });

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  org.lab = await insertOrganization(h, {
    nameBg: 'Лаборатория ООД',
    nameEn: 'Lab Ltd',
    areas: ['ict-software'],
  });
  org.studio = await insertOrganization(h, {
    nameBg: 'Студио АД',
    nameEn: 'Studio Plc',
    areas: ['creative-xr', 'ict-ai-data'],
  });
  org.uni = await insertOrganization(h, {
    nameBg: 'Университет',
    nameEn: 'University',
    kind: 'university',
    areas: ['ict'],
  });
  org.former = await insertOrganization(h, { nameBg: 'Бивш член', status: 'withdrawn', areas: ['ict'] });

  // Sofia is UTC+2 in winter and UTC+3 in summer (from the last Sunday of March).
  // 31 Jan 23:30 Sofia (21:30 UTC) is January; 1 Feb 00:30 Sofia (31 Jan 22:30 UTC) is February.
  await insertItem('jan-late', org.lab, { publishedAt: '2026-01-31T21:30:00Z', areas: ['ict-software'] });
  await insertItem('feb-early', org.lab, {
    type: 'people',
    publishedAt: '2026-01-31T22:30:00Z',
    areas: ['ict-software', 'ict-ai-data'],
  });
  // 1 Apr 00:30 Sofia in summer time is 31 Mar 21:30 UTC: April.
  await insertItem('apr-early', org.studio, {
    kind: 'request',
    type: 'joint_project',
    publishedAt: '2026-03-31T21:30:00Z',
    areas: ['creative-xr', 'ict-software'],
  });
  // Closed since, but published in March: it still counts for March.
  await insertItem('mar-closed', org.studio, {
    publishedAt: '2026-03-10T10:00:00Z',
    status: 'closed',
    areas: ['creative-xr'],
  });
  // Never published: not counted.
  await insertItem('draft', org.lab, { publishedAt: null, areas: ['ict-software'] });
  // Before the period.
  await insertItem('dec-2025', org.uni, { publishedAt: '2025-12-31T21:59:00Z', areas: ['ict'] });
  // Open requests: one on the board, one expired, one closed.
  await insertItem('open-request', org.uni, {
    kind: 'request',
    type: 'people',
    publishedAt: '2026-02-15T10:00:00Z',
    areas: ['ict'],
  });
  await insertItem('expired-request', org.uni, {
    kind: 'request',
    publishedAt: '2026-02-16T10:00:00Z',
    validUntil: '2026-03-01',
    areas: ['ict'],
  });

  const lab = await insertResource(org.lab);
  const studio = await insertResource(org.studio);
  // Sofia February: 31 Jan 22:00 UTC is 1 Feb 00:00 Sofia.
  await insertBooking(lab, org.studio, '2026-01-31T22:00:00Z');
  await insertBooking(lab, org.studio, '2026-02-10T08:00:00Z');
  await insertBooking(studio, org.uni, '2026-03-03T08:00:00Z');
  // Not counted: not confirmed, one's own resource, a former member.
  await insertBooking(studio, org.lab, '2026-03-04T08:00:00Z', 'requested');
  await insertBooking(lab, org.lab, '2026-03-05T08:00:00Z');
  await insertBooking(lab, org.former, '2026-03-06T08:00:00Z');

  // Conversations: the studio asks about the lab's January offer (1 Mar 00:30 Sofia: March); the university
  // answers the studio's request and they agree a partnership in April.
  await insertConversation(item['jan-late']!, org.lab, org.studio, '2026-02-28T22:30:00Z');
  const agreed = await insertConversation(
    item['apr-early']!,
    org.studio,
    org.uni,
    '2026-04-02T10:00:00Z',
    '2026-04-20T10:00:00Z',
  );
  const [partnership] = await h.query<{ id: string }>(
    sql`insert into partnerships (conversation_id, owner_organization_id, partner_organization_id, agreed_at)
        values (${agreed}, ${org.studio}, ${org.uni}, '2026-04-20T10:00:00Z') returning id`,
  );
  for (const area of ['creative-xr', 'ict-software']) {
    await h.query(
      sql`insert into partnership_areas (partnership_id, area_id) values (${partnership!.id}, ${area})`,
    );
  }

  const c = await insertUser(h, { roles: ['committee_member'] });
  committee = await logIn(app, c.email);
  const r = await insertUser(h, { roles: ['representative'], organizationIds: [org.lab] });
  representative = await logIn(app, r.email);
});

afterAll(async () => {
  await app.close();
  await h.close();
});

describe('the overview of cooperation', () => {
  it('counts items per Sofia month and type, each item once, from the month it was published', async () => {
    const res = await get(committee, '/api/committee/cooperation/overview?from=2026-01&to=2026-04');
    expect(res.statusCode, res.body).toBe(200);
    const o = CooperationOverviewSchema.parse(res.json());
    expect(o.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(o.itemsPerMonth).toEqual([
      { month: '2026-01', type: 'infrastructure', count: 1 },
      { month: '2026-02', type: 'infrastructure', count: 1 },
      { month: '2026-02', type: 'people', count: 2 },
      { month: '2026-03', type: 'infrastructure', count: 1 },
      { month: '2026-04', type: 'joint_project', count: 1 },
    ]);
  });

  it('counts items per theme, a sub-area under its theme and an item in two themes in both', async () => {
    const o = (await get(committee, '/api/committee/cooperation/overview?from=2026-01&to=2026-04')).json();
    expect(o.itemsPerArea).toEqual([
      { areaId: 'creative', type: 'infrastructure', count: 1 },
      { areaId: 'creative', type: 'joint_project', count: 1 },
      { areaId: 'ict', type: 'infrastructure', count: 2 },
      { areaId: 'ict', type: 'joint_project', count: 1 },
      { areaId: 'ict', type: 'people', count: 2 },
    ]);
    expect(o.areas.map((a: { id: string }) => a.id)).toEqual([
      'ict',
      'mechatronics',
      'healthy-life',
      'creative',
      'clean-tech',
    ]);
  });

  it('narrows every series to a theme', async () => {
    const o = (
      await get(committee, '/api/committee/cooperation/overview?from=2026-01&to=2026-04&area=creative')
    ).json();
    expect(o.area).toBe('creative');
    expect(o.itemsPerMonth).toEqual([
      { month: '2026-03', type: 'infrastructure', count: 1 },
      { month: '2026-04', type: 'joint_project', count: 1 },
    ]);
    expect(o.itemsPerArea.every((r: { areaId: string }) => r.areaId === 'creative')).toBe(true);
    // Bookings touching an organisation in the theme: the studio's hosted and made ones.
    expect(o.bookingsPerMonth).toEqual([
      { month: '2026-02', count: 2 },
      { month: '2026-03', count: 1 },
    ]);
    expect(o.unansweredRequests).toEqual([]);
  });

  it('counts confirmed bookings between members per Sofia month of their start', async () => {
    const o = (await get(committee, '/api/committee/cooperation/overview?from=2026-01&to=2026-04')).json();
    expect(o.bookingsPerMonth).toEqual([
      { month: '2026-02', count: 2 },
      { month: '2026-03', count: 2 },
    ]);
  });

  it('ranks the most active members by items, bookings made or hosted, conversations and partnerships', async () => {
    const o = (await get(committee, '/api/committee/cooperation/overview?from=2026-01&to=2026-04')).json();
    expect(
      o.activeMembers.map(
        (m: {
          nameEn: string;
          items: number;
          bookings: number;
          conversations: number;
          partnerships: number;
        }) => [m.nameEn, m.items, m.bookings, m.conversations, m.partnerships],
      ),
    ).toEqual([
      ['Studio Plc', 2, 3, 2, 1],
      ['Lab Ltd', 2, 3, 1, 0],
      ['University', 2, 1, 1, 1],
      ['Бивш член', 0, 1, 0, 0],
    ]);
    expect(o.activeMembers[0].total).toBe(8);
  });

  it('counts conversations opened and partnerships agreed per Sofia month and per theme of the item', async () => {
    const o = (await get(committee, '/api/committee/cooperation/overview?from=2026-01&to=2026-04')).json();
    expect(o.conversationsPerMonth).toEqual([
      { month: '2026-03', conversations: 1, partnerships: 0 },
      { month: '2026-04', conversations: 1, partnerships: 1 },
    ]);
    expect(o.conversationsPerArea).toEqual([
      { areaId: 'creative', conversations: 1, partnerships: 1 },
      { areaId: 'ict', conversations: 2, partnerships: 1 },
    ]);
    const creative = (
      await get(committee, '/api/committee/cooperation/overview?from=2026-01&to=2026-04&area=creative')
    ).json();
    expect(creative.conversationsPerMonth).toEqual([{ month: '2026-04', conversations: 1, partnerships: 1 }]);
    const february = (
      await get(committee, '/api/committee/cooperation/overview?from=2026-02&to=2026-02')
    ).json();
    expect(february.conversationsPerMonth).toEqual([]);
  });

  it('lists requests on the board now that no one has answered, not expired or closed ones', async () => {
    const o = await cooperationOverview(
      h.db,
      { from: '2026-01', to: '2026-04' },
      new Date('2026-03-15T12:00:00Z'),
    );
    // The studio's request has a conversation: answered.
    expect(o.unansweredRequests.map((r) => r.titleBg)).toEqual(['open-request']);
    expect(o.unansweredRequests[0]).toMatchObject({
      organizationNameEn: 'University',
      validUntil: '2099-12-31',
    });
  });

  it('shows the last twelve Sofia months when no period is given', async () => {
    const o = await cooperationOverview(h.db, {}, new Date('2026-12-31T22:30:00Z'));
    // 00:30 on 1 January 2027 in Sofia.
    expect(o.to).toBe('2027-01');
    expect(o.from).toBe('2026-02');
    expect(o.months).toHaveLength(12);
  });

  it('refuses a period that ends before it starts, or is too long, with a field error in the language asked', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/committee/cooperation/overview?from=2026-05&to=2026-01',
      headers: { cookie: committee, 'accept-language': 'bg' },
    });
    expect(res.statusCode).toBe(400);
    const problem = res.json() as Problem;
    expect(problem.errors?.[0]).toMatchObject({
      path: 'to',
      message: 'Краят на периода трябва да е след началото му.',
    });
    const long = await get(committee, '/api/committee/cooperation/overview?from=2020-01&to=2026-01');
    expect(long.statusCode).toBe(400);
    expect((long.json() as Problem).errors?.[0]?.path).toBe('to');
    for (const from of ['2026-13', '0000-01', '2026-1']) {
      const bad = await get(committee, `/api/committee/cooperation/overview?from=${from}`);
      expect(bad.statusCode, from).toBe(400);
    }
  });

  it('refuses a representative (the committee and administrators only)', async () => {
    const res = await get(representative, '/api/committee/cooperation/overview');
    expect(res.statusCode).toBe(403);
  });
});

describe('the overview as CSV', () => {
  it('carries every month of every series with the same numbers, UTF-8 with a byte-order mark', async () => {
    const res = await get(committee, '/api/committee/cooperation/overview.csv?from=2026-01&to=2026-04');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="cooperation-2026-01-2026-04.csv"');
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\ufeffseries,month,area,type,organization,item,count\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toContain('items_per_month,2026-02,,people,,,2');
    expect(lines).toContain('items_per_month,2026-01,,joint_project,,,0');
    expect(lines).toContain('items_per_area,,ict,infrastructure,,,2');
    expect(lines).toContain('bookings_per_month,2026-03,,,,,2');
    expect(lines).toContain('bookings_per_month,2026-04,,,,,0');
    expect(lines).toContain('conversations_per_month,2026-03,,,,,1');
    expect(lines).toContain('partnerships_per_month,2026-04,,,,,1');
    expect(lines).toContain('partnerships_per_area,,creative,,,,1');
    expect(lines).toContain('active_member,,,,Студио АД,,8');
    expect(lines.filter((l) => l.startsWith('unanswered_request,'))).toEqual([
      expect.stringMatching(/^unanswered_request,2026-02,,,Университет,open-request,1$/),
    ]);
    expect(lines.filter((l) => l.startsWith('items_per_month,'))).toHaveLength(4 * BOARD_ITEM_TYPES.length);
  });

  it('names the theme in the file name and rows when filtered', async () => {
    const res = await get(
      committee,
      '/api/committee/cooperation/overview.csv?from=2026-03&to=2026-03&area=creative',
    );
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="cooperation-2026-03-2026-03-creative.csv"',
    );
    expect(res.rawPayload.toString('utf8')).toContain('items_per_month,2026-03,creative,infrastructure,,,1');
  });
});

describe('the network picture', () => {
  it('shows active members as nodes with their kind and first theme, partnerships and confirmed bookings as links', async () => {
    const res = await get(committee, '/api/committee/cooperation/network?from=2026-01&to=2026-04');
    expect(res.statusCode, res.body).toBe(200);
    const n = CooperationNetworkSchema.parse(res.json());
    const node = (id: string) => n.nodes.find((x) => x.id === id);
    expect(node(org.former)).toBeUndefined();
    expect(node(org.uni)).toMatchObject({ kind: 'university', areaId: 'ict' });
    // The studio is in ict (position 1) and creative (position 4): its first theme is ict.
    expect(node(org.studio)).toMatchObject({ areaId: 'ict' });
    const pair = (a: string, b: string) => (a < b ? [a, b] : [b, a]);
    expect(n.links.map((l) => [l.type, l.source, l.target, l.count])).toEqual(
      expect.arrayContaining([
        ['booking', ...pair(org.lab, org.studio), 2],
        ['booking', ...pair(org.studio, org.uni), 1],
        ['partnership', ...pair(org.studio, org.uni), 1],
      ]),
    );
    // Not the booking of a former member, not one's own resource, not a request; no open conversation.
    expect(n.links).toHaveLength(3);
  });

  it('filters by period and theme', async () => {
    const march = CooperationNetworkSchema.parse(
      (await get(committee, '/api/committee/cooperation/network?from=2026-03&to=2026-03')).json(),
    );
    expect(march.links).toHaveLength(1);
    const creative = CooperationNetworkSchema.parse(
      (
        await get(committee, '/api/committee/cooperation/network?from=2026-01&to=2026-04&area=creative')
      ).json(),
    );
    expect(creative.nodes.map((x) => x.id)).toEqual([org.studio]);
    expect(creative.links).toEqual([]);
  });
});
