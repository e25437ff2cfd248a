import { Button, Group, Stack } from '@mantine/core';
import { type Application, type ApplicationSection, SECTION_SCHEMAS, type SectionSave } from '@portal/shared';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useSaveSection } from '../api/applications.ts';
import { useReportUnsaved } from '../unsaved.ts';
import { type ApplyValidationKey, type SectionForm, useSectionForm } from '../use-section-form.ts';

export interface StepProps {
  application: Application;
  /** After a successful save: on to the next step. */
  onSaved: () => void;
  /** Back to the previous step (none on the first). */
  onBack?: (() => void) | undefined;
}

/**
 * One section of the application as a form: validated with the section's shared schema before saving
 * (PUT …/sections/:section), the server's field errors beside the fields, then on to the next step.
 */
export function SectionStep<V extends Record<string, unknown>>({
  application,
  section,
  initial,
  toBody,
  invalid,
  onSaved,
  onBack,
  children,
}: StepProps & {
  section: ApplicationSection;
  initial: V;
  /** The section's body from the form's values (numbers parsed, empty optional fields left out). */
  toBody: (values: V) => unknown;
  invalid?: Partial<Record<keyof V & string, ApplyValidationKey>>;
  children: (form: SectionForm<V>) => ReactNode;
}) {
  const form = useSectionForm(initial, invalid);
  const save = useSaveSection(application.id);
  useReportUnsaved(form.values);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const value = form.validate(SECTION_SCHEMAS[section], toBody(form.values));
    if (!value) return save.reset();
    // The schema `section` picks parsed `value`, so they match; TypeScript cannot follow that through
    // the union of sections (the server's route says the same with the same cast).
    const body = { section, value } as SectionSave;
    save.mutate(body, { onSuccess: onSaved, onError: (error) => form.showServerErrors(error) });
  };
  const alert = form.alertFor(save.error);

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        {alert ? <ProblemAlert error={save.error} fieldErrors={alert} /> : null}
        {children(form)}
        <StepButtons onBack={onBack} pending={save.isPending} />
      </Stack>
    </form>
  );
}

export function StepButtons({
  onBack,
  pending = false,
  nextLabel,
  onNext,
}: {
  onBack?: (() => void) | undefined;
  pending?: boolean;
  nextLabel?: string;
  /** Without it the primary button submits the form around it. */
  onNext?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="sm" mt="sm">
      {onBack ? (
        <Button variant="default" onClick={onBack}>
          {t('apply.form.back')}
        </Button>
      ) : (
        <span />
      )}
      <Button type={onNext ? 'button' : 'submit'} loading={pending} onClick={onNext}>
        {nextLabel ?? t('apply.form.saveAndContinue')}
      </Button>
    </Group>
  );
}
