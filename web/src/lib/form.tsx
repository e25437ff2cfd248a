import { type FormErrors, type UseFormInput, useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useRef, useState } from 'react';
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
  'board.language_incomplete',
  'board.valid_until_past',
  'board.valid_until_too_far',
  'news.markdown_html',
  'news.markdown_link',
  'news.body_too_long',
  'news.language_incomplete',
  'event.ends_before_starts',
  'event.place_required',
  'event.closes_after_end',
  'contact.consent_required',
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

/**
 * A text translated where it is shown. Mantine keeps a form's errors as React nodes, so a validation
 * message made of this follows a language switch without validating again.
 */
function Translated({ text }: { text: (t: TFunction) => string }) {
  const { t } = useTranslation();
  return text(t);
}

/** A form error (a Mantine `FormErrors` entry) showing `text` in the UI language. */
export function translated(text: (t: TFunction) => string): ReactNode {
  return <Translated text={text} />;
}

/** A form error for `message`: ours translated where shown, a server's text as it came. */
export function messageNode(message: FieldMessage): ReactNode {
  return 'text' in message ? message.text : translated((t) => messageText(message, t));
}

/** The form field a server field error is about: `body.password` → `password`. */
export function serverFieldName(path: string): string {
  return path.replace(/^body\./, '').split('.')[0] ?? path;
}

/** True when the API rejected the request because of the field `name` (e.g. `body.token`). */
export function hasServerFieldError(error: unknown, name: string): boolean {
  return isApiError(error, 400) && error.fieldErrors.some((e) => serverFieldName(e.path) === name);
}

type Values = Record<string, string>;

/**
 * Mantine form errors for `values` from a shared zod schema parsing `input`: one message per field of the
 * form (the first issue), in the UI language. An empty field is "required", whatever else its schema says
 * about the empty string. (Mantine's own `schemaResolver` shows zod's English `issue.message`.)
 */
export function schemaErrors(schema: z.ZodType, input: unknown, values: Values): FormErrors {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!(field in values) || errors[field]) continue;
    const message: FieldMessage =
      values[field]?.trim() === '' ? { code: 'field.required' } : issueToMessage(issue);
    errors[field] = messageNode(message);
  }
  return errors;
}

/**
 * What every form of the portal adds to Mantine's `useForm`: focus on the first invalid field (after a
 * failed submit or a server's field errors), the server's field errors beside their fields, and the
 * alert for those that belong to no field. `fieldOf` names the form field a server error path
 * (`body.x.y`) is about, if any.
 */
export function usePortalForm<V extends Record<string, unknown>, T = V>(
  options: UseFormInput<V, T>,
  fieldOf: (path: string) => string | undefined,
) {
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<V, T>({ mode: 'controlled', ...options });

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);
  const focusFirstInvalid = () => setFocusRequest((n) => n + 1);

  /** Shows `errors` (none: clears them); focus moves to the first invalid field. Returns whether any. */
  const showErrors = (errors: FormErrors): boolean => {
    form.setErrors(errors);
    const any = Object.keys(errors).length > 0;
    if (any) focusFirstInvalid();
    return any;
  };

  /** Shows an API error's field errors beside the form's fields. */
  const showServerErrors = (error: unknown) => {
    if (!isApiError(error)) return;
    const next: FormErrors = {};
    for (const e of error.fieldErrors) {
      const field = fieldOf(e.path);
      if (field) next[field] ??= e.message;
    }
    if (Object.keys(next).length > 0) showErrors(next);
  };

  /**
   * What an alert above the form should show for `error`: nothing (undefined) when every field error of
   * the answer is already beside its field, else the field errors that belong to no field (maybe none).
   */
  const alertFor = (error: unknown): { path: string; message: string }[] | undefined => {
    if (!isApiError(error) || error.fieldErrors.length === 0) return error ? [] : undefined;
    const rest = error.fieldErrors.filter((e) => !fieldOf(e.path));
    return rest.length > 0 ? rest : undefined;
  };

  return { form, formRef, focusFirstInvalid, showErrors, showServerErrors, alertFor };
}

/**
 * A small form of text fields on Mantine's `useForm`, validated with a shared zod schema: the submit
 * handler receives the schema's output, messages are in the UI language, server field errors (`body.x`)
 * show beside their fields, and focus moves to the first invalid field. `input` builds what the schema
 * parses from the values (by default the values themselves).
 */
export function useSchemaForm<V extends Values, S extends z.ZodType>({
  initialValues,
  schema,
  input = (values) => values,
}: {
  initialValues: V;
  schema: S;
  input?: (values: V) => unknown;
}) {
  const { form, formRef, focusFirstInvalid, showServerErrors, alertFor } = usePortalForm<V, z.output<S>>(
    {
      initialValues,
      validate: (values) => schemaErrors(schema, input(values), values),
      transformValues: (values) => schema.parse(input(values)),
    },
    (path) => {
      const field = serverFieldName(path);
      return field in initialValues ? field : undefined;
    },
  );

  /** Validates; returns the schema's output, or shows the messages and returns undefined. */
  const parse = (): z.output<S> | undefined => {
    const result = form.validate();
    if (result.hasErrors) {
      focusFirstInvalid();
      return undefined;
    }
    return form.getTransformedValues();
  };

  /** An onSubmit handler: validates, then calls `submit` with the schema's output, or `invalid`. */
  const onSubmit = (submit: (body: z.output<S>) => void, invalid?: () => void) =>
    form.onSubmit(submit, () => {
      focusFirstInvalid();
      invalid?.();
    });

  /** Props for a Mantine text input bound to `name`. */
  const field = (name: keyof V & string) => ({ name, ...form.getInputProps(name) });

  return { ...form, formRef, parse, onSubmit, showServerErrors, alertFor, field };
}
