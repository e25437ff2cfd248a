import { useEffect, useState } from 'react';

/**
 * A one-off notice for the next page shown (e.g. "your account has been erased" on the home page). Kept in
 * memory rather than in history state, which a guard's redirect to the same page would replace.
 */
export type Flash = 'account_erased';

let pending: Flash | null = null;

export function setFlash(flash: Flash): void {
  pending = flash;
}

/** The notice left for this page, read once when it mounts (then gone). */
export function useFlash(): Flash | null {
  const [flash] = useState(() => pending);
  useEffect(() => {
    pending = null;
  }, []);
  return flash;
}
