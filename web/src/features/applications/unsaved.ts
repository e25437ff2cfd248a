import { createContext, useContext, useEffect, useState } from 'react';

/**
 * Whether the step on screen has edits that are not saved (issue 11 C3). The form's steps report it; the
 * application form asks before leaving the step (another step, a link, Back) and the browser asks before
 * the page is closed or reloaded.
 */
export const UnsavedContext = createContext<(dirty: boolean) => void>(() => {});

/** Reports `values` as unsaved while they differ from the values the step opened with. */
export function useReportUnsaved(values: unknown) {
  const report = useContext(UnsavedContext);
  const [initial] = useState(() => JSON.stringify(values));
  const dirty = JSON.stringify(values) !== initial;
  useEffect(() => report(dirty), [report, dirty]);
  useEffect(() => () => report(false), [report]);
}

/** While `dirty`, closing or reloading the page asks first (the browser's own dialog). */
export function useBeforeUnload(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the dialog.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
