import { Anchor, Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { LANGUAGES, SignUpBodySchema } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { PasswordField } from '@/components/password-field.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { currentLanguage } from '@/i18n/index.ts';
import { useSession } from '@/lib/api/session.ts';
import { useSchemaForm } from '@/lib/form.tsx';
import { keptNextPath, paths } from '@/lib/paths.ts';
import { useResendVerification, useSignUp } from '../api/auth.ts';
import { AuthCard, ResultPanel } from './auth-card.tsx';

export function SignUpPage() {
  const { t } = useTranslation();
  const session = useSession();
  const signUp = useSignUp();
  // Where the visitor was going (`/apply`, an invitation link): sent along, so the emailed
  // verification link carries it on to the log-in (issue 11 C4).
  const next = keptNextPath(useSearchParams()[0].get('next'));
  const form = useSchemaForm({
    initialValues: { displayName: '', email: '', password: '', language: currentLanguage() as string },
    schema: SignUpBodySchema,
    input: (values) => (next ? { ...values, next } : values),
  });
  const [sentTo, setSentTo] = useState<string>();

  if (session.data?.user) return <Navigate to={next ?? paths.account.href()} replace />;

  const submit = form.onSubmit(
    (body) =>
      signUp.mutate(body, {
        onSuccess: () => setSentTo(body.email),
        onError: (error) => form.showServerErrors(error),
      }),
    () => signUp.reset(),
  );

  if (sentTo) {
    return (
      <AuthCard title={t('auth.signUp.title')}>
        <SignUpSent email={sentTo} />
      </AuthCard>
    );
  }

  const alert = form.alertFor(signUp.error);
  return (
    <AuthCard title={t('auth.signUp.title')} intro={t('auth.signUp.intro')}>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          {alert ? <ProblemAlert error={signUp.error} fieldErrors={alert} /> : null}
          <TextInput
            label={t('auth.fields.displayName')}
            description={t('auth.fields.displayNameHint')}
            autoComplete="name"
            required
            {...form.field('displayName')}
          />
          <TextInput
            label={t('auth.fields.email')}
            type="email"
            autoComplete="email"
            required
            {...form.field('email')}
          />
          <PasswordField
            label={t('auth.fields.password')}
            autoComplete="new-password"
            rule
            required
            {...form.field('password')}
          />
          <NativeSelect
            label={t('auth.fields.language')}
            description={t('auth.fields.languageHint')}
            data={LANGUAGES.map((value) => ({ value, label: t(`language.${value}.name`) }))}
            {...form.field('language')}
          />
          <Text size="sm">
            {t('sitePages.signUpNotice')} {/* A new tab, so the form keeps what was typed. */}
            <Anchor href={paths.privacy.href()} target="_blank" rel="noopener">
              {t('sitePages.signUpNoticeLink')}
            </Anchor>
            .
          </Text>
          <Button type="submit" loading={signUp.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('auth.signUp.submit')}
          </Button>
          <Text size="sm">
            {t('auth.signUp.haveAccount')}{' '}
            <Anchor component={Link} to={paths.login.href(next)}>
              {t('auth.signUp.logIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

/** "Check your email": the same answer whether or not the address was already registered. */
function SignUpSent({ email }: { email: string }) {
  const { t } = useTranslation();
  const resend = useResendVerification();
  return (
    <ResultPanel title={t('auth.signUp.sentTitle')}>
      <Text role="status">{t('auth.signUp.sentText', { email })}</Text>
      <Text size="sm" c="dimmed">
        {t('auth.signUp.notReceived')}
      </Text>
      {resend.isSuccess ? (
        <Text size="sm" role="status">
          {t('auth.signUp.resent', { email })}
        </Text>
      ) : (
        <Button variant="light" loading={resend.isPending} onClick={() => resend.mutate({ email })}>
          {t('auth.signUp.resend')}
        </Button>
      )}
      {resend.isError ? <ProblemAlert error={resend.error} /> : null}
    </ResultPanel>
  );
}
