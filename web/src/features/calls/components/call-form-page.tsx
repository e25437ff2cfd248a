import {
  ActionIcon,
  Anchor,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  type FundingCall,
  type FundingCallBodyInput,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  sofiaDateTime,
  sofiaInstant,
} from '@portal/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DateField } from '@/components/date-field.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { paths } from '@/lib/paths.ts';
import { useCall, useSaveCall } from '../api/calls.ts';

interface DocumentRow {
  key: string;
  id?: string;
  nameBg: string;
  nameEn: string;
  perPartner: boolean;
}

interface Values {
  programme: string;
  code: string;
  titleBg: string;
  titleEn: string;
  summaryBg: string;
  summaryEn: string;
  opensAt: string;
  deadlineAt: string;
  budget: string;
  url: string;
  eligibleKinds: OrganizationKind[];
  documents: DocumentRow[];
}

/** An instant as the form keeps it: Sofia wall-clock day and time, `2027-06-15T17:00`. */
const sofiaLocal = (instant: string) => sofiaDateTime(instant).replace(' ', 'T');

/**
 * The form's day and time read as Sofia time. Anything else (no day, a time that is not `H:MM`/`HH:MM`)
 * is passed on as typed, for the server to refuse at the field.
 */
function fromSofiaLocal(value: string): string {
  const [date = '', time = ''] = value.split('T');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]?\d|2[0-3]):[0-5]\d$/.test(time)) return value;
  return sofiaInstant(date, time.padStart(5, '0'));
}

/**
 * A day (the app's date field, in the page's language) and a time `HH:MM`, both Sofia time, kept together
 * as `YYYY-MM-DDTHH:MM` (a browser's `datetime-local` shows its own language's format, not the page's).
 */
function SofiaDateTime(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [day = '', time = ''] = props.value.split('T');
  const join = (d: string, tm: string) => props.onChange(d === '' && tm === '' ? '' : `${d}T${tm}`);
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" miw={260}>
      <DateField
        label={props.label}
        required
        value={day}
        onChange={(d) => join(d, time)}
        error={props.error}
      />
      <TextInput
        label={t('calls.form.time')}
        required
        inputMode="numeric"
        placeholder="10:00"
        w={90}
        value={time}
        onChange={(e) => join(day, e.currentTarget.value)}
      />
    </Group>
  );
}

let documentSeq = 0;
const nextKey = () => `d${++documentSeq}`;

function valuesOf(call: FundingCall | undefined): Values {
  return {
    programme: call?.programme ?? '',
    code: call?.code ?? '',
    titleBg: call?.titleBg ?? '',
    titleEn: call?.titleEn ?? '',
    summaryBg: call?.summaryBg ?? '',
    summaryEn: call?.summaryEn ?? '',
    opensAt: call ? sofiaLocal(call.opensAt) : '',
    deadlineAt: call ? sofiaLocal(call.deadlineAt) : '',
    budget: call?.budgetCents == null ? '' : String(call.budgetCents / 100),
    url: call?.url ?? '',
    eligibleKinds: call?.eligibleKinds ?? [],
    documents: (call?.documents ?? []).map((d) => ({
      key: nextKey(),
      id: d.id,
      nameBg: d.nameBg,
      nameEn: d.nameEn,
      perPartner: d.perPartner,
    })),
  };
}

/** `/committee/calls/new` and `/committee/calls/:id/edit` (issue 16 §3): the committee keeps the calls. */
export function CallFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const query = useCall(id);
  usePageTitle(id ? t('calls.form.editTitle') : t('calls.form.newTitle'));
  if (id && query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (id && !query.data) return <Skeleton height={320} aria-busy="true" />;
  return <CallForm key={query.data?.etag ?? 'new'} id={id} call={query.data?.call} etag={query.data?.etag} />;
}

function CallForm({ id, call, etag }: { id?: string; call?: FundingCall; etag?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveCall(id);
  const [values, setValues] = useState<Values>(() => valuesOf(call));
  const [budgetError, setBudgetError] = useState<string | null>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const serverError = (path: string) =>
    isApiError(save.error)
      ? save.error.fieldErrors.find((e) => e.path === `body.${path}`)?.message
      : undefined;
  const setDocument = (index: number, patch: Partial<DocumentRow>) =>
    set(
      'documents',
      values.documents.map((d, i) => (i === index ? { ...d, ...patch } : d)),
    );
  const move = (index: number, by: number) => {
    const docs = [...values.documents];
    const [d] = docs.splice(index, 1);
    if (d) docs.splice(index + by, 0, d);
    set('documents', docs);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const budget = values.budget.trim().replace(',', '.');
    const euros = budget === '' ? null : Number(budget);
    if (euros !== null && (!Number.isFinite(euros) || euros < 0)) {
      setBudgetError(t('calls.form.badNumber'));
      return;
    }
    setBudgetError(null);
    const body: FundingCallBodyInput = {
      programme: values.programme,
      code: values.code,
      titleBg: values.titleBg,
      titleEn: values.titleEn,
      summaryBg: values.summaryBg,
      summaryEn: values.summaryEn,
      opensAt: fromSofiaLocal(values.opensAt),
      deadlineAt: fromSofiaLocal(values.deadlineAt),
      budgetCents: euros === null ? null : Math.round(euros * 100),
      url: values.url.trim() === '' ? null : values.url.trim(),
      eligibleKinds: values.eligibleKinds,
      documents: values.documents.map((d) => ({
        ...(d.id ? { id: d.id } : {}),
        nameBg: d.nameBg,
        nameEn: d.nameEn,
        perPartner: d.perPartner,
      })),
    };
    save.mutate(
      { body, ...(etag ? { etag } : {}) },
      { onSuccess: (saved) => void navigate(paths.call.href(saved.id)) },
    );
  };

  return (
    <Stack gap="lg" maw={800}>
      <Anchor component={Link} to={id ? paths.call.href(id) : paths.calls.href()} size="sm">
        {t('calls.back')}
      </Anchor>
      <Title order={1}>{id ? t('calls.form.editTitle') : t('calls.form.newTitle')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('calls.form.programme')}
            required
            value={values.programme}
            onChange={(e) => set('programme', e.currentTarget.value)}
            error={serverError('programme')}
          />
          <TextInput
            label={t('calls.form.code')}
            value={values.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={serverError('code')}
          />
          <TextInput
            label={t('calls.form.titleBg')}
            required
            lang="bg"
            value={values.titleBg}
            onChange={(e) => set('titleBg', e.currentTarget.value)}
            error={serverError('titleBg')}
          />
          <TextInput
            label={t('calls.form.titleEn')}
            required
            lang="en"
            value={values.titleEn}
            onChange={(e) => set('titleEn', e.currentTarget.value)}
            error={serverError('titleEn')}
          />
          <Textarea
            label={t('calls.form.summaryBg')}
            lang="bg"
            autosize
            minRows={3}
            value={values.summaryBg}
            onChange={(e) => set('summaryBg', e.currentTarget.value)}
            error={serverError('summaryBg')}
          />
          <Textarea
            label={t('calls.form.summaryEn')}
            lang="en"
            autosize
            minRows={3}
            value={values.summaryEn}
            onChange={(e) => set('summaryEn', e.currentTarget.value)}
            error={serverError('summaryEn')}
          />
          <Group grow wrap="wrap" align="flex-start">
            <SofiaDateTime
              label={t('calls.form.opensAt')}
              value={values.opensAt}
              onChange={(v) => set('opensAt', v)}
              error={serverError('opensAt')}
            />
            <SofiaDateTime
              label={t('calls.form.deadlineAt')}
              value={values.deadlineAt}
              onChange={(v) => set('deadlineAt', v)}
              error={serverError('deadlineAt')}
            />
          </Group>
          <TextInput
            label={t('calls.form.budget')}
            inputMode="decimal"
            value={values.budget}
            onChange={(e) => set('budget', e.currentTarget.value)}
            error={budgetError ?? serverError('budgetCents')}
          />
          <TextInput
            type="url"
            label={t('calls.form.url')}
            value={values.url}
            onChange={(e) => set('url', e.currentTarget.value)}
            error={serverError('url')}
          />
          <MultiSelect
            label={t('calls.form.eligible')}
            data={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            value={values.eligibleKinds}
            onChange={(v) => set('eligibleKinds', v as OrganizationKind[])}
            error={serverError('eligibleKinds')}
            clearable
          />
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('calls.form.documents')}
            </Title>
            {values.documents.length === 0 ? <Text c="dimmed">{t('calls.form.noDocuments')}</Text> : null}
            {values.documents.map((d, index) => (
              <Stack
                key={d.key}
                gap={6}
                p="sm"
                style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}
              >
                <Group grow wrap="wrap" align="flex-start">
                  <TextInput
                    label={`${index + 1}. ${t('calls.form.documentNameBg')}`}
                    lang="bg"
                    required
                    value={d.nameBg}
                    onChange={(e) => setDocument(index, { nameBg: e.currentTarget.value })}
                    error={serverError(`documents.${index}.nameBg`)}
                    miw={220}
                  />
                  <TextInput
                    label={`${index + 1}. ${t('calls.form.documentNameEn')}`}
                    lang="en"
                    required
                    value={d.nameEn}
                    onChange={(e) => setDocument(index, { nameEn: e.currentTarget.value })}
                    error={serverError(`documents.${index}.nameEn`)}
                    miw={220}
                  />
                </Group>
                <Group justify="space-between" wrap="wrap">
                  <Checkbox
                    label={t('calls.form.perPartner')}
                    checked={d.perPartner}
                    onChange={(e) => setDocument(index, { perPartner: e.currentTarget.checked })}
                  />
                  <Group gap={4}>
                    <ActionIcon
                      variant="default"
                      aria-label={t('calls.form.moveUp')}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      aria-label={t('calls.form.moveDown')}
                      disabled={index === values.documents.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </ActionIcon>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() =>
                        set(
                          'documents',
                          values.documents.filter((_, i) => i !== index),
                        )
                      }
                    >
                      {t('calls.form.removeDocument')}
                    </Button>
                  </Group>
                </Group>
              </Stack>
            ))}
            <Button
              variant="default"
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                set('documents', [
                  ...values.documents,
                  { key: nextKey(), nameBg: '', nameEn: '', perPartner: false },
                ])
              }
            >
              {t('calls.form.addDocument')}
            </Button>
          </Stack>
          {save.isError ? <ProblemAlert error={save.error} /> : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('calls.form.save')}
            </Button>
            <Button component={Link} to={id ? paths.call.href(id) : paths.calls.href()} variant="default">
              {t('calls.form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
