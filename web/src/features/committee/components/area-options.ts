import type { Area } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';

/** Area options grouped by thematic area: the area itself (with its sub-areas) and then each sub-area. */
export function useAreaOptions(areas: Area[]) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = (a: Area) => pickLocalized(a.nameBg, a.nameEn, language).text;
  const byPosition = (a: Area, b: Area) =>
    a.position - b.position || name(a).localeCompare(name(b), language);
  const parents = areas.filter((a) => a.parentId === null).sort(byPosition);
  return [
    { value: '', label: t('committee.queue.areaAny') },
    ...parents.map((parent) => ({
      group: name(parent),
      items: [
        { value: parent.id, label: t('committee.queue.areaWhole', { name: name(parent) }) },
        ...areas
          .filter((a) => a.parentId === parent.id)
          .sort(byPosition)
          .map((a) => ({ value: a.id, label: name(a) })),
      ],
    })),
  ];
}

/** Area names by id, in the UI language (an unknown id is shown as it is). */
export function useAreaName(areas: Area[] | undefined) {
  const language = useLanguage();
  return (id: string) => {
    const area = areas?.find((a) => a.id === id);
    return area ? pickLocalized(area.nameBg, area.nameEn, language).text : id;
  };
}
