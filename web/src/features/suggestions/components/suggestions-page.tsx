import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { SuggestionDismissed, SuggestionReason, SuggestionView } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useDismissSuggestion, useRestoreSuggestion } from '../api/dismissals.ts';
import { useSuggestions } from '../api/get-suggestions.ts';
import { useReasonText } from './use-reason-text.ts';

type Named = { nameBg: string; nameEn: string };

/** A reason is unique within its suggestion by its kind and the data it rests on. */
function reasonKey(reason: SuggestionReason): string {
  switch (reason.kind) {
    case 'offer_answers_request':
      return `${reason.kind}:${reason.yourItem.id}:${reason.theirItem.id}`;
    case 'same_funding_call':
      return `${reason.kind}:${reason.call.id}`;
    default:
      return reason.kind;
  }
}

/**
 * /my/organizations/:id/suggestions — the organisation's suggested partners (issue 14 §4, decision 035):
 * ranked, each reason in plain words with its weight (a number and a bar), a link to the other
 * organisation's profile, "Not relevant" with undo, and the hidden ones to show again.
 */
export function SuggestionsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const suggestions = useSuggestions(id);
  const dismiss = useDismissSuggestion(id);
  const restore = useRestoreSuggestion(id);
  // The last change, for the status line and its undo.
  const [last, setLast] = useState<{ kind: 'dismissed' | 'restored'; id: string; name: string } | null>(null);
  const nameOf = (o: Named) => pickLocalized(o.nameBg, o.nameEn, language).text;

  const onDismiss = (s: SuggestionView) =>
    dismiss.mutate(s.organizationId, {
      onSuccess: () => setLast({ kind: 'dismissed', id: s.organizationId, name: nameOf(s.organization) }),
    });
  const onRestore = (organizationId: string, name: string) =>
    restore.mutate(organizationId, {
      onSuccess: () => setLast({ kind: 'restored', id: organizationId, name }),
    });

  return (
    <Stack gap="md" component="section" aria-labelledby="suggestions-title">
      <div>
        <Title order={2} size="h3" id="suggestions-title">
          {t('suggestions.title')}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('suggestions.intro')}
        </Text>
      </div>
      {last ? (
        <Group gap="sm" role="status" wrap="wrap">
          <Text size="sm" c="teal.9">
            {t(`suggestions.${last.kind}`, { name: last.name })}
          </Text>
          {last.kind === 'dismissed' ? (
            <Button size="compact-sm" variant="light" onClick={() => onRestore(last.id, last.name)}>
              {t('suggestions.undo')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {dismiss.isError ? <ProblemAlert error={dismiss.error} /> : null}
      {restore.isError ? <ProblemAlert error={restore.error} /> : null}
      {suggestions.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
          <Skeleton height={120} />
          <Skeleton height={120} />
        </Stack>
      ) : suggestions.isError ? (
        <QueryError error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : !suggestions.data.activeMember ? (
        <Alert color="yellow" title={t('suggestions.inactiveTitle')}>
          {t('suggestions.inactiveText')}
        </Alert>
      ) : (
        <>
          {suggestions.data.suggestions.length === 0 ? (
            <Alert color="gray" title={t('suggestions.emptyTitle')}>
              {t('suggestions.emptyText')}
            </Alert>
          ) : (
            <Stack component="ol" gap="sm" className="plain-list">
              {suggestions.data.suggestions.map((s, index) => (
                <li key={s.organizationId}>
                  <SuggestionCard
                    suggestion={s}
                    rank={index + 1}
                    maxScore={suggestions.data.suggestions[0]?.score ?? s.score}
                    pending={dismiss.isPending && dismiss.variables === s.organizationId}
                    onDismiss={() => onDismiss(s)}
                  />
                </li>
              ))}
            </Stack>
          )}
          {suggestions.data.dismissed.length > 0 ? (
            <Dismissed items={suggestions.data.dismissed} onRestore={onRestore} pending={restore.isPending} />
          ) : null}
        </>
      )}
    </Stack>
  );
}

function SuggestionCard({
  suggestion: s,
  rank,
  maxScore,
  pending,
  onDismiss,
}: {
  suggestion: SuggestionView;
  rank: number;
  maxScore: number;
  pending: boolean;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reasonText = useReasonText();
  const name = pickLocalized(s.organization.nameBg, s.organization.nameEn, language);
  const titleId = `suggestion-${s.organizationId}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title order={3} size="h4" id={titleId} lang={name.lang} style={{ overflowWrap: 'anywhere' }}>
          <VisuallyHidden>{`${rank}. `}</VisuallyHidden>
          {name.text}
        </Title>
        <Badge variant="light" size="lg" aria-label={t('suggestions.score', { score: s.score })}>
          {s.score}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t(`kind.${s.organization.kind}`)}
      </Text>
      <Text size="sm" fw={500} mt="xs">
        {t('suggestions.reasonsLabel')}
      </Text>
      <Stack component="ul" gap={6} className="plain-list" mt={4}>
        {s.reasons.map((reason) => (
          <li key={reasonKey(reason)}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" style={{ flex: 1, overflowWrap: 'anywhere' }}>
                {reasonText(reason)}
              </Text>
              <Text size="sm" fw={600} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('suggestions.weight', { weight: reason.weight })}
              </Text>
            </Group>
            <Progress
              value={Math.min(100, (reason.weight / Math.max(1, maxScore)) * 100)}
              size="xs"
              aria-hidden
            />
            {'yourItem' in reason ? (
              <Group gap="md" mt={2}>
                <Anchor component={Link} to={paths.boardItem.href(reason.theirItem.id)} size="sm">
                  {t('suggestions.theirItem')}
                </Anchor>
                <Anchor component={Link} to={paths.boardItem.href(reason.yourItem.id)} size="sm">
                  {t('suggestions.yourItem')}
                </Anchor>
              </Group>
            ) : null}
          </li>
        ))}
      </Stack>
      <Group justify="space-between" gap="sm" mt="sm" wrap="wrap">
        <Anchor component={Link} to={paths.member.href(s.organizationId)}>
          {t('suggestions.openProfile')}
        </Anchor>
        <Button
          variant="default"
          size="compact-sm"
          loading={pending}
          onClick={onDismiss}
          aria-label={t('suggestions.notRelevantFor', { name: name.text })}
        >
          {t('suggestions.notRelevant')}
        </Button>
      </Group>
    </Card>
  );
}

function Dismissed({
  items,
  onRestore,
  pending,
}: {
  items: SuggestionDismissed[];
  onRestore: (organizationId: string, name: string) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="xs" component="section" aria-labelledby="suggestions-dismissed-title" mt="md">
      <Title order={3} size="h4" id="suggestions-dismissed-title">
        {t('suggestions.dismissedTitle', { count: items.length })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('suggestions.dismissedIntro')}
      </Text>
      <Stack component="ul" gap={4} className="plain-list">
        {items.map((d) => {
          const name = pickLocalized(d.organization.nameBg, d.organization.nameEn, language);
          return (
            <li key={d.organization.id}>
              <Group gap="sm" justify="space-between" wrap="wrap">
                <Text size="sm" lang={name.lang} style={{ overflowWrap: 'anywhere' }}>
                  {name.text}
                </Text>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  disabled={pending}
                  onClick={() => onRestore(d.organization.id, name.text)}
                  aria-label={t('suggestions.showAgainFor', { name: name.text })}
                >
                  {t('suggestions.showAgain')}
                </Button>
              </Group>
            </li>
          );
        })}
      </Stack>
    </Stack>
  );
}
