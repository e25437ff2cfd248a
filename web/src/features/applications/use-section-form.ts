import type { FormErrors } from '@mantine/form';
import type { ReactNode } from 'react';
import type * as z from 'zod';
import { issueToMessage, messageNode, translated, usePortalForm } from '@/lib/form.tsx';

/** Our own texts for what the shared validation messages do not say well (apply.validation.*). */
export type ApplyValidationKey =
  | 'eik'
  | 'eikCheckDigit'
  | 'yearFuture'
  | 'dateFuture'
  | 'naceUnknown'
  | 'tooShort'
  | 'mustAccept'
  | 'nace'
  | 'number'
  | 'year'
  | 'url'
  | 'phone'
  | 'date'
  | 'pickOne'
  | 'tooMany';

/**
 * The shared schemas' own codes for values that have the right form but are implausible or mistyped
 * (issue 11 C5, C13): each has its own text, whatever the field's general "not valid" text says.
 */
const OWN_CODES: Record<string, ApplyValidationKey> = {
  'eik.check_digit': 'eikCheckDigit',
  'year.future': 'yearFuture',
  'date.future': 'dateFuture',
  'nace.unknown': 'naceUnknown',
  'text.too_short': 'tooShort',
};

/** Values of a step form: flat, keyed by the field's dotted path in the section (`offers.people`). */
type Values = Record<string, unknown>;

function isEmpty(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return value === false || value === undefined || value === null;
}

/** The form field an issue or server error is about: the longest field path its path starts with. */
function fieldFor(path: string, fields: readonly string[]): string | undefined {
  return fields.filter((f) => path === f || path.startsWith(`${f}.`)).sort((a, b) => b.length - a.length)[0];
}

/** Our own text `key` (apply.validation.*), translated where it is shown. */
function applyText(key: ApplyValidationKey, values: Record<string, unknown> = {}): ReactNode {
  return translated((t) => t(`apply.validation.${key}`, values));
}

/**
 * State of one step of the application form on Mantine's form (steps have numbers, lists and
 * checkboxes besides text): values, validation with the section's shared schema, messages in the UI
 * language, server field errors (`body.eik`) beside their fields, focus on the first invalid field.
 * `invalid` names our text for a field's "not valid" message.
 */
export function useSectionForm<V extends Values>(
  initial: V,
  invalid: Partial<Record<keyof V & string, ApplyValidationKey>> = {},
) {
  const fields = Object.keys(initial);
  const { form, formRef, showErrors, showServerErrors, alertFor } = usePortalForm<V>(
    { initialValues: initial },
    (path) => fieldFor(path.replace(/^body\./, ''), fields),
  );
  const { values } = form;

  // The names are flat dotted paths (`offers.people`), which Mantine's setFieldValue would read as
  // nested objects: the value is set by its whole name, and its message cleared.
  const setValue = <K extends keyof V & string>(name: K, value: V[K]) => {
    form.setValues((prev) => ({ ...prev, [name]: value }));
    form.clearFieldError(name);
  };

  const messageFor = (field: string, issue: z.core.$ZodIssue): ReactNode => {
    const value = values[field];
    if (isEmpty(value)) {
      if (typeof value === 'boolean') return applyText('mustAccept');
      if (Array.isArray(value)) return applyText('pickOne');
      return messageNode({ code: 'field.required' });
    }
    if (issue.code === 'too_big') {
      return Array.isArray(value)
        ? applyText('tooMany', { max: Number(issue.maximum) })
        : messageNode({ code: 'field.too_long', values: { max: Number(issue.maximum) } });
    }
    // Nine digits with one mistyped must not be told "enter 9 or 13 digits" (issue 11 C5).
    const params =
      'params' in issue ? (issue.params as { code?: unknown; values?: Record<string, unknown> }) : undefined;
    const ownKey = typeof params?.code === 'string' ? OWN_CODES[params.code] : undefined;
    if (ownKey) return applyText(ownKey, { ...params?.values, count: String(value).trim().length });
    const own = invalid[field as keyof V & string];
    return own ? applyText(own) : messageNode(issueToMessage(issue));
  };

  /** Parses `input` (the section body built from the values) with `schema`; shows the messages on failure. */
  const validate = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> | undefined => {
    const result = schema.safeParse(input);
    if (result.success) {
      form.clearErrors();
      return result.data;
    }
    const next: FormErrors = {};
    for (const issue of result.error.issues) {
      const field = fieldFor(issue.path.join('.'), fields);
      if (!field || next[field]) continue;
      next[field] = messageFor(field, issue);
    }
    showErrors(next);
    return undefined;
  };

  const errorOf = (name: keyof V & string): ReactNode => form.errors[name];

  /** Props for a Mantine text input (or textarea) bound to the string field `name`. */
  const text = (name: keyof V & string) => ({
    name,
    value: String(values[name] ?? ''),
    onChange: (event: { currentTarget: { value: string } }) =>
      setValue(name, event.currentTarget.value as V[typeof name]),
    error: errorOf(name),
  });

  return { values, setValue, validate, showServerErrors, alertFor, errorOf, text, formRef };
}

export type SectionForm<V extends Values> = ReturnType<typeof useSectionForm<V>>;
