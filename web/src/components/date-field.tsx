import { TextInput } from '@mantine/core';
import { type ComponentType, lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { formatDateText } from '@/lib/date-text.ts';
import { useLanguage } from '@/lib/localized.ts';

export interface DateFieldProps {
  label: ReactNode;
  /** The day as `YYYY-MM-DD`, or '' for none. */
  value: string;
  /** Called with the day as `YYYY-MM-DD`, or '' when an optional field is emptied. */
  onChange: (value: string) => void;
  /** An optional field: a clear button, and deleting the text empties it. */
  clearable?: boolean;
  required?: boolean;
  error?: ReactNode;
  description?: ReactNode;
  /** The earliest and latest day that can be chosen or typed (`YYYY-MM-DD`). */
  minDate?: string | undefined;
  maxDate?: string | undefined;
  id?: string;
  name?: string;
  'aria-label'?: string;
}

let loaded: ComponentType<DateFieldProps> | undefined;
let loading: Promise<ComponentType<DateFieldProps>> | undefined;

/**
 * Loads the date field's module (Mantine's DateInput, dayjs with its Bulgarian locale, the calendar's styles
 * and texts), once: when a field first renders, or earlier through `usePreloadDateField`. The route table
 * does not name it: every chunk the router knows is listed in the entry script, which the first visit to
 * the public pages downloads (docs/performance.md).
 */
export function preloadDateField(): Promise<ComponentType<DateFieldProps>> {
  loading ??= import('./date-field-input.tsx').then(
    (module) => {
      loaded = module.DateFieldInput;
      return module.DateFieldInput;
    },
    (error: unknown) => {
      // A failed load (offline, a stale deployment) is tried again by the next caller; a field whose own
      // load fails throws to the route's error page, which offers a reload.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * For a page whose dialog has a date field (a payment, a membership change): loads the field's module once
 * the page is shown, so the field is ready when the dialog opens.
 */
export function usePreloadDateField(): void {
  useEffect(() => {
    // A failure here is not shown: the field itself tries again and reports it.
    preloadDateField().catch(() => {});
  }, []);
}

const LazyDateFieldInput = lazy(() => preloadDateField().then((component) => ({ default: component })));

/**
 * A calendar date field: shows the day in the UI language's format (bg `05.03.2026`, en `05/03/2026`) and
 * follows a language switch, accepts typed dates (day first) and a calendar pick, and gives the forms an
 * ISO day (`YYYY-MM-DD`, or '' when empty) with no time zone involved. Replaces the browser’s date input, which
 * shows the browser's format (mm/dd/yyyy in a Bulgarian interface, issue 11 C11).
 *
 * The calendar and dayjs are not in the app's first load: they come in their own chunk with their styles
 * (docs/architecture.md, "Dates"). Until that chunk is there the field shows the same label and value,
 * read-only.
 */
export function DateField(props: DateFieldProps) {
  // Fixed for the life of the field: switching from the lazy to the direct component would remount the
  // input and lose what the user is typing.
  const [Loaded] = useState(() => loaded);
  if (Loaded) return <Loaded {...props} />;
  return (
    <Suspense fallback={<PendingDateField {...props} />}>
      <LazyDateFieldInput {...props} />
    </Suspense>
  );
}

/** The field as it looks before its module is there: same label, value and error, not editable yet. */
function PendingDateField({ label, value, required, error, description, id, ...rest }: DateFieldProps) {
  const language = useLanguage();
  return (
    <TextInput
      label={label}
      value={formatDateText(value, language)}
      required={required}
      error={error}
      description={description}
      id={id}
      aria-label={rest['aria-label']}
      readOnly
      aria-busy="true"
      data-date-field-pending
    />
  );
}
