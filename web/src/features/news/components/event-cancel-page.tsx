import { Alert, Anchor, Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { newsText } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useCancelInfo, useCancelRegistration } from '../api/events.ts';
import { formatSofia } from '../dates.ts';

/** `/events/cancel?token=…`: the link in a registration's email cancels it, after a confirmation. */
export function EventCancelPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const info = useCancelInfo(token);
  const cancel = useCancelRegistration(token);
  const [confirming, setConfirming] = useState(false);
  usePageTitle(t('news.cancel.title'));
  const heading = (
    <Title order={1} key="h">
      {t('news.cancel.title')}
    </Title>
  );
  if (!token || (info.isError && (isApiError(info.error, 404) || isApiError(info.error, 400))))
    return (
      <Stack>
        {heading}
        <Alert color="yellow" role="alert">
          {t('news.cancel.invalid')}
        </Alert>
      </Stack>
    );
  if (info.isPending) return <Skeleton height={160} />;
  if (info.isError) return <QueryError error={info.error} onRetry={() => void info.refetch()} />;
  const r = info.data;
  const title = newsText(r, language);
  return (
    <Stack gap="md">
      {heading}
      <Text>
        {t('news.cancel.event')}:{' '}
        <Anchor component={Link} to={paths.newsPost.href(r.slug)} lang={title.lang}>
          {title.title}
        </Anchor>{' '}
        ({formatSofia(r.startsAt, language, true)})
      </Text>
      <Text>{t('news.cancel.name', { name: r.name })}</Text>
      {r.status === 'cancelled' ? (
        <Alert color="green" role="status">
          {t('news.cancel.done')}
        </Alert>
      ) : (
        <>
          <Text>{r.status === 'waiting' ? t('news.cancel.isWaiting') : t('news.cancel.isConfirmed')}</Text>
          <div>
            <Button color="red" onClick={() => setConfirming(true)}>
              {t('news.cancel.action')}
            </Button>
          </div>
        </>
      )}
      <ConfirmModal
        opened={confirming}
        title={t('news.cancel.confirmTitle')}
        text={t('news.cancel.confirmText')}
        confirmLabel={t('news.cancel.action')}
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={() => cancel.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
