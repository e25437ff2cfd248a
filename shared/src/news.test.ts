import { describe, expect, it } from 'vitest';
import {
  effectiveNewsStatus,
  isSafeNewsUrl,
  markdownProblem,
  NEWS_BODY_MAX,
  NewsPostCreateBodySchema,
  newsSlugOf,
} from './news.ts';

describe('markdownProblem', () => {
  it('accepts ordinary Markdown with safe links', () => {
    expect(
      markdownProblem(
        '# Заглавие\n\n**Удебелен** и *наклонен* текст, [сайт](https://example.bg "Заглавие"), ' +
          '[поща](mailto:info@example.bg), [страница](/news/x), <https://example.bg>\n\n- точка\n\n[ref]: http://example.bg',
      ),
    ).toBeNull();
    expect(markdownProblem('2 < 3 и 5 > 4')).toBeNull();
  });

  it.each([
    '<script>alert(1)</script>',
    'текст <SCRIPT src=x></SCRIPT>',
    '<img src=x onerror=alert(1)>',
    '<div>блок</div>',
    '</p>',
    '<!-- коментар -->',
    '<!DOCTYPE html>',
    '<?php echo 1 ?>',
    '`<b>в код</b>`',
  ])('refuses raw HTML: %s', (text) => {
    expect(markdownProblem(text)).toBe('news.markdown_html');
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x]( javascript:alert(1))',
    '[x](<javascript:alert(1)>)',
    '[x](java&#115;cript:alert(1))',
    '[x](java&#x73;cript:alert(1))',
    '[x](javascript&colon;alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](vbscript:msgbox)',
    '![img](javascript:alert(1))',
    '[x](//evil.example)',
    '[ref]: javascript:alert(1)',
    '<javascript:alert(1)>',
    '<file:///etc/passwd>',
  ])('refuses an unsafe link: %s', (text) => {
    expect(markdownProblem(text)).toBe('news.markdown_link');
  });
});

describe('isSafeNewsUrl', () => {
  it('allows http, https, mailto and paths on this site only', () => {
    expect(isSafeNewsUrl('https://example.bg/a?b=c')).toBe(true);
    expect(isSafeNewsUrl('HTTP://example.bg')).toBe(true);
    expect(isSafeNewsUrl('mailto:a@b.bg')).toBe(true);
    expect(isSafeNewsUrl('/news/x')).toBe(true);
    expect(isSafeNewsUrl('#section')).toBe(true);
    expect(isSafeNewsUrl('java\tscript:alert(1)')).toBe(false);
    expect(isSafeNewsUrl('tel:+359')).toBe(false);
    expect(isSafeNewsUrl('/\\evil.example')).toBe(false);
  });
});

describe('the post bodies', () => {
  const base = { category: 'news', titleBg: 'Заглавие', bodyBg: 'Текст' };

  it('names the field and the rule of a body with HTML or one too long', () => {
    const html = NewsPostCreateBodySchema.safeParse({ ...base, bodyBg: '<script>x</script>' });
    expect(html.success).toBe(false);
    expect(html.error?.issues[0]).toMatchObject({ path: ['bodyBg'], params: { code: 'news.markdown_html' } });
    const long = NewsPostCreateBodySchema.safeParse({
      ...base,
      bodyEn: 'a'.repeat(NEWS_BODY_MAX + 1),
      titleEn: 'T',
    });
    expect(long.error?.issues[0]).toMatchObject({ path: ['bodyEn'], params: { code: 'news.body_too_long' } });
    expect(NewsPostCreateBodySchema.safeParse({ ...base, bodyBg: 'a'.repeat(NEWS_BODY_MAX) }).success).toBe(
      true,
    );
  });

  it('needs one language with a title and a body; either language may be missing', () => {
    expect(NewsPostCreateBodySchema.safeParse({ category: 'news', titleEn: 'T', bodyEn: 'B' }).success).toBe(
      true,
    );
    const none = NewsPostCreateBodySchema.safeParse({ category: 'news' });
    expect(none.error?.issues[0]).toMatchObject({
      path: ['titleBg'],
      params: { code: 'news.language_incomplete' },
    });
    const bodyNoTitle = NewsPostCreateBodySchema.safeParse({ ...base, bodyEn: 'Text' });
    expect(bodyNoTitle.error?.issues[0]).toMatchObject({ path: ['titleEn'] });
  });
});

describe('newsSlugOf', () => {
  it('transliterates Bulgarian and joins words', () => {
    expect(newsSlugOf('Първо заседание на Инициативния комитет!')).toBe(
      'parvo-zasedanie-na-initsiativniya-komitet',
    );
    expect(newsSlugOf('Щастие, ЮЖНА: ОПИК 2026')).toBe('shtastie-yuzhna-opik-2026');
    expect(newsSlugOf('„“')).toBe('post');
    expect(newsSlugOf('a'.repeat(200)).length).toBe(80);
  });
});

describe('effectiveNewsStatus', () => {
  it('is scheduled while a published post waits for its time', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(effectiveNewsStatus('published', '2026-12-07T10:00:01Z', now)).toBe('scheduled');
    expect(effectiveNewsStatus('published', '2026-12-07T10:00:00Z', now)).toBe('published');
    expect(effectiveNewsStatus('draft', null, now)).toBe('draft');
  });
});
