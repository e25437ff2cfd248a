import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';

/**
 * Asks before an action: a destructive one (`tone="danger"`, the default: a red confirm button) or a step
 * of a review (`tone="neutral"`: start review, request changes, open a vote, recuse), optionally with a
 * field (`children`) the action needs. It is a form, so Enter in a field confirms. The action runs on
 * confirm; the modal stays open showing the error if it fails, and the caller closes it on success. Focus
 * returns to the button that opened it.
 */
export function ConfirmModal({
  opened,
  title,
  text,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
  tone = 'danger',
  children,
}: {
  opened: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  tone?: 'danger' | 'neutral';
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onConfirm();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{text}</Text>
          {children}
          {error ? <ProblemAlert error={error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={tone === 'danger' ? 'red' : undefined} loading={pending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
