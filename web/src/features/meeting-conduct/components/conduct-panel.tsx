import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  List,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import {
  type AttendanceKind,
  type ConductView,
  type ItemTally,
  type ItemVoteMode,
  type MeetingStatus,
  meetingHasQuorum,
  type VoteChoice,
} from '@portal/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import '@/i18n/meeting-conduct.ts';
import {
  useCastBallot,
  useCloseVote,
  useConduct,
  useOpenVote,
  useRecordAttendance,
} from '../api/meeting-conduct.ts';
import { QuorumIndicator } from './quorum-indicator.tsx';
import { TallyForm } from './tally-form.tsx';

type Item = ConductView['items'][number];
type Seat = ConductView['seats'][number];
interface Mark {
  attendance: AttendanceKind | null;
  proxyId: string | null;
}

const SHOWN: readonly MeetingStatus[] = ['invited', 'held', 'minutes_approved'];
const CHOICES: readonly VoteChoice[] = ['for', 'against', 'abstain'];

/**
 * What happens at a meeting (issue 15 §2, decision 043), on the meeting's page: the attendance per seat
 * with the live quorum, and the vote on each agenda item. The meeting's officers record the attendance
 * (which makes an invited meeting held), open and close the votes; the seats present (and the holders of
 * proxies) cast their ballots; the body's members read it all. A meeting with approved minutes is read
 * only. `onChanged` lets the page refresh the meeting (its status) after an act.
 */
export function ConductPanel({
  meetingId,
  status,
  onChanged,
}: {
  meetingId: string;
  status: MeetingStatus;
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const running = status === 'invited' || status === 'held';
  const query = useConduct(meetingId, running, SHOWN.includes(status));
  if (!SHOWN.includes(status) || query.isPending) return null;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const view = query.data;
  // Before the meeting is held, only its officers see the attendance (to start the meeting).
  if (!view || (status === 'invited' && !view.canManage)) return null;
  const editable = view.canManage && running;
  return (
    <Stack gap="lg">
      <Stack component="section" aria-labelledby="conduct-attendance" gap="sm">
        <Title order={2} id="conduct-attendance">
          {t('meetingConduct.attendanceTitle')}
        </Title>
        {editable && status === 'invited' ? <Text>{t('meetingConduct.startHint')}</Text> : null}
        {editable ? (
          <AttendanceForm meetingId={meetingId} view={view} onChanged={onChanged} />
        ) : (
          <>
            <QuorumIndicator view={view} />
            <AttendanceList view={view} />
          </>
        )}
      </Stack>
      {status !== 'invited' ? (
        <Stack component="section" aria-labelledby="conduct-votes" gap="sm">
          <Title order={2} id="conduct-votes">
            {t('meetingConduct.votesTitle')}
          </Title>
          {view.items.length === 0 ? <Text c="dimmed">{t('meetingConduct.itemsEmpty')}</Text> : null}
          {view.items.map((item) => (
            <ItemVotePanel
              key={item.id}
              meetingId={meetingId}
              view={view}
              item={item}
              running={status === 'held'}
              onChanged={onChanged}
            />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

function useNameOf(view: ConductView) {
  const names = new Map(view.seats.map((s) => [s.id, s.name]));
  return (id: string | null) => (id ? (names.get(id) ?? '') : '');
}

/** The attendance as recorded, for the members and for a meeting no longer running. */
function AttendanceList({ view }: { view: ConductView }) {
  const { t } = useTranslation();
  const nameOf = useNameOf(view);
  if (view.seats.length === 0) return <Text c="dimmed">{t('meetingConduct.noSeats')}</Text>;
  return (
    <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {view.seats.map((seat) => (
        <Group
          key={seat.id}
          component="li"
          justify="space-between"
          gap="xs"
          py={6}
          wrap="wrap"
          style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
        >
          <Text fw={500}>{seat.name}</Text>
          <Text c={seat.attendance ? undefined : 'dimmed'}>
            {seat.attendance
              ? t(`meetingConduct.attendanceKind.${seat.attendance}`)
              : t('meetingConduct.notRecorded')}
            {seat.attendance === 'proxy' && seat.proxyId
              ? ` (${t('meetingConduct.throughProxy', { name: nameOf(seat.proxyId) })})`
              : ''}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * The officers' attendance: each seat present, by proxy (held by a seat present) or absent. The changes
 * stay here until saved, and the quorum shown counts them, so the officer sees it move as they mark the
 * seats; the view polled meanwhile fills the seats not changed here. A field error from the server names
 * the entry it is about: it is shown on that seat's row.
 */
function AttendanceForm({
  meetingId,
  view,
  onChanged,
}: {
  meetingId: string;
  view: ConductView;
  onChanged?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const save = useRecordAttendance(meetingId, onChanged);
  const [changes, setChanges] = useState<Record<string, Mark>>({});
  const [sent, setSent] = useState<string[]>([]);
  const markOf = (seat: Seat): Mark =>
    changes[seat.id] ?? { attendance: seat.attendance, proxyId: seat.proxyId };
  const set = (seat: Seat, mark: Mark) => {
    setChanges((prev) => {
      const next = { ...prev };
      if (mark.attendance === seat.attendance && mark.proxyId === seat.proxyId) delete next[seat.id];
      else next[seat.id] = mark;
      return next;
    });
    save.reset();
  };
  const marks = view.seats.map((seat) => ({ seat, mark: markOf(seat) }));
  const n = (k: AttendanceKind) => marks.filter((m) => m.mark.attendance === k).length;
  const counts = { seats: view.seats.length, present: n('present'), represented: n('proxy') };
  const preview = {
    quorum: view.quorum,
    attendance: { ...view.attendance, ...counts, absent: n('absent') },
    quorumMet: meetingHasQuorum(counts, view.quorum),
  };
  const present = marks.filter((m) => m.mark.attendance === 'present').map((m) => m.seat);
  const pending = Object.keys(changes).length;
  const rowErrors = (seatId: string) => {
    if (!isApiError(save.error, 400)) return [];
    const index = sent.indexOf(seatId);
    if (index < 0) return [];
    return save.error.fieldErrors.filter((e) => e.path.startsWith(`body.entries.${index}.`));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const entries = view.seats
      .filter((s) => changes[s.id]?.attendance)
      .map((s) => {
        const mark = changes[s.id]!;
        return {
          participantId: s.id,
          attendance: mark.attendance!,
          ...(mark.attendance === 'proxy' ? { proxyId: mark.proxyId } : {}),
        };
      });
    if (entries.length === 0) return;
    setSent(entries.map((e) => e.participantId));
    save.mutate({ entries }, { onSuccess: () => setChanges({}) });
  };
  const restPresent = () => {
    for (const { seat, mark } of marks) {
      if (mark.attendance === null) set(seat, { attendance: 'present', proxyId: null });
    }
  };
  const unmatched = isApiError(save.error, 400)
    ? save.error.fieldErrors.filter((e) => !/^body\.entries\.\d+\./.test(e.path))
    : [];
  if (view.seats.length === 0) return <Text c="dimmed">{t('meetingConduct.noSeats')}</Text>;
  return (
    <form onSubmit={submit} noValidate aria-label={t('meetingConduct.attendanceTitle')}>
      <Stack gap="sm">
        <QuorumIndicator view={preview} />
        <Stack gap={0}>
          {marks.map(({ seat, mark }) => {
            const errors = rowErrors(seat.id);
            const proxyError = errors.find((e) => e.path.endsWith('.proxyId'))?.message;
            const kindError = errors
              .filter((e) => !e.path.endsWith('.proxyId'))
              .map((e) => e.message)
              .join(' ');
            return (
              <Box
                key={seat.id}
                py="xs"
                style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
              >
                <Group align="flex-start" justify="space-between" gap="xs" wrap="wrap">
                  <Radio.Group
                    label={seat.name}
                    value={mark.attendance ?? ''}
                    onChange={(v) =>
                      set(seat, {
                        attendance: v as AttendanceKind,
                        proxyId: v === 'proxy' ? mark.proxyId : null,
                      })
                    }
                    error={kindError || undefined}
                  >
                    <Group gap="md" mt={4}>
                      <Radio value="present" label={t('meetingConduct.attendanceKind.present')} />
                      {view.allowsProxy || mark.attendance === 'proxy' ? (
                        <Radio value="proxy" label={t('meetingConduct.attendanceKind.proxy')} />
                      ) : null}
                      <Radio value="absent" label={t('meetingConduct.attendanceKind.absent')} />
                    </Group>
                  </Radio.Group>
                  {mark.attendance === 'proxy' ? (
                    <Select
                      label={t('meetingConduct.proxyHolder', { name: seat.name })}
                      placeholder={t('meetingConduct.proxyPlaceholder')}
                      data={present
                        .filter((p) => p.id !== seat.id)
                        .map((p) => ({ value: p.id, label: p.name }))}
                      value={mark.proxyId}
                      onChange={(v) => set(seat, { attendance: 'proxy', proxyId: v })}
                      error={proxyError}
                      w={{ base: '100%', xs: 260 }}
                    />
                  ) : null}
                </Group>
              </Box>
            );
          })}
        </Stack>
        {save.error && !isApiError(save.error, 400) ? <ProblemAlert error={save.error} /> : null}
        {unmatched.length > 0 ? <ProblemAlert error={save.error} fieldErrors={unmatched} /> : null}
        {save.isSuccess && pending === 0 ? (
          <Text role="status" c="green">
            {t('meetingConduct.attendanceSaved')}
          </Text>
        ) : null}
        {pending > 0 ? (
          <Text size="sm" c="dimmed" role="status">
            {t('meetingConduct.unsaved', { count: pending })}
          </Text>
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={pending === 0}>
            {t('meetingConduct.saveAttendance')}
          </Button>
          {marks.some((m) => m.mark.attendance === null) ? (
            <Button variant="default" onClick={restPresent}>
              {t('meetingConduct.markRestPresent')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

function Counts({ vote }: { vote: NonNullable<Item['vote']> }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {t('meetingConduct.counts', { for: vote.for, against: vote.against, abstain: vote.abstain })}
    </Text>
  );
}

/** One agenda item's vote: nothing yet (an officer may open it), open (ballots or the tally), or closed. */
function ItemVotePanel({
  meetingId,
  view,
  item,
  running,
  onChanged,
}: {
  meetingId: string;
  view: ConductView;
  item: Item;
  running: boolean;
  onChanged?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = pickLocalized(item.titleBg, item.titleEn, language);
  const vote = item.vote;
  const headingId = `conduct-item-${item.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} size="h4" id={headingId} lang={title.lang}>
            {item.position}. {title.text}
          </Title>
          {vote ? (
            vote.closedAt ? (
              <OutcomeBadge outcome={vote.outcome} />
            ) : (
              <Badge color="blue" variant="light">
                {t('meetingConduct.voteOpen')}
              </Badge>
            )
          ) : null}
        </Group>
        {vote ? <Motion vote={vote} /> : null}
        {!vote ? (
          view.canManage && running ? (
            <OpenVoteForm meetingId={meetingId} item={item} title={title.text} onChanged={onChanged} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('meetingConduct.noVote')}
            </Text>
          )
        ) : vote.closedAt ? (
          <ClosedVote vote={vote} />
        ) : (
          <OpenVote meetingId={meetingId} view={view} item={item} running={running} onChanged={onChanged} />
        )}
      </Stack>
    </Paper>
  );
}

function Motion({ vote }: { vote: NonNullable<Item['vote']> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const motion = pickLocalized(vote.motionBg, vote.motionEn, language);
  return (
    <Text size="sm">
      <Text span fw={600}>
        {t('meetingConduct.motion')}:
      </Text>{' '}
      <span lang={motion.lang}>{motion.text}</span>
    </Text>
  );
}

function OutcomeBadge({ outcome }: { outcome: NonNullable<Item['vote']>['outcome'] }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  const color = outcome === 'approved' ? 'green' : outcome === 'rejected' ? 'red' : 'yellow';
  return (
    <Badge color={color} variant="light" style={{ textTransform: 'none' }}>
      {t(`meetingConduct.outcome.${outcome}`)}
    </Badge>
  );
}

function ClosedVote({ vote }: { vote: NonNullable<Item['vote']> }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Counts vote={vote} />
      {vote.decisionNumber ? (
        <Anchor component={Link} to={paths.decisions.href({ q: vote.decisionNumber })} size="sm">
          {t('meetingConduct.decision', { number: vote.decisionNumber })}
        </Anchor>
      ) : null}
      {vote.mode === 'ballots' && vote.ballots.length > 0 ? <Ballots vote={vote} /> : null}
    </Stack>
  );
}

function Ballots({ vote }: { vote: NonNullable<Item['vote']> }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Text size="sm" fw={600}>
        {t('meetingConduct.ballotsBySeat')}
      </Text>
      <List size="sm">
        {vote.ballots.map((b) => (
          <List.Item key={b.participantId}>
            {b.name}: {t(`meetingConduct.${b.choice}`)}
          </List.Item>
        ))}
      </List>
    </Box>
  );
}

function OpenVoteForm({
  meetingId,
  item,
  title,
  onChanged,
}: {
  meetingId: string;
  item: Item;
  title: string;
  onChanged?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const open = useOpenVote(meetingId, onChanged);
  const [opened, setOpened] = useState(false);
  const [motionBg, setMotionBg] = useState('');
  const [motionEn, setMotionEn] = useState('');
  const [mode, setMode] = useState<ItemVoteMode>('tally');
  const fieldError = (name: string) =>
    isApiError(open.error)
      ? open.error.fieldErrors.find((e) => e.path === `body.${name}`)?.message
      : undefined;
  if (!opened) {
    return (
      <Group>
        <Button variant="light" onClick={() => setOpened(true)}>
          {t('meetingConduct.openVote')}
        </Button>
      </Group>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate({ itemId: item.id, body: { mode, motionBg, motionEn } });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('meetingConduct.openVoteTitle', { title })}>
      <Stack gap="xs">
        <Textarea
          label={t('meetingConduct.motionBg')}
          required
          rows={2}
          value={motionBg}
          onChange={(e) => setMotionBg(e.currentTarget.value)}
          error={fieldError('motionBg')}
        />
        <Textarea
          label={t('meetingConduct.motionEn')}
          rows={2}
          value={motionEn}
          onChange={(e) => setMotionEn(e.currentTarget.value)}
          error={fieldError('motionEn')}
        />
        <Radio.Group
          label={t('meetingConduct.mode')}
          value={mode}
          onChange={(v) => setMode(v as ItemVoteMode)}
          error={fieldError('mode')}
        >
          <Stack gap={6} mt={4}>
            <Radio value="tally" label={t('meetingConduct.modes.tally')} />
            <Radio value="ballots" label={t('meetingConduct.modes.ballots')} />
          </Stack>
        </Radio.Group>
        {open.error && !(isApiError(open.error, 400) && open.error.fieldErrors.length > 0) ? (
          <ProblemAlert error={open.error} />
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={open.isPending}>
            {t('meetingConduct.startVote')}
          </Button>
          <Button variant="default" onClick={() => setOpened(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** An open vote: the ballots of the viewer's seats, the count so far, and the officers' close. */
function OpenVote({
  meetingId,
  view,
  item,
  running,
  onChanged,
}: {
  meetingId: string;
  view: ConductView;
  item: Item;
  running: boolean;
  onChanged?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const close = useCloseVote(meetingId, onChanged);
  const [confirming, setConfirming] = useState<{ tally?: ItemTally } | null>(null);
  const vote = item.vote!;
  const tallyError = isApiError(close.error, 400)
    ? close.error.fieldErrors.find((e) => e.path === 'body.tally')?.message
    : undefined;
  const doClose = () => {
    if (!confirming) return;
    close.mutate(
      { itemId: item.id, ...(confirming.tally ? { tally: confirming.tally } : {}) },
      {
        onSuccess: () => setConfirming(null),
        // The count refused: back to the form, which shows the server's message.
        onError: (error) => {
          if (isApiError(error, 400)) setConfirming(null);
        },
      },
    );
  };
  return (
    <Stack gap="sm">
      {vote.mode === 'ballots' ? (
        <>
          {running && view.myVotingSeats.length > 0 ? (
            <MyBallots meetingId={meetingId} view={view} item={item} />
          ) : null}
          <Text size="sm" c="dimmed" role="status">
            {t('meetingConduct.ballotsCast', { count: vote.ballots.length, eligible: vote.eligible })}
          </Text>
          {view.canManage ? <Counts vote={{ ...vote, ...ballotCounts(vote) }} /> : null}
          {view.canManage && running ? (
            <Group>
              <Button onClick={() => setConfirming({})}>{t('meetingConduct.close')}</Button>
            </Group>
          ) : null}
        </>
      ) : view.canManage && running ? (
        <TallyForm
          eligible={vote.eligible}
          onSubmit={(tally) => setConfirming({ tally })}
          serverError={tallyError}
          pending={close.isPending}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('meetingConduct.voteOpen')}
        </Text>
      )}
      {close.error && !tallyError && !confirming ? <ProblemAlert error={close.error} /> : null}
      <ConfirmModal
        opened={confirming !== null}
        title={t('meetingConduct.closeTitle')}
        text={t('meetingConduct.closeText')}
        confirmLabel={t('meetingConduct.close')}
        tone="neutral"
        pending={close.isPending}
        error={tallyError ? null : close.error}
        onConfirm={doClose}
        onClose={() => setConfirming(null)}
      >
        {confirming?.tally ? (
          <Text fw={600}>
            {t('meetingConduct.counts', {
              for: confirming.tally.for,
              against: confirming.tally.against,
              abstain: confirming.tally.abstain,
            })}
          </Text>
        ) : null}
        {view.quorumMet ? null : (
          <Text c="yellow.8" fw={600}>
            {t('meetingConduct.closeNoQuorum')}
          </Text>
        )}
      </ConfirmModal>
    </Stack>
  );
}

function ballotCounts(vote: NonNullable<Item['vote']>) {
  const n = (c: VoteChoice) => vote.ballots.filter((b) => b.choice === c).length;
  return { for: n('for'), against: n('against'), abstain: n('abstain') };
}

/** The viewer's ballots: one for their own present seat and one for each seat whose proxy they hold. */
function MyBallots({ meetingId, view, item }: { meetingId: string; view: ConductView; item: Item }) {
  const { t } = useTranslation();
  const cast = useCastBallot(meetingId);
  const nameOf = useNameOf(view);
  const vote = item.vote!;
  const several = view.myVotingSeats.length > 1;
  return (
    <Stack gap="xs">
      {view.myVotingSeats.map((seatId) => {
        const mine = vote.ballots.find((b) => b.participantId === seatId);
        const label = several
          ? t('meetingConduct.voteForSeat', { name: nameOf(seatId) })
          : t('meetingConduct.yourVote');
        const busy = cast.isPending && cast.variables?.participantId === seatId;
        if (vote.recusedSeatIds.includes(seatId)) {
          return (
            <Stack key={seatId} gap={4} role="group" aria-label={label}>
              <Text size="sm" fw={600}>
                {label}
              </Text>
              <Text size="sm" c="dimmed">
                {t('meetingConduct.recused')}
              </Text>
            </Stack>
          );
        }
        return (
          <Stack key={seatId} gap={4} role="group" aria-label={label}>
            <Text size="sm" fw={600}>
              {label}
            </Text>
            <Group gap="xs">
              {CHOICES.map((choice) => (
                <Button
                  key={choice}
                  size="sm"
                  variant={mine?.choice === choice ? 'filled' : 'default'}
                  aria-pressed={mine?.choice === choice}
                  loading={busy && cast.variables?.choice === choice}
                  disabled={cast.isPending}
                  onClick={() => cast.mutate({ itemId: item.id, participantId: seatId, choice })}
                >
                  {t(`meetingConduct.${choice}`)}
                </Button>
              ))}
            </Group>
            <Text size="sm" c={mine ? 'green' : 'dimmed'}>
              {mine
                ? t('meetingConduct.youVoted', { choice: t(`meetingConduct.${mine.choice}`) })
                : t('meetingConduct.notVotedYet')}
            </Text>
          </Stack>
        );
      })}
      {cast.error ? <ProblemAlert error={cast.error} /> : null}
    </Stack>
  );
}
