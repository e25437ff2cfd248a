import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client.ts';

/** The error state of a data view: what went wrong (in the UI language) and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  // The server's localised title is more useful than a generic sentence; network failures have none.
  const detail = isApiError(error) && error.status >= 400 ? error.title : undefined;
  return (
    <Alert color="red" title={t('common.loadErrorTitle')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('common.loadError')}</Text>
        {detail ? <Text size="sm">{detail}</Text> : null}
        <Button variant="light" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
