import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/lib/paths.ts';

/** The tabs of an organisation's pages, as links (the current one has aria-current="page"). */
export function MyOrganizationNav({ id }: { id: string }) {
  const { t } = useTranslation();
  const links = [
    { to: paths.myOrganization.href(id), label: t('myOrganization.nav.profile'), end: true },
    { to: paths.myOrganizationRepresentatives.href(id), label: t('myOrganization.nav.representatives') },
    { to: paths.myOrganizationHistory.href(id), label: t('myOrganization.nav.history') },
    { to: paths.myOrganizationFees.href(id), label: t('myOrganization.nav.fees') },
    { to: paths.myOrganizationCompetitors.href(id), label: t('myOrganization.nav.competitors') },
    { to: paths.myOrganizationPartners.href(id), label: t('myOrganization.nav.partners') },
    { to: paths.myOrganizationData.href(id), label: t('myOrganization.nav.data') },
  ];
  return (
    <nav aria-label={t('myOrganization.nav.label')}>
      <Group component="ul" gap={4} className="plain-list" wrap="wrap">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="nav-link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </Group>
    </nav>
  );
}
