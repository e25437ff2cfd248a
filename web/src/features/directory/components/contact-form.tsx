import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  CONTACT_MESSAGE_MAX,
  CONTACT_NAME_MAX,
  CONTACT_ORGANIZATION_MAX,
  CONTACT_SUBJECT_MAX,
  MemberContactBodySchema,
} from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { useSchemaForm } from '@/lib/form.tsx';
import { paths } from '@/lib/paths.ts';
import { formatWait } from '@/lib/wait-time.ts';
import { useSendMemberContact } from '../api/contact.ts';

/**
 * "Write to this member" on its public page (issue 17, decision 053), shown only when the member accepts
 * messages. The message is emailed to the member's representatives with Reply-To the visitor: the page
 * never learns their addresses. `website` is a honeypot, out of sight and out of the tab order.
 */
export function ContactForm({ organizationId, name }: { organizationId: string; name: string }) {
  const { t } = useTranslation();
  const send = useSendMemberContact(organizationId);
  const [sent, setSent] = useState(false);
  const form = useSchemaForm({
    initialValues: {
      name: '',
      email: '',
      organization: '',
      subject: '',
      message: '',
      website: '',
      consent: 'no',
    },
    schema: MemberContactBodySchema,
    // 'no' rather than '' so that its message is the consent's own, not "required".
    input: (v) => ({ ...v, consent: v.consent === 'yes' }),
  });
  const submit = form.onSubmit((body) =>
    send.mutate(body, { onSuccess: () => setSent(true), onError: (e) => form.showServerErrors(e) }),
  );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-contact-form">
      <Stack gap="sm">
        <Title order={2} size="h3" id="profile-contact-form">
          {t('profile.contactForm.title')}
        </Title>
        {sent ? (
          <Alert color="green" role="status" title={t('profile.contactForm.sentTitle')}>
            {t('profile.contactForm.sentText', { name })}
          </Alert>
        ) : (
          <form ref={form.formRef} onSubmit={submit} noValidate aria-labelledby="profile-contact-form">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('profile.contactForm.intro', { name })}
              </Text>
              {send.error ? <SendError error={send.error} fieldErrors={form.alertFor(send.error)} /> : null}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('profile.contactForm.name')}
                  autoComplete="name"
                  maxLength={CONTACT_NAME_MAX}
                  required
                  {...form.field('name')}
                />
                <TextInput
                  label={t('profile.contactForm.email')}
                  description={t('profile.contactForm.emailHint')}
                  type="email"
                  autoComplete="email"
                  required
                  {...form.field('email')}
                />
              </SimpleGrid>
              <TextInput
                label={t('profile.contactForm.organization')}
                autoComplete="organization"
                maxLength={CONTACT_ORGANIZATION_MAX}
                {...form.field('organization')}
              />
              <TextInput
                label={t('profile.contactForm.subject')}
                maxLength={CONTACT_SUBJECT_MAX}
                required
                {...form.field('subject')}
              />
              <Textarea
                label={t('profile.contactForm.message')}
                maxLength={CONTACT_MESSAGE_MAX}
                autosize
                minRows={5}
                required
                {...form.field('message')}
              />
              {/* The honeypot: people do not see it, robots fill it in. */}
              <Box
                aria-hidden="true"
                style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
              >
                <label>
                  {t('profile.contactForm.honeypot')}
                  <input type="text" tabIndex={-1} autoComplete="off" {...form.field('website')} />
                </label>
              </Box>
              <Checkbox
                name="consent"
                required
                checked={form.values.consent === 'yes'}
                onChange={(e) => form.setFieldValue('consent', e.currentTarget.checked ? 'yes' : 'no')}
                error={form.errors.consent}
                label={
                  <>
                    {t('profile.contactForm.consent')}{' '}
                    <Anchor component={Link} to={paths.privacy.href()} target="_blank">
                      {t('profile.contactForm.privacyLink')}
                    </Anchor>
                  </>
                }
              />
              <Group>
                <Button type="submit" loading={send.isPending}>
                  {t('profile.contactForm.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

/** A refused message: a wait in words for 429, the server's sentence otherwise. */
function SendError({
  error,
  fieldErrors,
}: {
  error: unknown;
  fieldErrors: { path: string; message: string }[] | undefined;
}) {
  const { t } = useTranslation();
  // Every field error is beside its field already.
  if (fieldErrors === undefined) return null;
  if (isApiError(error, 429)) {
    return (
      <ProblemAlert error={error}>
        {error.retryAfter === undefined
          ? t('profile.contactForm.rateLimitedLater')
          : t('profile.contactForm.rateLimited', { time: formatWait(error.retryAfter, t) })}
      </ProblemAlert>
    );
  }
  return <ProblemAlert error={error} fieldErrors={fieldErrors} />;
}
