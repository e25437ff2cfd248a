import { Alert, Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { availableBoardActions, type BoardItem } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useOrganizationStanding } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useOrganizationBoardItems, usePublishBoardItem } from '../api/organization-board-items.ts';
import { BoardItemForm } from './board-item-form.tsx';
import { BoardItemRevisions } from './board-item-revisions.tsx';
import { CloseItemModal } from './close-item-modal.tsx';

const STATUS_COLORS = { draft: 'gray', published: 'teal', closed: 'dark', expired: 'orange' } as const;

/**
 * /my/organizations/:id/board — the organisation's offers and requests in every status: create a draft,
 * edit, publish, close with an outcome (after a confirmation), and each item's history of edits.
 */
export function OrganizationBoardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const items = useOrganizationBoardItems(id);
  const canPost = useOrganizationStanding(id) === 'active';
  const [editing, setEditing] = useState<BoardItem | 'new' | null>(null);
  const [closing, setClosing] = useState<BoardItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const publish = usePublishBoardItem(id);

  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('board.mine.title')}</Title>
          <Text c="dimmed" mt={4}>
            {t('board.mine.intro')}
          </Text>
        </div>
        {canPost && editing === null ? (
          <Button
            data-action="board-new"
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
          >
            {t('board.mine.create')}
          </Button>
        ) : null}
      </Group>
      {canPost ? null : <Alert color="yellow">{t('board.mine.inactive')}</Alert>}
      {notice ? (
        <Alert color="teal" role="status">
          {notice}
        </Alert>
      ) : null}
      {publish.error ? (
        isApiError(publish.error, 409) && publish.error.code === 'board.stale' ? (
          <Alert color="yellow" role="alert">
            {t('board.mine.stale')}
          </Alert>
        ) : (
          <ProblemAlert
            error={publish.error}
            fieldErrors={isApiError(publish.error) ? publish.error.fieldErrors : []}
          />
        )
      ) : null}
      {editing !== null ? (
        <Card withBorder padding="lg">
          <BoardItemForm
            organizationId={id}
            {...(editing === 'new' ? {} : { item: editing })}
            onDone={(_, created) => done(created ? t('board.mine.created') : t('board.mine.saved'))}
            onCancel={() => setEditing(null)}
          />
        </Card>
      ) : null}
      {items.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={80} />
          <Skeleton height={80} />
        </Stack>
      ) : items.isError ? (
        <QueryError error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.items.length === 0 ? (
        <Card withBorder padding="lg">
          <Title order={3} size="h5">
            {t('board.mine.empty')}
          </Title>
          <Text c="dimmed" mt={4}>
            {t('board.mine.emptyText')}
          </Text>
        </Card>
      ) : (
        <Stack component="ul" className="plain-list" gap="sm">
          {items.data.items.map((item) => (
            <li key={item.id}>
              <OwnItemCard
                item={item}
                organizationId={id}
                canPost={canPost}
                publishing={publish.isPending && publish.variables?.id === item.id}
                onEdit={() => {
                  setNotice(null);
                  setEditing(item);
                }}
                onPublish={() => {
                  setNotice(null);
                  publish.mutate(item, { onSuccess: () => setNotice(t('board.mine.published')) });
                }}
                onClose={() => {
                  setNotice(null);
                  setClosing(item);
                }}
              />
            </li>
          ))}
        </Stack>
      )}
      <CloseItemModal
        organizationId={id}
        item={closing}
        onClose={() => setClosing(null)}
        onClosed={() => setNotice(t('board.mine.closed'))}
      />
    </Stack>
  );
}

function OwnItemCard({
  item,
  organizationId,
  canPost,
  publishing,
  onEdit,
  onPublish,
  onClose,
}: {
  item: BoardItem;
  organizationId: string;
  canPost: boolean;
  publishing: boolean;
  onEdit: () => void;
  onPublish: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [history, setHistory] = useState(false);
  const title = pickLocalized(item.titleBg, item.titleEn, language);
  const actions = canPost ? availableBoardActions(item.status) : [];
  const onBoard = item.status === 'published';
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap="xs">
        <Group gap={6}>
          <Badge color={STATUS_COLORS[item.status]} tt="none">
            {t(`board.status.${item.status}`)}
          </Badge>
          <Badge variant="light" tt="none">
            {t(`board.kind.${item.kind}`)}
          </Badge>
          <Badge variant="outline" tt="none">
            {t(`board.type.${item.type}`)}
          </Badge>
          {item.visibility === 'public' ? (
            <Badge variant="outline" color="gray" tt="none">
              {t('board.visibility.public')}
            </Badge>
          ) : null}
        </Group>
        <Title order={3} size="h5" lang={title.lang}>
          {onBoard ? (
            <Anchor component={Link} to={paths.boardItem.href(item.id)}>
              {title.text}
            </Anchor>
          ) : (
            title.text
          )}
        </Title>
        <Text size="sm" c="dimmed">
          {item.validUntil
            ? t('board.mine.validUntil', { date: formatDate(item.validUntil, language) })
            : t('board.mine.noDate')}
          {item.closeOutcome ? ` · ${t(`board.outcome.${item.closeOutcome}`)}` : ''}
          {item.revisionCount > 0 ? ` · ${t('board.mine.revisionCount', { count: item.revisionCount })}` : ''}
        </Text>
        <Group gap="xs">
          {actions.includes('edit') ? (
            <Button size="xs" variant="default" onClick={onEdit}>
              {t('board.mine.edit')}
            </Button>
          ) : null}
          {actions.includes('publish') ? (
            <Button size="xs" onClick={onPublish} loading={publishing}>
              {t('board.mine.publish')}
            </Button>
          ) : null}
          {actions.includes('close') ? (
            <Button size="xs" variant="light" color="red" onClick={onClose}>
              {t('board.mine.close')}
            </Button>
          ) : null}
          {item.revisionCount > 0 ? (
            <Button size="xs" variant="subtle" onClick={() => setHistory((h) => !h)} aria-expanded={history}>
              {t('board.mine.history')}
            </Button>
          ) : null}
        </Group>
        {history ? <BoardItemRevisions organizationId={organizationId} itemId={item.id} /> : null}
      </Stack>
    </Card>
  );
}
