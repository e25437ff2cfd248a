import {
  Button,
  Fieldset,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import {
  FEE_JOIN_RULES,
  FEE_YEAR_MAX,
  FEE_YEAR_MIN,
  type FeeJoinRule,
  type FeeRate,
  type FeeRateInput,
  MEMBERSHIP_CATEGORIES,
  type MembershipCategory,
} from '@portal/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '@/components/admin-nav.tsx';
import { DateField } from '@/components/date-field.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { Section } from '@/components/section.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { useLanguage } from '@/lib/localized.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { useRates, useSaveFeeSettings, useSaveRates } from '../api/rates.ts';
import { centsToInput, currentYear, parseEuros } from '../money.ts';
import { YearSelect } from './year-select.tsx';

/** A year from the URL, or this year when it names none. */
export function yearFrom(value: string | null): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= FEE_YEAR_MIN && year <= FEE_YEAR_MAX ? year : currentYear();
}

/** /admin/fees: the annual fee of each membership category, per year. */
export function AdminFeesPage() {
  const { t } = useTranslation();
  usePageTitle(t('fees.admin.title'));
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const year = yearFrom(searchParams.get('year'));
  const rates = useRates(year);

  return (
    <Stack gap="lg">
      <AdminNav />
      <div>
        <Title order={1}>{t('fees.admin.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('fees.admin.intro')}
        </Text>
      </div>
      <div style={{ maxWidth: 200 }}>
        <YearSelect
          label={t('fees.admin.yearLabel')}
          value={year}
          known={rates.data?.years}
          onChange={(y) => setSearchParams(y === currentYear() ? {} : { year: String(y) })}
        />
      </div>
      <Section id="fee-rates" title={t('fees.admin.tableCaption', { year })}>
        {rates.isPending || (rates.data && rates.data.year !== year) ? (
          <Stack gap="sm" aria-busy="true">
            <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
            <Skeleton height={160} />
          </Stack>
        ) : rates.isError ? (
          <QueryError error={rates.error} onRetry={() => void rates.refetch()} />
        ) : (
          <RatesForm key={year} year={year} saved={rates.data.rates} />
        )}
      </Section>
      <Section id="fee-join-rule" title={t('fees.admin.joinTitle')}>
        <Text size="sm">{t('fees.admin.joinIntro')}</Text>
        {rates.isPending ? (
          <Skeleton height={120} aria-hidden="true" />
        ) : rates.isError ? null : (
          <JoinRuleForm saved={rates.data.joinRule} />
        )}
      </Section>
    </Stack>
  );
}

type Row = { amount: string; dueOn: string };

function RatesForm({ year, saved }: { year: number; saved: FeeRate[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const save = useSaveRates(year);
  const [rows, setRows] = useState<Record<MembershipCategory, Row>>(() => {
    const initial = {} as Record<MembershipCategory, Row>;
    for (const category of MEMBERSHIP_CATEGORIES) {
      const rate = saved.find((r) => r.category === category);
      initial[category] = rate
        ? { amount: centsToInput(rate.amountCents, language), dueOn: rate.dueOn }
        : { amount: '', dueOn: '' };
    }
    return initial;
  });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState('');
  const [done, setDone] = useState('');

  const change = (category: MembershipCategory, field: keyof Row, value: string) => {
    setRows((prev) => ({ ...prev, [category]: { ...prev[category], [field]: value } }));
    setErrors((prev) => ({ ...prev, [`${category}.${field}`]: undefined }));
    setDone('');
    setFormError('');
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone('');
    const next: Record<string, string> = {};
    const rates: FeeRateInput[] = [];
    for (const category of MEMBERSHIP_CATEGORIES) {
      const row = rows[category];
      if (!row.amount.trim() && !row.dueOn) continue;
      const cents = parseEuros(row.amount);
      if (cents === null) next[`${category}.amount`] = t('fees.admin.amountInvalid');
      if (!row.dueOn) next[`${category}.dueOn`] = t('fees.admin.dueOnRequired');
      if (cents !== null && row.dueOn) rates.push({ category, amountCents: cents, dueOn: row.dueOn });
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      const first = Object.keys(next)[0]?.replace('.', '-');
      document.getElementById(`fee-${first}`)?.focus();
      return;
    }
    if (rates.length === 0) {
      setFormError(t('fees.admin.nothingToSave'));
      return;
    }
    save.mutate({ rates }, { onSuccess: () => setDone(t('fees.admin.saved', { year })) });
  };

  const serverFieldErrors = isApiError(save.error) ? save.error.fieldErrors : [];
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" align="flex-start">
        <Text size="sm">{t('fees.admin.hint')}</Text>
        {/*
          One group per category with its two fields side by side, stacked on a phone (issue 11 C12): the
          table this replaces needed 460 px and cut the due date off on a 360–390 px screen.
        */}
        <Stack gap="sm" w="100%" maw={640}>
          {MEMBERSHIP_CATEGORIES.map((category) => (
            <Fieldset key={category} legend={t(`category.${category}`)} className="fee-rate">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  id={`fee-${category}-amount`}
                  label={t('fees.admin.amount')}
                  aria-label={`${t(`category.${category}`)}: ${t('fees.admin.amount')}`}
                  inputMode="decimal"
                  placeholder={t('fees.admin.notSet')}
                  value={rows[category].amount}
                  onChange={(e) => change(category, 'amount', e.currentTarget.value)}
                  error={errors[`${category}.amount`]}
                  maxLength={12}
                />
                <DateField
                  id={`fee-${category}-dueOn`}
                  label={t('fees.admin.dueOn')}
                  aria-label={`${t(`category.${category}`)}: ${t('fees.admin.dueOn')}`}
                  value={rows[category].dueOn}
                  onChange={(dueOn) => change(category, 'dueOn', dueOn)}
                  error={errors[`${category}.dueOn`]}
                  clearable
                />
              </SimpleGrid>
            </Fieldset>
          ))}
        </Stack>
        {formError ? (
          <Text size="sm" c="red.8" role="alert">
            {formError}
          </Text>
        ) : null}
        <Button type="submit" loading={save.isPending}>
          {t('fees.admin.submit')}
        </Button>
        <Text size="sm" c="teal.9" role="status">
          {done}
        </Text>
        {save.isError ? <ProblemAlert error={save.error} fieldErrors={serverFieldErrors} /> : null}
      </Stack>
    </form>
  );
}

/** How the year a member joins is charged (issue 11 B3, decision 016). */
function JoinRuleForm({ saved }: { saved: FeeJoinRule }) {
  const { t } = useTranslation();
  const save = useSaveFeeSettings();
  const [rule, setRule] = useState<FeeJoinRule>(saved);
  const [done, setDone] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone('');
    save.mutate({ joinRule: rule }, { onSuccess: () => setDone(t('fees.admin.joinSaved')) });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="md" align="flex-start" mt="sm">
        <Radio.Group
          label={t('fees.admin.joinLabel')}
          value={rule}
          onChange={(value) => {
            setRule(value as FeeJoinRule);
            setDone('');
          }}
        >
          <Stack gap="sm" mt="xs">
            {FEE_JOIN_RULES.map((r) => (
              <Radio
                key={r}
                value={r}
                label={t(`fees.admin.joinRule.${r}`)}
                description={t(`fees.admin.joinHint.${r}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Button type="submit" loading={save.isPending} disabled={rule === saved}>
          {t('fees.admin.joinSubmit')}
        </Button>
        <Text size="sm" c="teal.9" role="status">
          {done}
        </Text>
        {save.isError ? <ProblemAlert error={save.error} /> : null}
      </Stack>
    </form>
  );
}
