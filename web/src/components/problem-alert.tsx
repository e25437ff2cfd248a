import { Alert, Box, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client.ts';

/**
 * A failed action (not a field error): the server's localised title and detail, or our own sentence when
 * the server could not be reached. `children` replaces the text when the caller knows better.
 */
export function ProblemAlert({
  error,
  title,
  children,
  fieldErrors = [],
  action,
}: {
  error: unknown;
  title?: string;
  children?: ReactNode;
  /** A way forward (e.g. a retry button), under the text. */
  action?: ReactNode;
  /** Field errors that belong to no field of the form. */
  fieldErrors?: { path: string; message: string }[];
}) {
  const { t } = useTranslation();
  let text: ReactNode = children;
  if (text === undefined) {
    if (isApiError(error) && error.status > 0) {
      text = (
        <>
          <Text size="sm">{error.title}</Text>
          {error.detail && error.detail !== error.title ? <Text size="sm">{error.detail}</Text> : null}
        </>
      );
    } else {
      text = <Text size="sm">{t('auth.networkError')}</Text>;
    }
  }
  return (
    <Alert color="red" title={title ?? t('auth.errorTitle')} role="alert">
      {text}
      {fieldErrors.length > 0 ? (
        <List size="sm" mt="xs">
          {fieldErrors.map((e) => (
            <List.Item key={`${e.path}:${e.message}`}>{e.message}</List.Item>
          ))}
        </List>
      ) : null}
      {action ? <Box mt="sm">{action}</Box> : null}
    </Alert>
  );
}
