import { NativeSelect, SimpleGrid, TagsInput, Text, TextInput } from '@mantine/core';
import { ORGANIZATION_KINDS, type OrganizationKind, sizeClassFromStaff } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { SectionStep, type StepProps } from './section-step.tsx';

/** A whole number from a text field; NaN (refused by the schema) for anything else, undefined when empty. */
export function toInteger(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const optional = (value: string) => (value.trim() === '' ? undefined : value);

export function OrganizationStep(props: StepProps) {
  const { t } = useTranslation();
  const saved = props.application.data.organization;
  const initial = {
    nameBg: saved?.nameBg ?? '',
    nameEn: saved?.nameEn ?? '',
    eik: saved?.eik ?? '',
    kind: (saved?.kind ?? '') as OrganizationKind | '',
    employees: saved ? String(saved.employees) : '',
    foundedYear: saved ? String(saved.foundedYear) : '',
    city: saved?.city ?? '',
    address: saved?.address ?? '',
    website: saved?.website ?? '',
    naceCodes: saved?.naceCodes ?? ([] as string[]),
  };

  return (
    <SectionStep
      {...props}
      section="organization"
      initial={initial}
      invalid={{ eik: 'eik', employees: 'number', foundedYear: 'year', website: 'url', naceCodes: 'nace' }}
      toBody={(v) => ({
        nameBg: v.nameBg,
        nameEn: v.nameEn,
        eik: v.eik.trim(),
        kind: optional(v.kind),
        employees: toInteger(v.employees),
        foundedYear: toInteger(v.foundedYear),
        city: v.city,
        address: v.address,
        website: optional(v.website)?.trim(),
        naceCodes: v.naceCodes,
      })}
    >
      {(form) => {
        const staff = toInteger(form.values.employees);
        const size =
          staff !== undefined && Number.isInteger(staff) && staff <= 1_000_000
            ? sizeClassFromStaff(staff)
            : null;
        return (
          <>
            <Text c="dimmed">{t('apply.organization.intro')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('apply.organization.nameBg')} required lang="bg" {...form.text('nameBg')} />
              <TextInput label={t('apply.organization.nameEn')} required lang="en" {...form.text('nameEn')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('apply.organization.eik')}
                description={t('apply.organization.eikHint')}
                inputMode="numeric"
                autoComplete="off"
                required
                {...form.text('eik')}
              />
              <NativeSelect
                label={t('apply.organization.kind')}
                required
                data={[
                  { value: '', label: t('apply.organization.kindPlaceholder'), disabled: true },
                  ...ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })),
                ]}
                {...form.text('kind')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <div>
                <TextInput
                  label={t('apply.organization.employees')}
                  description={t('apply.organization.employeesHint')}
                  inputMode="numeric"
                  required
                  {...form.text('employees')}
                />
                <Text size="sm" mt={4} aria-live="polite">
                  {size ? t('apply.organization.sizeClass', { size: t(`size.${size}`) }) : ''}
                </Text>
              </div>
              <TextInput
                label={t('apply.organization.foundedYear')}
                inputMode="numeric"
                required
                {...form.text('foundedYear')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('apply.organization.city')}
                autoComplete="address-level2"
                required
                {...form.text('city')}
              />
              <TextInput
                label={t('apply.organization.address')}
                autoComplete="street-address"
                required
                {...form.text('address')}
              />
            </SimpleGrid>
            <TextInput
              label={t('apply.organization.website')}
              description={t('apply.organization.websiteHint')}
              type="url"
              autoComplete="url"
              {...form.text('website')}
            />
            <TagsInput
              label={t('apply.organization.naceCodes')}
              description={t('apply.organization.naceHint')}
              required
              maxTags={10}
              splitChars={[',', ' ', ';']}
              clearable={false}
              value={form.values.naceCodes}
              onChange={(codes) => form.setValue('naceCodes', codes)}
              error={form.errorOf('naceCodes')}
            />
          </>
        );
      }}
    </SectionStep>
  );
}
