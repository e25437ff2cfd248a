import {
  type ApplicationSection,
  MEMBERSHIP_CATEGORIES,
  ORGANIZATION_KINDS,
  SHARING_KINDS,
  type TimelineEntry,
} from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { SnapshotDiff } from '@/components/snapshot-diff.tsx';
import type { CommitteeMessages } from '@/i18n/committee.bg.ts';
import { useAreas } from '@/lib/api/areas.ts';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { useAreaName } from './area-options.ts';

type FieldKey = keyof CommitteeMessages['answers']['fields'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** A section's answers as one level of fields: `offers: { people }` becomes `offers.people`. */
function flatten(value: unknown, prefix = ''): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (isRecord(v)) Object.assign(out, flatten(v, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = v;
  }
  return out;
}

/** Where a section's field name differs from the answers' label key. */
const FIELD_KEYS: Partial<Record<ApplicationSection, Record<string, FieldKey>>> = {
  contact: { name: 'contactName' },
  declarations: { version: 'declarationVersion' },
};

/**
 * What an applicant's edit of a section (after the committee asked for changes) changed: the changed
 * fields, before and after, labelled and formatted as in the answers.
 */
export function ChangeDiff({ changes }: { changes: NonNullable<TimelineEntry['changes']> }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const areas = useAreas();
  const areaName = useAreaName(areas.data?.items);
  const { section } = changes;

  const labelOf = (field: string) => {
    const [group, kind] = field.split('.');
    if ((group === 'offers' || group === 'seeks') && isOneOf(SHARING_KINDS, kind)) {
      return t(`committee.answers.${group}`, { kind: t(`committee.answers.sharing.${kind}`) });
    }
    const key = FIELD_KEYS[section]?.[field] ?? field;
    return i18n.exists(`committee.answers.fields.${key}`)
      ? t(`committee.answers.fields.${key as FieldKey}`)
      : field;
  };

  const format = (field: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return t('committee.answers.none');
    if (Array.isArray(value)) {
      if (value.length === 0) return t('committee.answers.none');
      return field === 'areaIds'
        ? value.map((id) => areaName(String(id))).join('; ')
        : value.map(String).join(', ');
    }
    if (typeof value === 'boolean') return value ? t('committee.answers.yes') : t('committee.answers.no');
    if (typeof value === 'number')
      return field === 'foundedYear' ? String(value) : formatNumber(value, language);
    if (typeof value !== 'string') return JSON.stringify(value);
    if (field === 'kind' && isOneOf(ORGANIZATION_KINDS, value)) return t(`kind.${value}`);
    if (field === 'category' && isOneOf(MEMBERSHIP_CATEGORIES, value)) return t(`category.${value}`);
    if (field === 'acceptedAt') return formatDateTime(value, language);
    if (field === 'councilDecisionDate') return formatDate(value, language);
    return value;
  };

  return (
    <SnapshotDiff
      before={flatten(changes.before)}
      after={flatten(changes.after)}
      labelOf={labelOf}
      format={format}
      changedOnly
    />
  );
}
