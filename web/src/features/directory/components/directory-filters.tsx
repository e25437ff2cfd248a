import { Badge, Button, NativeSelect, Stack } from '@mantine/core';
import { type Area, ORGANIZATION_KINDS, SIZE_CLASSES } from '@portal/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import type { DirectorySearch } from '../search-params.ts';

type Change = (change: DirectorySearch) => void;

/**
 * Area options grouped by thematic area: the area itself (which includes its sub-areas, as the API does)
 * and then each sub-area.
 */
function useAreaOptions(areas: Area[]) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = (a: Area) => pickLocalized(a.nameBg, a.nameEn, language).text;
  const byPosition = (a: Area, b: Area) =>
    a.position - b.position || name(a).localeCompare(name(b), language);
  const parents = areas.filter((a) => a.parentId === null).sort(byPosition);
  return [
    { value: '', label: t('directory.areaAny') },
    ...parents.map((parent) => ({
      group: name(parent),
      items: [
        { value: parent.id, label: t('directory.areaWhole', { name: name(parent) }) },
        ...areas
          .filter((a) => a.parentId === parent.id)
          .sort(byPosition)
          .map((a) => ({ value: a.id, label: name(a) })),
      ],
    })),
  ];
}

export function DirectoryFilters({
  search,
  areas,
  onChange,
  onClear,
  canClear,
}: {
  search: DirectorySearch;
  areas: Area[];
  onChange: Change;
  onClear: () => void;
  canClear: boolean;
}) {
  const { t } = useTranslation();
  const areaOptions = useAreaOptions(areas);
  // Below the two-column layout (a phone, a narrow tablet) the filters fold behind a button, so the first
  // screen shows results; on a wide screen they are always open beside the results (styles.css).
  const [open, setOpen] = useState(false);
  const id = useId();
  const active = [search.area, search.kind, search.size].filter(Boolean).length;
  return (
    <Stack gap="md" component="section" aria-label={t('directory.filtersLabel')}>
      <Button
        hiddenFrom="md"
        variant="default"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        rightSection={
          active > 0 ? (
            <Badge size="sm" circle aria-hidden>
              {active}
            </Badge>
          ) : null
        }
      >
        {open ? t('directory.hideFilters') : t('directory.showFilters', { count: active })}
      </Button>
      <Stack gap="md" id={id} className="folding-filters" data-open={open || undefined}>
        <NativeSelect
          label={t('directory.areaLabel')}
          data={areaOptions}
          value={search.area ?? ''}
          onChange={(event) => onChange({ area: event.currentTarget.value })}
        />
        <NativeSelect
          label={t('directory.kindLabel')}
          data={[
            { value: '', label: t('directory.kindAny') },
            ...ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })),
          ]}
          value={search.kind ?? ''}
          onChange={(event) => onChange({ kind: event.currentTarget.value })}
        />
        <NativeSelect
          label={t('directory.sizeLabel')}
          data={[
            { value: '', label: t('directory.sizeAny') },
            ...SIZE_CLASSES.map((size) => ({ value: size, label: t(`size.${size}`) })),
          ]}
          value={search.size ?? ''}
          onChange={(event) => onChange({ size: event.currentTarget.value })}
        />
        {canClear ? (
          <Button variant="default" onClick={onClear}>
            {t('directory.clearFilters')}
          </Button>
        ) : null}
      </Stack>
    </Stack>
  );
}
