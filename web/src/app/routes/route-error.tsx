import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Shown when a page throws while rendering or its code fails to load (e.g. after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <Container size="sm" py="xl">
      <main>
        <Stack gap="md" align="flex-start">
          <Title order={1}>{t('errorPage.title')}</Title>
          <Text>{t('errorPage.text')}</Text>
          <Button onClick={() => window.location.reload()}>{t('errorPage.reload')}</Button>
        </Stack>
      </main>
    </Container>
  );
}
