import {
  Anchor,
  Button,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  type ClusterTexts,
  ClusterTextsEditBodySchema,
  SITE_PAGES,
  type SitePage,
  SitePageEditBodySchema,
  type SitePageSlug,
} from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { Section } from '@/components/section.tsx';
import { useClusterTexts, useSaveClusterTexts, useSaveSitePage, useSitePage } from '@/lib/api/site-pages.ts';
import { isApiError } from '@/lib/api-client.ts';
import { useSchemaForm } from '@/lib/form.tsx';
import { paths } from '@/lib/paths.ts';

/** A save refused because someone saved in between (412): say so and offer the saved version. */
function staleMessage(error: unknown): boolean {
  return isApiError(error) && error.status === 412;
}

/** The home page's texts in both languages (issue 11 C13: e.g. the municipality's accession). */
export function ClusterTextsSection() {
  const { t } = useTranslation();
  const texts = useClusterTexts();
  const [done, setDone] = useState(false);
  return (
    <Section id="texts" title={t('admin.settings.texts.title')}>
      <Text size="sm">{t('admin.settings.texts.intro')}</Text>
      {texts.isPending ? (
        <Skeleton height={240} />
      ) : texts.isError ? (
        <QueryError error={texts.error} onRetry={() => void texts.refetch()} />
      ) : (
        // A new version (saved here or loaded after a conflict) starts the form afresh; the confirmation,
        // kept here, survives that.
        <ClusterTextsForm
          key={texts.data.version}
          saved={texts.data}
          done={done}
          setDone={setDone}
          onReload={() => void texts.refetch()}
        />
      )}
    </Section>
  );
}

const TEXT_FIELDS = ['name', 'tagline', 'mission', 'strategy'] as const;

interface FormProps<S> {
  saved: S;
  done: boolean;
  setDone: (done: boolean) => void;
  onReload: () => void;
}

function ClusterTextsForm({ saved, done, setDone, onReload }: FormProps<ClusterTexts>) {
  const { t } = useTranslation();
  const { version, ...initial } = saved;
  const form = useSchemaForm({ initialValues: initial, schema: ClusterTextsEditBodySchema });
  const save = useSaveClusterTexts();

  const submit = form.onSubmit(
    (body) => {
      setDone(false);
      save.mutate(
        { body, version },
        { onSuccess: () => setDone(true), onError: (e) => form.showServerErrors(e) },
      );
    },
    () => setDone(false),
  );

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        {save.error && staleMessage(save.error) ? (
          <StaleNotice onReload={onReload} />
        ) : save.error ? (
          <ProblemAlert error={save.error} fieldErrors={form.alertFor(save.error)} />
        ) : null}
        {TEXT_FIELDS.map((name) => (
          <Group key={name} grow align="flex-start" wrap="wrap">
            {(['Bg', 'En'] as const).map((lang) => {
              const key = `${name}${lang}` as const;
              const label = t(`admin.settings.texts.${name}${lang}`);
              return name === 'name' || name === 'tagline' ? (
                <TextInput
                  key={key}
                  label={label}
                  required={name === 'name'}
                  miw={240}
                  {...form.field(key)}
                />
              ) : (
                <Textarea key={key} label={label} rows={4} resize="vertical" miw={240} {...form.field(key)} />
              );
            })}
          </Group>
        ))}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('admin.settings.texts.save')}
          </Button>
          {done ? (
            <Text size="sm" c="green.8" role="status">
              {t('admin.settings.texts.saved')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

function StaleNotice({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="alert">
      <Text c="red.8">{t('admin.settings.pages.stale')}</Text>
      <Button variant="light" onClick={onReload} style={{ alignSelf: 'flex-start' }}>
        {t('admin.settings.pages.reload')}
      </Button>
    </Stack>
  );
}

/** The information pages (issue 11 C6): the statute, the privacy notice, the contacts. */
export function SitePagesSection() {
  const { t } = useTranslation();
  const [slug, setSlug] = useState<SitePageSlug>('statute');
  const page = useSitePage(slug);
  const [done, setDone] = useState(false);
  return (
    <Section id="pages" title={t('admin.settings.pages.title')}>
      <Text size="sm">{t('admin.settings.pages.intro')}</Text>
      <SegmentedControl
        value={slug}
        onChange={(value) => {
          setSlug(value as SitePageSlug);
          setDone(false);
        }}
        data={SITE_PAGES.map((value) => ({ value, label: t(`sitePages.${value}`) }))}
        aria-label={t('admin.settings.pages.choose')}
        style={{ alignSelf: 'flex-start' }}
      />
      {page.isPending ? (
        <Skeleton height={320} />
      ) : page.isError ? (
        <QueryError error={page.error} onRetry={() => void page.refetch()} />
      ) : (
        <SitePageForm
          key={`${slug}-${page.data.version}`}
          saved={page.data}
          done={done}
          setDone={setDone}
          onReload={() => void page.refetch()}
        />
      )}
    </Section>
  );
}

function SitePageForm({ saved, done, setDone, onReload }: FormProps<SitePage>) {
  const { t } = useTranslation();
  const form = useSchemaForm({
    initialValues: {
      titleBg: saved.titleBg,
      titleEn: saved.titleEn,
      bodyBg: saved.bodyBg,
      bodyEn: saved.bodyEn,
    },
    schema: SitePageEditBodySchema,
  });
  const save = useSaveSitePage(saved.slug);
  const href = paths[saved.slug].href();

  const submit = form.onSubmit(
    (body) => {
      setDone(false);
      save.mutate(
        { body, version: saved.version },
        { onSuccess: () => setDone(true), onError: (e) => form.showServerErrors(e) },
      );
    },
    () => setDone(false),
  );

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        {save.error && staleMessage(save.error) ? (
          <StaleNotice onReload={onReload} />
        ) : save.error ? (
          <ProblemAlert error={save.error} fieldErrors={form.alertFor(save.error)} />
        ) : null}
        <Text size="sm" c="dimmed">
          {t('admin.settings.pages.format')}
        </Text>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('admin.settings.pages.titleBg')}
            required
            miw={240}
            {...form.field('titleBg')}
          />
          <TextInput
            label={t('admin.settings.pages.titleEn')}
            required
            miw={240}
            {...form.field('titleEn')}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <Textarea
            label={t('admin.settings.pages.bodyBg')}
            rows={8}
            resize="vertical"
            miw={240}
            {...form.field('bodyBg')}
          />
          <Textarea
            label={t('admin.settings.pages.bodyEn')}
            rows={8}
            resize="vertical"
            miw={240}
            {...form.field('bodyEn')}
          />
        </Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('admin.settings.pages.save')}
          </Button>
          <Anchor component={Link} to={href}>
            {t('admin.settings.pages.open')}
          </Anchor>
          {done ? (
            <Text size="sm" c="green.8" role="status">
              {t('admin.settings.pages.saved')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
