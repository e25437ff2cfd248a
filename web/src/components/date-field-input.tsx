// The calendar's styles come with this chunk, before it renders (Vite waits for a lazy chunk's CSS), so a
// page opened directly never shows an unstyled calendar (decision 019); the shell does not carry them.
import '@mantine/dates/styles.css';
// Bulgarian month and weekday names for the calendar (English is dayjs's built-in locale).
import 'dayjs/locale/bg';
import '@/i18n/date-field.ts';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateText, parseDateText } from '@/lib/date-text.ts';
import { useLanguage } from '@/lib/localized.ts';
import type { DateFieldProps } from './date-field.tsx';

/**
 * The date field itself (lazy: see date-field.tsx). Mantine's DateInput with our own formatting and parsing
 * of the text (`@/lib/date-text.ts`, string arithmetic only), so the value is the ISO day both ways.
 */
export function DateFieldInput({
  value,
  onChange,
  clearable = false,
  minDate,
  maxDate,
  ...rest
}: DateFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // While the calendar is open, Escape closes the calendar only, not a dialog around the field: Mantine's
  // Modal leaves alone an Escape whose target carries data-mantine-stop-propagation (as in its Combobox).
  const [calendarOpen, setCalendarOpen] = useState(false);
  return (
    // Weeks start on Monday in both languages (Bulgaria, and the en-GB the English interface writes).
    <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>
      <DateInput
        {...rest}
        value={value === '' ? null : value}
        onChange={(next) => onChange(next ?? '')}
        valueFormat={(iso) => formatDateText(iso, language)}
        dateParser={parseDateText}
        clearable={clearable}
        allowDeselect={clearable}
        {...(minDate ? { minDate } : {})}
        {...(maxDate ? { maxDate } : {})}
        popoverProps={{ onOpen: () => setCalendarOpen(true), onClose: () => setCalendarOpen(false) }}
        data-mantine-stop-propagation={calendarOpen || undefined}
        placeholder={t('dateField.placeholder')}
        clearButtonProps={{ 'aria-label': t('dateField.clear') }}
        // The month and year buttons keep their visible text (`март 2026`) as their name.
        ariaLabels={{
          previousMonth: t('dateField.calendar.previousMonth'),
          nextMonth: t('dateField.calendar.nextMonth'),
          previousYear: t('dateField.calendar.previousYear'),
          nextYear: t('dateField.calendar.nextYear'),
          previousDecade: t('dateField.calendar.previousDecade'),
          nextDecade: t('dateField.calendar.nextDecade'),
        }}
      />
    </DatesProvider>
  );
}
