import {
  Anchor,
  Checkbox,
  Fieldset,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  APPLICABLE_CATEGORIES,
  type Area,
  DECLARATION_TEXTS,
  DECLARATION_VERSION,
  MOTIVATION_MIN_LENGTH,
  SHARING_KINDS,
} from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/components/date-field.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useCategoryFeeText } from '@/components/use-category-fee.ts';
import { useAreas } from '@/lib/api/areas.ts';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { SectionStep, type StepProps } from './section-step.tsx';

const optional = (value: string) => (value.trim() === '' ? undefined : value);

export function ContactStep(props: StepProps) {
  const { t } = useTranslation();
  const { contact } = props.application.data;
  // A new contact starts as the applicant, who is most often that person.
  const initial = {
    name: contact?.name ?? props.application.applicant.name,
    position: contact?.position ?? '',
    email: contact?.email ?? props.application.applicant.email,
    phone: contact?.phone ?? '',
  };
  return (
    <SectionStep
      {...props}
      section="contact"
      initial={initial}
      invalid={{ phone: 'phone' }}
      toBody={(v) => v}
    >
      {(form) => (
        <>
          <Text c="dimmed">{t('apply.contact.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('apply.contact.name')} autoComplete="name" required {...form.text('name')} />
            <TextInput
              label={t('apply.contact.position')}
              autoComplete="organization-title"
              required
              {...form.text('position')}
            />
            <TextInput
              label={t('apply.contact.email')}
              type="email"
              autoComplete="email"
              required
              {...form.text('email')}
            />
            <TextInput
              label={t('apply.contact.phone')}
              description={t('apply.contact.phoneHint')}
              type="tel"
              autoComplete="tel"
              required
              {...form.text('phone')}
            />
          </SimpleGrid>
        </>
      )}
    </SectionStep>
  );
}

/** The areas as a two-level list of checkboxes: each top-level area, then its sub-areas. */
export function AreasStep(props: StepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const areas = useAreas();
  const initial = { areaIds: props.application.data.areas?.areaIds ?? ([] as string[]) };
  const all = areas.data?.items ?? [];
  const byPosition = (a: Area, b: Area) => a.position - b.position;
  const top = all.filter((a) => a.parentId === null).sort(byPosition);
  const name = (a: Area) => pickLocalized(a.nameBg, a.nameEn, language);

  return (
    <SectionStep {...props} section="areas" initial={initial} toBody={(v) => v}>
      {(form) => {
        const error = form.errorOf('areaIds');
        const box = (area: Area, ml?: string) => {
          const label = name(area);
          return (
            <Checkbox
              key={area.id}
              value={area.id}
              ml={ml}
              label={<span lang={label.lang}>{label.text}</span>}
              aria-invalid={error ? true : undefined}
            />
          );
        };
        return (
          <>
            <Text c="dimmed">{t('apply.areas.intro')}</Text>
            {areas.isError ? <QueryError error={areas.error} onRetry={() => void areas.refetch()} /> : null}
            <Checkbox.Group
              label={t('apply.areas.legend')}
              description={t('apply.areas.selected', { count: form.values.areaIds.length })}
              required
              maxSelectedValues={10}
              value={form.values.areaIds}
              onChange={(ids) => form.setValue('areaIds', ids)}
              error={error}
            >
              <Stack gap="xs" mt="xs">
                {top.map((area) => (
                  <Stack key={area.id} gap={6}>
                    {box(area)}
                    {all
                      .filter((a) => a.parentId === area.id)
                      .sort(byPosition)
                      .map((child) => box(child, 'xl'))}
                  </Stack>
                ))}
              </Stack>
            </Checkbox.Group>
          </>
        );
      }}
    </SectionStep>
  );
}

type SharingKind = (typeof SHARING_KINDS)[number];
const SIDES = ['offers', 'seeks'] as const;

export function OffersStep(props: StepProps) {
  const { t } = useTranslation();
  const saved = props.application.data.offers;
  const initial: Record<string, string> = {};
  for (const side of SIDES)
    for (const kind of SHARING_KINDS) initial[`${side}.${kind}`] = saved?.[side][kind] ?? '';
  const side = (values: Record<string, string>, s: (typeof SIDES)[number]) =>
    Object.fromEntries(SHARING_KINDS.map((k) => [k, optional(values[`${s}.${k}`] ?? '')]));

  return (
    <SectionStep
      {...props}
      section="offers"
      initial={initial}
      toBody={(v) => ({ offers: side(v, 'offers'), seeks: side(v, 'seeks') })}
    >
      {(form) => (
        <>
          <Text c="dimmed">{t('apply.offers.intro')}</Text>
          {SIDES.map((s) => (
            <Fieldset key={s} legend={t(`apply.offers.${s}`)} variant="unstyled">
              <Stack gap="sm">
                {SHARING_KINDS.map((kind: SharingKind) => (
                  <Textarea
                    key={kind}
                    label={t(`apply.offers.${kind}`)}
                    rows={2}
                    resize="vertical"
                    {...form.text(`${s}.${kind}`)}
                  />
                ))}
              </Stack>
            </Fieldset>
          ))}
        </>
      )}
    </SectionStep>
  );
}

export function MotivationStep(props: StepProps) {
  const { t } = useTranslation();
  const feeOf = useCategoryFeeText();
  const saved = props.application.data.motivation;
  const initial = { motivation: saved?.motivation ?? '', category: saved?.category ?? '' };
  return (
    <SectionStep
      {...props}
      section="motivation"
      initial={initial}
      toBody={(v) => ({ motivation: v.motivation, category: optional(v.category) })}
    >
      {(form) => {
        const error = form.errorOf('category');
        return (
          <>
            <Text c="dimmed">{t('apply.motivation.intro')}</Text>
            <Textarea
              label={t('apply.motivation.motivation')}
              description={t('apply.motivation.counter', {
                count: form.values.motivation.trim().length,
                min: MOTIVATION_MIN_LENGTH,
              })}
              required
              rows={5}
              resize="vertical"
              {...form.text('motivation')}
            />
            <Radio.Group
              label={t('apply.motivation.category')}
              required
              value={form.values.category}
              onChange={(value) => form.setValue('category', value)}
              error={error}
            >
              <Stack gap="sm" mt="xs">
                {APPLICABLE_CATEGORIES.map((category) => (
                  <Radio
                    key={category}
                    value={category}
                    label={t(`category.${category}`)}
                    description={
                      <>
                        {t(`apply.motivation.${category}Hint`)}
                        {feeOf(category) ? <span style={{ display: 'block' }}>{feeOf(category)}</span> : null}
                      </>
                    }
                    aria-invalid={error ? true : undefined}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </>
        );
      }}
    </SectionStep>
  );
}

export function DeclarationsStep(props: StepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const saved = props.application.data.declarations;
  // Accepted texts of an older version must be accepted again.
  const current = saved?.version === DECLARATION_VERSION;
  const initial = {
    acceptsStatute: current && saved.acceptsStatute,
    consentsToDataProcessing: current && saved.consentsToDataProcessing,
  };
  return (
    <SectionStep {...props} section="declarations" initial={initial} toBody={(v) => v}>
      {(form) => (
        <>
          <Text c="dimmed">{t('apply.declarations.intro')}</Text>
          <Text size="sm">{t('apply.declarations.version', { version: DECLARATION_VERSION })}</Text>
          <Text size="sm">
            {/* New tabs, so the form keeps what was ticked. */}
            {t('sitePages.declarationsRead')}{' '}
            <Anchor href={paths.statute.href()} target="_blank" rel="noopener">
              {t('sitePages.declarationsStatute')}
            </Anchor>{' '}
            {t('sitePages.declarationsAnd')}{' '}
            <Anchor href={paths.privacy.href()} target="_blank" rel="noopener">
              {t('sitePages.declarationsPrivacy')}
            </Anchor>
            .
          </Text>
          {(['acceptsStatute', 'consentsToDataProcessing'] as const).map((name) => {
            const error = form.errorOf(name);
            return (
              <Checkbox
                key={name}
                name={name}
                label={DECLARATION_TEXTS[name][language]}
                checked={form.values[name]}
                onChange={(event) => form.setValue(name, event.currentTarget.checked)}
                error={error}
                aria-invalid={error ? true : undefined}
              />
            );
          })}
          {current ? (
            <Text size="sm" c="dimmed">
              {t('apply.declarations.acceptedAt', { date: formatDate(saved.acceptedAt, language) })}
            </Text>
          ) : null}
        </>
      )}
    </SectionStep>
  );
}

export function AccessionStep(props: StepProps) {
  const { t } = useTranslation();
  const saved = props.application.data.accession;
  const initial = {
    councilDecisionNumber: saved?.councilDecisionNumber ?? '',
    councilDecisionDate: saved?.councilDecisionDate ?? '',
    representativeName: saved?.representativeName ?? '',
    representativePosition: saved?.representativePosition ?? '',
  };
  return (
    <SectionStep
      {...props}
      section="accession"
      initial={initial}
      invalid={{ councilDecisionDate: 'date' }}
      toBody={(v) => v}
    >
      {(form) => (
        <>
          <Text c="dimmed">{t('apply.accession.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('apply.accession.councilDecisionNumber')}
              required
              {...form.text('councilDecisionNumber')}
            />
            <DateField
              name="councilDecisionDate"
              label={t('apply.accession.councilDecisionDate')}
              required
              value={form.values.councilDecisionDate}
              onChange={(date) => form.setValue('councilDecisionDate', date)}
              error={form.errorOf('councilDecisionDate')}
            />
            <TextInput
              label={t('apply.accession.representativeName')}
              required
              {...form.text('representativeName')}
            />
            <TextInput
              label={t('apply.accession.representativePosition')}
              required
              {...form.text('representativePosition')}
            />
          </SimpleGrid>
        </>
      )}
    </SectionStep>
  );
}
