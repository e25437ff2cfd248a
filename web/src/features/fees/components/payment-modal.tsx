import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { FEE_REFERENCE_MAX, type MemberFee, todayInSofia } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as z from 'zod';
import { DateField } from '@/components/date-field.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useSchemaForm } from '@/lib/form.tsx';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { useRecordPayment } from '../api/member-fees.ts';
import { centsToInput, parseEuros } from '../money.ts';

const FormSchema = z.object({
  amountCents: z.string().trim().min(1),
  paidOn: z.string().min(1),
  reference: z.string().trim().min(1).max(FEE_REFERENCE_MAX),
});

/**
 * Records a payment of `member` for `year`: amount (prefilled with what is left to pay), date (today) and
 * reference. Field errors (the client's, or the server's, e.g. a reference already recorded) show beside
 * their fields; the modal closes on success.
 */
export function PaymentModal({
  member,
  year,
  onClose,
  onRecorded,
}: {
  member: MemberFee | null;
  year: number;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={t('fees.payment.title')}
      centered
      closeButtonProps={{ 'aria-label': t('fees.payment.close') }}
    >
      {member ? <PaymentForm member={member} year={year} onClose={onClose} onRecorded={onRecorded} /> : null}
    </Modal>
  );
}

function PaymentForm({
  member,
  year,
  onClose,
  onRecorded,
}: {
  member: MemberFee;
  year: number;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const record = useRecordPayment();
  const remaining =
    member.dueCents === null ? 0 : Math.max(0, member.dueCents - member.paidCents - member.creditInCents);
  const form = useSchemaForm({
    initialValues: {
      amountCents: remaining > 0 ? centsToInput(remaining, language) : '',
      paidOn: todayInSofia(),
      reference: '',
    },
    schema: FormSchema,
  });
  const [amountError, setAmountError] = useState<string | undefined>();
  const name = pickLocalized(member.nameBg, member.nameEn, language);

  const submit = form.onSubmit((values) => {
    const cents = parseEuros(values.amountCents);
    if (cents === null || cents <= 0) {
      setAmountError(t('fees.payment.amountInvalid'));
      document.getElementById('payment-amount')?.focus();
      return;
    }
    record.mutate(
      {
        organizationId: member.organizationId,
        year,
        amountCents: cents,
        paidOn: values.paidOn,
        reference: values.reference,
      },
      {
        onSuccess: onRecorded,
        onError: (error) => {
          form.showServerErrors(error);
        },
      },
    );
  });

  const amountField = form.field('amountCents');
  const alertErrors = form.alertFor(record.error);
  return (
    <form onSubmit={submit} ref={form.formRef} noValidate>
      <Stack gap="md">
        <dl className="facts">
          <dt>{t('fees.payment.organization')}</dt>
          <dd lang={name.lang}>{name.text}</dd>
          <dt>{t('fees.payment.year')}</dt>
          <dd>{year}</dd>
        </dl>
        <TextInput
          {...amountField}
          id="payment-amount"
          label={t('fees.payment.amount')}
          description={t('fees.payment.amountHint')}
          inputMode="decimal"
          maxLength={12}
          required
          onChange={(event) => {
            setAmountError(undefined);
            amountField.onChange(event);
          }}
          error={amountError ?? amountField.error}
        />
        <DateField
          name="paidOn"
          label={t('fees.payment.paidOn')}
          value={form.values.paidOn}
          onChange={(paidOn) => form.setFieldValue('paidOn', paidOn)}
          error={form.errors.paidOn}
          required
        />
        <TextInput
          {...form.field('reference')}
          label={t('fees.payment.reference')}
          description={t('fees.payment.referenceHint')}
          maxLength={FEE_REFERENCE_MAX}
          required
        />
        {record.isError && alertErrors !== undefined ? (
          <ProblemAlert error={record.error} fieldErrors={alertErrors} />
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('fees.payment.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('fees.payment.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
