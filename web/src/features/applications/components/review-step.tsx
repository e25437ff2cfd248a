import { Anchor, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import type { Application } from '@portal/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { useApplicationAction } from '../api/applications.ts';
import { type FormStep, stepOfMissing } from '../steps.ts';
import { ApplicationSummary } from './application-summary.tsx';

const MISSING = [
  'organization',
  'contact',
  'areas',
  'offers',
  'motivation',
  'declarations',
  'accession',
  'documents',
  'council_decision_document',
] as const;
type Missing = (typeof MISSING)[number];
const isKnownMissing = (m: string): m is Missing => (MISSING as readonly string[]).includes(m);

/**
 * The last step: what is still missing (each a way to its step), the answers to check, and Submit — or
 * Resubmit, with an optional note, after the committee asked for changes.
 */
export function ReviewStep({
  application,
  onGoTo,
  onBack,
  onSubmitted,
}: {
  application: Application;
  onGoTo: (step: FormStep) => void;
  onBack: () => void;
  onSubmitted: (application: Application) => void;
}) {
  const { t } = useTranslation();
  const action = useApplicationAction(application.id);
  const [comment, setComment] = useState('');
  // A double click must send one request: the pending state reaches the button only on the next render.
  const sending = useRef(false);
  const resubmit = application.state === 'changes_requested';
  const missing = application.missing.filter(isKnownMissing);

  const submit = () => {
    if (sending.current) return;
    sending.current = true;
    const trimmed = comment.trim();
    action.mutate(
      { action: resubmit ? 'resubmit' : 'submit', ...(resubmit && trimmed ? { comment: trimmed } : {}) },
      {
        onSuccess: onSubmitted,
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Text c="dimmed">{t('apply.review.intro')}</Text>
      {missing.length > 0 ? (
        <Stack gap="xs">
          <Text fw={600}>{t('apply.review.missingTitle')}</Text>
          <List spacing="xs">
            {missing.map((m) => (
              <List.Item key={m}>
                <Anchor component="button" type="button" onClick={() => onGoTo(stepOfMissing(m))}>
                  {t(`apply.review.missing.${m}`)}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : (
        <Text>{t('apply.review.complete')}</Text>
      )}
      <ApplicationSummary application={application} headingOrder={3} />
      {resubmit ? (
        <Textarea
          label={t('apply.review.resubmitComment')}
          rows={3}
          resize="vertical"
          maxLength={5000}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
      ) : null}
      {action.isError ? (
        <ProblemAlert
          error={action.error}
          fieldErrors={
            // A 400 names the missing sections: say them in our words when we know them.
            isApiError(action.error)
              ? action.error.fieldErrors.map((e) => {
                  const path = e.path.replace(/^body\./, '');
                  return {
                    path,
                    message: isKnownMissing(path) ? t(`apply.review.missing.${path}`) : e.message,
                  };
                })
              : []
          }
        />
      ) : null}
      <Group justify="space-between" gap="sm" mt="sm">
        <Button variant="default" onClick={onBack}>
          {t('apply.form.back')}
        </Button>
        <Button onClick={submit} loading={action.isPending}>
          {resubmit ? t('apply.review.resubmit') : t('apply.review.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
