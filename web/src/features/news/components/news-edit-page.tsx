import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { editorNewsCoverUrl, type NewsPost } from '@portal/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { DateField } from '@/components/date-field.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import {
  useArchivePost,
  useEditorPost,
  usePublishPost,
  useRemoveCover,
  useReturnPost,
  useUploadCover,
} from '../api/news.ts';
import { formatSofia, sofiaToIso } from '../dates.ts';
import { EventSection } from './event-editor.tsx';
import { NewsForm } from './news-form.tsx';
import { NewsStatusBadge } from './news-status.tsx';

/** A new post (`/committee/news/new`) or one post with its actions (`/committee/news/:id`). */
export function NewsEditPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const post = useEditorPost(id);
  const [notice, setNotice] = useState<string | null>(null);
  // A post just created lands here from the new-post form: say it was saved as a draft.
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  useEffect(() => {
    if (created) setNotice(t('news.form.created'));
  }, [created, t]);
  usePageTitle(id ? t('news.editor.title') : t('news.editor.new'));
  if (!id) {
    return (
      <Stack gap="md">
        <Anchor component={Link} to={paths.newsEditor.href()} size="sm">
          {t('news.editor.title')}
        </Anchor>
        <Title order={1}>{t('news.editor.new')}</Title>
        <NewsForm
          mode="editor"
          onDone={(saved) => navigate(paths.newsEditorPost.href(saved.id), { state: { created: true } })}
          onCancel={() => navigate(paths.newsEditor.href())}
        />
      </Stack>
    );
  }
  if (post.isPending) return <Skeleton height={300} />;
  if (post.isError) return <QueryError error={post.error} onRetry={() => void post.refetch()} />;
  return <EditPost key={post.data.version} post={post.data} notice={notice} onNotice={setNotice} />;
}

function EditPost({
  post,
  notice,
  onNotice,
}: {
  post: NewsPost;
  notice: string | null;
  onNotice: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = pickLocalized(post.titleBg, post.titleEn, language);
  const publish = usePublishPost(post.id);
  const archive = useArchivePost(post.id);
  const returnPost = useReturnPost(post.id);
  const [dialog, setDialog] = useState<'publish' | 'archive' | 'return' | null>(null);
  const [day, setDay] = useState('');
  const [time, setTime] = useState('09:00');
  const [timeError, setTimeError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const editable = post.status !== 'archived';
  const canPublish =
    post.status === 'draft' ||
    post.status === 'submitted' ||
    post.status === 'published' ||
    post.status === 'archived';
  const isProposal = post.organization !== null;
  const close = () => setDialog(null);

  const confirmPublish = () => {
    let publishAt: string | null = null;
    if (day) {
      publishAt = sofiaToIso(day, time);
      if (!publishAt) {
        setTimeError(t('news.actions.timeInvalid'));
        return;
      }
    }
    publish.mutate(
      { version: post.version, publishAt },
      {
        onSuccess: (saved) => {
          close();
          onNotice(
            saved.effectiveStatus === 'scheduled' && saved.publishAt
              ? t('news.actions.scheduled', { date: formatSofia(saved.publishAt, language, true) })
              : t('news.actions.published'),
          );
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.newsEditor.href()} size="sm">
        {t('news.editor.title')}
      </Anchor>
      <Group gap="sm">
        <Title order={1} lang={title.lang}>
          {title.text || t('news.editor.untitled')}
        </Title>
        <NewsStatusBadge status={post.effectiveStatus} />
      </Group>
      {notice ? (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      ) : null}
      {post.effectiveStatus === 'scheduled' && post.publishAt ? (
        <Text>{t('news.actions.scheduledFor', { date: formatSofia(post.publishAt, language, true) })}</Text>
      ) : null}
      {post.effectiveStatus === 'published' && post.publishAt ? (
        <Group gap="sm">
          <Text>{t('news.actions.publishedAt', { date: formatSofia(post.publishAt, language, true) })}</Text>
          <Anchor component={Link} to={paths.newsPost.href(post.slug)}>
            {t('news.actions.view')}
          </Anchor>
        </Group>
      ) : null}
      {post.returnReason ? (
        <Text>{t('news.actions.returnedReason', { reason: post.returnReason })}</Text>
      ) : null}
      {isProposal && post.organization ? (
        <Text size="sm">
          {t('news.form.organization')}:{' '}
          {pickLocalized(post.organization.nameBg, post.organization.nameEn, language).text}
        </Text>
      ) : null}
      <Group gap="sm">
        {canPublish ? (
          <Button onClick={() => setDialog('publish')}>
            {post.status === 'submitted' ? t('news.actions.approve') : t('news.actions.publish')}
          </Button>
        ) : null}
        {post.status === 'submitted' ? (
          <Button variant="light" color="orange" onClick={() => setDialog('return')}>
            {t('news.actions.return')}
          </Button>
        ) : null}
        {post.status === 'published' ? (
          <Button variant="light" color="red" onClick={() => setDialog('archive')}>
            {t('news.actions.archive')}
          </Button>
        ) : null}
      </Group>
      <CoverSection post={post} />
      {post.category === 'event' && editable ? <EventSection post={post} /> : null}
      {editable ? <NewsForm mode="editor" post={post} onDone={() => onNotice(t('news.form.saved'))} /> : null}

      <ConfirmModal
        opened={dialog === 'publish'}
        title={t('news.actions.publishTitle')}
        text={t('news.actions.publishText')}
        confirmLabel={post.status === 'submitted' ? t('news.actions.approve') : t('news.actions.publish')}
        pending={publish.isPending}
        error={publish.error}
        onConfirm={confirmPublish}
        onClose={close}
        tone="neutral"
      >
        <DateField
          label={t('news.actions.publishAtDate')}
          description={t('news.actions.publishAtHelp')}
          value={day}
          onChange={setDay}
          clearable
        />
        {day ? (
          <TextInput
            label={t('news.actions.publishAtTime')}
            value={time}
            onChange={(e) => {
              setTime(e.currentTarget.value);
              setTimeError(null);
            }}
            error={timeError}
            inputMode="numeric"
          />
        ) : null}
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'archive'}
        title={t('news.actions.archiveTitle')}
        text={t('news.actions.archiveText')}
        confirmLabel={t('news.actions.archive')}
        pending={archive.isPending}
        error={archive.error}
        onConfirm={() =>
          archive.mutate(
            { version: post.version },
            {
              onSuccess: () => {
                close();
                onNotice(t('news.actions.archived'));
              },
            },
          )
        }
        onClose={close}
      />
      <ConfirmModal
        opened={dialog === 'return'}
        title={t('news.actions.returnTitle')}
        text={t('news.actions.returnText')}
        confirmLabel={t('news.actions.return')}
        pending={returnPost.isPending}
        error={returnPost.error}
        onConfirm={() =>
          returnPost.mutate(
            { version: post.version, reason },
            {
              onSuccess: () => {
                close();
                onNotice(t('news.actions.returned'));
              },
            },
          )
        }
        onClose={close}
        tone="neutral"
      >
        <Textarea
          label={t('news.actions.returnReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          rows={3}
          resize="vertical"
        />
      </ConfirmModal>
    </Stack>
  );
}

/** The cover image: upload (PNG, JPEG or WebP up to 1 MB, checked by the server) or remove. */
function CoverSection({ post }: { post: NewsPost }) {
  const { t } = useTranslation();
  const upload = useUploadCover(post.id);
  const remove = useRemoveCover(post.id);
  return (
    <Stack gap="xs" component="section" aria-labelledby="news-cover">
      <Title order={2} size="h4" id="news-cover">
        {t('news.cover.title')}
      </Title>
      {post.coverVersion !== null ? (
        <img
          src={editorNewsCoverUrl(post.id, post.coverVersion, 'small')}
          alt={t('news.cover.current')}
          style={{ maxWidth: 400, width: '100%', height: 'auto' }}
        />
      ) : (
        <Text size="sm">{t('news.cover.none')}</Text>
      )}
      <Text size="sm" c="dimmed">
        {t('news.cover.help')}
      </Text>
      {upload.error || remove.error ? <ProblemAlert error={upload.error ?? remove.error} /> : null}
      <Group gap="sm">
        <FileButton accept="image/png,image/jpeg,image/webp" onChange={(file) => file && upload.mutate(file)}>
          {(props) => (
            <Button {...props} variant="light" loading={upload.isPending}>
              {post.coverVersion !== null ? t('news.cover.replace') : t('news.cover.upload')}
            </Button>
          )}
        </FileButton>
        {post.coverVersion !== null ? (
          <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('news.cover.remove')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
