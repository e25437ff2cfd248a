import {
  constraintViolation,
  type Db,
  isoTimestamp,
  newsCovers,
  newsPostAreas,
  newsPosts,
  parseJson,
  rowsOf,
  type SQL,
  sql,
} from '@portal/db';
import {
  type AreaRef,
  effectiveNewsStatus,
  type Language,
  NEWS_FEED_SIZE,
  type NewsCategory,
  type NewsEditorListQuery,
  type NewsListQuery,
  type NewsListResponse,
  type NewsPost,
  type NewsPostCreateBody,
  type NewsPostListResponse,
  type NewsPostUpdateBody,
  type NewsProposalCreateBody,
  type NewsProposalUpdateBody,
  type NewsPublicPost,
  type NewsPublishBody,
  type NewsReturnBody,
  type NewsStatus,
  type NewsSummary,
  newsSlugOf,
} from '@portal/shared';
import { type Actor, recordAudit, type SignedInActor } from '../../audit.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordEvent } from '../../events/events.ts';
import { knownAreaIds } from '../board/board.repository.ts';
import { eventsOf } from './events.service.ts';

/**
 * News posts (issue 15 §4, decision 040). A post is public while it is published and its `publish_at` has
 * come: "scheduled" is that condition seen before the time, computed in every query (no job flips it).
 * Every change names the version it was made on and leaves an audit entry with the text before and after.
 */

/** The condition that makes a post public, in SQL over the alias `p`. */
export const PUBLIC_POST = sql.raw(`p.status = 'published' and p.publish_at <= now()`);

const notFound = () => new AppError('news.not_found', 404);

// ---------- reading ----------

interface PostRow extends Record<string, unknown> {
  id: string;
  slug: string;
  category: NewsCategory;
  status: NewsStatus;
  title_bg: string;
  title_en: string;
  summary_bg: string;
  summary_en: string;
  body_bg: string;
  body_en: string;
  publish_at: string | null;
  org_id: string | null;
  org_name_bg: string | null;
  org_name_en: string | null;
  author_id: string | null;
  author_name: string | null;
  editor_id: string | null;
  editor_name: string | null;
  return_reason: string | null;
  cover_version: number | null;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  area_ids: string[] | string;
  areas: AreaRef[] | string;
}

const postSelect = sql`
  select p.id, p.slug, p.category, p.status, p.title_bg, p.title_en, p.summary_bg, p.summary_en,
    p.body_bg, p.body_en, ${isoTimestamp('p.publish_at')} as publish_at,
    o.id as org_id, o.name_bg as org_name_bg, o.name_en as org_name_en,
    case when au.erased_at is null then au.id end as author_id,
    case when au.erased_at is null then au.display_name end as author_name,
    case when ed.erased_at is null then ed.id end as editor_id,
    case when ed.erased_at is null then ed.display_name end as editor_name,
    p.return_reason, p.cover_version, ${isoTimestamp('p.submitted_at')} as submitted_at,
    ${isoTimestamp('p.created_at')} as created_at, ${isoTimestamp('p.updated_at')} as updated_at, p.version,
    coalesce((select json_agg(pa.area_id order by pa.area_id) from news_post_areas pa where pa.post_id = p.id),
      '[]'::json) as area_ids,
    coalesce((select json_agg(json_build_object('id', a.id, 'nameBg', a.name_bg, 'nameEn', a.name_en)
        order by a.position, a.id)
      from news_post_areas pa join areas a on a.id = pa.area_id where pa.post_id = p.id), '[]'::json) as areas
  from news_posts p
  left join organizations o on o.id = p.organization_id
  left join users au on au.id = p.author_id
  left join users ed on ed.id = p.editor_id`;

const orgOf = (r: PostRow) =>
  r.org_id ? { id: r.org_id, nameBg: r.org_name_bg ?? '', nameEn: r.org_name_en ?? '' } : null;

export function postOf(r: PostRow, now = new Date()): NewsPost {
  return {
    id: r.id,
    slug: r.slug,
    category: r.category,
    status: r.status,
    effectiveStatus: effectiveNewsStatus(r.status, r.publish_at, now),
    titleBg: r.title_bg,
    titleEn: r.title_en,
    summaryBg: r.summary_bg,
    summaryEn: r.summary_en,
    bodyBg: r.body_bg,
    bodyEn: r.body_en,
    areaIds: parseJson(r.area_ids) as string[],
    publishAt: r.publish_at,
    organization: orgOf(r),
    author: r.author_id ? { id: r.author_id, name: r.author_name ?? '' } : null,
    editor: r.editor_id ? { id: r.editor_id, name: r.editor_name ?? '' } : null,
    returnReason: r.return_reason,
    coverVersion: r.cover_version === null ? null : Number(r.cover_version),
    submittedAt: r.submitted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function summaryOf(r: PostRow): NewsSummary {
  return {
    id: r.id,
    slug: r.slug,
    category: r.category,
    titleBg: r.title_bg,
    titleEn: r.title_en,
    summaryBg: r.summary_bg,
    summaryEn: r.summary_en,
    areas: parseJson(r.areas) as AreaRef[],
    publishedAt: r.publish_at ?? r.created_at,
    organization: orgOf(r),
    coverVersion: r.cover_version === null ? null : Number(r.cover_version),
    event: null,
  };
}

/** Summaries with their events (posts of category event that have a date). */
async function withEvents<T extends NewsSummary>(db: Db, items: T[]): Promise<T[]> {
  const events = await eventsOf(
    db,
    items.filter((i) => i.category === 'event').map((i) => i.id),
  );
  return items.map((i) => ({ ...i, event: events.get(i.id) ?? null }));
}

async function findPost(db: Db, where: SQL): Promise<PostRow | undefined> {
  const [row] = await rowsOf<PostRow>(db, sql`${postSelect} where ${where}`);
  return row;
}

export async function getPost(db: Db, id: string): Promise<NewsPost> {
  const row = await findPost(db, sql`p.id = ${id}`);
  if (!row) throw notFound();
  return postOf(row);
}

/** The public list: published posts whose time has come, newest first. */
export async function listPublicNews(db: Db, query: NewsListQuery): Promise<NewsListResponse> {
  const filters: SQL[] = [PUBLIC_POST];
  if (query.category) filters.push(sql`p.category = ${query.category}`);
  if (query.area)
    filters.push(sql`exists (select 1 from news_post_areas pa join areas a on a.id = pa.area_id
      where pa.post_id = p.id and (a.id = ${query.area} or a.parent_id = ${query.area}))`);
  const where = sql.join(filters, sql` and `);
  const offset = (query.page - 1) * query.pageSize;
  const rows = await rowsOf<PostRow>(
    db,
    sql`${postSelect} where ${where} order by p.publish_at desc, p.id limit ${query.pageSize} offset ${offset}`,
  );
  const [count] = await rowsOf<{ n: number | string }>(
    db,
    sql`select count(*)::int as n from news_posts p where ${where}`,
  );
  return {
    items: await withEvents(db, rows.map(summaryOf)),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getPublicPost(db: Db, slug: string): Promise<NewsPublicPost> {
  const row = await findPost(db, sql`p.slug = ${slug} and ${PUBLIC_POST}`);
  if (!row) throw notFound();
  const [post] = await withEvents(db, [
    { ...summaryOf(row), bodyBg: row.body_bg, bodyEn: row.body_en, authorName: row.author_name },
  ]);
  return post!;
}

/** The newest public posts that exist in `lang` (for the feed of that language). */
export async function feedPosts(db: Db, lang: Language): Promise<NewsPublicPost[]> {
  const has = lang === 'en' ? sql.raw(`p.title_en <> ''`) : sql.raw(`p.title_bg <> ''`);
  const rows = await rowsOf<PostRow>(
    db,
    sql`${postSelect} where ${PUBLIC_POST} and ${has} order by p.publish_at desc, p.id limit ${NEWS_FEED_SIZE}`,
  );
  return rows.map((row) => ({
    ...summaryOf(row),
    bodyBg: row.body_bg,
    bodyEn: row.body_en,
    authorName: row.author_name,
  }));
}

const statusFilter = (status: NewsEditorListQuery['status']): SQL => {
  if (!status) return sql`true`;
  if (status === 'scheduled') return sql.raw(`p.status = 'published' and p.publish_at > now()`);
  if (status === 'published') return PUBLIC_POST;
  return sql`p.status = ${status}`;
};

/** Every post for its editors (committee, administrators), newest change first. */
export async function listEditorNews(db: Db, query: NewsEditorListQuery): Promise<NewsPostListResponse> {
  const where = statusFilter(query.status);
  const offset = (query.page - 1) * query.pageSize;
  const now = new Date();
  const rows = await rowsOf<PostRow>(
    db,
    sql`${postSelect} where ${where} order by p.updated_at desc, p.id limit ${query.pageSize} offset ${offset}`,
  );
  const [count] = await rowsOf<{ n: number | string }>(
    db,
    sql`select count(*)::int as n from news_posts p where ${where}`,
  );
  return {
    items: rows.map((r) => postOf(r, now)),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The member news a user proposed (any status), and those of the organisations they represent. */
export async function listOwnProposals(db: Db, userId: string): Promise<NewsPost[]> {
  const rows = await rowsOf<PostRow>(
    db,
    sql`${postSelect} where p.category = 'member_news' and p.organization_id is not null
      and (p.author_id = ${userId} or p.organization_id in
        (select organization_id from user_organizations where user_id = ${userId}))
      order by p.updated_at desc, p.id limit 200`,
  );
  const now = new Date();
  return rows.map((r) => postOf(r, now));
}

// ---------- writing ----------

async function checkedAreas(tx: Db, areaIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(areaIds)];
  const known = await knownAreaIds(tx, unique);
  unique.forEach((id) => {
    if (!known.has(id)) throw fieldError(`body.areaIds.${areaIds.indexOf(id)}`, 'news.area_unknown', { id });
  });
  return unique.sort();
}

async function setAreas(tx: Db, postId: string, areaIds: string[]) {
  await tx.execute(sql`delete from news_post_areas where post_id = ${postId}`);
  if (areaIds.length) await tx.insert(newsPostAreas).values(areaIds.map((areaId) => ({ postId, areaId })));
}

/** A free address: `base`, else `base-2`, `base-3`, … */
async function freeSlug(tx: Db, base: string, exceptId: string | null = null): Promise<string> {
  const rows = await rowsOf<{ slug: string }>(
    tx,
    sql`select slug from news_posts where (slug = ${base} or slug like ${`${base}-%`})
      and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`,
  );
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, 80 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A slug taken by a concurrent write is a field error, never a 500. */
async function slugSafe<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const violation = constraintViolation(error);
    if (violation?.kind === 'unique' && violation.constraint === 'news_posts_slug_idx')
      throw fieldError('body.slug', 'news.slug_taken');
    throw error;
  }
}

type Content = Pick<
  NewsPostCreateBody,
  'titleBg' | 'titleEn' | 'summaryBg' | 'summaryEn' | 'bodyBg' | 'bodyEn' | 'areaIds'
>;

const contentOf = (body: Content) => ({
  titleBg: body.titleBg,
  titleEn: body.titleEn,
  summaryBg: body.summaryBg,
  summaryEn: body.summaryEn,
  bodyBg: body.bodyBg,
  bodyEn: body.bodyEn,
});

const snapshot = (p: NewsPost) => ({
  slug: p.slug,
  category: p.category,
  status: p.status,
  titleBg: p.titleBg,
  titleEn: p.titleEn,
  summaryBg: p.summaryBg,
  summaryEn: p.summaryEn,
  bodyBg: p.bodyBg,
  bodyEn: p.bodyEn,
  areaIds: p.areaIds,
  publishAt: p.publishAt,
  organizationId: p.organization?.id ?? null,
  returnReason: p.returnReason,
  coverVersion: p.coverVersion,
});

/** Reads the post for a change, locked, and checks the version the client read. */
async function lockForChange(tx: Db, id: string, version: number): Promise<NewsPost> {
  const [locked] = await rowsOf<{ id: string }>(
    tx,
    sql`select id from news_posts where id = ${id} for update`,
  );
  if (!locked) throw notFound();
  const post = await getPost(tx, id);
  if (post.version !== version) throw new AppError('news.stale', 409, { extensions: { current: post } });
  return post;
}

async function insertPost(
  db: Db,
  actor: SignedInActor,
  values: Content & { category: NewsCategory; slug: string | null; organizationId: string | null },
): Promise<NewsPost> {
  return slugSafe(() =>
    db.transaction(async (tx) => {
      const areaIds = await checkedAreas(tx, values.areaIds);
      const slug = values.slug
        ? await ensureFree(tx, values.slug)
        : await freeSlug(tx, newsSlugOf(values.titleEn || values.titleBg));
      const [row] = await tx
        .insert(newsPosts)
        .values({
          ...contentOf(values),
          slug,
          category: values.category,
          organizationId: values.organizationId,
          authorId: actor.userId,
          editorId: actor.userId,
        })
        .returning({ id: newsPosts.id });
      await setAreas(tx, row!.id, areaIds);
      const post = await getPost(tx, row!.id);
      await recordAudit(tx, actor, {
        action: 'news.created',
        entityType: 'news_post',
        entityId: post.id,
        after: snapshot(post),
      });
      return post;
    }),
  );
}

async function ensureFree(tx: Db, slug: string, exceptId: string | null = null): Promise<string> {
  const [taken] = await rowsOf<{ id: string }>(
    tx,
    sql`select id from news_posts where slug = ${slug} and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`,
  );
  if (taken) throw fieldError('body.slug', 'news.slug_taken');
  return slug;
}

export function createPost(db: Db, actor: SignedInActor, body: NewsPostCreateBody): Promise<NewsPost> {
  return insertPost(db, actor, { ...body, organizationId: null });
}

async function changePost(
  db: Db,
  actor: SignedInActor,
  id: string,
  version: number,
  action: 'news.updated' | 'news.published' | 'news.archived' | 'news.submitted' | 'news.returned',
  change: (before: NewsPost, tx: Db) => Promise<Record<string, unknown>>,
  after?: (tx: Db, before: NewsPost, post: NewsPost) => Promise<void>,
): Promise<NewsPost> {
  return slugSafe(() =>
    db.transaction(async (tx) => {
      const before = await lockForChange(tx, id, version);
      const set = await change(before, tx);
      await tx.execute(
        sql`update news_posts set ${sql.join(
          Object.entries({ ...set, editor_id: actor.userId }).map(
            ([column, value]) => sql`${sql.identifier(column)} = ${value}`,
          ),
          sql`, `,
        )}, updated_at = now(), version = version + 1 where id = ${id}`,
      );
      const post = await getPost(tx, id);
      await recordAudit(tx, actor, {
        action,
        entityType: 'news_post',
        entityId: id,
        before: snapshot(before),
        after: snapshot(post),
      });
      await after?.(tx, before, post);
      return post;
    }),
  );
}

const transitionInvalid = (status: string) =>
  new AppError('news.transition_invalid', 409, { values: { status } });

export function updatePost(db: Db, actor: SignedInActor, id: string, body: NewsPostUpdateBody) {
  return changePost(db, actor, id, body.version, 'news.updated', async (before, tx) => {
    if (before.status === 'archived') throw transitionInvalid(before.status);
    const areaIds = await checkedAreas(tx, body.areaIds);
    const slug = body.slug === before.slug ? before.slug : await ensureFree(tx, body.slug, id);
    // Member news stays member news (its organisation is kept); other posts may not become member news
    // of no one — the category is free otherwise.
    if (before.organization && body.category !== 'member_news')
      throw fieldError('body.category', 'news.member_news_category');
    await setAreas(tx, id, areaIds);
    return {
      title_bg: body.titleBg,
      title_en: body.titleEn,
      summary_bg: body.summaryBg,
      summary_en: body.summaryEn,
      body_bg: body.bodyBg,
      body_en: body.bodyEn,
      slug,
      category: body.category,
    };
  });
}

/**
 * Publishes now or at `publishAt` (then it is scheduled until that time); also approves a submitted
 * member news, whose proposer hears of it. A published post may be rescheduled; an archived one comes back.
 */
export function publishPost(db: Db, actor: SignedInActor, id: string, body: NewsPublishBody) {
  return changePost(
    db,
    actor,
    id,
    body.version,
    'news.published',
    async (before) => {
      // A proposal still being written (draft or returned) is the proposer's: the committee decides only
      // what was submitted.
      if (before.organization && before.status !== 'submitted' && before.status !== 'published')
        throw transitionInvalid(before.status);
      return {
        status: 'published',
        publish_at: body.publishAt ? new Date(body.publishAt).toISOString() : new Date().toISOString(),
        return_reason: null,
      };
    },
    async (tx, before, post) => {
      if (before.status === 'submitted')
        await recordEvent(tx, {
          type: 'news.proposal_decided',
          payload: { postId: post.id, approved: true },
        });
    },
  );
}

export function archivePost(db: Db, actor: SignedInActor, id: string, version: number) {
  return changePost(db, actor, id, version, 'news.archived', async (before) => {
    if (before.status !== 'published') throw transitionInvalid(before.status);
    return { status: 'archived' };
  });
}

/** Returns a submitted member news to its proposer with the reason (they hear of it by email). */
export function returnProposal(db: Db, actor: SignedInActor, id: string, body: NewsReturnBody) {
  return changePost(
    db,
    actor,
    id,
    body.version,
    'news.returned',
    async (before) => {
      if (before.status !== 'submitted') throw transitionInvalid(before.status);
      return { status: 'returned', return_reason: body.reason };
    },
    async (tx, _before, post) =>
      recordEvent(tx, { type: 'news.proposal_decided', payload: { postId: post.id, approved: false } }),
  );
}

// ---------- member news proposals ----------

export function createProposal(db: Db, actor: SignedInActor, body: NewsProposalCreateBody) {
  const { organizationId, ...content } = body;
  return insertPost(db, actor, { ...content, category: 'member_news', slug: null, organizationId });
}

/** The proposal `id` of an organisation in `organizationIds` (those the user represents as a member). */
async function ownProposal(db: Db, id: string, organizationIds: readonly string[]): Promise<NewsPost> {
  const post = await getPost(db, id).catch(() => null);
  if (!post?.organization || !organizationIds.includes(post.organization.id)) throw notFound();
  return post;
}

export async function updateProposal(
  db: Db,
  actor: SignedInActor,
  id: string,
  organizationIds: readonly string[],
  body: NewsProposalUpdateBody,
) {
  await ownProposal(db, id, organizationIds);
  return changePost(db, actor, id, body.version, 'news.updated', async (before, tx) => {
    if (before.status !== 'draft' && before.status !== 'returned') throw transitionInvalid(before.status);
    await setAreas(tx, id, await checkedAreas(tx, body.areaIds));
    return {
      title_bg: body.titleBg,
      title_en: body.titleEn,
      summary_bg: body.summaryBg,
      summary_en: body.summaryEn,
      body_bg: body.bodyBg,
      body_en: body.bodyEn,
    };
  });
}

export async function submitProposal(
  db: Db,
  actor: SignedInActor,
  id: string,
  organizationIds: readonly string[],
  version: number,
) {
  await ownProposal(db, id, organizationIds);
  return changePost(db, actor, id, version, 'news.submitted', async (before) => {
    if (before.status !== 'draft' && before.status !== 'returned') throw transitionInvalid(before.status);
    return { status: 'submitted', submitted_at: new Date().toISOString(), return_reason: null };
  });
}

// ---------- cover images ----------

/** Stores a new cover (the post takes a new version, which is the cover's version) and audits it. */
export async function saveCover(
  db: Db,
  actor: SignedInActor,
  id: string,
  cover: { sourceType: string; large: Buffer; small: Buffer; width: number; height: number },
  bytes: number,
): Promise<NewsPost> {
  return db.transaction(async (tx) => {
    const [locked] = await rowsOf<{ version: number }>(
      tx,
      sql`select version from news_posts where id = ${id} for update`,
    );
    if (!locked) throw notFound();
    const before = await getPost(tx, id);
    const version = Number(locked.version) + 1;
    await tx.execute(sql`update news_posts set version = ${version}, cover_version = ${version},
      editor_id = ${actor.userId}, updated_at = now() where id = ${id}`);
    await tx
      .insert(newsCovers)
      .values({ postId: id, version, ...cover })
      .onConflictDoUpdate({ target: newsCovers.postId, set: { version, ...cover, createdAt: sql`now()` } });
    await recordAudit(tx, actor, {
      action: 'news.updated',
      entityType: 'news_post',
      entityId: id,
      before: { coverVersion: before.coverVersion },
      after: {
        coverVersion: version,
        sourceType: cover.sourceType,
        bytes,
        width: cover.width,
        height: cover.height,
      },
    });
    return getPost(tx, id);
  });
}

/** Removes the cover (nothing to remove is no change); audited. */
export async function removeCover(db: Db, actor: SignedInActor, id: string): Promise<NewsPost> {
  return db.transaction(async (tx) => {
    const [locked] = await rowsOf<{ cover_version: number | null }>(
      tx,
      sql`select cover_version from news_posts where id = ${id} for update`,
    );
    if (!locked) throw notFound();
    if (locked.cover_version === null) return getPost(tx, id);
    await tx.execute(sql`update news_posts set version = version + 1, cover_version = null,
      editor_id = ${actor.userId}, updated_at = now() where id = ${id}`);
    await tx.execute(sql`delete from news_covers where post_id = ${id}`);
    await recordAudit(tx, actor, {
      action: 'news.updated',
      entityType: 'news_post',
      entityId: id,
      before: { coverVersion: Number(locked.cover_version) },
      after: { coverVersion: null },
    });
    return getPost(tx, id);
  });
}

/** A rendition of a post's cover; `publicOnly`: only while the post is public. */
export async function loadCover(
  db: Db,
  id: string,
  size: 'large' | 'small',
  publicOnly: boolean,
): Promise<{ version: number; bytes: Buffer } | null> {
  const [row] = await rowsOf<{ version: number; bytes: Buffer | Uint8Array }>(
    db,
    sql`select c.version, ${size === 'large' ? sql.raw('c.large') : sql.raw('c.small')} as bytes
        from news_covers c join news_posts p on p.id = c.post_id
        where c.post_id = ${id} ${publicOnly ? sql`and ${PUBLIC_POST}` : sql``}`,
  );
  if (!row) return null;
  return {
    version: Number(row.version),
    bytes: Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes),
  };
}

export type { Actor };
