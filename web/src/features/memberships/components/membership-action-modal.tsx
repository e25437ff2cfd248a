import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Radio,
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
  todayInSofia,
} from '@portal/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/components/date-field.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useCategoryFeeText } from '@/components/use-category-fee.ts';
import { useCan } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { useMembershipAction, useOpenMembershipVote } from '../api/memberships.ts';

/** `vote`: the chair proposes the change to a vote of the committee (issue 11 B1); no counts are typed. */
type DecisionMode = 'existing' | 'vote' | 'none';

/**
 * The form of a membership action in a modal: the action, the new category (category changes), the
 * effective date, the grounds, and the decision of the register — an existing adopted decision by number,
 * or (the chair only) a vote of the committee on the proposed change, whose outcome the server computes
 * (none only for a withdrawal). An exclusion needs an explicit confirmation. The
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
  const actionMutation = useMembershipAction(membership.id);
  const openVote = useOpenMembershipVote(membership.id);
  const isChair = useCan('application.chair');
  const [action, setAction] = useState<MembershipAction>(initialAction);
  const feeOf = useCategoryFeeText(action === 'change_category');
  const otherCategories = MEMBERSHIP_CATEGORIES.filter((c) => c !== membership.category);
  const [category, setCategory] = useState<MembershipCategory>(otherCategories[0]!);
  const [effectiveOn, setEffectiveOn] = useState(todayInSofia);
  const [reason, setReason] = useState('');
  const required = DECISION_REQUIRED[action];
  const [mode, setMode] = useState<DecisionMode>(required ? (isChair ? 'vote' : 'existing') : 'none');
  const [number, setNumber] = useState('');
  const mutation = mode === 'vote' ? openVote : actionMutation;
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
  ]);
  const otherErrors = fieldErrors.filter((e) => !known.has(e.path));

  const chooseAction = (next: MembershipAction) => {
    setAction(next);
    setConfirmed(false);
    setMode(DECISION_REQUIRED[next] ? (mode === 'none' ? (isChair ? 'vote' : 'existing') : mode) : mode);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (action === 'exclude' && !confirmed) return;
    if (mode === 'vote') {
      openVote.mutate(
        {
          action,
          ...(action === 'change_category' ? { category } : {}),
          effectiveOn,
          reason,
          version: membership.version,
        },
        { onSuccess: onDone },
      );
      return;
    }
    const decision: MembershipActionBody['decision'] = mode === 'existing' ? { number: number.trim() } : null;
    actionMutation.mutate(
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
          <DateField
            label={t('memberships.form.effectiveOnLabel')}
            value={effectiveOn}
            onChange={setEffectiveOn}
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
              {required && isChair ? <Radio value="vote" label={t('memberships.form.decisionVote')} /> : null}
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
          {mode === 'vote' ? (
            <Text size="sm" c="dimmed">
              {t('memberships.form.decisionVoteHint')}
            </Text>
          ) : null}
          {required && !isChair ? (
            <Text size="sm" c="dimmed">
              {t('memberships.form.voteChairOnly')}
            </Text>
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
              {mode === 'vote' ? t('memberships.form.submitVote') : t('memberships.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
