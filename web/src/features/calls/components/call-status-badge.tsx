import { Badge } from '@mantine/core';
import type { FundingCallStatus } from '@portal/shared';
import { useTranslation } from 'react-i18next';

const COLORS: Record<FundingCallStatus, string> = { upcoming: 'blue', open: 'green', closed: 'gray' };

/** A call's status, computed by the server from its dates (upcoming → open → closed). */
export function CallStatusBadge({ status }: { status: FundingCallStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`calls.status.${status}`)}
    </Badge>
  );
}
