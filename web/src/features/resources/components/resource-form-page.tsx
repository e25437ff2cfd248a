import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  FEE_UNITS,
  type OpeningHours,
  RESOURCE_CONDITIONS,
  RESOURCE_KINDS,
  ResourceCreateBodySchema,
  ResourceUpdateBodySchema,
  type SharedResource,
  WHO_MAY_BOOK,
} from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { Section } from '@/components/section.tsx';
import { useSchemaForm } from '@/lib/form.tsx';
import { useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useCreateResource, useResource, useUpdateResource } from '../api/resources.ts';
import { weekdayNames } from '../time.ts';
import { FeedBox } from './feed-box.tsx';
import { ResourcePhotosEditor } from './resource-photos.tsx';

const DAYS = [0, 1, 2, 3, 4, 5, 6] as const;
type Values = Record<string, string>;

const WORKDAYS: OpeningHours = [
  { opens: '09:00', closes: '18:00' },
  { opens: '09:00', closes: '18:00' },
  { opens: '09:00', closes: '18:00' },
  { opens: '09:00', closes: '18:00' },
  { opens: '09:00', closes: '18:00' },
  null,
  null,
];

function valuesOf(r: SharedResource | null): Values {
  const hours = r?.openingHours ?? WORKDAYS;
  const values: Values = {
    kind: r?.kind ?? 'lab',
    nameBg: r?.nameBg ?? '',
    nameEn: r?.nameEn ?? '',
    descriptionBg: r?.descriptionBg ?? '',
    descriptionEn: r?.descriptionEn ?? '',
    location: r?.location ?? '',
    capacity: r?.capacity ? String(r.capacity) : '',
    conditions: r?.conditions ?? 'free',
    feeCents: r?.feeCents ? (r.feeCents / 100).toFixed(2) : '',
    feeUnit: r?.feeUnit ?? 'hour',
    whoMayBook: r?.whoMayBook ?? 'members',
    minNoticeHours: String(r?.minNoticeHours ?? 24),
    maxBookingHours: String(r?.maxBookingHours ?? 8),
    active: String(r?.active ?? true),
    // Not an input: where the opening hours' own errors are shown.
    openingHours: 'set',
  };
  for (const i of DAYS) {
    const day = hours[i] ?? null;
    values[`open${i}`] = day ? 'true' : '';
    values[`opens${i}`] = day?.opens ?? '09:00';
    values[`closes${i}`] = day?.closes ?? '18:00';
  }
  return values;
}

const numberOrNull = (text: string | undefined) =>
  text?.trim() ? Number(text.trim().replace(',', '.')) : null;

/** The body the shared schemas parse, from the form's text values. */
function bodyOf(values: Values) {
  const fee = values.conditions === 'fee' ? numberOrNull(values.feeCents) : null;
  return {
    kind: values.kind,
    nameBg: values.nameBg,
    nameEn: values.nameEn,
    descriptionBg: values.descriptionBg,
    descriptionEn: values.descriptionEn,
    location: values.location,
    capacity: numberOrNull(values.capacity),
    conditions: values.conditions,
    feeCents: fee === null ? null : Math.round(fee * 100),
    feeUnit: values.conditions === 'fee' ? values.feeUnit : null,
    whoMayBook: values.whoMayBook,
    minNoticeHours: numberOrNull(values.minNoticeHours),
    maxBookingHours: numberOrNull(values.maxBookingHours),
    openingHours: DAYS.map((i) =>
      values[`open${i}`] ? { opens: values[`opens${i}`], closes: values[`closes${i}`] } : null,
    ),
    active: values.active === 'true',
  };
}

/** /my/organizations/:id/resources/new — share a resource of the organisation. */
export function ResourceCreatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('resources.form.createTitle'));
  return <ResourceForm organizationId={id} resource={null} saved={false} onSaved={() => undefined} />;
}

/** /resources/:id/edit — the owner changes a resource, its photos and its calendar feed. */
export function ResourceEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('resources.form.editTitle'));
  const resource = useResource(id);
  const [saved, setSaved] = useState(false);
  if (resource.isPending) return <Skeleton height={400} aria-busy="true" />;
  if (resource.isError) return <QueryError error={resource.error} onRetry={() => resource.refetch()} />;
  return (
    <Stack gap="lg">
      {/* A saved change is a new version: the form starts again from it (and the next save sends it). */}
      <ResourceForm
        key={resource.data.version}
        organizationId={resource.data.organizationId}
        resource={resource.data}
        saved={saved}
        onSaved={() => setSaved(true)}
      />
      <Section id="photos" title={t('resources.photosSection.title')}>
        <ResourcePhotosEditor resourceId={id} />
      </Section>
      <Section id="calendar-feed" title={t('resources.feed.title')}>
        <FeedBox scope={{ kind: 'resource', id }} />
      </Section>
    </Stack>
  );
}

function ResourceForm({
  organizationId,
  resource,
  saved,
  onSaved,
}: {
  organizationId: string;
  resource: SharedResource | null;
  saved: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const create = useCreateResource();
  const update = useUpdateResource(resource?.id ?? '');
  const mutation = resource ? update : create;
  const form = useSchemaForm({
    initialValues: valuesOf(resource),
    schema: resource ? ResourceUpdateBodySchema : ResourceCreateBodySchema,
    input: (values) =>
      resource ? { ...bodyOf(values), version: resource.version } : { ...bodyOf(values), organizationId },
  });
  const days = weekdayNames(language);
  const submit = form.onSubmit((body) => {
    if (resource) {
      update.mutate(body as never, { onSuccess: onSaved, onError: form.showServerErrors });
    } else {
      create.mutate(body as never, {
        onSuccess: (created) => navigate(paths.resourceEdit.href(created.id)),
        onError: form.showServerErrors,
      });
    }
  });
  const alert = form.alertFor(mutation.error);

  return (
    <Stack gap="md">
      <Title order={1}>{resource ? t('resources.form.editTitle') : t('resources.form.createTitle')}</Title>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('resources.form.kind')}
              data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`resources.kind.${k}`) }))}
              {...form.field('kind')}
            />
            <TextInput label={t('resources.form.location')} {...form.field('location')} />
            <TextInput label={t('resources.form.nameBg')} required lang="bg" {...form.field('nameBg')} />
            <TextInput label={t('resources.form.nameEn')} required lang="en" {...form.field('nameEn')} />
            <Textarea
              label={t('resources.form.descriptionBg')}
              rows={4}
              lang="bg"
              {...form.field('descriptionBg')}
            />
            <Textarea
              label={t('resources.form.descriptionEn')}
              rows={4}
              lang="en"
              {...form.field('descriptionEn')}
            />
            <TextInput label={t('resources.form.capacity')} inputMode="numeric" {...form.field('capacity')} />
            <NativeSelect
              label={t('resources.form.whoMayBook')}
              data={WHO_MAY_BOOK.map((w) => ({ value: w, label: t(`resources.whoMayBook.${w}`) }))}
              {...form.field('whoMayBook')}
            />
            <NativeSelect
              label={t('resources.form.conditions')}
              data={RESOURCE_CONDITIONS.map((c) => ({ value: c, label: t(`resources.conditions.${c}`) }))}
              {...form.field('conditions')}
            />
            {form.values.conditions === 'fee' ? (
              <Group grow gap="sm" align="flex-start">
                <TextInput
                  label={t('resources.form.fee')}
                  inputMode="decimal"
                  required
                  {...form.field('feeCents')}
                />
                <NativeSelect
                  label={t('resources.form.feeUnit')}
                  data={FEE_UNITS.map((u) => ({ value: u, label: t(`resources.feeUnit.${u}`) }))}
                  {...form.field('feeUnit')}
                />
              </Group>
            ) : (
              <div />
            )}
            <TextInput
              label={t('resources.form.minNoticeHours')}
              inputMode="numeric"
              {...form.field('minNoticeHours')}
            />
            <TextInput
              label={t('resources.form.maxBookingHours')}
              inputMode="numeric"
              {...form.field('maxBookingHours')}
            />
          </SimpleGrid>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={500} size="sm" mb={4}>
              {t('resources.form.openingHours')}
            </Text>
            <Stack gap={6}>
              {DAYS.map((i) => (
                <Group key={i} gap="sm" wrap="wrap" align="flex-start">
                  <Checkbox
                    w={110}
                    mt={6}
                    label={days[i]}
                    checked={form.values[`open${i}`] === 'true'}
                    onChange={(event) =>
                      form.setFieldValue(`open${i}`, event.currentTarget.checked ? 'true' : '')
                    }
                  />
                  {form.values[`open${i}`] === 'true' ? (
                    <>
                      <TextInput
                        w={100}
                        size="xs"
                        aria-label={`${days[i]} ${t('resources.form.opens')}`}
                        placeholder="09:00"
                        {...form.field(`opens${i}`)}
                      />
                      <TextInput
                        w={100}
                        size="xs"
                        aria-label={`${days[i]} ${t('resources.form.closes')}`}
                        placeholder="18:00"
                        {...form.field(`closes${i}`)}
                      />
                    </>
                  ) : (
                    <Text size="sm" c="dimmed" mt={6}>
                      {t('resources.closed')}
                    </Text>
                  )}
                </Group>
              ))}
            </Stack>
            {form.errors.openingHours ? (
              <Text size="sm" c="red" mt={4} role="alert">
                {form.errors.openingHours}
              </Text>
            ) : null}
          </fieldset>
          <Checkbox
            label={t('resources.form.active')}
            checked={form.values.active === 'true'}
            onChange={(event) => form.setFieldValue('active', String(event.currentTarget.checked))}
          />
          {alert ? <ProblemAlert error={mutation.error} fieldErrors={alert} /> : null}
          {saved ? (
            <Alert color="green" role="status">
              {t('resources.form.saved')}
            </Alert>
          ) : null}
          <Button type="submit" loading={mutation.isPending} w="fit-content">
            {resource ? t('resources.form.save') : t('resources.form.create')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
