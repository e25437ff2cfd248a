import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { type Application, availableActions, can, type Principal } from '@portal/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { Section } from '@/components/section.tsx';
import { type ReviewAction, useReviewAction } from '../api/applications.ts';

const REVIEW_ACTIONS: readonly string[] = ['start_review', 'request_changes', 'open_vote'];
const isReviewAction = (action: string): action is ReviewAction => REVIEW_ACTIONS.includes(action);

/**
 * The moves the application's state allows the caller (the shared state machine decides; the server checks
 * again), each after a confirmation. Requesting changes needs a comment: the applicant reads it.
 */
export function ReviewActions({
  application,
  principal,
  name,
}: {
  application: Application;
  principal: Principal | null;
  name: string;
}) {
  const { t } = useTranslation();
  const act = useReviewAction(application.id);
  const [pending, setPending] = useState<ReviewAction>();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState('');
  const [done, setDone] = useState('');
  const commentRef = useRef<HTMLTextAreaElement>(null);

  const actions = [
    ...availableActions(application.state, 'committee'),
    ...(can(principal, 'application.chair') ? availableActions(application.state, 'chair') : []),
  ].filter(isReviewAction);

  const open = (action: ReviewAction) => {
    act.reset();
    setDone('');
    setComment('');
    setCommentError('');
    setPending(action);
  };
  const close = () => {
    setPending(undefined);
    act.reset();
  };
  const confirm = () => {
    if (!pending) return;
    const action = pending;
    const text = comment.trim();
    if (action === 'request_changes' && !text) {
      setCommentError(t('committee.actions.request_changes.commentRequired'));
      commentRef.current?.focus();
      return;
    }
    act.mutate(
      { action, ...(text ? { comment: text } : {}) },
      {
        onSuccess: () => {
          setPending(undefined);
          setDone(t(`committee.actions.${action}.done`));
        },
      },
    );
  };

  return (
    <Section id="actions" title={t('committee.actions.title')}>
      <Stack gap="sm" align="flex-start">
        {actions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('committee.actions.none')}
          </Text>
        ) : (
          <Group gap="sm" wrap="wrap">
            {actions.map((action) => (
              <Button
                key={action}
                variant={action === 'request_changes' ? 'outline' : 'filled'}
                onClick={() => open(action)}
              >
                {t(`committee.actions.${action}.button`)}
              </Button>
            ))}
          </Group>
        )}
        <Text size="sm" c="teal.9" role="status">
          {done}
        </Text>
      </Stack>
      <ConfirmModal
        tone="neutral"
        opened={pending !== undefined}
        title={pending ? t(`committee.actions.${pending}.title`) : ''}
        text={pending ? t(`committee.actions.${pending}.text`, { name }) : ''}
        confirmLabel={pending ? t(`committee.actions.${pending}.confirm`) : ''}
        pending={act.isPending}
        error={act.isError ? act.error : undefined}
        onConfirm={confirm}
        onClose={close}
      >
        {pending === 'request_changes' ? (
          <Textarea
            ref={commentRef}
            label={t('committee.actions.request_changes.commentLabel')}
            description={t('committee.actions.request_changes.commentHint')}
            value={comment}
            onChange={(event) => {
              setComment(event.currentTarget.value);
              setCommentError('');
            }}
            error={commentError || undefined}
            required
            rows={4}
            maxLength={5000}
            data-autofocus
          />
        ) : null}
      </ConfirmModal>
    </Section>
  );
}
