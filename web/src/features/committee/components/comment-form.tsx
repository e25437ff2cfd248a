import { Button, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useAddComment } from '../api/applications.ts';

type Audience = 'committee' | 'applicant';

/** A comment on the application: an internal note (the committee only) or a message to the applicant. */
export function CommentForm({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const add = useAddComment(applicationId);
  const [text, setText] = useState('');
  const [audience, setAudience] = useState<Audience>('committee');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = text.trim();
    setDone('');
    if (!value) {
      setError(t('committee.comment.required'));
      textRef.current?.focus();
      return;
    }
    add.mutate(
      { text: value, audience },
      {
        onSuccess: () => {
          setText('');
          setDone(t(`committee.comment.added.${audience}`));
          // Back to the default, so the next comment does not go to the applicant by mistake (issue 11 C13).
          setAudience('committee');
        },
      },
    );
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="comment-title" mt="md">
      <Title order={3} size="h5" id="comment-title">
        {t('committee.comment.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" align="stretch">
          <Radio.Group
            label={t('committee.comment.audienceLabel')}
            value={audience}
            onChange={(value) => setAudience(value as Audience)}
          >
            <Stack gap={6} mt="xs">
              <Radio value="committee" label={t('committee.comment.audience.committee')} />
              <Radio value="applicant" label={t('committee.comment.audience.applicant')} />
            </Stack>
          </Radio.Group>
          <Textarea
            ref={textRef}
            label={t('committee.comment.label')}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setError('');
            }}
            error={error || undefined}
            required
            rows={3}
            maxLength={5000}
          />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {audience === 'applicant'
                ? t('committee.comment.sendToApplicant')
                : t('committee.comment.addNote')}
            </Button>
          </Group>
          <Text size="sm" c="teal.9" role="status">
            {done}
          </Text>
          {add.isError ? <ProblemAlert error={add.error} /> : null}
        </Stack>
      </form>
    </Stack>
  );
}
