import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  EVENT_OPEN_TO,
  EVENT_PLACE_MAX,
  EventDetailsBodySchema,
  type EventEditor,
  eventRegistrationsCsvUrl,
  type NewsPost,
} from '@portal/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/components/date-field.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { issueToMessage, messageText, serverFieldName } from '@/lib/form.tsx';
import { useLanguage } from '@/lib/localized.ts';
import { useEventRegistrations, useSetEventDetails } from '../api/events.ts';
import { formatSofia, isoToSofia, sofiaToIso } from '../dates.ts';

type Values = {
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
  place: string;
  onlineUrl: string;
  registrationEnabled: boolean;
  registrationOpenTo: string;
  capacity: string;
  closesDay: string;
  closesTime: string;
};

function valuesOf(event: EventEditor | null): Values {
  const start = event ? isoToSofia(event.startsAt) : { day: '', time: '10:00' };
  const end = event ? isoToSofia(event.endsAt) : { day: '', time: '12:00' };
  const closes = event?.registrationClosesAt
    ? isoToSofia(event.registrationClosesAt)
    : { day: '', time: '18:00' };
  return {
    startDay: start.day,
    startTime: start.time,
    endDay: end.day,
    endTime: end.time,
    place: event?.place ?? '',
    onlineUrl: event?.onlineUrl ?? '',
    registrationEnabled: event?.registrationEnabled ?? false,
    registrationOpenTo: event?.registrationOpenTo ?? 'public',
    capacity: event?.capacity === null || event?.capacity === undefined ? '' : String(event.capacity),
    closesDay: closes.day,
    closesTime: closes.time,
  };
}

/** The server's (and the schema's) field names → the form's fields. */
const FIELD_OF: Record<string, keyof Values> = {
  startsAt: 'startDay',
  endsAt: 'endDay',
  place: 'place',
  onlineUrl: 'onlineUrl',
  capacity: 'capacity',
  registrationClosesAt: 'closesDay',
  registrationOpenTo: 'registrationOpenTo',
};

/**
 * The event's date, place and registration rules, and its registrations with the CSV (decision 042), on
 * the editor page of a post of category event.
 */
export function EventSection({ post }: { post: NewsPost }) {
  const { t } = useTranslation();
  const registrations = useEventRegistrations(post.id);
  if (registrations.isPending) return <Skeleton height={200} />;
  if (registrations.isError)
    return <QueryError error={registrations.error} onRetry={() => void registrations.refetch()} />;
  const { event, items } = registrations.data;
  return (
    <Stack gap="lg" component="section" aria-labelledby="event-section">
      <Title order={2} size="h3" id="event-section">
        {t('news.eventEditor.title')}
      </Title>
      <EventDetailsForm key={`${post.version}-${event?.sequence ?? -1}`} post={post} event={event} />
      <RegistrationList postId={post.id} event={event} items={items} />
    </Stack>
  );
}

function EventDetailsForm({ post, event }: { post: NewsPost; event: EventEditor | null }) {
  const { t } = useTranslation();
  const save = useSetEventDetails(post.id);
  const [values, setValues] = useState<Values>(() => valuesOf(event));
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof Values>(name: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
    setSaved(false);
  };
  const instant = (day: string, time: string) => (day ? (sofiaToIso(day, time) ?? 'invalid') : '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const capacity = values.capacity.trim();
    const input = {
      version: post.version,
      startsAt: instant(values.startDay, values.startTime),
      endsAt: instant(values.endDay, values.endTime),
      place: values.place,
      onlineUrl: values.onlineUrl.trim() || null,
      registrationEnabled: values.registrationEnabled,
      registrationOpenTo: values.registrationOpenTo,
      capacity: capacity === '' ? null : /^\d+$/.test(capacity) ? Number(capacity) : Number.NaN,
      registrationClosesAt: values.closesDay ? instant(values.closesDay, values.closesTime) : null,
    };
    const result = EventDetailsBodySchema.safeParse(input);
    if (!result.success) {
      const next: Partial<Record<keyof Values, string>> = {};
      for (const issue of result.error.issues) {
        const field = FIELD_OF[String(issue.path[0])];
        if (field && !next[field]) next[field] = messageText(issueToMessage(issue), t);
      }
      setErrors(next);
      return;
    }
    save.mutate(result.data, {
      onSuccess: () => setSaved(true),
      onError: (error) => {
        if (!isApiError(error)) return;
        const next: Partial<Record<keyof Values, string>> = {};
        for (const f of error.fieldErrors) {
          const field = FIELD_OF[serverFieldName(f.path)];
          if (field) next[field] ??= f.message;
        }
        setErrors(next);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('news.eventEditor.title')}>
      <Stack gap="sm">
        {saved ? (
          <Alert color="green" role="status">
            {t('news.eventEditor.saved')}
          </Alert>
        ) : null}
        {save.error && !(isApiError(save.error, 400) && Object.values(errors).some(Boolean)) ? (
          <ProblemAlert error={save.error} />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <DateField
            label={t('news.eventEditor.startDay')}
            value={values.startDay}
            onChange={(v) => set('startDay', v)}
            error={errors.startDay}
            required
          />
          <TextInput
            label={t('news.eventEditor.startTime')}
            value={values.startTime}
            onChange={(e) => set('startTime', e.currentTarget.value)}
            inputMode="numeric"
          />
          <DateField
            label={t('news.eventEditor.endDay')}
            value={values.endDay}
            onChange={(v) => set('endDay', v)}
            error={errors.endDay}
            required
          />
          <TextInput
            label={t('news.eventEditor.endTime')}
            value={values.endTime}
            onChange={(e) => set('endTime', e.currentTarget.value)}
            inputMode="numeric"
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('news.eventEditor.sofiaTime')}
          {event && event.confirmed + event.waiting > 0 ? ` ${t('news.eventEditor.changeEmails')}` : ''}
        </Text>
        <TextInput
          label={t('news.eventEditor.place')}
          maxLength={EVENT_PLACE_MAX}
          value={values.place}
          onChange={(e) => set('place', e.currentTarget.value)}
          error={errors.place}
        />
        <TextInput
          label={t('news.eventEditor.onlineUrl')}
          value={values.onlineUrl}
          onChange={(e) => set('onlineUrl', e.currentTarget.value)}
          error={errors.onlineUrl}
          type="url"
        />
        <Checkbox
          label={t('news.eventEditor.registrationEnabled')}
          checked={values.registrationEnabled}
          onChange={(e) => set('registrationEnabled', e.currentTarget.checked)}
        />
        {values.registrationEnabled ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t('news.eventEditor.openTo')}
              data={EVENT_OPEN_TO.map((o) => ({ value: o, label: t(`news.eventEditor.openToOptions.${o}`) }))}
              value={values.registrationOpenTo}
              onChange={(e) => set('registrationOpenTo', e.currentTarget.value)}
            />
            <TextInput
              label={t('news.eventEditor.capacity')}
              description={t('news.eventEditor.capacityHelp')}
              value={values.capacity}
              onChange={(e) => set('capacity', e.currentTarget.value)}
              error={errors.capacity}
              inputMode="numeric"
            />
            <DateField
              label={t('news.eventEditor.closesDay')}
              description={t('news.eventEditor.closesHelp')}
              value={values.closesDay}
              onChange={(v) => set('closesDay', v)}
              error={errors.closesDay}
              clearable
            />
            {values.closesDay ? (
              <TextInput
                label={t('news.eventEditor.closesTime')}
                value={values.closesTime}
                onChange={(e) => set('closesTime', e.currentTarget.value)}
                inputMode="numeric"
              />
            ) : null}
          </SimpleGrid>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('news.eventEditor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const PAGE = 50;

function RegistrationList({
  postId,
  event,
  items,
}: {
  postId: string;
  event: EventEditor | null;
  items: {
    id: string;
    name: string;
    email: string;
    organizationName: string;
    status: string;
    createdAt: string;
  }[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [shown, setShown] = useState(PAGE);
  let waiting = 0;
  return (
    <Stack gap="sm" aria-labelledby="event-registrations">
      <Group justify="space-between">
        <Title order={3} size="h4" id="event-registrations">
          {t('news.eventEditor.registrations')}
        </Title>
        {items.length > 0 ? (
          <Button component="a" href={eventRegistrationsCsvUrl(postId)} download variant="light" size="sm">
            {t('news.eventEditor.csv')}
          </Button>
        ) : null}
      </Group>
      {event ? (
        <Text size="sm">
          {t('news.eventEditor.counts', { confirmed: event.confirmed, waiting: event.waiting })}
        </Text>
      ) : null}
      {items.length === 0 ? (
        <Text c="dimmed">{t('news.eventEditor.noRegistrations')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('news.eventEditor.columns.status')}</Table.Th>
                <Table.Th>{t('news.eventEditor.columns.name')}</Table.Th>
                <Table.Th>{t('news.eventEditor.columns.email')}</Table.Th>
                <Table.Th>{t('news.eventEditor.columns.organization')}</Table.Th>
                <Table.Th>{t('news.eventEditor.columns.registeredAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.slice(0, shown).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    {r.status === 'waiting'
                      ? t('news.eventEditor.waitingN', { position: ++waiting })
                      : t(`news.eventEditor.status.${r.status as 'confirmed' | 'cancelled'}`)}
                  </Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{r.email}</Table.Td>
                  <Table.Td>{r.organizationName}</Table.Td>
                  <Table.Td>{formatSofia(r.createdAt, language, true)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {items.length > shown ? (
        <Group>
          <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
            {t('news.eventEditor.more', { count: items.length - shown })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
