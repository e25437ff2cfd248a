import { Badge } from '@mantine/core';
import type { FeeStatus } from '@portal/shared';
import { useTranslation } from 'react-i18next';

const COLORS: Record<FeeStatus, string> = {
  not_due: 'gray',
  paid: 'teal',
  partial: 'yellow',
  unpaid: 'blue',
  overdue: 'red',
};

/** A fee status as a badge; the colour only repeats what the text says. */
export function FeeStatusBadge({ status }: { status: FeeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant={status === 'overdue' ? 'filled' : 'light'} autoContrast>
      {t(`fees.status.${status}`)}
    </Badge>
  );
}
