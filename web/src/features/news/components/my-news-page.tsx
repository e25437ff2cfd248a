import { Alert, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { NewsPost } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useSession } from '@/lib/api/session.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { useOwnNews, useSubmitProposal } from '../api/news.ts';
import { formatSofia } from '../dates.ts';
import { NewsForm } from './news-form.tsx';
import { NewsStatusBadge } from './news-status.tsx';

/**
 * Member news of a representative's organisations: propose (a draft), change while it is a draft or
 * returned, submit to the committee; the committee's decision is shown here and emailed.
 */
export function MyNewsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('news.mine.title'));
  const session = useSession();
  const own = useOwnNews();
  const submit = useSubmitProposal();
  const [editing, setEditing] = useState<NewsPost | 'new' | null>(null);
  const [submitting, setSubmitting] = useState<NewsPost | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const organizations = (session.data?.user?.organizations ?? [])
    .filter((o) => o.standing === 'active')
    .map((o) => ({ value: o.id, label: pickLocalized(o.nameBg, o.nameEn, language).text }));

  return (
    <Stack gap="md">
      <Title order={1}>{t('news.mine.title')}</Title>
      <Text>{t('news.mine.intro')}</Text>
      {notice ? (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      ) : null}
      {editing === null && organizations.length > 0 ? (
        <div>
          <Button data-action="news-new" onClick={() => setEditing('new')}>
            {t('news.mine.new')}
          </Button>
        </div>
      ) : null}
      {editing !== null ? (
        <Card withBorder padding="md">
          <NewsForm
            key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
            mode="proposal"
            {...(editing === 'new' ? {} : { post: editing })}
            organizations={organizations}
            onDone={(_saved, created) => {
              setEditing(null);
              setNotice(created ? t('news.form.created') : t('news.form.saved'));
            }}
            onCancel={() => setEditing(null)}
          />
        </Card>
      ) : null}
      {own.isPending ? (
        <Skeleton height={120} />
      ) : own.isError ? (
        <QueryError error={own.error} onRetry={() => void own.refetch()} />
      ) : own.data.items.length === 0 ? (
        <Text>{t('news.mine.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" className="plain-list">
          {own.data.items.map((post) => {
            const title = pickLocalized(post.titleBg, post.titleEn, language);
            const changeable = post.status === 'draft' || post.status === 'returned';
            return (
              <Card component="li" withBorder padding="md" key={post.id}>
                <Stack gap={6}>
                  <Group gap="sm">
                    <Text fw={600} lang={title.lang}>
                      {title.text}
                    </Text>
                    <NewsStatusBadge status={post.effectiveStatus} />
                  </Group>
                  {post.organization ? (
                    <Text size="sm">
                      {pickLocalized(post.organization.nameBg, post.organization.nameEn, language).text}
                    </Text>
                  ) : null}
                  {post.returnReason ? (
                    <Text size="sm">{t('news.actions.returnedReason', { reason: post.returnReason })}</Text>
                  ) : null}
                  {post.publishAt && post.status === 'published' ? (
                    <Text size="sm">
                      {t('news.actions.publishedAt', { date: formatSofia(post.publishAt, language, true) })}
                    </Text>
                  ) : null}
                  {changeable ? (
                    <Group gap="sm">
                      <Button variant="light" onClick={() => setEditing(post)}>
                        {t('news.form.edit')}
                      </Button>
                      <Button onClick={() => setSubmitting(post)}>{t('news.actions.submit')}</Button>
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('news.mine.notEditable')}
                    </Text>
                  )}
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
      <ConfirmModal
        opened={submitting !== null}
        title={t('news.actions.submitTitle')}
        text={t('news.actions.submitText')}
        confirmLabel={t('news.actions.submit')}
        pending={submit.isPending}
        error={submit.error}
        onConfirm={() =>
          submitting &&
          submit.mutate(
            { id: submitting.id, version: submitting.version },
            {
              onSuccess: () => {
                setSubmitting(null);
                setNotice(t('news.actions.submitted'));
              },
            },
          )
        }
        onClose={() => setSubmitting(null)}
        tone="neutral"
      />
    </Stack>
  );
}
