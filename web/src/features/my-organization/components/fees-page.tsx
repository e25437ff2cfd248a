import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** /my/organizations/:id/fees — PLACEHOLDER, to be built in issue 5. */
export function FeesPage() {
  const { t } = useTranslation();
  return <Title order={2}>{t('myOrganization.nav.fees')}</Title>;
}
