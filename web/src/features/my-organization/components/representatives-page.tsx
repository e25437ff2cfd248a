import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** /my/organizations/:id/representatives — PLACEHOLDER, to be built in issue 5. */
export function RepresentativesPage() {
  const { t } = useTranslation();
  return <Title order={2}>{t('myOrganization.nav.representatives')}</Title>;
}
