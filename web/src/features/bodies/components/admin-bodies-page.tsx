import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  BODY_KINDS,
  type Body,
  type BodyCreateBody,
  type BodyKind,
  MAJORITY_RULES,
  type MajorityRule,
  POSITION_KINDS,
  type Position,
  type PositionKind,
  QUORUM_RULES,
  type QuorumRule,
  termHeldOn,
  todayInSofia,
} from '@portal/shared';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '@/components/admin-nav.tsx';
import { DateField } from '@/components/date-field.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { serverFieldName, usePortalForm } from '@/lib/form.tsx';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import {
  useAddPosition,
  useAdminBodies,
  useCorrectPosition,
  useEndPosition,
  useEraseHolder,
  useSaveBody,
  useUserSearch,
} from '../api/bodies.ts';
import { TermText } from './bodies-page.tsx';

/**
 * /admin/bodies (issue 15 §1, decision 039): administrators create the cluster's bodies with their rules
 * and give, correct and end positions. Every check is the server's; its field errors show beside the
 * fields, in the UI language.
 */
export function AdminBodiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('bodies.admin.title'));
  const bodies = useAdminBodies();
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="lg">
      <AdminNav />
      <Stack gap={4}>
        <Title order={1}>{t('bodies.admin.title')}</Title>
        <Text c="dimmed">{t('bodies.admin.intro')}</Text>
      </Stack>
      {creating ? (
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="sm">
            {t('bodies.admin.add')}
          </Title>
          <BodyForm body={null} onDone={() => setCreating(false)} />
        </Card>
      ) : (
        <Group>
          <Button onClick={() => setCreating(true)}>{t('bodies.admin.add')}</Button>
        </Group>
      )}
      {bodies.isError ? (
        <QueryError error={bodies.error} onRetry={() => void bodies.refetch()} />
      ) : !bodies.data ? (
        <Skeleton height={160} aria-busy="true" />
      ) : bodies.data.items.length === 0 ? (
        <Text>{t('bodies.admin.noBodies')}</Text>
      ) : (
        bodies.data.items.map((body) => <BodyAdminCard key={body.id} body={body} />)
      )}
    </Stack>
  );
}

function BodyAdminCard({ body }: { body: Body }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  const name = pickLocalized(body.nameBg, body.nameEn, language);
  const headingId = `admin-body-${body.id}`;
  return (
    <Card component="section" withBorder padding="lg" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h3" id={headingId} lang={name.lang}>
              {name.text}
            </Title>
            <Text size="sm" c="dimmed">
              {t(`bodies.kind.${body.kind}`)} · {t(`bodies.quorum.${body.quorum}`)} ·{' '}
              {t(`bodies.majority.${body.majority}`)}
              {body.reviewsApplications ? ` · ${t('bodies.reviews')}` : ''}
            </Text>
          </Stack>
          {editing ? null : (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('bodies.admin.edit')}
            </Button>
          )}
        </Group>
        {editing ? <BodyForm body={body} onDone={() => setEditing(false)} /> : null}
        <PositionsTable body={body} />
        <AddPositionForm body={body} />
      </Stack>
    </Card>
  );
}

interface BodyValues extends Record<string, unknown> {
  kind: BodyKind;
  nameBg: string;
  nameEn: string;
  descriptionBg: string;
  descriptionEn: string;
  quorum: QuorumRule;
  majority: MajorityRule;
  allowsProxy: boolean;
  reviewsApplications: boolean;
  foundedOn: string;
  dissolvedOn: string;
  sortOrder: number;
}

/** Creates a body (`body` null) or changes one, with the version it was read at. */
export function BodyForm({ body, onDone }: { body: Body | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveBody();
  const initialValues: BodyValues = {
    kind: body?.kind ?? 'working_group',
    nameBg: body?.nameBg ?? '',
    nameEn: body?.nameEn ?? '',
    descriptionBg: body?.descriptionBg ?? '',
    descriptionEn: body?.descriptionEn ?? '',
    quorum: body?.quorum ?? 'more_than_half',
    majority: body?.majority ?? 'simple',
    allowsProxy: body?.allowsProxy ?? false,
    reviewsApplications: body?.reviewsApplications ?? false,
    foundedOn: body?.foundedOn ?? '',
    dissolvedOn: body?.dissolvedOn ?? '',
    sortOrder: body?.sortOrder ?? 0,
  };
  const { form, formRef, showServerErrors, alertFor } = usePortalForm<BodyValues>(
    { initialValues },
    (path) => {
      const field = serverFieldName(path);
      return field in initialValues ? field : undefined;
    },
  );
  const submit = form.onSubmit((values) => {
    const input: BodyCreateBody = {
      ...values,
      foundedOn: values.foundedOn || null,
      dissolvedOn: values.dissolvedOn || null,
    };
    save.mutate(
      { id: body?.id ?? null, body: input, ...(body ? { version: body.version } : {}) },
      { onSuccess: onDone, onError: showServerErrors },
    );
  });
  const rest = save.isError ? alertFor(save.error) : undefined;
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('bodies.admin.nameBg')} required {...form.getInputProps('nameBg')} />
          <TextInput label={t('bodies.admin.nameEn')} required {...form.getInputProps('nameEn')} />
          <NativeSelect
            label={t('bodies.admin.kindLabel')}
            data={BODY_KINDS.map((k) => ({ value: k, label: t(`bodies.kind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <NumberInput
            label={t('bodies.admin.sortOrder')}
            min={0}
            max={1000}
            {...form.getInputProps('sortOrder')}
          />
          <NativeSelect
            label={t('bodies.admin.quorumLabel')}
            data={QUORUM_RULES.map((r) => ({ value: r, label: t(`bodies.admin.quorum.${r}`) }))}
            {...form.getInputProps('quorum')}
          />
          <NativeSelect
            label={t('bodies.admin.majorityLabel')}
            data={MAJORITY_RULES.map((r) => ({ value: r, label: t(`bodies.admin.majority.${r}`) }))}
            {...form.getInputProps('majority')}
          />
          <DateField
            label={t('bodies.admin.foundedOn')}
            clearable
            value={form.values.foundedOn}
            onChange={(v) => form.setFieldValue('foundedOn', v)}
            error={form.errors.foundedOn}
          />
          <DateField
            label={t('bodies.admin.dissolvedOn')}
            clearable
            value={form.values.dissolvedOn}
            onChange={(v) => form.setFieldValue('dissolvedOn', v)}
            error={form.errors.dissolvedOn}
          />
        </SimpleGrid>
        <Textarea
          label={t('bodies.admin.descriptionBg')}
          rows={3}
          lang="bg"
          {...form.getInputProps('descriptionBg')}
        />
        <Textarea
          label={t('bodies.admin.descriptionEn')}
          rows={3}
          lang="en"
          {...form.getInputProps('descriptionEn')}
        />
        <Checkbox
          label={t('bodies.admin.allowsProxy')}
          {...form.getInputProps('allowsProxy', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('bodies.admin.reviewsApplications')}
          {...form.getInputProps('reviewsApplications', { type: 'checkbox' })}
        />
        {rest ? <ProblemAlert error={save.error} fieldErrors={rest} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('bodies.admin.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('bodies.admin.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function status(p: Position, today: string): 'current' | 'past' | 'future' {
  if (termHeldOn(p, today)) return 'current';
  return p.startsOn > today ? 'future' : 'past';
}
const statusColor = { current: 'teal', past: 'gray', future: 'blue' } as const;

function PositionsTable({ body }: { body: Body }) {
  const { t } = useTranslation();
  const end = useEndPosition(body.id);
  const erase = useEraseHolder(body.id);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const today = todayInSofia();
  if (body.positions.length === 0) return <Text c="dimmed">{t('bodies.noPositions')}</Text>;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Caption>{t('bodies.admin.positions')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('bodies.admin.positionLabel')}</Table.Th>
              <Table.Th scope="col">{t('bodies.admin.holder')}</Table.Th>
              <Table.Th scope="col">{t('bodies.admin.termLabel')}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t('bodies.admin.edit')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {body.positions.map((p) => {
              const s = status(p, today);
              return (
                <Table.Tr key={p.id}>
                  <Table.Td>{t(`bodies.position.${p.position}`)}</Table.Td>
                  <Table.Td>{p.name ?? t('bodies.erased')}</Table.Td>
                  <Table.Td>
                    <TermText position={p} />{' '}
                    <Badge size="sm" variant="light" color={statusColor[s]}>
                      {t(`bodies.admin.${s}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      {p.name !== null ? (
                        <Button size="xs" variant="default" onClick={() => setCorrecting(p.id)}>
                          {t('bodies.admin.correct')}
                        </Button>
                      ) : null}
                      {s === 'current' ? (
                        <Button
                          size="xs"
                          variant="default"
                          loading={end.isPending && end.variables?.positionId === p.id}
                          onClick={() => end.mutate({ positionId: p.id, body: {} })}
                        >
                          {t('bodies.admin.endToday')}
                        </Button>
                      ) : null}
                      {p.userId === null && p.name !== null ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            if (window.confirm(t('bodies.admin.eraseNameConfirm'))) erase.mutate(p.id);
                          }}
                        >
                          {t('bodies.admin.eraseName')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {correcting
        ? (() => {
            const position = body.positions.find((p) => p.id === correcting);
            return position ? (
              <CorrectPositionForm
                key={position.id}
                bodyId={body.id}
                position={position}
                onDone={() => setCorrecting(null)}
              />
            ) : null;
          })()
        : null}
      {end.isError ? <ProblemAlert error={end.error} /> : null}
      {erase.isError ? <ProblemAlert error={erase.error} /> : null}
    </Stack>
  );
}

interface TermValues extends Record<string, unknown> {
  startsOn: string;
  endsOn: string;
}

type TermField = 'startsOn' | 'endsOn';

/** A position's term: from (required) and to (optional), the same in the add and correct forms. */
function TermFields({
  values,
  errors,
  onChange,
}: {
  values: TermValues;
  errors: Partial<Record<TermField, ReactNode>>;
  onChange: (field: TermField, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <DateField
        label={t('bodies.admin.startsOn')}
        required
        value={values.startsOn}
        onChange={(v) => onChange('startsOn', v)}
        error={errors.startsOn}
      />
      <DateField
        label={t('bodies.admin.endsOn')}
        clearable
        value={values.endsOn}
        onChange={(v) => onChange('endsOn', v)}
        error={errors.endsOn}
      />
    </>
  );
}

interface PositionValues extends TermValues {
  position: PositionKind;
  holderKind: 'user' | 'person';
  userId: string;
  personName: string;
}

/** Gives a position for a term: to a portal user (required in the reviewing body) or a named person. */
export function AddPositionForm({ body }: { body: Body }) {
  const { t } = useTranslation();
  const add = useAddPosition(body.id);
  const [query, setQuery] = useState('');
  const users = useUserSearch(query);
  const [done, setDone] = useState(false);
  const initialValues: PositionValues = {
    position: 'member',
    holderKind: 'user',
    userId: '',
    personName: '',
    startsOn: todayInSofia(),
    endsOn: '',
  };
  const { form, formRef, showServerErrors, alertFor } = usePortalForm<PositionValues>(
    { initialValues },
    (path) => {
      const field = serverFieldName(path);
      if (field === 'userId' && form.values.holderKind === 'person') return 'personName';
      return field in initialValues ? field : undefined;
    },
  );
  const submit = form.onSubmit((values) => {
    setDone(false);
    add.mutate(
      {
        position: values.position,
        userId: values.holderKind === 'user' ? values.userId || null : null,
        personName: values.holderKind === 'person' ? values.personName.trim() || null : null,
        startsOn: values.startsOn,
        endsOn: values.endsOn || null,
      },
      {
        onSuccess: () => {
          form.reset();
          setQuery('');
          setDone(true);
        },
        onError: showServerErrors,
      },
    );
  });
  const rest = add.isError ? alertFor(add.error) : undefined;
  const options = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName} <${u.email}>`,
  }));
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('bodies.admin.addPosition')}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('bodies.admin.addPosition')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('bodies.admin.positionLabel')}
            data={POSITION_KINDS.map((k) => ({ value: k, label: t(`bodies.position.${k}`) }))}
            {...form.getInputProps('position')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`holder-kind-${body.id}`}>
              {t('bodies.admin.holderKind')}
            </Text>
            <SegmentedControl
              aria-labelledby={`holder-kind-${body.id}`}
              fullWidth
              // The labels wrap on a phone instead of being cut.
              styles={{ label: { whiteSpace: 'normal' } }}
              data={[
                { value: 'user', label: t('bodies.admin.holderUser') },
                { value: 'person', label: t('bodies.admin.holderPerson') },
              ]}
              {...form.getInputProps('holderKind')}
            />
          </Stack>
          {form.values.holderKind === 'user' ? (
            <Select
              label={t('bodies.admin.userSearch')}
              searchable
              clearable
              data={options}
              searchValue={query}
              onSearchChange={setQuery}
              nothingFoundMessage={query.trim().length >= 2 ? '—' : undefined}
              filter={({ options: o }) => o}
              {...form.getInputProps('userId')}
            />
          ) : (
            <TextInput label={t('bodies.admin.personName')} {...form.getInputProps('personName')} />
          )}
          <TermFields
            values={form.values}
            errors={form.errors}
            onChange={(f, v) => form.setFieldValue(f, v)}
          />
        </SimpleGrid>
        {rest ? <ProblemAlert error={add.error} fieldErrors={rest} /> : null}
        {done ? (
          <Alert color="teal" role="status">
            {t('bodies.admin.added')}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('bodies.admin.addPosition')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface CorrectValues extends TermValues {
  position: PositionKind;
  personName: string;
}

/** Corrects a position (a wrong kind, name or date), with the version it was read at. */
function CorrectPositionForm({
  bodyId,
  position,
  onDone,
}: {
  bodyId: string;
  position: Position;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const correct = useCorrectPosition(bodyId);
  const initialValues: CorrectValues = {
    position: position.position,
    personName: position.userId ? '' : (position.name ?? ''),
    startsOn: position.startsOn,
    endsOn: position.endsOn ?? '',
  };
  const { form, formRef, showServerErrors, alertFor } = usePortalForm<CorrectValues>(
    { initialValues },
    (path) => {
      const field = serverFieldName(path);
      if (field === 'userId') return position.userId ? undefined : 'personName';
      return field in initialValues ? field : undefined;
    },
  );
  const submit = form.onSubmit((values) =>
    correct.mutate(
      {
        positionId: position.id,
        body: {
          position: values.position,
          userId: position.userId,
          personName: position.userId ? null : values.personName.trim() || null,
          startsOn: values.startsOn,
          endsOn: values.endsOn || null,
          version: position.version,
        },
      },
      { onSuccess: onDone, onError: showServerErrors },
    ),
  );
  const rest = correct.isError ? alertFor(correct.error) : undefined;
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('bodies.admin.correct')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('bodies.admin.positionLabel')}
            data={POSITION_KINDS.map((k) => ({ value: k, label: t(`bodies.position.${k}`) }))}
            {...form.getInputProps('position')}
          />
          {position.userId ? null : (
            <TextInput label={t('bodies.admin.personName')} {...form.getInputProps('personName')} />
          )}
          <TermFields
            values={form.values}
            errors={form.errors}
            onChange={(f, v) => form.setFieldValue(f, v)}
          />
        </SimpleGrid>
        {rest ? <ProblemAlert error={correct.error} fieldErrors={rest} /> : null}
        <Group>
          <Button type="submit" loading={correct.isPending}>
            {t('bodies.admin.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('bodies.admin.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
