import type { Area, Language } from '@portal/shared';
import type { TFunction } from 'i18next';
import { pickLocalized } from '@/lib/localized.ts';
import {
  isListField,
  isVisibility,
  isVisibilityField,
  type ProfileField,
  type ProfileValues,
} from './profile-values.ts';

/** A field's name as the form labels it (offers/seeks say which side: "Offers: people"). */
export function fieldLabel(t: TFunction, field: ProfileField): string {
  return t(`myOrganization.fields.${field}`);
}

/** An area's name in the UI language; its id while the areas are loading (or for an unknown area). */
export function areaNamer(areas: Area[] | undefined, language: Language) {
  return (id: string) => {
    const area = areas?.find((a) => a.id === id);
    return area ? pickLocalized(area.nameBg, area.nameEn, language).text : id;
  };
}

/** A visibility's name ("Members only"); other values as they are. */
export function visibilityName(t: TFunction, value: unknown): string | undefined {
  return isVisibility(value) ? t(`myOrganization.visibility.${value}`) : undefined;
}

/** A form value as text for the side-by-side comparison; empty is `undefined`. */
export function displayValue(
  values: ProfileValues,
  field: ProfileField,
  areaName: (id: string) => string,
  t?: TFunction,
): string | undefined {
  if (t && isVisibilityField(field)) return visibilityName(t, values[field]) ?? values[field];
  if (t && field === 'acceptsContact')
    return t(values.acceptsContact === 'yes' ? 'myOrganization.on' : 'myOrganization.off');
  if (isListField(field)) {
    const list = field === 'areaIds' ? values.areaIds.map(areaName) : values.naceCodes;
    return list.length > 0 ? list.join(', ') : undefined;
  }
  const text = values[field].trim();
  return text === '' ? undefined : text;
}
