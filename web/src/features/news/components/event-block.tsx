import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  can,
  EVENT_NAME_MAX,
  EVENT_ORGANIZATION_MAX,
  EventRegisterBodySchema,
  type EventRegistrationResult,
  eventIcsUrl,
  type NewsEvent,
} from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { principalOf, useSession } from '@/lib/api/session.ts';
import { useSchemaForm } from '@/lib/form.tsx';
import { useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useRegister } from '../api/events.ts';
import { formatSofia } from '../dates.ts';

/**
 * An event's date (Sofia time, in the reader's language), place, "add to calendar", the seats left and the
 * registration form (decision 042). A signed-in user registers with their account's address.
 */
export function EventBlock({ slug, event }: { slug: string; event: NewsEvent }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="event-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="event-heading">
          {t('news.event.title')}
        </Title>
        <Text>
          <Text span fw={600}>
            {t('news.event.when')}:{' '}
          </Text>
          {t('news.event.range', {
            start: formatSofia(event.startsAt, language, true),
            end: formatSofia(event.endsAt, language, true),
          })}
        </Text>
        {event.place ? (
          <Text>
            <Text span fw={600}>
              {t('news.event.where')}:{' '}
            </Text>
            {event.place}
          </Text>
        ) : null}
        {event.onlineUrl ? (
          <Anchor href={event.onlineUrl} target="_blank" rel="noopener noreferrer">
            {t('news.event.online')}
          </Anchor>
        ) : null}
        <Anchor href={`${eventIcsUrl(slug)}?lang=${language}`} download>
          {t('news.event.addToCalendar')}
        </Anchor>
        {event.registrationEnabled ? <Registration slug={slug} event={event} /> : null}
      </Stack>
    </Card>
  );
}

function Seats({ event }: { event: NewsEvent }) {
  const { t } = useTranslation();
  if (event.seatsLeft === null) return null;
  if (event.seatsLeft > 0) return <Text>{t('news.event.seatsLeft', { count: event.seatsLeft })}</Text>;
  return (
    <Text>
      {t('news.event.full')} {event.waiting > 0 ? t('news.event.waiting', { count: event.waiting }) : null}
    </Text>
  );
}

function Registration({ slug, event }: { slug: string; event: NewsEvent }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [done, setDone] = useState<EventRegistrationResult | null>(null);
  if (!event.registrationOpen)
    return (
      <>
        <Seats event={event} />
        <Text c="dimmed">{t('news.event.closed')}</Text>
      </>
    );
  if (done)
    return (
      <Alert color={done.status === 'confirmed' ? 'green' : 'yellow'} role="status">
        {done.status === 'confirmed'
          ? t('news.event.registered')
          : t('news.event.onWaitingList', { position: done.waitingPosition ?? 1 })}
      </Alert>
    );
  if (session.isPending) return null;
  const user = session.data?.user ?? null;
  if (event.registrationOpenTo === 'members' && !can(principalOf(user), 'members.view'))
    return (
      <>
        <Seats event={event} />
        <Text>
          {t('news.event.membersOnly')}{' '}
          {user ? null : (
            <Anchor component={Link} to={paths.login.href(location.pathname)}>
              {t('news.event.signIn')}
            </Anchor>
          )}
        </Text>
      </>
    );
  return (
    <>
      <Seats event={event} />
      <RegistrationForm
        slug={slug}
        full={event.seatsLeft === 0}
        user={user ? { name: user.displayName, email: user.email } : null}
        onDone={setDone}
      />
    </>
  );
}

/** The registration form: name, address (the account's when signed in) and organisation. */
export function RegistrationForm({
  slug,
  full,
  user,
  onDone,
}: {
  slug: string;
  full: boolean;
  user: { name: string; email: string } | null;
  onDone: (result: EventRegistrationResult) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const register = useRegister(slug);
  const form = useSchemaForm({
    initialValues: { name: user?.name ?? '', email: user?.email ?? '', organizationName: '' },
    schema: EventRegisterBodySchema,
    input: (v) => ({ ...v, language }),
  });
  const submit = form.onSubmit((body) =>
    register.mutate(body, { onSuccess: onDone, onError: (e) => form.showServerErrors(e) }),
  );
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-label={t('news.event.formLabel')}>
      <Stack gap="sm">
        {register.error ? (
          <ProblemAlert error={register.error} fieldErrors={form.alertFor(register.error) ?? []} />
        ) : null}
        <TextInput label={t('news.event.name')} maxLength={EVENT_NAME_MAX} required {...form.field('name')} />
        <TextInput
          label={t('news.event.email')}
          type="email"
          required
          readOnly={user !== null}
          description={user ? t('news.event.emailOfAccount') : undefined}
          {...form.field('email')}
        />
        <TextInput
          label={t('news.event.organization')}
          maxLength={EVENT_ORGANIZATION_MAX}
          {...form.field('organizationName')}
        />
        <Group>
          <Button type="submit" loading={register.isPending}>
            {full ? t('news.event.joinWaitingList') : t('news.event.register')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
