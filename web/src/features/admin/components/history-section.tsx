import { Anchor, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PagedList } from '@/components/paged-list.tsx';
import { Section } from '@/components/section.tsx';
import { paths } from '@/lib/paths.ts';
import { useAudit } from '../api/audit.ts';
import { HISTORY_PAGE_SIZE } from '../search-params.ts';
import { AuditEventItem } from './audit-event-item.tsx';

/** The user's history: audit events about this user, newest first. */
export function HistorySection({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const filter = { entityType: 'user', entityId: userId };
  const events = useAudit({ ...filter, ...(page > 1 ? { page: String(page) } : {}) }, HISTORY_PAGE_SIZE);

  return (
    <Section id="history" title={t('admin.user.history.title')}>
      <Text size="sm" c="dimmed">
        {t('admin.user.history.intro')}
      </Text>
      <PagedList
        query={events}
        page={page}
        onPage={setPage}
        filtered={false}
        emptyTitle={t('admin.user.history.empty')}
        noneTitle={t('admin.user.history.empty')}
        itemKey={(event) => event.id}
        renderItem={(event) => <AuditEventItem event={event} showEntity={false} names={events.data?.names} />}
      />
      <Anchor component={Link} to={paths.adminAudit.href(filter)} size="sm">
        {t('admin.user.history.all')}
      </Anchor>
    </Section>
  );
}
