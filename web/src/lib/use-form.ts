import type { TFunction } from 'i18next';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import { isApiError } from './api-client.ts';

/** The issue codes the shared schemas attach as `params.code`, each with a text in `validation.*`. */
const VALIDATION_CODES = [
  'field.required',
  'field.too_long',
  'field.invalid',
  'email.invalid',
  'password.too_short',
  'password.too_long',
  'token.invalid',
  'eik.invalid',
  'eik.check_digit',
] as const;
type ValidationCode = (typeof VALIDATION_CODES)[number];

function isValidationCode(value: unknown): value is ValidationCode {
  return typeof value === 'string' && (VALIDATION_CODES as readonly string[]).includes(value);
}

/**
 * A message beside a field: a validation text rendered in the current UI language (so it follows a
 * language switch), or a server's text, already localised by the server.
 */
export type FieldMessage =
  | { code: ValidationCode; values?: Record<string, unknown> | undefined }
  | { text: string };

/**
 * Which of our texts describes a zod issue. Our own codes (`params.code` on the shared refinements) win;
 * zod's built-in issues map onto the few texts a form needs, so every message is in the UI language.
 * (zod 4 keeps `params` only on custom issues, hence the mapping of `.min(1)` and `z.email()` here.)
 */
export function issueToMessage(issue: z.core.$ZodIssue): FieldMessage {
  const params =
    'params' in issue ? (issue.params as { code?: unknown; values?: unknown } | undefined) : undefined;
  if (isValidationCode(params?.code)) {
    const values =
      typeof params.values === 'object' && params.values !== null
        ? (params.values as Record<string, unknown>)
        : undefined;
    return { code: params.code, values };
  }
  switch (issue.code) {
    case 'too_small':
      return { code: 'field.required' };
    case 'too_big':
      return { code: 'field.too_long', values: { max: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'email.invalid' };
      if (issue.path.at(-1) === 'token') return { code: 'token.invalid' };
      return { code: 'field.invalid' };
    default:
      return { code: 'field.invalid' };
  }
}

export function messageText(message: FieldMessage, t: TFunction): string {
  return 'text' in message ? message.text : t(`validation.${message.code}`, message.values ?? {});
}

/** The form field a server field error is about: `body.password` → `password`. */
export function serverFieldName(path: string): string {
  return path.replace(/^body\./, '').split('.')[0] ?? path;
}

type Values = Record<string, string>;

/**
 * State of a small form of text fields: values, per-field messages, validation with a shared zod schema,
 * server field errors shown beside their fields, and focus moved to the first invalid field on submit.
 */
export function useForm<V extends Values>(initial: V) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof V, FieldMessage>>>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const setValue = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    setErrors((prev) => {
      if (!(name in prev)) return prev;
      const { [name]: _removed, ...rest } = prev;
      return rest as Partial<Record<keyof V, FieldMessage>>;
    });
  }, []);

  /** Parses `input` (by default the values) with `schema`; on failure shows the messages and returns undefined. */
  const validate = <S extends z.ZodType>(schema: S, input: unknown = values): z.output<S> | undefined => {
    const result = schema.safeParse(input);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const next: Partial<Record<keyof V, FieldMessage>> = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '') as keyof V;
      if (!(field in values) || next[field]) continue;
      // An empty field is "required", whatever else its schema says about the empty string.
      next[field] = values[field]?.trim() === '' ? { code: 'field.required' } : issueToMessage(issue);
    }
    setErrors(next);
    setFocusRequest((n) => n + 1);
    return undefined;
  };

  /**
   * Shows an API error's field errors (`body.x`) beside the form's fields. Returns the field errors that
   * belong to no field of this form, for the caller to show elsewhere.
   */
  const showServerErrors = (error: unknown): { path: string; message: string }[] => {
    if (!isApiError(error)) return [];
    const next: Partial<Record<keyof V, FieldMessage>> = {};
    const rest: { path: string; message: string }[] = [];
    for (const e of error.fieldErrors) {
      const field = serverFieldName(e.path) as keyof V;
      if (field in values) next[field] ??= { text: e.message };
      else rest.push(e);
    }
    if (Object.keys(next).length > 0) {
      setErrors(next);
      setFocusRequest((n) => n + 1);
    }
    return rest;
  };

  /**
   * What an alert above the form should show for `error`: nothing (undefined) when every field error of
   * the answer is already beside its field, else the field errors that belong to no field (maybe none).
   */
  const alertFor = (error: unknown): { path: string; message: string }[] | undefined => {
    if (!isApiError(error) || error.fieldErrors.length === 0) return error ? [] : undefined;
    const rest = error.fieldErrors.filter((e) => !(serverFieldName(e.path) in values));
    return rest.length > 0 ? rest : undefined;
  };

  const errorOf = (name: keyof V): string | undefined => {
    const message = errors[name];
    return message ? messageText(message, t) : undefined;
  };

  /** Props for a Mantine text input bound to `name`. */
  const field = <K extends keyof V>(name: K) => ({
    name: String(name),
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setValue(name, event.currentTarget.value as V[K]),
    error: errorOf(name),
  });

  /** An onSubmit handler that prevents the page load and calls `submit`. */
  const onSubmit = (submit: () => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };

  const reset = (next: V = initial) => {
    setValues(next);
    setErrors({});
  };

  return {
    values,
    setValue,
    validate,
    showServerErrors,
    errorOf,
    alertFor,
    field,
    onSubmit,
    reset,
    formRef,
  };
}

/** True when the API rejected the request because of the field `name` (e.g. `body.token`). */
export function hasServerFieldError(error: unknown, name: string): boolean {
  return isApiError(error, 400) && error.fieldErrors.some((e) => serverFieldName(e.path) === name);
}
