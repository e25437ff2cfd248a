import { Anchor, Button, Group, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateBadge } from '@/components/application-state-badge.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useMyApplications } from '@/lib/api/applications.ts';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';

/**
 * The user's own membership applications with their state, and the way to apply (issue 11 C4): anyone
 * signed in may apply, so the account page always offers it.
 */
export function ApplicationsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const applications = useMyApplications();

  const apply = (
    <Button component={Link} to={paths.apply.href()} style={{ alignSelf: 'flex-start' }}>
      {t('account.applications.apply')}
    </Button>
  );
  if (applications.isPending) {
    return (
      <Stack gap="sm" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={48} />
      </Stack>
    );
  }
  if (applications.isError) {
    return (
      <Stack gap="sm">
        <QueryError error={applications.error} onRetry={() => void applications.refetch()} />
        {apply}
      </Stack>
    );
  }
  if (applications.data.length === 0) {
    return (
      <Stack gap="sm">
        <Text>{t('account.applications.empty')}</Text>
        {apply}
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Stack component="ul" className="plain-list" gap="xs">
        {applications.data.map((a) => {
          const name = pickLocalized(a.nameBg ?? '', a.nameEn ?? '', language);
          return (
            <Group component="li" key={a.id} gap="sm" wrap="wrap" justify="space-between">
              <Stack gap={0}>
                <Anchor
                  component={Link}
                  to={paths.application.href(a.id)}
                  lang={name.text ? name.lang : undefined}
                >
                  {name.text || t('account.applications.untitled')}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {a.submittedAt
                    ? t('account.applications.submittedAt', { date: formatDate(a.submittedAt, language) })
                    : t('account.applications.updatedAt', { date: formatDate(a.updatedAt, language) })}
                </Text>
              </Stack>
              <StateBadge state={a.state} />
            </Group>
          );
        })}
      </Stack>
      {apply}
    </Stack>
  );
}
