import { Badge } from '@mantine/core';
import type { ApplicationState } from '@portal/shared';
import { useTranslation } from 'react-i18next';

const colors: Record<ApplicationState, string> = {
  draft: 'gray',
  submitted: 'blue',
  under_review: 'blue',
  changes_requested: 'yellow',
  in_vote: 'violet',
  approved: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
};

/** The state in words; the dot variant keeps the text at full contrast, the dot adds the hue. */
export function StateBadge({ state }: { state: ApplicationState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={colors[state]} tt="none" style={{ flexShrink: 0 }}>
      {t(`applicationState.${state}`)}
    </Badge>
  );
}
