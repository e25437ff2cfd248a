import {
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Select,
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
  READINESS_COMPARISONS,
  READINESS_CRITERION_KINDS,
  type ReadinessCriterion,
  type ReadinessCriterionInput,
  type ReadinessSet,
  type ReadinessSetInput,
} from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { AdminNav } from '@/components/admin-nav.tsx';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useAreas } from '@/lib/api/areas.ts';
import { isApiError } from '@/lib/api-client.ts';
import { serverFieldName, usePortalForm } from '@/lib/form.tsx';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import {
  useChangeReadiness,
  useReadinessSet,
  useReadinessSets,
  useReloadReadiness,
} from '../api/readiness.ts';
import { CriterionFigure, StatusCounts } from './status.tsx';

/**
 * /admin/readiness and /admin/readiness/:slug (issue 16 §2, decision 051): administrators add and change
 * the criteria sets and their criteria — a rule over a computed indicator with green and amber thresholds,
 * or a manual evidence item. Every check is the server's; its field errors show beside the fields; changes
 * name the version read (If-Match) and a stale one says so and offers the saved version.
 */
export function AdminReadinessPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const sets = useReadinessSets();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  usePageTitle(t('readiness.admin.title'));
  return (
    <Stack gap="lg">
      <AdminNav />
      <div>
        <Title order={1}>{t('readiness.admin.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('readiness.admin.intro')}
        </Text>
      </div>
      <Group>
        <Button onClick={() => setAdding(true)}>{t('readiness.admin.addSet')}</Button>
      </Group>
      {sets.isPending ? (
        <Skeleton height={120} />
      ) : sets.isError ? (
        <QueryError error={sets.error} onRetry={() => void sets.refetch()} />
      ) : sets.data.items.length === 0 ? (
        <Text c="dimmed">{t('readiness.empty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" className="plain-list">
          {sets.data.items.map((set) => {
            const title = pickLocalized(set.titleBg, set.titleEn, language);
            return (
              <Card key={set.id} withBorder component="li" padding="sm">
                <Stack gap={6}>
                  <Title order={2} size="h4" lang={title.lang}>
                    <Anchor component={Link} to={paths.adminReadinessSet.href(set.slug)} inherit>
                      {title.text}
                    </Anchor>
                  </Title>
                  <Text size="sm" c="dimmed">
                    {set.slug}
                  </Text>
                  <StatusCounts counts={set.counts} />
                  <Anchor component={Link} to={paths.committeeReadinessSet.href(set.slug)} size="sm">
                    {t('readiness.admin.view')}
                  </Anchor>
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('readiness.admin.addSet')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <SetForm
          set={null}
          onDone={(saved) => {
            setAdding(false);
            if (saved) void navigate(paths.adminReadinessSet.href(saved.slug));
          }}
        />
      </Modal>
    </Stack>
  );
}

type Editing = { criterion: ReadinessCriterion | null } | null;

export function AdminReadinessSetPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const set = useReadinessSet(slug);
  const navigate = useNavigate();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ReadinessCriterion | null>(null);
  const [saved, setSaved] = useState(false);
  const remove = useChangeReadiness();
  const reload = useReloadReadiness();
  const title = set.data ? pickLocalized(set.data.titleBg, set.data.titleEn, language) : undefined;
  usePageTitle(title ? `${t('readiness.admin.editSet')}: ${title.text}` : t('readiness.admin.editSet'));
  const tr = (c: ReadinessCriterion) => `${c.code} ${pickLocalized(c.titleBg, c.titleEn, language).text}`;
  return (
    <Stack gap="lg">
      <AdminNav />
      <Anchor component={Link} to={paths.adminReadiness.href()} size="sm">
        ← {t('readiness.admin.back')}
      </Anchor>
      {set.isPending ? (
        <Skeleton height={300} />
      ) : set.isError ? (
        <QueryError error={set.error} onRetry={() => void set.refetch()} />
      ) : (
        <>
          <div>
            <Title order={1} lang={title?.lang}>
              {title?.text}
            </Title>
            <Anchor component={Link} to={paths.committeeReadinessSet.href(set.data.slug)} size="sm">
              {t('readiness.admin.view')}
            </Anchor>
          </div>
          <Card withBorder component="section" aria-labelledby="readiness-set-form">
            <Title order={2} size="h3" id="readiness-set-form" mb="sm">
              {t('readiness.admin.editSet')}
            </Title>
            <SetForm
              key={set.data.version}
              set={set.data}
              onDone={(answer) => {
                setSaved(!!answer);
                if (answer && answer.slug !== slug) {
                  void navigate(paths.adminReadinessSet.href(answer.slug), { replace: true });
                }
              }}
            />
            {saved ? (
              <Text size="sm" c="green.9" role="status" mt="xs">
                {t('readiness.admin.saved')}
              </Text>
            ) : null}
          </Card>
          <Stack gap="sm" component="section" aria-labelledby="readiness-criteria-admin">
            <Group justify="space-between" gap="xs">
              <Title order={2} size="h3" id="readiness-criteria-admin">
                {t('readiness.admin.criteria')}
              </Title>
              <Button onClick={() => setEditing({ criterion: null })} data-action="readiness-add-criterion">
                {t('readiness.admin.addCriterion')}
              </Button>
            </Group>
            {set.data.criteria.length === 0 ? (
              <Text c="dimmed">{t('readiness.noCriteria')}</Text>
            ) : (
              <Stack gap="sm" component="ul" className="plain-list">
                {set.data.criteria.map((c) => (
                  <Card key={c.id} withBorder component="li" padding="sm">
                    <Stack gap={6}>
                      <Text fw={600}>{tr(c)}</Text>
                      <Text size="sm" c="dimmed">
                        {t(`readiness.admin.kind.${c.kind}`)}
                      </Text>
                      <CriterionFigure criterion={c} />
                      <Group gap="xs">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing({ criterion: c })}
                          aria-label={`${t('readiness.admin.edit')}: ${tr(c)}`}
                        >
                          {t('readiness.admin.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(c)}
                          aria-label={`${t('readiness.admin.delete')}: ${tr(c)}`}
                        >
                          {t('readiness.admin.delete')}
                        </Button>
                      </Group>
                    </Stack>
                  </Card>
                ))}
              </Stack>
            )}
          </Stack>
          <Modal
            opened={editing !== null}
            onClose={() => setEditing(null)}
            title={
              editing?.criterion ? t('readiness.admin.editCriterion') : t('readiness.admin.addCriterion')
            }
            size="lg"
            closeButtonProps={{ 'aria-label': t('common.close') }}
          >
            {editing ? (
              <CriterionForm
                setId={set.data.id}
                criterion={editing.criterion}
                onDone={() => setEditing(null)}
              />
            ) : null}
          </Modal>
          <ConfirmModal
            opened={deleting !== null}
            title={t('readiness.admin.confirmTitle')}
            text={deleting ? t('readiness.admin.confirmText', { title: tr(deleting) }) : ''}
            confirmLabel={t('readiness.admin.confirm')}
            pending={remove.isPending}
            error={remove.error}
            onConfirm={() =>
              deleting &&
              remove.mutate(
                { kind: 'deleteCriterion', id: deleting.id, version: deleting.version },
                {
                  onSuccess: () => setDeleting(null),
                  onError: (error) => {
                    if (isApiError(error, 412)) void reload();
                  },
                },
              )
            }
            onClose={() => {
              remove.reset();
              setDeleting(null);
            }}
          />
        </>
      )}
    </Stack>
  );
}

/** Someone saved in between (412): say so and offer the saved version. */
function StaleNotice({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="alert">
      <Text c="red.8">{t('readiness.stale')}</Text>
      <Button variant="light" onClick={onReload} style={{ alignSelf: 'flex-start' }}>
        {t('readiness.reload')}
      </Button>
    </Stack>
  );
}

function FormButtons({ pending, onCancel }: { pending: boolean; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={pending}>
        {t('readiness.admin.save')}
      </Button>
      {onCancel ? (
        <Button variant="default" onClick={onCancel}>
          {t('readiness.admin.cancel')}
        </Button>
      ) : null}
    </Group>
  );
}

function useReadinessForm<V extends Record<string, unknown>>(initialValues: V) {
  return usePortalForm<V>({ initialValues }, (path) => {
    const field = serverFieldName(path);
    return field in initialValues ? field : undefined;
  });
}

/** A NumberInput's value as the API takes it: a number, null when empty, or what was typed. */
const numberOrNull = (v: string | number): unknown =>
  v === '' ? null : typeof v === 'number' ? v : Number(v);

function SetForm({
  set,
  onDone,
}: {
  set: ReadinessSet | null;
  onDone: (saved: ReadinessSet | null) => void;
}) {
  const { t } = useTranslation();
  const save = useChangeReadiness();
  const reload = useReloadReadiness();
  const { form, formRef, showServerErrors, alertFor } = useReadinessForm({
    slug: set?.slug ?? '',
    titleBg: set?.titleBg ?? '',
    titleEn: set?.titleEn ?? '',
    descriptionBg: set?.descriptionBg ?? '',
    descriptionEn: set?.descriptionEn ?? '',
    sourceName: set?.sourceName ?? '',
    sourceUrl: set?.sourceUrl ?? '',
    position: (set?.position ?? 0) as string | number,
  });
  const submit = form.onSubmit((v) => {
    const body = {
      ...v,
      sourceUrl: v.sourceUrl.trim() || null,
      position: numberOrNull(v.position) ?? 0,
    } as unknown as ReadinessSetInput;
    save.mutate(
      set ? { kind: 'updateSet', id: set.id, version: set.version, body } : { kind: 'createSet', body },
      { onSuccess: (answer) => onDone(answer), onError: showServerErrors },
    );
  });
  const stale = isApiError(save.error, 412);
  const rest = save.isError && !stale ? alertFor(save.error) : undefined;
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('readiness.admin.slug')} required {...form.getInputProps('slug')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('readiness.admin.titleBg')}
            required
            lang="bg"
            {...form.getInputProps('titleBg')}
          />
          <TextInput
            label={t('readiness.admin.titleEn')}
            required
            lang="en"
            {...form.getInputProps('titleEn')}
          />
        </SimpleGrid>
        <Textarea
          label={t('readiness.admin.descriptionBg')}
          rows={3}
          lang="bg"
          {...form.getInputProps('descriptionBg')}
        />
        <Textarea
          label={t('readiness.admin.descriptionEn')}
          rows={3}
          lang="en"
          {...form.getInputProps('descriptionEn')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('readiness.admin.sourceName')} {...form.getInputProps('sourceName')} />
          <TextInput
            label={t('readiness.admin.sourceUrl')}
            type="url"
            inputMode="url"
            {...form.getInputProps('sourceUrl')}
          />
        </SimpleGrid>
        <NumberInput
          label={t('readiness.admin.position')}
          min={0}
          max={1000}
          {...form.getInputProps('position')}
        />
        {stale ? (
          <StaleNotice
            onReload={() => {
              save.reset();
              void reload();
            }}
          />
        ) : null}
        {rest ? <ProblemAlert error={save.error} fieldErrors={rest} /> : null}
        <FormButtons pending={save.isPending} onCancel={set ? undefined : () => onDone(null)} />
      </Stack>
    </form>
  );
}

function CriterionForm({
  setId,
  criterion,
  onDone,
}: {
  setId: string;
  criterion: ReadinessCriterion | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const areas = useAreas();
  const save = useChangeReadiness();
  const reload = useReloadReadiness();
  const { form, formRef, showServerErrors, alertFor } = useReadinessForm({
    code: criterion?.code ?? '',
    titleBg: criterion?.titleBg ?? '',
    titleEn: criterion?.titleEn ?? '',
    guidanceBg: criterion?.guidanceBg ?? '',
    guidanceEn: criterion?.guidanceEn ?? '',
    kind: criterion?.kind ?? 'rule',
    indicatorKey: criterion?.indicatorKey ?? '',
    indicatorParam: criterion?.indicatorParam ?? '',
    comparison: criterion?.comparison ?? 'gte',
    green: (criterion?.green ?? '') as string | number,
    amber: (criterion?.amber ?? '') as string | number,
    position: (criterion?.position ?? 0) as string | number,
  });
  const v = form.values;
  const rule = v.kind === 'rule';
  const def = rule ? computedIndicator(v.indicatorKey) : undefined;
  const submit = form.onSubmit((values) => {
    const body = {
      code: values.code,
      titleBg: values.titleBg,
      titleEn: values.titleEn,
      guidanceBg: values.guidanceBg,
      guidanceEn: values.guidanceEn,
      kind: values.kind,
      indicatorKey: rule ? values.indicatorKey || null : null,
      indicatorParam: rule && def?.param === 'area' ? values.indicatorParam || null : null,
      comparison: rule ? values.comparison : null,
      green: rule ? numberOrNull(values.green) : null,
      amber: rule ? numberOrNull(values.amber) : null,
      position: numberOrNull(values.position) ?? 0,
    } as unknown as ReadinessCriterionInput;
    save.mutate(
      criterion
        ? { kind: 'updateCriterion', id: criterion.id, version: criterion.version, body }
        : { kind: 'createCriterion', setId, body },
      { onSuccess: onDone, onError: showServerErrors },
    );
  });
  const stale = isApiError(save.error, 412);
  const rest = save.isError && !stale ? alertFor(save.error) : undefined;
  const topAreas = (areas.data?.items ?? []).filter((a) => a.parentId === null);
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('readiness.admin.code')} required name="code" {...form.getInputProps('code')} />
          <NativeSelect
            label={t('readiness.admin.kindLabel')}
            data={READINESS_CRITERION_KINDS.map((k) => ({ value: k, label: t(`readiness.admin.kind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
        </SimpleGrid>
        <TextInput
          label={t('readiness.admin.titleBg')}
          required
          lang="bg"
          {...form.getInputProps('titleBg')}
        />
        <TextInput
          label={t('readiness.admin.titleEn')}
          required
          lang="en"
          {...form.getInputProps('titleEn')}
        />
        {rule ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('readiness.admin.indicatorKey')}
              placeholder={t('readiness.admin.chooseIndicator')}
              required
              searchable
              comboboxProps={{ withinPortal: true }}
              data={COMPUTED_INDICATORS.map((d) => ({
                value: d.key,
                label: pickLocalized(d.labelBg, d.labelEn, language).text,
              }))}
              value={v.indicatorKey || null}
              onChange={(key) => form.setFieldValue('indicatorKey', key ?? '')}
              error={form.errors.indicatorKey}
            />
            {def?.param === 'area' ? (
              <NativeSelect
                label={t('readiness.admin.indicatorParam')}
                required
                data={[
                  { value: '', label: t('readiness.admin.chooseArea') },
                  ...topAreas.map((a) => ({
                    value: a.id,
                    label: pickLocalized(a.nameBg, a.nameEn, language).text,
                  })),
                ]}
                {...form.getInputProps('indicatorParam')}
              />
            ) : null}
            <NativeSelect
              label={t('readiness.admin.comparison')}
              data={READINESS_COMPARISONS.map((c) => ({
                value: c,
                label: t(`readiness.admin.comparisons.${c}`),
              }))}
              {...form.getInputProps('comparison')}
            />
            <NumberInput label={t('readiness.admin.green')} required {...form.getInputProps('green')} />
            <NumberInput label={t('readiness.admin.amber')} {...form.getInputProps('amber')} />
          </SimpleGrid>
        ) : null}
        <Textarea
          label={t('readiness.admin.guidanceBg')}
          rows={2}
          lang="bg"
          {...form.getInputProps('guidanceBg')}
        />
        <Textarea
          label={t('readiness.admin.guidanceEn')}
          rows={2}
          lang="en"
          {...form.getInputProps('guidanceEn')}
        />
        <NumberInput
          label={t('readiness.admin.position')}
          min={0}
          max={1000}
          {...form.getInputProps('position')}
        />
        {stale ? (
          <StaleNotice
            onReload={() => {
              void reload();
              onDone();
            }}
          />
        ) : null}
        {rest ? <ProblemAlert error={save.error} fieldErrors={rest} /> : null}
        <FormButtons pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
