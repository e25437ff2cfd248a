import {
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  addDays,
  BOARD_AREAS_MAX,
  BOARD_DESCRIPTION_MAX,
  BOARD_ITEM_KINDS,
  BOARD_ITEM_TYPES,
  BOARD_TITLE_MAX,
  BOARD_VISIBILITIES,
  type BoardItem,
  BoardItemCreateBodySchema,
  BoardItemUpdateBodySchema,
  defaultValidUntil,
  latestValidUntil,
  todayInSofia,
} from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/components/date-field.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useAreas } from '@/lib/api/areas.ts';
import { useSchemaForm } from '@/lib/form.tsx';
import { useLanguage } from '@/lib/localized.ts';
import { useCreateBoardItem, useUpdateBoardItem } from '../api/organization-board-items.ts';
import { areaOptionsOf } from '../area-options.ts';

type Values = {
  kind: string;
  type: string;
  titleBg: string;
  titleEn: string;
  descriptionBg: string;
  descriptionEn: string;
  /** The chosen areas, comma-separated (the form keeps every value as text). */
  areaIds: string;
  naceCode: string;
  validUntil: string;
  visibility: string;
};

function valuesOf(item: BoardItem | undefined, today: string): Values {
  return {
    kind: item?.kind ?? 'offer',
    type: item?.type ?? 'infrastructure',
    titleBg: item?.titleBg ?? '',
    titleEn: item?.titleEn ?? '',
    descriptionBg: item?.descriptionBg ?? '',
    descriptionEn: item?.descriptionEn ?? '',
    areaIds: item?.areas.map((a) => a.id).join(',') ?? '',
    naceCode: item?.naceCode ?? '',
    // A new item is on the board for 90 days unless its author picks another day (at most a year).
    validUntil: item ? (item.validUntil ?? '') : defaultValidUntil(today),
    visibility: item?.visibility ?? 'members',
  };
}

function bodyOf(values: Values) {
  return {
    ...values,
    areaIds: values.areaIds ? values.areaIds.split(',') : [],
    naceCode: values.naceCode.trim() || null,
    validUntil: values.validUntil || null,
  };
}

/**
 * Creates a draft (no `item`) or edits an item at the version read. Validated with the shared schemas;
 * the server's field errors (an unknown area, a date beyond a year) show beside their fields.
 */
export function BoardItemForm({
  organizationId,
  item,
  onDone,
  onCancel,
}: {
  organizationId: string;
  item?: BoardItem;
  onDone: (item: BoardItem, created: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = todayInSofia();
  const areas = useAreas();
  const create = useCreateBoardItem(organizationId);
  const update = useUpdateBoardItem(organizationId);
  const mutation = item ? update : create;
  const form = useSchemaForm({
    initialValues: valuesOf(item, today),
    schema: item ? BoardItemUpdateBodySchema : BoardItemCreateBodySchema,
    input: (values) => (item ? { ...bodyOf(values), version: item.version } : bodyOf(values)),
  });

  const submit = form.onSubmit((body) => {
    const onError = (e: unknown) => form.showServerErrors(e);
    if (item) {
      update.mutate(
        { id: item.id, body: body as typeof body & { version: number } },
        { onSuccess: (saved) => onDone(saved, false), onError },
      );
    } else {
      create.mutate(body, { onSuccess: (saved) => onDone(saved, true), onError });
    }
  });

  const headingId = item ? `board-form-${item.id}` : 'board-form-new';
  return (
    <section aria-labelledby={headingId}>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id={headingId}>
            {item ? t('board.form.editTitle') : t('board.form.createTitle')}
          </Title>
          {mutation.error ? (
            <ProblemAlert error={mutation.error} fieldErrors={form.alertFor(mutation.error) ?? []} />
          ) : null}
          <Radio.Group label={t('board.form.kind')} {...form.getInputProps('kind')} withAsterisk>
            <Group gap="lg" mt={4}>
              {BOARD_ITEM_KINDS.map((k) => (
                <Radio key={k} value={k} label={t(`board.kind.${k}`)} />
              ))}
            </Group>
          </Radio.Group>
          <NativeSelect
            label={t('board.form.type')}
            data={BOARD_ITEM_TYPES.map((v) => ({ value: v, label: t(`board.type.${v}`) }))}
            required
            {...form.field('type')}
          />
          <Text size="sm" c="dimmed">
            {t('board.form.languagesHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap="sm">
              <TextInput
                label={t('board.form.titleBg')}
                maxLength={BOARD_TITLE_MAX}
                lang="bg"
                {...form.field('titleBg')}
              />
              <Textarea
                label={t('board.form.descriptionBg')}
                rows={4}
                resize="vertical"
                maxLength={BOARD_DESCRIPTION_MAX}
                lang="bg"
                {...form.field('descriptionBg')}
              />
            </Stack>
            <Stack gap="sm">
              <TextInput
                label={t('board.form.titleEn')}
                maxLength={BOARD_TITLE_MAX}
                lang="en"
                {...form.field('titleEn')}
              />
              <Textarea
                label={t('board.form.descriptionEn')}
                rows={4}
                resize="vertical"
                maxLength={BOARD_DESCRIPTION_MAX}
                lang="en"
                {...form.field('descriptionEn')}
              />
            </Stack>
          </SimpleGrid>
          <MultiSelect
            name="areaIds"
            label={t('board.form.areaIds')}
            description={t('board.form.areaIdsHint')}
            data={areaOptionsOf(areas.data?.items ?? [], language)}
            value={form.values.areaIds ? form.values.areaIds.split(',') : []}
            onChange={(ids) => form.setFieldValue('areaIds', ids.join(','))}
            error={form.errors.areaIds}
            maxValues={BOARD_AREAS_MAX}
            searchable
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('board.form.naceCode')}
              description={t('board.form.naceCodeHint')}
              {...form.field('naceCode')}
            />
            <DateField
              name="validUntil"
              label={t('board.form.validUntil')}
              description={t('board.form.validUntilHint')}
              value={form.values.validUntil}
              onChange={(value) => form.setFieldValue('validUntil', value)}
              error={form.errors.validUntil}
              minDate={addDays(today, 1)}
              maxDate={latestValidUntil(today)}
              clearable
            />
          </SimpleGrid>
          <Radio.Group label={t('board.form.visibility')} {...form.getInputProps('visibility')}>
            <Stack gap={6} mt={4}>
              {BOARD_VISIBILITIES.map((v) => (
                <Radio key={v} value={v} label={t(`board.visibility.${v}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {item ? t('board.form.save') : t('board.form.create')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('board.form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
