import { ProfileEditBodySchema } from '@portal/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import { isApiError } from '@/lib/api-client.ts';
import { type FieldMessage, issueToMessage, messageText } from '@/lib/form.tsx';
import { PROFILE_FIELDS, type ProfileField, type ProfileValues, toBody } from './profile-values.ts';

/** Our texts for what the shared validation messages do not say well (myOrganization.validation.*). */
type OwnKey = 'nace' | 'number' | 'url' | 'phone' | 'pickOne' | 'tooMany';
type Message = FieldMessage | { own: OwnKey; values?: Record<string, unknown> };
type FieldErrors = Partial<Record<ProfileField, Message>>;

const INVALID: Partial<Record<ProfileField, OwnKey>> = {
  naceCodes: 'nace',
  employees: 'number',
  website: 'url',
  publicPhone: 'phone',
  contactPhone: 'phone',
};

/** The form field a schema or server path is about (`body.offers.people`, `areaIds.3` → `areaIds`). */
function fieldFor(path: string): ProfileField | undefined {
  const bare = path.replace(/^body\./, '');
  return PROFILE_FIELDS.filter((f) => bare === f || bare.startsWith(`${f}.`)).sort(
    (a, b) => b.length - a.length,
  )[0];
}

function messageFor(field: ProfileField, value: string | string[], issue: z.core.$ZodIssue): Message {
  if (Array.isArray(value)) {
    if (value.length === 0) return { own: 'pickOne' };
    if (issue.code === 'too_big' && issue.path.length === 1) {
      return { own: 'tooMany', values: { max: Number(issue.maximum) } };
    }
  } else if (value.trim() === '') {
    return { code: 'field.required' };
  } else if (issue.code === 'too_big') {
    return { code: 'field.too_long', values: { max: Number(issue.maximum) } };
  }
  const own = INVALID[field];
  return own ? { own } : issueToMessage(issue);
}

/**
 * The profile editor's state: values, validation with the shared ProfileEditBodySchema, messages in the
 * UI language, the server's field errors (`body.website`) beside their fields, focus on the first invalid
 * field. (`useForm` in lib handles text fields only; this form also has lists and a number.)
 */
export function useProfileForm(initial: ProfileValues) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const setValue = <K extends ProfileField>(name: K, value: ProfileValues[K]) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    setErrors((prev) => {
      if (!(name in prev)) return prev;
      const { [name]: _removed, ...rest } = prev;
      return rest;
    });
  };

  /** The PUT body when the values pass the shared schema; else shows the messages and returns undefined. */
  const validate = () => {
    const result = ProfileEditBodySchema.safeParse(toBody(values));
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const next: FieldErrors = {};
    for (const issue of result.error.issues) {
      const field = fieldFor(issue.path.join('.'));
      if (!field || next[field]) continue;
      next[field] = messageFor(field, values[field], issue);
    }
    setErrors(next);
    setFocusRequest((n) => n + 1);
    return undefined;
  };

  /** Shows an API error's field errors beside their fields. */
  const showServerErrors = (error: unknown) => {
    if (!isApiError(error)) return;
    const next: FieldErrors = {};
    for (const e of error.fieldErrors) {
      const field = fieldFor(e.path);
      if (field) next[field] ??= { text: e.message };
    }
    if (Object.keys(next).length > 0) {
      setErrors(next);
      setFocusRequest((n) => n + 1);
    }
  };

  /** What an alert above the form shows: undefined when every field error is beside its field. */
  const alertFor = (error: unknown): { path: string; message: string }[] | undefined => {
    if (!isApiError(error) || error.fieldErrors.length === 0) return error ? [] : undefined;
    const rest = error.fieldErrors.filter((e) => !fieldFor(e.path));
    return rest.length > 0 ? rest : undefined;
  };

  const errorOf = (name: ProfileField): string | undefined => {
    const message = errors[name];
    if (!message) return undefined;
    if ('own' in message) return t(`myOrganization.validation.${message.own}`, message.values ?? {});
    return messageText(message, t);
  };

  /** Props for a Mantine text input or textarea bound to the text field `name`. */
  const text = (name: Exclude<ProfileField, 'areaIds' | 'naceCodes'>) => ({
    name,
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => setValue(name, event.currentTarget.value),
    error: errorOf(name),
  });

  /** Replaces every value (a re-applied or discarded conflict, a saved profile) and clears the messages. */
  const reset = (next: ProfileValues) => {
    setValues(next);
    setErrors({});
  };

  return { values, setValue, validate, showServerErrors, alertFor, errorOf, text, reset, formRef };
}

export type ProfileForm = ReturnType<typeof useProfileForm>;
