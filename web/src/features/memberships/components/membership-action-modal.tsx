import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  DECISION_REQUIRED,
  MEMBERSHIP_CATEGORIES,
  type MembershipAction,
  type MembershipActionBody,
  type MembershipCategory,
  type MembershipDetail,
} from '@portal/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useCategoryFeeText } from '@/components/use-category-fee.ts';
import { isApiError } from '@/lib/api-client.ts';
import { useMembershipAction } from '../api/memberships.ts';

type DecisionMode = 'existing' | 'new' | 'none';
type TallyKey = 'for' | 'against' | 'abstain' | 'eligible';
const TALLY: TallyKey[] = ['for', 'against', 'abstain', 'eligible'];

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The form of a membership action in a modal: the action, the new category (category changes), the
 * effective date, the grounds, and the decision of the register — an existing number or a new decision
 * with its texts and tally (none only for a withdrawal). An exclusion needs an explicit confirmation. The
 * server's field errors show at their fields; a 409 shows why and the page reloads the membership.
 */
export function MembershipActionModal({
  membership,
  initialAction,
  onClose,
  onDone,
}: {
  membership: MembershipDetail;
  initialAction: MembershipAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useMembershipAction(membership.id);
  const [action, setAction] = useState<MembershipAction>(initialAction);
  const feeOf = useCategoryFeeText(action === 'change_category');
  const otherCategories = MEMBERSHIP_CATEGORIES.filter((c) => c !== membership.category);
  const [category, setCategory] = useState<MembershipCategory>(otherCategories[0]!);
  const [effectiveOn, setEffectiveOn] = useState(today());
  const [reason, setReason] = useState('');
  const required = DECISION_REQUIRED[action];
  const [mode, setMode] = useState<DecisionMode>(required ? 'new' : 'none');
  const [number, setNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState(today());
  const [textBg, setTextBg] = useState('');
  const [textEn, setTextEn] = useState('');
  const [tally, setTally] = useState<Record<TallyKey, number | string>>({
    for: '',
    against: 0,
    abstain: 0,
    eligible: '',
  });
  const [confirmed, setConfirmed] = useState(false);

  const fieldErrors = isApiError(mutation.error) ? mutation.error.fieldErrors : [];
  const errorAt = (path: string) =>
    fieldErrors
      .filter((e) => e.path === path)
      .map((e) => e.message)
      .join(' ') || undefined;
  const known = new Set([
    'body.category',
    'body.effectiveOn',
    'body.reason',
    'body.decision',
    'body.decision.number',
    'body.decision.record.decidedOn',
    'body.decision.record.textBg',
    'body.decision.record.textEn',
    ...TALLY.map((k) => `body.decision.record.tally.${k}`),
  ]);
  const otherErrors = fieldErrors.filter((e) => !known.has(e.path));

  const chooseAction = (next: MembershipAction) => {
    setAction(next);
    setConfirmed(false);
    setMode(DECISION_REQUIRED[next] ? (mode === 'none' ? 'new' : mode) : mode);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (action === 'exclude' && !confirmed) return;
    const decision: MembershipActionBody['decision'] =
      mode === 'existing'
        ? { number: number.trim() }
        : mode === 'new'
          ? {
              record: {
                decidedOn,
                textBg,
                textEn,
                tally: {
                  for: Number(tally.for) || 0,
                  against: Number(tally.against) || 0,
                  abstain: Number(tally.abstain) || 0,
                  eligible: Number(tally.eligible) || 0,
                },
              },
            }
          : null;
    mutation.mutate(
      {
        action,
        ...(action === 'change_category' ? { category } : {}),
        effectiveOn,
        reason,
        decision,
        version: membership.version,
      },
      { onSuccess: onDone },
    );
  };

  const name = membership.nameBg;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('memberships.form.title', { action: t(`memberships.action.${action}`), name })}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('memberships.form.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <NativeSelect
            label={t('memberships.form.actionLabel')}
            value={action}
            onChange={(e) => chooseAction(e.currentTarget.value as MembershipAction)}
            data={membership.availableActions.map((a) => ({ value: a, label: t(`memberships.action.${a}`) }))}
          />
          {action === 'change_category' ? (
            <NativeSelect
              label={t('memberships.form.categoryLabel')}
              value={category}
              onChange={(e) => setCategory(e.currentTarget.value as MembershipCategory)}
              data={otherCategories.map((c) => ({ value: c, label: t(`memberships.category.${c}`) }))}
              description={feeOf(category)}
              error={errorAt('body.category')}
            />
          ) : null}
          <TextInput
            type="date"
            label={t('memberships.form.effectiveOnLabel')}
            value={effectiveOn}
            onChange={(e) => setEffectiveOn(e.currentTarget.value)}
            error={errorAt('body.effectiveOn')}
            required
          />
          <Textarea
            label={t('memberships.form.reasonLabel')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            rows={3}
            maxLength={2000}
            error={errorAt('body.reason')}
          />
          <Radio.Group
            label={t('memberships.form.decisionLabel')}
            value={mode}
            onChange={(v) => setMode(v as DecisionMode)}
            error={errorAt('body.decision')}
          >
            <Group gap="md" mt={4} wrap="wrap">
              <Radio value="new" label={t('memberships.form.decisionNew')} />
              <Radio value="existing" label={t('memberships.form.decisionExisting')} />
              {required ? null : <Radio value="none" label={t('memberships.form.decisionNone')} />}
            </Group>
          </Radio.Group>
          {mode === 'none' ? (
            <Text size="sm" c="dimmed">
              {t('memberships.form.decisionNoneHint')}
            </Text>
          ) : null}
          {mode === 'existing' ? (
            <TextInput
              label={t('memberships.form.numberLabel')}
              placeholder={t('memberships.form.numberPlaceholder')}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              error={errorAt('body.decision.number')}
              required
            />
          ) : null}
          {mode === 'new' ? (
            <Stack gap="sm">
              <TextInput
                type="date"
                label={t('memberships.form.decidedOnLabel')}
                value={decidedOn}
                max={today()}
                onChange={(e) => setDecidedOn(e.currentTarget.value)}
                error={errorAt('body.decision.record.decidedOn')}
                required
              />
              <Textarea
                label={t('memberships.form.textBgLabel')}
                value={textBg}
                onChange={(e) => setTextBg(e.currentTarget.value)}
                rows={3}
                lang="bg"
                error={errorAt('body.decision.record.textBg')}
                required
              />
              <Textarea
                label={t('memberships.form.textEnLabel')}
                value={textEn}
                onChange={(e) => setTextEn(e.currentTarget.value)}
                rows={3}
                lang="en"
                error={errorAt('body.decision.record.textEn')}
                required
              />
              <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                <Text component="legend" size="sm" fw={500} mb={4}>
                  {t('memberships.form.tally')}
                </Text>
                <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                  {TALLY.map((k) => (
                    <NumberInput
                      key={k}
                      label={t(`memberships.form.${k}Label`)}
                      value={tally[k]}
                      min={0}
                      allowDecimal={false}
                      allowNegative={false}
                      onChange={(v) => setTally((prev) => ({ ...prev, [k]: v }))}
                      error={errorAt(`body.decision.record.tally.${k}`)}
                    />
                  ))}
                </SimpleGrid>
              </fieldset>
            </Stack>
          ) : null}
          {action === 'exclude' ? (
            <Checkbox
              color="red"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
              label={t('memberships.form.confirmExclude')}
            />
          ) : null}
          {isApiError(mutation.error, 409) ? (
            <Alert color="orange" role="alert" title={mutation.error.title}>
              {mutation.error.code === 'membership.stale'
                ? t('memberships.form.stale')
                : mutation.error.detail}
            </Alert>
          ) : mutation.error && (!isApiError(mutation.error, 400) || otherErrors.length > 0) ? (
            <ProblemAlert error={mutation.error} fieldErrors={otherErrors} />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('memberships.form.cancel')}
            </Button>
            <Button
              type="submit"
              loading={mutation.isPending}
              color={action === 'exclude' ? 'red' : undefined}
              disabled={action === 'exclude' && !confirmed}
            >
              {t('memberships.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
