import { Alert, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { type BookingIssue, bookingIssues, type SharedResource, sofiaInstant } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/components/date-field.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { translated, usePortalForm } from '@/lib/form.tsx';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { useRequestBooking } from '../api/resources.ts';

type Values = { organizationId: string; date: string; from: string; to: string };

/** Which field a rule's issue is shown beside: the start's issues by "from", the end's by "to". */
const fieldOfIssue = (issue: BookingIssue): keyof Values => (issue.path === 'body.endsAt' ? 'to' : 'from');

/**
 * Asks for a booking: a Sofia date and a time range, checked at once with the shared rules (bookingIssues:
 * the order, the past, the notice, the longest booking, the opening hours), each message beside its field
 * in the UI language. The server checks again; its field errors land beside the same fields, and a clash
 * with a confirmed booking (409) is shown with the time it holds.
 */
export function BookingDialog({
  resource,
  organizations,
  opened,
  onClose,
  initialDate,
  now = () => new Date(),
}: {
  resource: SharedResource;
  /** The member organisations the user may book for. */
  organizations: { id: string; nameBg: string; nameEn: string }[];
  opened: boolean;
  onClose: () => void;
  initialDate: string;
  now?: () => Date;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const request = useRequestBooking(resource.id);
  const [sent, setSent] = useState(false);
  const { form, formRef, showServerErrors, focusFirstInvalid } = usePortalForm<Values>(
    {
      initialValues: {
        organizationId: organizations[0]?.id ?? '',
        date: initialDate,
        from: '09:00',
        to: '10:00',
      },
      validate: (values) => {
        const errors: FormErrors = {};
        for (const key of ['date', 'from', 'to'] as const) {
          if (!values[key]) errors[key] = translated((tt) => tt('validation.field.required'));
        }
        if (Object.keys(errors).length > 0) return errors;
        const range = {
          startsAt: sofiaInstant(values.date, values.from),
          endsAt: sofiaInstant(values.date, values.to === '00:00' ? '24:00' : values.to),
        };
        for (const issue of bookingIssues(range, resource, now())) {
          const field = fieldOfIssue(issue);
          const key = issue.code.replace('resources.', '') as
            | 'booking_end_before_start'
            | 'booking_in_past'
            | 'booking_notice_too_short'
            | 'booking_too_long'
            | 'booking_outside_hours';
          const count = Number(issue.values?.hours ?? 0);
          errors[field] ??= translated((tt) => tt(`resources.issue.${key}`, { count }));
        }
        return errors;
      },
    },
    (path) => (path === 'body.startsAt' ? 'from' : path === 'body.endsAt' ? 'to' : undefined),
  );

  const close = () => {
    request.reset();
    setSent(false);
    onClose();
  };
  const submit = form.onSubmit(
    (values) => {
      request.mutate(
        {
          organizationId: values.organizationId,
          startsAt: sofiaInstant(values.date, values.from),
          endsAt: sofiaInstant(values.date, values.to === '00:00' ? '24:00' : values.to),
        },
        { onSuccess: () => setSent(true), onError: (error) => showServerErrors(error) },
      );
    },
    () => focusFirstInvalid(),
  );
  const fieldErrorsOnly = isApiError(request.error, 400) && request.error.fieldErrors.length > 0;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('resources.dialog.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {sent ? (
        <Stack>
          <Alert color="green" role="status">
            {t('resources.dialog.sent')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {pickLocalized(resource.nameBg, resource.nameEn, language).text} · {t('resources.dialog.hint')}
            </Text>
            {organizations.length > 1 ? (
              <NativeSelect
                label={t('resources.dialog.organization')}
                data={organizations.map((o) => ({
                  value: o.id,
                  label: pickLocalized(o.nameBg, o.nameEn, language).text,
                }))}
                {...form.getInputProps('organizationId')}
              />
            ) : null}
            <DateField
              name="date"
              label={t('resources.dialog.date')}
              required
              value={form.values.date}
              onChange={(value) => form.setFieldValue('date', value)}
              error={form.errors.date}
            />
            <SimpleGrid cols={2} spacing="sm">
              <TextInput
                type="time"
                label={t('resources.dialog.from')}
                required
                step={900}
                {...form.getInputProps('from')}
              />
              <TextInput
                type="time"
                label={t('resources.dialog.to')}
                required
                step={900}
                {...form.getInputProps('to')}
              />
            </SimpleGrid>
            {request.error && !fieldErrorsOnly ? <ProblemAlert error={request.error} /> : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={request.isPending}>
                {t('resources.dialog.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
