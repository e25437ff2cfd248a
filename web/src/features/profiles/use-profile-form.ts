import type { FormErrors } from '@mantine/form';
import { ProfileEditBodySchema } from '@portal/shared';
import type { ReactNode } from 'react';
import type * as z from 'zod';
import { issueToMessage, messageNode, translated, usePortalForm } from '@/lib/form.tsx';
import { PROFILE_FIELDS, type ProfileField, type ProfileValues, toBody } from './profile-values.ts';

/** Our texts for what the shared validation messages do not say well (myOrganization.validation.*). */
type OwnKey = 'nace' | 'number' | 'url' | 'phone' | 'pickOne' | 'tooMany';

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

/** Our own text `key` (myOrganization.validation.*), translated where it is shown. */
function ownText(key: OwnKey, values: Record<string, unknown> = {}): ReactNode {
  return translated((t) => t(`myOrganization.validation.${key}`, values));
}

function messageFor(field: ProfileField, value: string | string[], issue: z.core.$ZodIssue): ReactNode {
  if (Array.isArray(value)) {
    if (value.length === 0) return ownText('pickOne');
    if (issue.code === 'too_big' && issue.path.length === 1) {
      return ownText('tooMany', { max: Number(issue.maximum) });
    }
  } else if (value.trim() === '') {
    return messageNode({ code: 'field.required' });
  } else if (issue.code === 'too_big') {
    return messageNode({ code: 'field.too_long', values: { max: Number(issue.maximum) } });
  }
  const own = INVALID[field];
  return own ? ownText(own) : messageNode(issueToMessage(issue));
}

/**
 * The profile editor's state on Mantine's form (text fields, lists and a number): values, validation
 * with the shared ProfileEditBodySchema, messages in the UI language, the server's field errors
 * (`body.website`) beside their fields, focus on the first invalid field.
 */
export function useProfileForm(initial: ProfileValues) {
  const { form, formRef, showErrors, showServerErrors, alertFor } = usePortalForm<ProfileValues>(
    { initialValues: initial },
    fieldFor,
  );
  const { values } = form;

  // Some names are flat dotted paths (`offers.people`), which Mantine's setFieldValue would read as
  // nested objects: the value is set by its whole name, and its message cleared.
  const setValue = <K extends ProfileField>(name: K, value: ProfileValues[K]) => {
    form.setValues((prev) => ({ ...prev, [name]: value }));
    form.clearFieldError(name);
  };

  /** The PUT body when the values pass the shared schema; else shows the messages and returns undefined. */
  const validate = () => {
    const result = ProfileEditBodySchema.safeParse(toBody(values));
    if (result.success) {
      form.clearErrors();
      return result.data;
    }
    const next: FormErrors = {};
    for (const issue of result.error.issues) {
      const field = fieldFor(issue.path.join('.'));
      if (!field || next[field]) continue;
      next[field] = messageFor(field, values[field], issue);
    }
    showErrors(next);
    return undefined;
  };

  const errorOf = (name: ProfileField): ReactNode => form.errors[name];

  /** Props for a Mantine text input or textarea bound to the text field `name`. */
  const text = (name: Exclude<ProfileField, 'areaIds' | 'naceCodes'>) => ({
    name,
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => setValue(name, event.currentTarget.value),
    error: errorOf(name),
  });

  /** Replaces every value (a re-applied or discarded conflict, a saved profile) and clears the messages. */
  const reset = (next: ProfileValues) => {
    form.setValues(next);
    form.clearErrors();
  };

  return { values, setValue, validate, showServerErrors, alertFor, errorOf, text, reset, formRef };
}

export type ProfileForm = ReturnType<typeof useProfileForm>;
