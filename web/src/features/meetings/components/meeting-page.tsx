import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Radio,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import type { Meeting, Participant, RsvpAnswer } from '@portal/shared';
import { agendaOpen } from '@portal/shared';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useCancelMeeting, useMeeting, useRsvp, useSendInvitations } from '../api/meetings.ts';
import { Agenda } from './agenda.tsx';
import { Documents } from './documents.tsx';
import { EditMeeting } from './meeting-form.tsx';
import { meetingWhen } from './meeting-time.ts';
import { MeetingStatusBadge } from './meetings-page.tsx';

/**
 * A meeting (issue 15 §2, decision 041): when and where in the viewer's language (Sofia time), its
 * status, agenda, documents, the invited with their answers (officers), the viewer's own RSVP and the
 * officers' actions. `conduct` is where the conduct feature's panels (attendance, quorum, votes) go: the
 * route composes them in (features do not import each other).
 */
export function MeetingPage({ id, conduct }: { id: string; conduct?: (meeting: Meeting) => ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const meeting = useMeeting(id);
  const m = meeting.data;
  usePageTitle(m ? pickLocalized(m.titleBg, m.titleEn, language).text : t('meetings.title'));
  if (meeting.isError) return <QueryError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (!m) return <Skeleton height={200} aria-busy="true" />;
  const w = meetingWhen(m.startsAt, m.endsAt, language);
  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Anchor component={Link} to={paths.meetings.href()} size="sm">
          {t('meetings.title')}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{pickLocalized(m.titleBg, m.titleEn, language).text}</Title>
          <MeetingStatusBadge status={m.status} />
        </Group>
        <Text>{pickLocalized(m.bodyNameBg, m.bodyNameEn, language).text}</Text>
        <Text>{t('meetings.when', w)}</Text>
        {m.place ? (
          <Text>
            {t('meetings.place')}: {m.place}
          </Text>
        ) : null}
        {m.onlineUrl ? (
          <Text>
            {t('meetings.online')}:{' '}
            <Anchor href={m.onlineUrl} target="_blank" rel="noopener noreferrer">
              {m.onlineUrl}
            </Anchor>
          </Text>
        ) : null}
        {m.status === 'cancelled' ? (
          <Alert color="red">{t('meetings.cancelled', { reason: m.cancelReason ?? '' })}</Alert>
        ) : null}
      </Stack>
      {m.mayManage && agendaOpen(m.status) ? <OfficerActions meeting={m} /> : null}
      <Agenda meeting={m} />
      <Documents meeting={m} />
      {m.mySeats.length > 0 && m.status === 'invited' ? <MyRsvp meeting={m} /> : null}
      {m.mayManage ? <Invitees meeting={m} /> : null}
      {conduct ? (
        <Stack component="section" aria-label={t('meetings.conduct')}>
          {conduct(m)}
        </Stack>
      ) : null}
    </Stack>
  );
}

function Invitees({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const names = new Map(meeting.participants.map((p) => [p.id, p.name]));
  const answers: Record<RsvpAnswer, string> = {
    yes: t('meetings.rsvp.yes'),
    no: t('meetings.rsvp.no'),
    proxy: t('meetings.rsvp.proxy'),
  };
  return (
    <Stack component="section" aria-labelledby="meeting-invitees" gap="sm">
      <Title order={2} id="meeting-invitees">
        {t('meetings.invitees')}
      </Title>
      {meeting.participants.length === 0 ? (
        <Text c="dimmed">{t('meetings.inviteesEmpty')}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {meeting.participants.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>
                  {p.rsvp ? answers[p.rsvp] : t('meetings.rsvp.none')}
                  {p.rsvp === 'proxy' && p.rsvpProxyId ? ` → ${names.get(p.rsvpProxyId) ?? ''}` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The viewer's answer for each seat they answer for (their own; their organisation's at the assembly). */
export function MyRsvp({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <Stack component="section" aria-labelledby="meeting-rsvp" gap="sm">
      <Title order={2} id="meeting-rsvp">
        {t('meetings.myRsvp')}
      </Title>
      {meeting.participants
        .filter((p) => meeting.mySeats.includes(p.id))
        .map((seat) => (
          <RsvpForm key={seat.id} meeting={meeting} seat={seat} />
        ))}
    </Stack>
  );
}

function RsvpForm({ meeting, seat }: { meeting: Meeting; seat: Participant }) {
  const { t } = useTranslation();
  const rsvp = useRsvp(meeting.id);
  const [answer, setAnswer] = useState<RsvpAnswer | ''>(seat.rsvp ?? '');
  const [proxyId, setProxyId] = useState<string | null>(seat.rsvpProxyId);
  const others = meeting.participants
    .filter((p) => p.id !== seat.id)
    .map((p) => ({ value: p.id, label: p.name }));
  const fieldError = (name: string) =>
    isApiError(rsvp.error)
      ? rsvp.error.fieldErrors.find((e) => e.path === `body.${name}`)?.message
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!answer) return;
    rsvp.mutate({ participantId: seat.id, answer, proxyId: answer === 'proxy' ? proxyId : null });
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack gap="xs">
        {meeting.mySeats.length > 1 ? (
          <Text fw={500}>{t('meetings.mySeat', { name: seat.name })}</Text>
        ) : null}
        <Radio.Group
          label={t('meetings.answer')}
          value={answer}
          onChange={(v) => setAnswer(v as RsvpAnswer)}
          error={fieldError('answer')}
        >
          <Group mt={4}>
            <Radio value="yes" label={t('meetings.rsvp.yes')} />
            <Radio value="no" label={t('meetings.rsvp.no')} />
            {meeting.allowsProxy ? <Radio value="proxy" label={t('meetings.rsvp.proxy')} /> : null}
          </Group>
        </Radio.Group>
        {answer === 'proxy' ? (
          <Select
            label={t('meetings.proxyTo')}
            data={others}
            value={proxyId}
            onChange={setProxyId}
            error={fieldError('proxyId')}
          />
        ) : null}
        {rsvp.error && !isApiError(rsvp.error, 400) ? <ProblemAlert error={rsvp.error} /> : null}
        {rsvp.isSuccess ? (
          <Text role="status" c="green">
            {t('meetings.rsvpSaved')}
          </Text>
        ) : null}
        <Button type="submit" loading={rsvp.isPending} disabled={!answer} w="fit-content">
          {t('meetings.saveRsvp')}
        </Button>
      </Stack>
    </Card>
  );
}

function OfficerActions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const invite = useSendInvitations(meeting.id);
  const cancel = useCancelMeeting(meeting.id);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <Stack component="section" aria-label={t('meetings.actions')} gap="sm">
      <Group>
        <Button variant="default" onClick={() => setEditing((x) => !x)} aria-expanded={editing}>
          {t('meetings.edit')}
        </Button>
        <Button onClick={() => invite.mutate(undefined)} loading={invite.isPending}>
          {t('meetings.sendInvitations')}
        </Button>
        <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
          {t('meetings.cancel')}
        </Button>
      </Group>
      {invite.error ? <ProblemAlert error={invite.error} /> : null}
      {invite.isSuccess ? (
        <Text role="status" c="green">
          {t('meetings.invitationsSent')}
        </Text>
      ) : null}
      {editing ? <EditMeeting meeting={meeting} onDone={() => setEditing(false)} /> : null}
      <ConfirmModal
        opened={confirming}
        title={t('meetings.cancelTitle')}
        text={t('meetings.cancelText')}
        confirmLabel={t('meetings.cancel')}
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={() => cancel.mutate({ reason }, { onSuccess: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      >
        <Textarea
          label={t('meetings.cancelReason')}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </ConfirmModal>
    </Stack>
  );
}
