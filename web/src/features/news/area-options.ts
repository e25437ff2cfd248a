import type { Area, Language } from '@portal/shared';
import { pickLocalized } from '@/lib/localized.ts';

/** The areas as options: each theme, then its sub-areas (indented with a dash), in the taxonomy's order. */
export function areaOptionsOf(areas: readonly Area[], language: Language) {
  const byPosition = (a: Area, b: Area) => a.position - b.position;
  const name = (a: Area) => pickLocalized(a.nameBg, a.nameEn, language).text;
  return areas
    .filter((a) => a.parentId === null)
    .sort(byPosition)
    .flatMap((theme) => [
      { value: theme.id, label: name(theme) },
      ...areas
        .filter((a) => a.parentId === theme.id)
        .sort(byPosition)
        .map((a) => ({ value: a.id, label: `— ${name(a)}` })),
    ]);
}
