import { Badge } from '@mantine/core';
import type { NewsEffectiveStatus } from '@portal/shared';
import { useTranslation } from 'react-i18next';

const COLORS: Record<NewsEffectiveStatus, string> = {
  draft: 'gray',
  submitted: 'orange',
  returned: 'yellow',
  scheduled: 'blue',
  published: 'green',
  archived: 'dark',
};

export function NewsStatusBadge({ status }: { status: NewsEffectiveStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`news.status.${status}`)}
    </Badge>
  );
}
