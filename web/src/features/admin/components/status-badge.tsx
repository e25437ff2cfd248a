import { Badge } from '@mantine/core';
import type { UserStatus } from '@portal/shared';
import { useTranslation } from 'react-i18next';

/**
 * Status colours. Badges use the "dot" variant: the text keeps the body colour (full contrast) and the
 * coloured dot adds the hue; the word itself says the status.
 */
export const BADGE_COLORS = {
  teal: { color: 'teal' },
  red: { color: 'red' },
  yellow: { color: 'yellow' },
} as const;

const colors: Record<UserStatus, keyof typeof BADGE_COLORS> = {
  active: 'teal',
  unverified: 'yellow',
  disabled: 'red',
};

export function StatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" {...BADGE_COLORS[colors[status]]} tt="none">
      {t(`admin.status.${status}`)}
    </Badge>
  );
}
