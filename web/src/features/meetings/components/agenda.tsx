import {
  Anchor,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  AGENDA_ITEM_KINDS,
  type AgendaItem,
  type AgendaItemBody,
  type AgendaItemKind,
  type Area,
  agendaOpen,
  type Language,
  MEMBERSHIP_ACTIONS,
  MEMBERSHIP_CATEGORIES,
  type Meeting,
  type MembershipAction,
  type MembershipCategory,
} from '@portal/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { DateField } from '@/components/date-field.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useAreas } from '@/lib/api/areas.ts';
import { useMemberOrganizationSearch } from '@/lib/api/member-search.ts';
import { isApiError } from '@/lib/api-client.ts';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import {
  meetingKeys,
  useBoardItems,
  useOpenApplications,
  usePastMeetings,
  useRemoveAgendaItem,
  useReorderAgenda,
  useSaveAgendaItem,
} from '../api/meetings.ts';
import { sofiaParts } from './meeting-time.ts';

/**
 * The agenda (decision 041): everyone who may see the meeting reads it; its officers add, edit (with the
 * version they read: a stale edit is refused with 409), remove (after a confirmation) and reorder the items
 * while the meeting is planned or invited.
 */
export function Agenda({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const remove = useRemoveAgendaItem(meeting.id);
  const reorder = useReorderAgenda(meeting.id);
  const editable = meeting.mayManage && agendaOpen(meeting.status);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<AgendaItem>();
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = meeting.agenda.map((i) => i.id);
  const move = (index: number, by: number) => {
    const next = [...ids];
    const [x] = next.splice(index, 1);
    next.splice(index + by, 0, x!);
    reorder.mutate(next, { onSuccess: () => setStatus(t('meetings.item.moved')) });
  };
  return (
    <Stack component="section" aria-labelledby="meeting-agenda" gap="sm">
      <Title order={2} id="meeting-agenda" ref={heading} tabIndex={-1}>
        {t('meetings.agenda')}
      </Title>
      <Text role="status" size="sm" c="dimmed" aria-live="polite">
        {status}
      </Text>
      {reorder.error ? <ProblemAlert error={reorder.error} /> : null}
      {meeting.agenda.length === 0 ? (
        <Text c="dimmed">{t('meetings.agendaEmpty')}</Text>
      ) : (
        <List type="ordered" spacing="xs">
          {meeting.agenda.map((item, index) => {
            const title = pickLocalized(item.titleBg, item.titleEn, language).text;
            const notes = pickLocalized(item.notesBg, item.notesEn, language).text;
            return (
              <List.Item key={item.id}>
                <Stack gap={2}>
                  <Text fw={500}>{title}</Text>
                  <ItemLink item={item} />
                  {notes ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {notes}
                    </Text>
                  ) : null}
                  {editable ? (
                    <Group gap="xs" wrap="wrap">
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => setEditing(editing === item.id ? null : item.id)}
                        aria-expanded={editing === item.id}
                        aria-label={`${t('meetings.item.edit')}: ${title}`}
                      >
                        {t('meetings.item.edit')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="default"
                        disabled={index === 0 || reorder.isPending}
                        onClick={() => move(index, -1)}
                        aria-label={`${t('meetings.moveUp')}: ${title}`}
                      >
                        {t('meetings.moveUp')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="default"
                        disabled={index === ids.length - 1 || reorder.isPending}
                        onClick={() => move(index, 1)}
                        aria-label={`${t('meetings.moveDown')}: ${title}`}
                      >
                        {t('meetings.moveDown')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setRemoving(item)}
                        aria-label={`${t('meetings.removeItem')}: ${title}`}
                      >
                        {t('meetings.removeItem')}
                      </Button>
                    </Group>
                  ) : null}
                  {editable && editing === item.id ? (
                    <AgendaItemForm
                      meeting={meeting}
                      item={item}
                      onDone={(saved) => {
                        setEditing(null);
                        if (saved) setStatus(t('meetings.item.saved'));
                      }}
                    />
                  ) : null}
                </Stack>
              </List.Item>
            );
          })}
        </List>
      )}
      {editable ? (
        adding ? (
          <AgendaItemForm
            meeting={meeting}
            onDone={(saved) => {
              setAdding(false);
              if (saved) setStatus(t('meetings.item.saved'));
            }}
          />
        ) : (
          <Button variant="default" w="fit-content" onClick={() => setAdding(true)}>
            {t('meetings.addItem')}
          </Button>
        )
      ) : null}
      <ConfirmModal
        opened={removing !== undefined}
        title={t('meetings.item.removeTitle')}
        text={
          removing
            ? t('meetings.item.removeText', {
                title: pickLocalized(removing.titleBg, removing.titleEn, language).text,
              })
            : ''
        }
        confirmLabel={t('meetings.removeItem')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              setRemoving(undefined);
              setStatus(t('meetings.item.removed'));
              heading.current?.focus();
            },
          })
        }
        onClose={() => {
          setRemoving(undefined);
          remove.reset();
        }}
      />
    </Stack>
  );
}

function ItemLink({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (item.kind === 'application' && item.applicationId) {
    return (
      <Anchor component={Link} to={paths.committeeApplication.href(item.applicationId)} size="sm">
        {t('meetings.about.application')}
      </Anchor>
    );
  }
  if (item.kind === 'membership' && item.organizationId) {
    const name = pickLocalized(item.organizationNameBg ?? '', item.organizationNameEn ?? '', language).text;
    return (
      <Stack gap={0}>
        <Anchor component={Link} to={paths.member.href(item.organizationId)} size="sm">
          {t('meetings.about.membership', { name })}
        </Anchor>
        {item.proposal ? (
          <Text size="sm" c="dimmed">
            {t(`meetings.actionLabels.${item.proposal.action}`)}
            {item.proposal.category ? ` → ${t(`meetings.categoryLabels.${item.proposal.category}`)}` : ''}
            {`, ${t('meetings.item.effectiveOn').toLowerCase()} ${formatDate(item.proposal.effectiveOn, language)}`}
          </Text>
        ) : null}
      </Stack>
    );
  }
  if (item.kind === 'board_item' && item.boardItemId) {
    return (
      <Anchor component={Link} to={paths.boardItem.href(item.boardItemId)} size="sm">
        {t('meetings.about.board_item')}
      </Anchor>
    );
  }
  if (item.kind === 'strategy' && item.areaId) {
    return <StrategyLink areaId={item.areaId} />;
  }
  if (item.kind === 'minutes' && item.minutesMeetingId) {
    return (
      <Anchor component={Link} to={paths.meeting.href(item.minutesMeetingId)} size="sm">
        {t('meetings.about.minutes')}
      </Anchor>
    );
  }
  return null;
}

interface Values {
  kind: AgendaItemKind;
  titleBg: string;
  titleEn: string;
  notesBg: string;
  notesEn: string;
  applicationId: string;
  organizationId: string;
  action: MembershipAction;
  category: MembershipCategory | '';
  reason: string;
  effectiveOn: string;
  boardItemId: string;
  minutesMeetingId: string;
  areaId: string;
}

function initial(item?: AgendaItem): Values {
  return {
    kind: item?.kind ?? 'text',
    titleBg: item?.titleBg ?? '',
    titleEn: item?.titleEn ?? '',
    notesBg: item?.notesBg ?? '',
    notesEn: item?.notesEn ?? '',
    applicationId: item?.applicationId ?? '',
    organizationId: item?.organizationId ?? '',
    action: item?.proposal?.action ?? 'change_category',
    category: item?.proposal?.category ?? '',
    reason: item?.proposal?.reason ?? '',
    effectiveOn: item?.proposal?.effectiveOn ?? '',
    boardItemId: item?.boardItemId ?? '',
    minutesMeetingId: item?.minutesMeetingId ?? '',
    areaId: item?.areaId ?? '',
  };
}

/** The body sent: only the link the kind needs (the server checks it again). */
export function toAgendaBody(v: Values): AgendaItemBody {
  return {
    kind: v.kind,
    titleBg: v.titleBg,
    titleEn: v.titleEn,
    notesBg: v.notesBg,
    notesEn: v.notesEn,
    applicationId: v.kind === 'application' ? v.applicationId || null : null,
    organizationId: v.kind === 'membership' ? v.organizationId || null : null,
    proposal:
      v.kind === 'membership'
        ? {
            action: v.action,
            category: v.action === 'change_category' ? (v.category as MembershipCategory) || null : null,
            reason: v.reason,
            effectiveOn: v.effectiveOn,
          }
        : null,
    boardItemId: v.kind === 'board_item' ? v.boardItemId || null : null,
    minutesMeetingId: v.kind === 'minutes' ? v.minutesMeetingId || null : null,
    areaId: v.kind === 'strategy' ? v.areaId || null : null,
  };
}

/** Paths of the fields this form shows: any other field error is shown above the form. */
const FIELD_PATHS = [
  'kind',
  'titleBg',
  'titleEn',
  'notesBg',
  'notesEn',
  'applicationId',
  'organizationId',
  'proposal',
  'boardItemId',
  'minutesMeetingId',
  'areaId',
];

/** Adds an item (no `item`) or edits one; `onDone(true)` once saved, `onDone(false)` when cancelled. */
export function AgendaItemForm({
  meeting,
  item,
  onDone,
}: {
  meeting: Meeting;
  item?: AgendaItem;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const save = useSaveAgendaItem(meeting.id);
  const [values, setValues] = useState<Values>(() => initial(item));
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const [memberQ, setMemberQ] = useState('');
  const [boardQ, setBoardQ] = useState('');
  const [memberSearch] = useDebouncedValue(memberQ, 250);
  const [boardSearch] = useDebouncedValue(boardQ, 250);
  const applications = useOpenApplications(values.kind === 'application');
  const members = useMemberOrganizationSearch(memberSearch, values.kind === 'membership');
  const board = useBoardItems(boardSearch, values.kind === 'board_item');
  const past = usePastMeetings(meeting.bodyId, values.kind === 'minutes');
  const areas = useAreas();

  const errors = isApiError(save.error, 400) ? save.error.fieldErrors : [];
  const fieldError = (name: string) => {
    const found = errors.filter((e) => e.path === `body.${name}` || e.path.startsWith(`body.${name}.`));
    return found.length > 0 ? found.map((e) => e.message).join(' ') : undefined;
  };
  const proposalError = (name: string) =>
    errors.find((e) => e.path === `body.proposal.${name}`)?.message ??
    (name === 'reason' ? errors.find((e) => e.path === 'body.proposal')?.message : undefined);
  const otherErrors = errors.filter((e) => !FIELD_PATHS.some((p) => e.path.split('.')[1] === p));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { itemId: item?.id, body: toAgendaBody(values), version: item?.version },
      {
        onSuccess: () => onDone(true),
        onError: (error) => {
          // A stale edit: show the item as it is now (the form keeps what was typed).
          if (isApiError(error, 409))
            void client.invalidateQueries({ queryKey: meetingKeys.one(meeting.id) });
        },
      },
    );
  };

  const name = (bg: string | null, en: string | null) => pickLocalized(bg ?? '', en ?? '', language).text;
  const choose = { value: '', label: t('meetings.item.choose') };
  const formTitle = item ? t('meetings.item.editTitle') : t('meetings.item.add');
  const memberOptions = (members.data?.items ?? []).map((o) => ({
    value: o.id,
    label: name(o.nameBg, o.nameEn),
  }));
  if (
    item?.organizationId &&
    values.organizationId === item.organizationId &&
    !memberOptions.some((o) => o.value === item.organizationId)
  ) {
    memberOptions.unshift({
      value: item.organizationId,
      label: name(item.organizationNameBg, item.organizationNameEn),
    });
  }
  const boardOptions = (board.data?.items ?? []).map((b) => ({
    value: b.id,
    label: name(b.titleBg, b.titleEn),
  }));
  if (item?.boardItemId && !boardOptions.some((o) => o.value === item.boardItemId)) {
    boardOptions.unshift({ value: item.boardItemId, label: t('meetings.about.board_item') });
  }
  const pastOptions = (past.data?.items ?? [])
    .filter((m) => m.id !== meeting.id && m.status !== 'cancelled')
    .map((m) => ({
      value: m.id,
      label: `${formatDate(sofiaParts(m.startsAt).date, language)} — ${name(m.titleBg, m.titleEn)}`,
    }));

  return (
    <Card withBorder component="form" onSubmit={submit} aria-label={formTitle} p="sm">
      <Stack gap="xs">
        <Text fw={600}>{formTitle}</Text>
        {save.error && (!isApiError(save.error, 400) || otherErrors.length > 0 || errors.length === 0) ? (
          <ProblemAlert error={save.error} fieldErrors={otherErrors} />
        ) : null}
        <NativeSelect
          label={t('meetings.item.kind')}
          value={values.kind}
          onChange={(e) => set('kind', e.currentTarget.value as AgendaItemKind)}
          data={AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: t(`meetings.item.kinds.${k}`) }))}
          error={fieldError('kind')}
        />
        {values.kind === 'application' ? (
          applications.isError ? (
            <Text size="sm" c="dimmed">
              {isApiError(applications.error, 403)
                ? t('meetings.item.applicationUnavailable')
                : t('meetings.item.applicationNone')}
            </Text>
          ) : (
            <NativeSelect
              label={t('meetings.item.application')}
              withAsterisk
              value={values.applicationId}
              onChange={(e) => set('applicationId', e.currentTarget.value)}
              data={[
                choose,
                ...(applications.data ?? []).map((a) => ({
                  value: a.id,
                  label: `${name(a.nameBg, a.nameEn) || a.applicantName}${a.eik ? ` (${a.eik})` : ''}`,
                })),
                ...(item?.applicationId && !(applications.data ?? []).some((a) => a.id === item.applicationId)
                  ? [{ value: item.applicationId, label: t('meetings.about.application') }]
                  : []),
              ]}
              description={
                applications.data && applications.data.length === 0
                  ? t('meetings.item.applicationNone')
                  : undefined
              }
              error={fieldError('applicationId')}
            />
          )
        ) : null}
        {values.kind === 'membership' ? (
          <>
            <Select
              label={t('meetings.item.organization')}
              description={t('meetings.item.organizationHint')}
              withAsterisk
              searchable
              clearable
              data={memberOptions}
              value={values.organizationId || null}
              onChange={(v) => set('organizationId', v ?? '')}
              searchValue={memberQ}
              onSearchChange={setMemberQ}
              filter={({ options }) => options}
              nothingFoundMessage={members.isFetching ? '…' : undefined}
              error={fieldError('organizationId')}
            />
            <NativeSelect
              label={t('meetings.item.action')}
              value={values.action}
              onChange={(e) => set('action', e.currentTarget.value as MembershipAction)}
              data={MEMBERSHIP_ACTIONS.map((a) => ({ value: a, label: t(`meetings.actionLabels.${a}`) }))}
              error={proposalError('action')}
            />
            {values.action === 'change_category' ? (
              <NativeSelect
                label={t('meetings.item.category')}
                withAsterisk
                value={values.category}
                onChange={(e) => set('category', e.currentTarget.value as MembershipCategory)}
                data={[
                  choose,
                  ...MEMBERSHIP_CATEGORIES.map((c) => ({
                    value: c,
                    label: t(`meetings.categoryLabels.${c}`),
                  })),
                ]}
                error={proposalError('category')}
              />
            ) : null}
            <Textarea
              label={t('meetings.item.reason')}
              minRows={2}
              value={values.reason}
              onChange={(e) => set('reason', e.currentTarget.value)}
              error={proposalError('reason')}
            />
            <DateField
              label={t('meetings.item.effectiveOn')}
              required
              value={values.effectiveOn}
              onChange={(v) => set('effectiveOn', v)}
              error={proposalError('effectiveOn')}
            />
          </>
        ) : null}
        {values.kind === 'board_item' ? (
          <Select
            label={t('meetings.item.boardItem')}
            description={t('meetings.item.boardItemHint')}
            withAsterisk
            searchable
            clearable
            data={boardOptions}
            value={values.boardItemId || null}
            onChange={(v) => set('boardItemId', v ?? '')}
            searchValue={boardQ}
            onSearchChange={setBoardQ}
            filter={({ options }) => options}
            error={fieldError('boardItemId')}
          />
        ) : null}
        {values.kind === 'strategy' ? (
          <NativeSelect
            label={t('meetings.item.area')}
            description={t('meetings.item.areaHint')}
            withAsterisk
            value={values.areaId}
            onChange={(e) => set('areaId', e.currentTarget.value)}
            data={[choose, ...areaOptions(areas.data?.items ?? [], language)]}
            error={fieldError('areaId')}
          />
        ) : null}
        {values.kind === 'minutes' ? (
          <NativeSelect
            label={t('meetings.item.minutesMeeting')}
            withAsterisk
            value={values.minutesMeetingId}
            onChange={(e) => set('minutesMeetingId', e.currentTarget.value)}
            data={[choose, ...pastOptions]}
            description={past.data && pastOptions.length === 0 ? t('meetings.item.minutesNone') : undefined}
            error={fieldError('minutesMeetingId')}
          />
        ) : null}
        <TextInput
          label={t('meetings.item.titleBg')}
          required
          value={values.titleBg}
          onChange={(e) => set('titleBg', e.currentTarget.value)}
          error={fieldError('titleBg')}
        />
        <TextInput
          label={t('meetings.item.titleEn')}
          value={values.titleEn}
          onChange={(e) => set('titleEn', e.currentTarget.value)}
          error={fieldError('titleEn')}
        />
        <Textarea
          label={t('meetings.item.notesBg')}
          minRows={2}
          value={values.notesBg}
          onChange={(e) => set('notesBg', e.currentTarget.value)}
          error={fieldError('notesBg')}
        />
        <Textarea
          label={t('meetings.item.notesEn')}
          minRows={2}
          value={values.notesEn}
          onChange={(e) => set('notesEn', e.currentTarget.value)}
          error={fieldError('notesEn')}
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('meetings.item.save')}
          </Button>
          <Button variant="default" onClick={() => onDone(false)}>
            {t('meetings.item.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The strategy's areas, a sub-area under its area (the ISIS taxonomy), as select options. */
function areaOptions(items: readonly Area[], language: Language) {
  const label = (a: Area) => pickLocalized(a.nameBg, a.nameEn, language).text;
  const top = items.filter((a) => a.parentId === null).sort((a, b) => a.position - b.position);
  return top.flatMap((a) => [
    { value: a.id, label: label(a) },
    ...items
      .filter((c) => c.parentId === a.id)
      .sort((x, y) => x.position - y.position)
      .map((c) => ({ value: c.id, label: `${label(a)} › ${label(c)}` })),
  ]);
}

/** A strategy item's area, linking to the members working in it. */
function StrategyLink({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const area = useAreas().data?.items.find((a) => a.id === areaId);
  const name = area ? pickLocalized(area.nameBg, area.nameEn, language).text : areaId;
  return (
    <Anchor component={Link} to={paths.members.href({ area: areaId })} size="sm">
      {t('meetings.about.strategy', { name })}
    </Anchor>
  );
}
