import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * The state of a one-click destructive action behind a ConfirmModal: `ask` opens the modal (clearing a
 * previous outcome), `confirm` runs the mutation and on success closes it and sets `done`, `close` cancels.
 */
export function useConfirmedAction(mutation: UseMutationResult<unknown, unknown, void, unknown>) {
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  return {
    confirming,
    done,
    ask: () => {
      setDone(false);
      mutation.reset();
      setConfirming(true);
    },
    close: () => {
      setConfirming(false);
      mutation.reset();
    },
    confirm: () =>
      mutation.mutate(undefined, {
        onSuccess: () => {
          setConfirming(false);
          setDone(true);
        },
      }),
  };
}
