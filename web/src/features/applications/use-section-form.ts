import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import { isApiError } from '@/lib/api-client.ts';
import { type FieldMessage, issueToMessage, messageText } from '@/lib/form.tsx';

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

type Message = FieldMessage | { apply: ApplyValidationKey; values?: Record<string, unknown> };

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

/**
 * State of one step of the application form (the shared `useForm` handles text fields only; steps also
 * have numbers, lists and checkboxes): values, validation with the section's shared schema, messages in
 * the UI language, server field errors (`body.eik`) beside their fields, focus on the first invalid field.
 * `invalid` names our text for a field's "not valid" message.
 */
export function useSectionForm<V extends Values>(
  initial: V,
  invalid: Partial<Record<keyof V & string, ApplyValidationKey>> = {},
) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, Message>>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const fields = Object.keys(initial);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const setValue = <K extends keyof V & string>(name: K, value: V[K]) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    setErrors((prev) => {
      if (!(name in prev)) return prev;
      const { [name]: _removed, ...rest } = prev;
      return rest;
    });
  };

  const messageFor = (field: string, issue: z.core.$ZodIssue): Message => {
    const value = values[field];
    if (isEmpty(value)) {
      if (typeof value === 'boolean') return { apply: 'mustAccept' };
      if (Array.isArray(value)) return { apply: 'pickOne' };
      return { code: 'field.required' };
    }
    if (issue.code === 'too_big') {
      return Array.isArray(value)
        ? { apply: 'tooMany', values: { max: Number(issue.maximum) } }
        : { code: 'field.too_long', values: { max: Number(issue.maximum) } };
    }
    // Nine digits with one mistyped must not be told "enter 9 or 13 digits" (issue 11 C5).
    const params =
      'params' in issue ? (issue.params as { code?: unknown; values?: Record<string, unknown> }) : undefined;
    const ownKey = typeof params?.code === 'string' ? OWN_CODES[params.code] : undefined;
    if (ownKey) return { apply: ownKey, values: { ...params?.values, count: String(value).trim().length } };
    const own = invalid[field as keyof V & string];
    return own ? { apply: own } : issueToMessage(issue);
  };

  /** Parses `input` (the section body built from the values) with `schema`; shows the messages on failure. */
  const validate = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> | undefined => {
    const result = schema.safeParse(input);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const next: Record<string, Message> = {};
    for (const issue of result.error.issues) {
      const field = fieldFor(issue.path.join('.'), fields);
      if (!field || next[field]) continue;
      next[field] = messageFor(field, issue);
    }
    setErrors(next);
    setFocusRequest((n) => n + 1);
    return undefined;
  };

  /** Shows an API error's field errors beside their fields; returns those that belong to no field. */
  const showServerErrors = (error: unknown): { path: string; message: string }[] => {
    if (!isApiError(error)) return [];
    const next: Record<string, Message> = {};
    const rest: { path: string; message: string }[] = [];
    for (const e of error.fieldErrors) {
      const field = fieldFor(e.path.replace(/^body\./, ''), fields);
      if (field) next[field] ??= { text: e.message };
      else rest.push(e);
    }
    if (Object.keys(next).length > 0) {
      setErrors(next);
      setFocusRequest((n) => n + 1);
    }
    return rest;
  };

  /** What an alert above the form shows: undefined when every field error is beside its field. */
  const alertFor = (error: unknown): { path: string; message: string }[] | undefined => {
    if (!isApiError(error) || error.fieldErrors.length === 0) return error ? [] : undefined;
    const rest = error.fieldErrors.filter((e) => !fieldFor(e.path.replace(/^body\./, ''), fields));
    return rest.length > 0 ? rest : undefined;
  };

  const errorOf = (name: keyof V & string): string | undefined => {
    const message = errors[name];
    if (!message) return undefined;
    if ('apply' in message) return t(`apply.validation.${message.apply}`, message.values ?? {});
    return messageText(message, t);
  };

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
