import { Badge } from '@mantine/core';
import type { ApplicationState } from '@portal/shared';
import { useTranslation } from 'react-i18next';

/** The hue of each state; the word itself says the state (dot variant, as the administration badges). */
const colors: Record<ApplicationState, string> = {
  draft: 'gray',
  submitted: 'blue',
  under_review: 'yellow',
  changes_requested: 'orange',
  in_vote: 'grape',
  approved: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
};

export function StateBadge({ state }: { state: ApplicationState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={colors[state]} tt="none">
      {t(`applicationState.${state}`)}
    </Badge>
  );
}
