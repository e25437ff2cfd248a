import {
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  NEWS_AREAS_MAX,
  NEWS_CATEGORIES,
  NEWS_SUMMARY_MAX,
  NEWS_TITLE_MAX,
  type NewsPost,
  NewsPostCreateBodySchema,
  NewsPostUpdateBodySchema,
  NewsProposalCreateBodySchema,
  NewsProposalUpdateBodySchema,
} from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '@/components/markdown.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useAreas } from '@/lib/api/areas.ts';
import { useSchemaForm } from '@/lib/form.tsx';
import { useLanguage } from '@/lib/localized.ts';
import { useCreatePost, useCreateProposal, useUpdatePost, useUpdateProposal } from '../api/news.ts';
import { areaOptionsOf } from '../area-options.ts';

type Values = {
  category: string;
  slug: string;
  organizationId: string;
  titleBg: string;
  titleEn: string;
  summaryBg: string;
  summaryEn: string;
  bodyBg: string;
  bodyEn: string;
  /** The chosen areas, comma-separated (the form keeps every value as text). */
  areaIds: string;
};

function valuesOf(post: NewsPost | undefined, organizationId: string): Values {
  return {
    category: post?.category ?? 'news',
    slug: post?.slug ?? '',
    organizationId: post?.organization?.id ?? organizationId,
    titleBg: post?.titleBg ?? '',
    titleEn: post?.titleEn ?? '',
    summaryBg: post?.summaryBg ?? '',
    summaryEn: post?.summaryEn ?? '',
    bodyBg: post?.bodyBg ?? '',
    bodyEn: post?.bodyEn ?? '',
    areaIds: post?.areaIds.join(',') ?? '',
  };
}

const content = (v: Values) => ({
  titleBg: v.titleBg,
  titleEn: v.titleEn,
  summaryBg: v.summaryBg,
  summaryEn: v.summaryEn,
  bodyBg: v.bodyBg,
  bodyEn: v.bodyEn,
  areaIds: v.areaIds ? v.areaIds.split(',') : [],
});

/**
 * Writes a post (the editors: any category, its address) or a member news (a representative: for one of
 * their organisations), with a preview of the Markdown as it will look. Checked by the shared schemas —
 * the same Markdown rules the server applies — and the server's field errors show beside their fields.
 */
export function NewsForm({
  mode,
  post,
  organizations = [],
  onDone,
  onCancel,
}: {
  mode: 'editor' | 'proposal';
  post?: NewsPost;
  /** For a new proposal: the organisations the user may propose for. */
  organizations?: { value: string; label: string }[];
  onDone: (post: NewsPost, created: boolean) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const areas = useAreas();
  const [view, setView] = useState<'edit' | 'preview'>('edit');
  const createPost = useCreatePost();
  const updatePost = useUpdatePost(post?.id ?? '');
  const createProposal = useCreateProposal();
  const updateProposal = useUpdateProposal();
  const mutation =
    mode === 'editor' ? (post ? updatePost : createPost) : post ? updateProposal : createProposal;
  const schema =
    mode === 'editor'
      ? post
        ? NewsPostUpdateBodySchema
        : NewsPostCreateBodySchema
      : post
        ? NewsProposalUpdateBodySchema
        : NewsProposalCreateBodySchema;
  const form = useSchemaForm({
    initialValues: valuesOf(post, organizations[0]?.value ?? ''),
    schema,
    input: (v) => {
      if (mode === 'editor')
        return post
          ? { ...content(v), category: v.category, slug: v.slug, version: post.version }
          : { ...content(v), category: v.category, slug: v.slug.trim() || null };
      return post
        ? { ...content(v), version: post.version }
        : { ...content(v), organizationId: v.organizationId };
    },
  });

  const submit = form.onSubmit(
    (body) => {
      const onError = (e: unknown) => form.showServerErrors(e);
      const onSuccess = (saved: NewsPost) => onDone(saved, !post);
      if (mode === 'editor') {
        if (post) updatePost.mutate(body as never, { onSuccess, onError });
        else createPost.mutate(body as never, { onSuccess, onError });
      } else if (post) updateProposal.mutate({ id: post.id, body: body as never }, { onSuccess, onError });
      else createProposal.mutate(body as never, { onSuccess, onError });
    },
    () => setView('edit'),
  );

  const preview = (lang: 'bg' | 'en') => {
    const title = lang === 'bg' ? form.values.titleBg : form.values.titleEn;
    const body = lang === 'bg' ? form.values.bodyBg : form.values.bodyEn;
    return (
      <Stack gap="xs">
        <Text fw={600} c="dimmed" size="sm">
          {lang === 'bg' ? t('news.form.bulgarian') : t('news.form.english')}
        </Text>
        {title || body ? (
          <>
            <Title order={2} size="h3" lang={lang}>
              {title}
            </Title>
            <Markdown text={body} lang={lang} />
          </>
        ) : (
          <Text c="dimmed">{t('news.form.emptyPreview')}</Text>
        )}
      </Stack>
    );
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        {mutation.error ? (
          <ProblemAlert error={mutation.error} fieldErrors={form.alertFor(mutation.error) ?? []} />
        ) : null}
        <Group gap={4}>
          {(['edit', 'preview'] as const).map((v) => (
            <Button
              key={v}
              size="xs"
              variant={view === v ? 'filled' : 'default'}
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {t(`news.form.${v}`)}
            </Button>
          ))}
        </Group>
        {view === 'preview' ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {preview('bg')}
            {preview('en')}
          </SimpleGrid>
        ) : (
          <>
            {mode === 'editor' ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <NativeSelect
                  label={t('news.form.category')}
                  data={NEWS_CATEGORIES.map((c) => ({ value: c, label: t(`news.category.${c}`) }))}
                  disabled={!!post?.organization}
                  {...form.field('category')}
                />
                <TextInput
                  label={t('news.form.slug')}
                  description={t('news.form.slugHelp')}
                  {...form.field('slug')}
                />
              </SimpleGrid>
            ) : !post && organizations.length > 1 ? (
              <NativeSelect
                label={t('news.form.organization')}
                data={organizations}
                {...form.field('organizationId')}
              />
            ) : null}
            <Text size="sm">{t('news.form.languages')}</Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <Stack gap="sm">
                <TextInput
                  label={t('news.form.titleBg')}
                  maxLength={NEWS_TITLE_MAX}
                  lang="bg"
                  {...form.field('titleBg')}
                />
                <Textarea
                  label={t('news.form.summaryBg')}
                  maxLength={NEWS_SUMMARY_MAX}
                  rows={2}
                  resize="vertical"
                  lang="bg"
                  {...form.field('summaryBg')}
                />
                <Textarea
                  label={t('news.form.bodyBg')}
                  description={t('news.form.bodyHelp')}
                  rows={8}
                  resize="vertical"
                  lang="bg"
                  {...form.field('bodyBg')}
                />
              </Stack>
              <Stack gap="sm">
                <TextInput
                  label={t('news.form.titleEn')}
                  maxLength={NEWS_TITLE_MAX}
                  lang="en"
                  {...form.field('titleEn')}
                />
                <Textarea
                  label={t('news.form.summaryEn')}
                  maxLength={NEWS_SUMMARY_MAX}
                  rows={2}
                  resize="vertical"
                  lang="en"
                  {...form.field('summaryEn')}
                />
                <Textarea
                  label={t('news.form.bodyEn')}
                  description={t('news.form.bodyHelp')}
                  rows={8}
                  resize="vertical"
                  lang="en"
                  {...form.field('bodyEn')}
                />
              </Stack>
            </SimpleGrid>
            <MultiSelect
              name="areaIds"
              label={t('news.form.areas')}
              data={areaOptionsOf(areas.data?.items ?? [], language)}
              value={form.values.areaIds ? form.values.areaIds.split(',') : []}
              onChange={(ids) => form.setFieldValue('areaIds', ids.join(','))}
              error={form.errors.areaIds}
              maxValues={NEWS_AREAS_MAX}
              searchable
            />
          </>
        )}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('news.form.save')}
          </Button>
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
