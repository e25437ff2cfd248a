import { Button, Radio, Select, Stack, TextInput, Title } from '@mantine/core';
import type { Meeting, MinutesVisibility } from '@portal/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateField } from '@/components/date-field.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useBodiesForMeetings, useCreateMeeting, useMeetings, useUpdateMeeting } from '../api/meetings.ts';
import { sofiaParts } from './meeting-time.ts';

export interface MeetingFormValues {
  bodyId: string;
  titleBg: string;
  titleEn: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  onlineUrl: string;
  minutesVisibility: MinutesVisibility;
}

function initial(meeting?: Meeting): MeetingFormValues {
  if (!meeting) {
    return {
      bodyId: '',
      titleBg: '',
      titleEn: '',
      date: '',
      startTime: '10:00',
      endTime: '12:00',
      place: '',
      onlineUrl: '',
      minutesVisibility: 'members',
    };
  }
  const start = sofiaParts(meeting.startsAt);
  return {
    bodyId: meeting.bodyId,
    titleBg: meeting.titleBg,
    titleEn: meeting.titleEn,
    date: start.date,
    startTime: start.time,
    endTime: sofiaParts(meeting.endsAt).time,
    place: meeting.place,
    onlineUrl: meeting.onlineUrl ?? '',
    minutesVisibility: meeting.minutesVisibility,
  };
}

/**
 * A meeting's fields (issue 15 §2): the body (new meetings only), titles, the day and times in Sofia
 * time, place and/or link. The server checks everything again and its field errors are shown per field.
 */
export function MeetingForm({
  meeting,
  bodies,
  pending,
  error,
  onSubmit,
}: {
  meeting?: Meeting;
  bodies: { value: string; label: string }[];
  pending: boolean;
  error: unknown;
  onSubmit: (values: MeetingFormValues) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<MeetingFormValues>(() => initial(meeting));
  const set = <K extends keyof MeetingFormValues>(key: K, value: MeetingFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const fieldError = (name: string) =>
    isApiError(error) ? error.fieldErrors.find((e) => e.path === `body.${name}`)?.message : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <Stack component="form" onSubmit={submit} gap="md" maw={640}>
      {error ? <ProblemAlert error={error} /> : null}
      {meeting ? null : (
        <Select
          label={t('meetings.form.body')}
          required
          data={bodies}
          value={values.bodyId || null}
          onChange={(v) => set('bodyId', v ?? '')}
          error={fieldError('bodyId')}
        />
      )}
      <TextInput
        label={t('meetings.form.titleBg')}
        required
        value={values.titleBg}
        onChange={(e) => set('titleBg', e.currentTarget.value)}
        error={fieldError('titleBg')}
      />
      <TextInput
        label={t('meetings.form.titleEn')}
        value={values.titleEn}
        onChange={(e) => set('titleEn', e.currentTarget.value)}
        error={fieldError('titleEn')}
      />
      <DateField
        label={t('meetings.form.date')}
        required
        value={values.date}
        onChange={(v) => set('date', v)}
        error={fieldError('date')}
      />
      <TextInput
        label={t('meetings.form.startTime')}
        required
        inputMode="numeric"
        value={values.startTime}
        onChange={(e) => set('startTime', e.currentTarget.value)}
        error={fieldError('startTime')}
      />
      <TextInput
        label={t('meetings.form.endTime')}
        required
        inputMode="numeric"
        value={values.endTime}
        onChange={(e) => set('endTime', e.currentTarget.value)}
        error={fieldError('endTime')}
      />
      <TextInput
        label={t('meetings.form.place')}
        value={values.place}
        onChange={(e) => set('place', e.currentTarget.value)}
        error={fieldError('place')}
      />
      <TextInput
        label={t('meetings.form.onlineUrl')}
        type="url"
        value={values.onlineUrl}
        onChange={(e) => set('onlineUrl', e.currentTarget.value)}
        error={fieldError('onlineUrl')}
      />
      <Radio.Group
        label={t('meetings.form.minutesVisibility')}
        value={values.minutesVisibility}
        onChange={(v) => set('minutesVisibility', v as MinutesVisibility)}
      >
        <Stack gap={4} mt={4}>
          <Radio value="members" label={t('meetings.form.visibility.members')} />
          <Radio value="public" label={t('meetings.form.visibility.public')} />
        </Stack>
      </Radio.Group>
      <Button type="submit" loading={pending} w="fit-content">
        {t('meetings.form.save')}
      </Button>
    </Stack>
  );
}

export function toBody(values: MeetingFormValues) {
  const { bodyId: _b, onlineUrl, ...rest } = values;
  return { ...rest, onlineUrl: onlineUrl.trim() === '' ? null : onlineUrl.trim() };
}

/** `/meetings/new`: an officer plans a meeting of a body they run. */
export function NewMeetingPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('meetings.form.titleNew'));
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const bodies = useBodiesForMeetings();
  const list = useMeetings({ when: 'upcoming', page: 1, pageSize: 1 });
  const manageable = new Set(list.data?.manageableBodyIds ?? []);
  const options = (bodies.data?.items ?? [])
    .filter((b) => manageable.has(b.id))
    .map((b) => ({ value: b.id, label: pickLocalized(b.nameBg, b.nameEn, language).text }));
  return (
    <Stack gap="lg">
      <Title order={1}>{t('meetings.form.titleNew')}</Title>
      {list.data && options.length === 0 ? <p>{t('meetings.form.noBodies')}</p> : null}
      <MeetingForm
        bodies={options}
        pending={create.isPending}
        error={create.error}
        onSubmit={(values) =>
          create.mutate(
            { ...toBody(values), bodyId: values.bodyId },
            { onSuccess: (m) => void navigate(paths.meeting.href(m.id)) },
          )
        }
      />
    </Stack>
  );
}

/** The edit form inside the meeting page (officers, while planned or invited). */
export function EditMeeting({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const update = useUpdateMeeting(meeting.id);
  return (
    <MeetingForm
      meeting={meeting}
      bodies={[]}
      pending={update.isPending}
      error={update.error}
      onSubmit={(values) =>
        update.mutate({ ...toBody(values), version: meeting.version }, { onSuccess: onDone })
      }
    />
  );
}
