import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import type { ItemTally } from '@portal/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '@/i18n/meeting-conduct.ts';

/**
 * The officer enters an open-ballot item's count (decision 043): for, against, abstaining. A total above
 * the seats present or represented is refused here as the server refuses it (a field error, nothing sent);
 * `serverError` shows the server's own field message.
 */
export function TallyForm({
  eligible,
  onSubmit,
  serverError,
  pending = false,
}: {
  eligible: number;
  onSubmit: (tally: ItemTally) => void;
  serverError?: string | undefined;
  pending?: boolean;
}) {
  const { t } = useTranslation();
  const [tally, setTally] = useState<ItemTally>({ for: 0, against: 0, abstain: 0 });
  const [error, setError] = useState<string | null>(null);
  const total = tally.for + tally.against + tally.abstain;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (total > eligible) {
      setError(t('meetingConduct.tallyTooMany', { total, eligible }));
      return;
    }
    setError(null);
    onSubmit(tally);
  };
  const shown = error ?? serverError;
  const field = (key: keyof ItemTally) => (
    <NumberInput
      label={t(`meetingConduct.${key}`)}
      min={0}
      max={100_000}
      allowDecimal={false}
      allowNegative={false}
      value={tally[key]}
      onChange={(value) => setTally((prev) => ({ ...prev, [key]: Number(value) || 0 }))}
      error={shown ? true : undefined}
      w={120}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('meetingConduct.tallyTitle')}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('meetingConduct.eligible', { count: eligible })}
        </Text>
        <Group align="flex-end" gap="sm">
          {field('for')}
          {field('against')}
          {field('abstain')}
        </Group>
        {shown ? (
          <Text size="sm" c="red" role="alert">
            {shown}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={pending}>
            {t('meetingConduct.close')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
