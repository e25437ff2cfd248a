import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/lib/paths.ts';

/** The links between the administration pages; the current one is marked with aria-current. */
export function AdminNav() {
  const { t } = useTranslation();
  const links = [
    { to: paths.adminUsers.href(), label: t('admin.nav.users') },
    { to: paths.adminAudit.href(), label: t('admin.nav.audit') },
    { to: paths.adminMailbox.href(), label: t('admin.nav.mailbox') },
    { to: paths.adminConversations.href(), label: t('admin.nav.conversations') },
    { to: paths.adminBodies.href(), label: t('admin.nav.bodies') },
    { to: paths.adminReadiness.href(), label: t('admin.nav.readiness') },
    { to: paths.adminSettings.href(), label: t('admin.nav.settings') },
    { to: paths.adminImport.href(), label: t('admin.nav.import') },
    { to: paths.adminFees.href(), label: t('admin.nav.fees') },
    { to: paths.committeeCooperation.href(), label: t('admin.nav.cooperation') },
    { to: paths.committeeDashboard.href(), label: t('admin.nav.dashboard') },
  ];
  return (
    <nav aria-label={t('admin.nav.label')}>
      <Group component="ul" gap={4} className="plain-list" wrap="wrap">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} className="nav-link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </Group>
    </nav>
  );
}
