import { Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { formatDateTime } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { type FeedScope, useFeed, useResetFeed } from '../api/resources.ts';

/**
 * The iCalendar subscription of an organisation or a resource. The URL's token is stored only hashed, so
 * the URL is shown once, right after it is made; making a new one (after a confirmation when one exists)
 * stops the old one.
 */
export function FeedBox({ scope }: { scope: FeedScope }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const feed = useFeed(scope);
  const reset = useResetFeed(scope);
  const [confirming, setConfirming] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const make = () =>
    reset.mutate(undefined, {
      onSuccess: (made) => {
        setUrl(made.url);
        setConfirming(false);
      },
    });
  const active = feed.data?.active ?? false;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('resources.feed.text')}</Text>
      {url ? (
        <Stack gap={6}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('resources.feed.url')}
              value={url}
              readOnly
              style={{ flex: 1, minWidth: 0 }}
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('resources.feed.copied') : t('resources.feed.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t('resources.feed.keepSecret')}
          </Text>
        </Stack>
      ) : feed.data ? (
        <Text size="sm" c="dimmed">
          {active && feed.data.createdAt
            ? t('resources.feed.since', { date: formatDateTime(feed.data.createdAt, language) })
            : t('resources.feed.none')}
        </Text>
      ) : null}
      {reset.error && !confirming ? <ProblemAlert error={reset.error} /> : null}
      <Button
        variant="default"
        w="fit-content"
        loading={reset.isPending && !confirming}
        onClick={() => (active ? setConfirming(true) : make())}
      >
        {active ? t('resources.feed.reset') : t('resources.feed.make')}
      </Button>
      <ConfirmModal
        opened={confirming}
        title={t('resources.feed.resetTitle')}
        text={t('resources.feed.resetText')}
        confirmLabel={t('resources.feed.reset')}
        pending={reset.isPending}
        error={reset.error}
        onConfirm={make}
        onClose={() => {
          reset.reset();
          setConfirming(false);
        }}
      />
    </Stack>
  );
}
