import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { MESSAGE_BODY_MAX, MessageBodySchema } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import * as z from 'zod';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useSchemaForm } from '@/lib/form.tsx';
import { formatNumber } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import '@/i18n/conversations.ts';

const FormSchema = z.object({ body: MessageBodySchema });

/**
 * A plain-text message: a text area with a live character count (of the 5,000 allowed), validated with
 * the shared schema in the UI language; the server's field errors (control characters) show beside it.
 */
export function Composer({
  label,
  submitLabel,
  pending,
  error,
  onSend,
  autoFocus = false,
  children,
}: {
  label: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  /** Sends; resolves when sent (the field is emptied), rejects with the API error (shown). */
  onSend: (body: string) => Promise<unknown>;
  autoFocus?: boolean;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = useSchemaForm({ initialValues: { body: '' }, schema: FormSchema });
  const length = form.values.body.length;
  const over = length > MESSAGE_BODY_MAX;
  const alert = form.alertFor(error);
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.onSubmit((value) => {
        onSend(value.body).then(
          () => form.reset(),
          (e: unknown) => form.showServerErrors(e),
        );
      })}
    >
      <Stack gap="xs">
        {children}
        {alert ? <ProblemAlert error={error} fieldErrors={alert} /> : null}
        <Textarea
          label={label}
          description={t('conversations.composer.hint')}
          resize="vertical"
          rows={5}
          data-autofocus={autoFocus || undefined}
          {...form.field('body')}
        />
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" c={over ? 'red' : 'dimmed'} aria-live="polite">
            {t('conversations.composer.count', {
              count: length,
              max: formatNumber(MESSAGE_BODY_MAX, language),
            })}
          </Text>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
