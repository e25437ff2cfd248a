import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** /my/organizations/:id/data — PLACEHOLDER, to be built in issue 5. */
export function DataPage() {
  const { t } = useTranslation();
  return <Title order={2}>{t('myOrganization.nav.data')}</Title>;
}
