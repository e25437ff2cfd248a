/**
 * The `dateField` section: the shared date field's calendar (@/components/date-field.tsx). Registered by
 * date-field.ts when the field's lazy module loads, so pages without a date field do not bundle it.
 */
export const dateFieldBg = {
  placeholder: 'ДД.ММ.ГГГГ',
  clear: 'Изчисти датата',
  calendar: {
    previousMonth: 'Предишен месец',
    nextMonth: 'Следващ месец',
    previousYear: 'Предишна година',
    nextYear: 'Следваща година',
    previousDecade: 'Предишно десетилетие',
    nextDecade: 'Следващо десетилетие',
  },
};

export type DateFieldMessages = typeof dateFieldBg;
