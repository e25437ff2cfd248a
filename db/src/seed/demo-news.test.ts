import { markdownProblem, NewsPostCreateBodySchema } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { createTestDb, testEngine } from '../testing.ts';
import { DEMO_NEWS, seedDemo } from './index.ts';

let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
});
afterAll(async () => {
  await h?.close();
});

const publicSlugs = () =>
  h.query<{ slug: string }>(
    sql`select slug from news_posts where status = 'published' and publish_at <= now()
        order by publish_at desc, id limit 3`,
  );

describe(`the demo news (${testEngine})`, () => {
  it('shows three public posts on the home page, the committee’s first meeting among them', async () => {
    const slugs = (await publicSlugs()).map((r) => r.slug);
    expect(slugs).toHaveLength(3);
    expect(slugs).toContain('first-official-meeting-of-the-initiative-committee');
    expect(slugs).toContain('digital-sofia-opens-city-data-platform-to-members');
  });

  it('passes the Markdown rules and the body schema, has a waiting member news and a scheduled post', async () => {
    for (const post of DEMO_NEWS) {
      expect(markdownProblem(post.bodyBg), post.slug).toBeNull();
      expect(markdownProblem(post.bodyEn), post.slug).toBeNull();
      const { category, slug, titleBg, titleEn, summaryBg, summaryEn, bodyBg, bodyEn, areas } = post;
      const body = { category, slug, titleBg, titleEn, summaryBg, summaryEn, bodyBg, bodyEn, areaIds: areas };
      expect(NewsPostCreateBodySchema.safeParse(body).success, post.slug).toBe(true);
    }
    const [counts] = await h.query<{ submitted: number; scheduled: number }>(
      sql`select count(*) filter (where status = 'submitted')::int as submitted,
            count(*) filter (where status = 'published' and publish_at > now())::int as scheduled
          from news_posts`,
    );
    expect(counts).toEqual({ submitted: 1, scheduled: 1 });
  });

  it('changes nothing when seeded again', async () => {
    const before = await h.query(sql`select id, version, updated_at::text from news_posts order by id`);
    await seedDemo(h.db);
    expect(await h.query(sql`select id, version, updated_at::text from news_posts order by id`)).toEqual(
      before,
    );
  });
});
