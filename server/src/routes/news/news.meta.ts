import type { Db } from '@portal/db';
import { newsCoverUrl, newsPath, pickLanguage } from '@portal/shared';
import type { PageMeta } from '../../plugins/spa.ts';
import { getPublicPost } from './news.service.ts';

/** A plain-text excerpt of a Markdown body for a link preview (markup characters dropped). */
export function excerptOf(markdown: string, max = 200): string {
  const text = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * The Open Graph meta of a public post (null: none at that address): in the reader's language
 * (Accept-Language) when the post exists in it, else in the one it has.
 */
export async function newsPageMeta(
  db: Db,
  publicUrl: string,
  slug: string,
  acceptLanguage: string | undefined,
): Promise<PageMeta | null> {
  const post = await getPublicPost(db, slug).catch(() => null);
  if (!post) return null;
  const wanted = pickLanguage(acceptLanguage);
  const lang = (wanted === 'en' ? post.titleEn : post.titleBg) ? wanted : wanted === 'en' ? 'bg' : 'en';
  const title = lang === 'en' ? post.titleEn : post.titleBg;
  const summary = lang === 'en' ? post.summaryEn : post.summaryBg;
  const body = lang === 'en' ? post.bodyEn : post.bodyBg;
  return {
    title,
    description: summary || excerptOf(body),
    url: `${publicUrl.replace(/\/$/, '')}${newsPath(post.slug)}`,
    lang,
    type: 'article',
    ...(post.coverVersion !== null
      ? { image: `${publicUrl.replace(/\/$/, '')}${newsCoverUrl(post.id, post.coverVersion, 'large')}` }
      : {}),
  };
}
