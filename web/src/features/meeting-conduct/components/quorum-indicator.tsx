import { Alert, Stack, Text } from '@mantine/core';
import type { ConductView } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import '@/i18n/meeting-conduct.ts';

/**
 * The live quorum of a meeting (decision 043): the body's rule in words, the seats present or represented,
 * and whether the meeting may decide or only consult. A live region, so a screen reader hears a change
 * as the attendance is recorded (the page polls the conduct view).
 */
export function QuorumIndicator({
  view,
}: {
  view: Pick<ConductView, 'attendance' | 'quorum' | 'quorumMet'>;
}) {
  const { t } = useTranslation();
  const { seats, present, represented, needed } = view.attendance;
  const attending = present + represented;
  return (
    <Alert
      color={view.quorumMet ? 'teal' : 'yellow'}
      title={t('meetingConduct.quorumTitle')}
      role="status"
      aria-live="polite"
    >
      <Stack gap={4}>
        <Text size="sm">{t(`meetingConduct.quorumRule.${view.quorum}`)}</Text>
        <Text size="sm">{t('meetingConduct.attending', { count: attending, seats })}</Text>
        <Text size="sm" fw={600}>
          {view.quorumMet
            ? t('meetingConduct.quorumMet')
            : t('meetingConduct.quorumMissing', { count: Math.max(needed - attending, 1) })}
        </Text>
      </Stack>
    </Alert>
  );
}
