import {
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  COMPUTED_INDICATORS,
  computedIndicator,
  GOAL_KINDS,
  type Goal,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  type Indicator,
  type IndicatorInput,
  OBJECTIVE_STATUSES,
  type Objective,
  todayInSofia,
} from '@portal/shared';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { DateField } from '@/components/date-field.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useAreas } from '@/lib/api/areas.ts';
import { serverFieldName, usePortalForm } from '@/lib/form.tsx';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useChangeStrategy, useOwnerBodies, useStrategy } from '../api/strategy.ts';
import { IndicatorView, ownerText } from './strategy-page.tsx';

/**
 * /committee/strategy (issue 16 §1, decision 047): the committee adds, changes and deletes goals,
 * objectives and indicators and enters values with their source. Every check is the server's; its field
 * errors show beside the fields in the UI language; changes name the version read (If-Match) and deletes
 * ask first.
 */

type Editing =
  | { kind: 'goal'; goal: Goal | null }
  | { kind: 'objective'; goalId: string; objective: Objective | null }
  | { kind: 'indicator'; objectiveId: string; indicator: Indicator | null }
  | { kind: 'value'; indicator: Indicator };

type Deleting =
  | { kind: 'goal'; item: Goal; title: string }
  | { kind: 'objective'; item: Objective; title: string }
  | { kind: 'indicator'; item: Indicator; title: string };

export function StrategyEditorPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const strategy = useStrategy();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const remove = useChangeStrategy();
  usePageTitle(t('strategy.editor.title'));

  const confirmDelete = () => {
    if (!deleting) return;
    const { item } = deleting;
    const kind =
      deleting.kind === 'goal'
        ? 'deleteGoal'
        : deleting.kind === 'objective'
          ? 'deleteObjective'
          : 'deleteIndicator';
    remove.mutate({ kind, id: item.id, version: item.version }, { onSuccess: () => setDeleting(null) });
  };
  const close = () => setEditing(null);
  const tr = (bg: string, en: string) => pickLocalized(bg, en, language).text;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('strategy.editor.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('strategy.editor.intro')}
        </Text>
        <Anchor component={Link} to={paths.strategy.href()} size="sm">
          {t('strategy.editor.publicPage')}
        </Anchor>
      </div>
      <Group>
        <Button onClick={() => setEditing({ kind: 'goal', goal: null })}>
          {t('strategy.editor.addGoal')}
        </Button>
      </Group>
      {strategy.isPending ? (
        <Skeleton height={200} />
      ) : strategy.isError ? (
        <QueryError error={strategy.error} onRetry={() => void strategy.refetch()} />
      ) : strategy.data.goals.length === 0 ? (
        <Text c="dimmed">{t('strategy.empty')}</Text>
      ) : (
        strategy.data.goals.map((goal) => (
          <Card key={goal.id} withBorder component="section" aria-label={tr(goal.titleBg, goal.titleEn)}>
            <Stack gap="md">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Text size="sm" c="dimmed">
                    {t(`strategy.goalKind.${goal.kind}`)}
                    {goal.areaNameBg && goal.areaNameEn ? ` · ${tr(goal.areaNameBg, goal.areaNameEn)}` : ''}
                  </Text>
                  <Title order={2} size="h3">
                    {tr(goal.titleBg, goal.titleEn)}
                  </Title>
                </div>
                <ItemActions
                  name={tr(goal.titleBg, goal.titleEn)}
                  onEdit={() => setEditing({ kind: 'goal', goal })}
                  onDelete={() =>
                    setDeleting({ kind: 'goal', item: goal, title: tr(goal.titleBg, goal.titleEn) })
                  }
                >
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setEditing({ kind: 'objective', goalId: goal.id, objective: null })}
                  >
                    {t('strategy.editor.addObjective')}
                  </Button>
                </ItemActions>
              </Group>
              {goal.objectives.map((o) => (
                <Stack
                  key={o.id}
                  gap="sm"
                  pl="sm"
                  style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}
                >
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <div>
                      <Title order={3} size="h4">
                        {tr(o.titleBg, o.titleEn)}
                      </Title>
                      <Text size="sm" c="dimmed">
                        {t(`strategy.status.${o.status}`)}
                        {ownerText(o, language)
                          ? ` · ${t('strategy.owner', { owner: ownerText(o, language) })}`
                          : ''}
                      </Text>
                    </div>
                    <ItemActions
                      name={tr(o.titleBg, o.titleEn)}
                      onEdit={() => setEditing({ kind: 'objective', goalId: goal.id, objective: o })}
                      onDelete={() =>
                        setDeleting({ kind: 'objective', item: o, title: tr(o.titleBg, o.titleEn) })
                      }
                    >
                      <Button
                        size="xs"
                        variant="light"
                        data-action="strategy-add-indicator"
                        onClick={() => setEditing({ kind: 'indicator', objectiveId: o.id, indicator: null })}
                      >
                        {t('strategy.editor.addIndicator')}
                      </Button>
                    </ItemActions>
                  </Group>
                  {o.indicators.map((i) => (
                    <Card key={i.id} withBorder padding="sm">
                      <Stack gap="xs">
                        <IndicatorView indicator={i} />
                        <ItemActions
                          name={tr(i.nameBg, i.nameEn)}
                          onEdit={() => setEditing({ kind: 'indicator', objectiveId: o.id, indicator: i })}
                          onDelete={() =>
                            setDeleting({ kind: 'indicator', item: i, title: tr(i.nameBg, i.nameEn) })
                          }
                        >
                          {i.source === 'entered' ? (
                            <Button
                              size="xs"
                              variant="light"
                              onClick={() => setEditing({ kind: 'value', indicator: i })}
                            >
                              {t('strategy.editor.addValue')}
                            </Button>
                          ) : null}
                        </ItemActions>
                      </Stack>
                    </Card>
                  ))}
                </Stack>
              ))}
            </Stack>
          </Card>
        ))
      )}
      <Modal
        opened={editing !== null}
        onClose={close}
        title={editing ? t(modalTitle(editing)) : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing?.kind === 'goal' ? <GoalForm goal={editing.goal} onDone={close} /> : null}
        {editing?.kind === 'objective' ? (
          <ObjectiveForm goalId={editing.goalId} objective={editing.objective} onDone={close} />
        ) : null}
        {editing?.kind === 'indicator' ? (
          <IndicatorForm objectiveId={editing.objectiveId} indicator={editing.indicator} onDone={close} />
        ) : null}
        {editing?.kind === 'value' ? <ValueForm indicator={editing.indicator} onDone={close} /> : null}
      </Modal>
      <ConfirmModal
        opened={deleting !== null}
        title={t('strategy.editor.confirmTitle')}
        text={
          deleting
            ? t(
                deleting.kind === 'goal'
                  ? 'strategy.editor.confirmGoal'
                  : deleting.kind === 'objective'
                    ? 'strategy.editor.confirmObjective'
                    : 'strategy.editor.confirmIndicator',
                { title: deleting.title },
              )
            : ''
        }
        confirmLabel={t('strategy.editor.confirm')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={confirmDelete}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
      />
    </Stack>
  );
}

type TitleKey =
  `strategy.editor.${'editGoal' | 'addGoal' | 'editObjective' | 'addObjective' | 'editIndicator' | 'addIndicator' | 'addValue'}`;

function modalTitle(e: Editing): TitleKey {
  switch (e.kind) {
    case 'goal':
      return e.goal ? 'strategy.editor.editGoal' : 'strategy.editor.addGoal';
    case 'objective':
      return e.objective ? 'strategy.editor.editObjective' : 'strategy.editor.addObjective';
    case 'indicator':
      return e.indicator ? 'strategy.editor.editIndicator' : 'strategy.editor.addIndicator';
    case 'value':
      return 'strategy.editor.addValue';
  }
}

function ItemActions({
  name,
  onEdit,
  onDelete,
  children,
}: {
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      {children}
      <Button
        size="xs"
        variant="default"
        onClick={onEdit}
        aria-label={`${t('strategy.editor.edit')}: ${name}`}
      >
        {t('strategy.editor.edit')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={onDelete}
        aria-label={`${t('strategy.editor.delete')}: ${name}`}
      >
        {t('strategy.editor.delete')}
      </Button>
    </Group>
  );
}

/**
 * The frame every editor form shares: the form (its server field errors beside the fields, the rest in an
 * alert under them), then save and cancel.
 */
function EditorForm({
  form,
  save,
  onSubmit,
  onDone,
  children,
}: {
  form: Pick<ReturnType<typeof usePortalForm>, 'formRef' | 'alertFor'>;
  save: ReturnType<typeof useChangeStrategy>;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  onDone: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const rest = save.isError ? form.alertFor(save.error) : undefined;
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {children}
        {rest ? <ProblemAlert error={save.error} fieldErrors={rest} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('strategy.editor.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('strategy.editor.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The position field of goals, objectives and indicators (their order on the page). */
function PositionInput(props: ReturnType<ReturnType<typeof usePortalForm>['form']['getInputProps']>) {
  const { t } = useTranslation();
  return <NumberInput label={t('strategy.editor.position')} min={0} max={1000} {...props} />;
}

/** The top-level specialisation areas as select options, after an empty choice labelled `none`. */
function useAreaOptions(none: string) {
  const language = useLanguage();
  const areas = useAreas();
  return [
    { value: '', label: none },
    ...(areas.data?.items ?? [])
      .filter((a) => a.parentId === null)
      .map((a) => ({ value: a.id, label: pickLocalized(a.nameBg, a.nameEn, language).text })),
  ];
}

/** A portal form whose server field errors (`body.x`) show beside the field `x`. */
function useStrategyForm<V extends Record<string, unknown>>(initialValues: V) {
  return usePortalForm<V>({ initialValues }, (path) => {
    const field = serverFieldName(path);
    return field in initialValues ? field : undefined;
  });
}

/** A NumberInput's value as the API takes it: a number, or what was typed (the server names the field). */
const numberOrRaw = (v: string | number): unknown =>
  v === '' ? null : typeof v === 'number' ? v : Number(v);

function GoalForm({ goal, onDone }: { goal: Goal | null; onDone: () => void }) {
  const { t } = useTranslation();
  const areaOptions = useAreaOptions(t('strategy.editor.noArea'));
  const save = useChangeStrategy();
  const strategyForm = useStrategyForm({
    kind: goal?.kind ?? 'vertical',
    areaId: goal?.areaId ?? '',
    titleBg: goal?.titleBg ?? '',
    titleEn: goal?.titleEn ?? '',
    descriptionBg: goal?.descriptionBg ?? '',
    descriptionEn: goal?.descriptionEn ?? '',
    position: (goal?.position ?? 0) as string | number,
  });
  const { form } = strategyForm;
  const submit = form.onSubmit((v) => {
    const body = { ...v, areaId: v.areaId || null, position: numberOrRaw(v.position) } as never;
    save.mutate(
      goal ? { kind: 'updateGoal', id: goal.id, version: goal.version, body } : { kind: 'createGoal', body },
      { onSuccess: onDone, onError: strategyForm.showServerErrors },
    );
  });
  return (
    <EditorForm form={strategyForm} save={save} onSubmit={submit} onDone={onDone}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('strategy.editor.kind')}
          data={GOAL_KINDS.map((k) => ({ value: k, label: t(`strategy.goalKind.${k}`) }))}
          {...form.getInputProps('kind')}
        />
        <NativeSelect
          label={t('strategy.editor.areaId')}
          data={areaOptions}
          {...form.getInputProps('areaId')}
        />
        <TextInput
          label={t('strategy.editor.titleBg')}
          required
          lang="bg"
          {...form.getInputProps('titleBg')}
        />
        <TextInput
          label={t('strategy.editor.titleEn')}
          required
          lang="en"
          {...form.getInputProps('titleEn')}
        />
      </SimpleGrid>
      <Textarea
        label={t('strategy.editor.descriptionBg')}
        rows={3}
        lang="bg"
        {...form.getInputProps('descriptionBg')}
      />
      <Textarea
        label={t('strategy.editor.descriptionEn')}
        rows={3}
        lang="en"
        {...form.getInputProps('descriptionEn')}
      />
      <PositionInput {...form.getInputProps('position')} />
    </EditorForm>
  );
}

function ObjectiveForm({
  goalId,
  objective,
  onDone,
}: {
  goalId: string;
  objective: Objective | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const bodies = useOwnerBodies();
  const save = useChangeStrategy();
  const strategyForm = useStrategyForm({
    titleBg: objective?.titleBg ?? '',
    titleEn: objective?.titleEn ?? '',
    ownerBodyId: objective?.ownerBodyId ?? '',
    ownerName: objective?.ownerName ?? '',
    status: objective?.status ?? 'not_started',
    position: (objective?.position ?? 0) as string | number,
  });
  const { form } = strategyForm;
  const submit = form.onSubmit((v) => {
    const body = {
      ...v,
      ownerBodyId: v.ownerBodyId || null,
      ownerName: v.ownerName.trim() || null,
      position: numberOrRaw(v.position),
    } as never;
    save.mutate(
      objective
        ? { kind: 'updateObjective', id: objective.id, version: objective.version, body }
        : { kind: 'createObjective', goalId, body },
      { onSuccess: onDone, onError: strategyForm.showServerErrors },
    );
  });
  return (
    <EditorForm form={strategyForm} save={save} onSubmit={submit} onDone={onDone}>
      <TextInput label={t('strategy.editor.titleBg')} required lang="bg" {...form.getInputProps('titleBg')} />
      <TextInput label={t('strategy.editor.titleEn')} required lang="en" {...form.getInputProps('titleEn')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('strategy.editor.ownerBodyId')}
          data={[
            { value: '', label: t('strategy.editor.noBody') },
            ...(bodies.data?.items ?? []).map((b) => ({
              value: b.id,
              label: pickLocalized(b.nameBg, b.nameEn, language).text,
            })),
          ]}
          {...form.getInputProps('ownerBodyId')}
        />
        <TextInput label={t('strategy.editor.ownerName')} {...form.getInputProps('ownerName')} />
        <NativeSelect
          label={t('strategy.editor.statusLabel')}
          data={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: t(`strategy.status.${s}`) }))}
          {...form.getInputProps('status')}
        />
        <PositionInput {...form.getInputProps('position')} />
      </SimpleGrid>
    </EditorForm>
  );
}

function IndicatorForm({
  objectiveId,
  indicator,
  onDone,
}: {
  objectiveId: string;
  indicator: Indicator | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const areaOptions = useAreaOptions(t('strategy.editor.chooseKey'));
  const save = useChangeStrategy();
  const year = todayInSofia().slice(0, 4);
  const strategyForm = useStrategyForm({
    nameBg: indicator?.nameBg ?? '',
    nameEn: indicator?.nameEn ?? '',
    source: indicator?.source ?? 'computed',
    computedKey: indicator?.computedKey ?? '',
    computedParam: indicator?.computedParam ?? '',
    unit: indicator?.unit ?? 'count',
    baseline: (indicator?.baseline ?? 0) as string | number,
    target: (indicator?.target ?? '') as string | number,
    periodStart: indicator?.periodStart ?? `${year}-01-01`,
    periodEnd: indicator?.periodEnd ?? `${year}-12-31`,
    position: (indicator?.position ?? 0) as string | number,
  });
  const { form } = strategyForm;
  const v = form.values;
  const def = v.source === 'computed' ? computedIndicator(v.computedKey) : undefined;
  const submit = form.onSubmit((values) => {
    const computed = values.source === 'computed';
    const body = {
      ...values,
      computedKey: computed ? values.computedKey || null : null,
      computedParam: computed && def?.param === 'area' ? values.computedParam || null : null,
      unit: def ? def.unit : values.unit,
      baseline: numberOrRaw(values.baseline),
      target: numberOrRaw(values.target),
      position: numberOrRaw(values.position),
    } as unknown as IndicatorInput;
    save.mutate(
      indicator
        ? { kind: 'updateIndicator', id: indicator.id, version: indicator.version, body }
        : { kind: 'createIndicator', objectiveId, body },
      { onSuccess: onDone, onError: strategyForm.showServerErrors },
    );
  });
  return (
    <EditorForm form={strategyForm} save={save} onSubmit={submit} onDone={onDone}>
      <TextInput
        label={t('strategy.editor.nameBg')}
        required
        lang="bg"
        name="nameBg"
        {...form.getInputProps('nameBg')}
      />
      <TextInput label={t('strategy.editor.nameEn')} required lang="en" {...form.getInputProps('nameEn')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('strategy.editor.source')}
          data={INDICATOR_SOURCES.map((s) => ({ value: s, label: t(`strategy.editor.sourceKind.${s}`) }))}
          {...form.getInputProps('source')}
        />
        {v.source === 'computed' ? (
          <NativeSelect
            label={t('strategy.editor.computedKey')}
            data={[
              { value: '', label: t('strategy.editor.chooseKey') },
              ...COMPUTED_INDICATORS.map((d) => ({
                value: d.key,
                label: pickLocalized(d.labelBg, d.labelEn, language).text,
              })),
            ]}
            {...form.getInputProps('computedKey')}
          />
        ) : (
          <NativeSelect
            label={t('strategy.editor.unitLabel')}
            data={INDICATOR_UNITS.map((u) => ({ value: u, label: t(`strategy.unitName.${u}`) }))}
            {...form.getInputProps('unit')}
          />
        )}
        {def?.param === 'area' ? (
          <NativeSelect
            label={t('strategy.editor.computedParam')}
            data={areaOptions}
            {...form.getInputProps('computedParam')}
          />
        ) : null}
        {def ? (
          <TextInput
            label={t('strategy.editor.unitLabel')}
            value={t(`strategy.unitName.${def.unit}`)}
            readOnly
          />
        ) : null}
        <NumberInput
          label={t('strategy.editor.baselineLabel')}
          required
          {...form.getInputProps('baseline')}
        />
        <NumberInput label={t('strategy.editor.targetLabel')} required {...form.getInputProps('target')} />
        <DateField
          label={t('strategy.editor.periodStart')}
          required
          value={v.periodStart}
          onChange={(d) => form.setFieldValue('periodStart', d)}
          error={form.errors.periodStart}
        />
        <DateField
          label={t('strategy.editor.periodEnd')}
          required
          value={v.periodEnd}
          onChange={(d) => form.setFieldValue('periodEnd', d)}
          error={form.errors.periodEnd}
        />
        <PositionInput {...form.getInputProps('position')} />
      </SimpleGrid>
    </EditorForm>
  );
}

function ValueForm({ indicator, onDone }: { indicator: Indicator; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useChangeStrategy();
  const strategyForm = useStrategyForm({
    value: '' as string | number,
    source: '',
    measuredOn: todayInSofia(),
  });
  const { form } = strategyForm;
  const submit = form.onSubmit((v) => {
    save.mutate(
      { kind: 'enterValue', id: indicator.id, body: { ...v, value: numberOrRaw(v.value) } as never },
      { onSuccess: onDone, onError: strategyForm.showServerErrors },
    );
  });
  return (
    <EditorForm form={strategyForm} save={save} onSubmit={submit} onDone={onDone}>
      <NumberInput label={t('strategy.editor.value')} required {...form.getInputProps('value')} />
      <TextInput label={t('strategy.editor.valueSource')} required {...form.getInputProps('source')} />
      <DateField
        label={t('strategy.editor.measuredOn')}
        required
        value={form.values.measuredOn}
        onChange={(d) => form.setFieldValue('measuredOn', d)}
        error={form.errors.measuredOn}
      />
    </EditorForm>
  );
}
