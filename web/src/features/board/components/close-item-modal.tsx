import { Radio, Stack, Textarea } from '@mantine/core';
import { BOARD_CLOSE_OUTCOMES, type BoardCloseOutcome, type BoardItem } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { useCloseBoardItem } from '../api/organization-board-items.ts';

/** Asks for the outcome before an item is closed for good (a closed item cannot be opened again). */
export function CloseItemModal({
  organizationId,
  item,
  onClose,
  onClosed,
}: {
  organizationId: string;
  /** The item to close; null: the modal is shut. */
  item: BoardItem | null;
  onClose: () => void;
  onClosed: (item: BoardItem) => void;
}) {
  const { t } = useTranslation();
  const close = useCloseBoardItem(organizationId);
  const [outcome, setOutcome] = useState<BoardCloseOutcome>('partnership_formed');
  const [note, setNote] = useState('');
  const dismiss = () => {
    close.reset();
    setOutcome('partnership_formed');
    setNote('');
    onClose();
  };
  return (
    <ConfirmModal
      opened={item !== null}
      title={t('board.closeModal.title')}
      text={t('board.closeModal.text')}
      confirmLabel={t('board.closeModal.confirm')}
      pending={close.isPending}
      error={close.error}
      onClose={dismiss}
      onConfirm={() => {
        if (!item) return;
        close.mutate(
          { id: item.id, body: { version: item.version, outcome, note: note.trim() || null } },
          {
            onSuccess: (closed) => {
              dismiss();
              onClosed(closed);
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Radio.Group
          label={t('board.closeModal.outcome')}
          value={outcome}
          onChange={(v) => setOutcome(v as BoardCloseOutcome)}
        >
          <Stack gap={6} mt={4}>
            {BOARD_CLOSE_OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={t(`board.outcome.${o}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('board.closeModal.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={1000}
          rows={2}
          resize="vertical"
        />
      </Stack>
    </ConfirmModal>
  );
}
