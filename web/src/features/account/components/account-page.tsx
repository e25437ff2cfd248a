import { Anchor, Group, Skeleton, Stack, Title, VisuallyHidden } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useAccount } from '../api/account.ts';
import { AccountSection, SECTIONS, type SectionId } from './account-section.tsx';
import { ApplicationsSection } from './applications-section.tsx';
import { DataSection } from './data-section.tsx';
import { EmailSection } from './email-section.tsx';
import { OrganizationsSection } from './organizations-section.tsx';
import { PasswordSection } from './password-section.tsx';
import { ProfileSection } from './profile-section.tsx';
import { SessionsSection } from './sessions-section.tsx';

/**
 * /account. `Notifications`: the email settings of other features (the conversations'), composed in
 * app/routes; without it the section is left out.
 */
export function AccountPage({ Notifications }: { Notifications?: ComponentType } = {}) {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const account = useAccount();
  const titles: Record<SectionId, string> = {
    profile: t('account.profile.title'),
    password: t('account.password.title'),
    email: t('account.email.title'),
    sessions: t('account.sessions.title'),
    applications: t('account.applications.title'),
    organizations: t('account.organizations.title'),
    notifications: t('account.notifications.title'),
    data: t('accountData.title'),
  };
  const sections = SECTIONS.filter((id) => id !== 'notifications' || Notifications);

  if (account.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={36} width="40%" />
        <Skeleton height={200} />
      </Stack>
    );
  }
  if (account.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('account.title')}</Title>
        <QueryError error={account.error} onRetry={() => void account.refetch()} />
      </Stack>
    );
  }

  const me = account.data;
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('account.title')}</Title>
      <nav aria-label={t('account.sections')}>
        <Group component="ul" className="plain-list" gap="md">
          {sections.map((id) => (
            <li key={id}>
              <Anchor href={`#${id}`} size="sm">
                {titles[id]}
              </Anchor>
            </li>
          ))}
        </Group>
      </nav>
      <AccountSection id="profile" title={titles.profile}>
        <ProfileSection key={me.id} me={me} />
      </AccountSection>
      <AccountSection id="applications" title={titles.applications}>
        <ApplicationsSection />
      </AccountSection>
      <AccountSection id="organizations" title={titles.organizations}>
        <OrganizationsSection />
      </AccountSection>
      <AccountSection id="password" title={titles.password}>
        <PasswordSection />
      </AccountSection>
      <AccountSection id="email" title={titles.email}>
        <EmailSection currentEmail={me.email} />
      </AccountSection>
      <SessionsSection title={titles.sessions} />
      {Notifications ? (
        <AccountSection id="notifications" title={titles.notifications}>
          <Notifications />
        </AccountSection>
      ) : null}
      <AccountSection id="data" title={titles.data}>
        <DataSection />
      </AccountSection>
    </Stack>
  );
}
