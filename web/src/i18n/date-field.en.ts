import type { DateFieldMessages } from './date-field.bg.ts';

export const dateFieldEn: DateFieldMessages = {
  placeholder: 'DD/MM/YYYY',
  clear: 'Clear the date',
  calendar: {
    previousMonth: 'Previous month',
    nextMonth: 'Next month',
    previousYear: 'Previous year',
    nextYear: 'Next year',
    previousDecade: 'Previous decade',
    nextDecade: 'Next decade',
  },
};
