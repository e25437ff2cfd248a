import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';

/**
 * Asks before a step of the review (start review, request changes, open a vote, declare a conflict of
 * interest), optionally with a field (`children`) the step needs. Enter in a field confirms; the modal stays
 * open showing the error if the step fails, and the caller closes it on success. Focus returns to the
 * button that opened it.
 */
export function ActionModal({
  opened,
  title,
  text,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
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
      closeButtonProps={{ 'aria-label': t('committee.confirm.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{text}</Text>
          {children}
          {error ? <ProblemAlert error={error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('committee.confirm.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
