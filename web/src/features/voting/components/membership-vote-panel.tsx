import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { MembershipDetail, VoteChoice } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useCan } from '@/lib/api/session.ts';
import { formatDate } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useMembershipVote } from '../api/membership-vote.ts';

const CHOICES: VoteChoice[] = ['for', 'against', 'abstain'];

/**
 * The committee's vote on a change of this membership (issue 11 B1): the proposal, who has voted (how,
 * in an open ballot), the vote buttons for committee members and the close button for the chair; once
 * closed, the outcome and the decision the server recorded.
 */
export function MembershipVotePanel({ membership: m }: { membership: MembershipDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { ballot, close } = useMembershipVote(m.id);
  const canVote = useCan('application.vote');
  const isChair = useCan('application.chair');
  const v = m.vote;
  if (!v) return null;
  const open = v.closedAt === null;
  const p = v.proposal;
  const what =
    p.action === 'change_category' && p.category
      ? `${t(`memberships.action.${p.action}`)} → ${t(`memberships.category.${p.category}`)}`
      : t(`memberships.action.${p.action}`);
  const error = ballot.error ?? close.error;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="membership-vote">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="membership-vote">
            {open ? t('memberships.vote.openTitle') : t('memberships.vote.closedTitle')}
          </Title>
          <Badge variant="light">{t(`memberships.vote.ballot.${v.ballot}`)}</Badge>
        </Group>
        <Text fw={500}>
          {t('memberships.vote.proposal', { change: what, date: formatDate(p.effectiveOn, language) })}
        </Text>
        {p.reason ? (
          <Text size="sm" className="pre-line">
            {p.reason}
          </Text>
        ) : null}
        <Text size="sm">
          {t('memberships.vote.participation', {
            voted: v.tally.voted,
            eligible: v.tally.eligible,
            count: v.tally.eligible,
          })}
          {v.tally.for !== null
            ? ` · ${t('memberships.vote.tally', { for: v.tally.for, against: v.tally.against, abstain: v.tally.abstain })}`
            : ''}
        </Text>
        <Stack component="ul" className="plain-list" gap={2}>
          {v.voters.map((voter) => (
            <Text component="li" size="sm" key={voter.name}>
              {voter.name}:{' '}
              {voter.recused
                ? t('memberships.vote.recused')
                : voter.voted
                  ? voter.choice
                    ? t(`memberships.vote.choice.${voter.choice}`)
                    : t('memberships.vote.voted')
                  : t('memberships.vote.notVoted')}
            </Text>
          ))}
        </Stack>
        {!open && v.outcome ? (
          <Alert color={v.outcome === 'approved' ? 'green' : 'orange'} role="status">
            {t(`memberships.vote.outcome.${v.outcome}`)}
            {v.decisionNumber ? (
              <>
                {' '}
                <Anchor component={Link} to={paths.decisions.href({ q: v.decisionNumber })}>
                  {t('memberships.detail.decision', { number: v.decisionNumber })}
                </Anchor>
              </>
            ) : null}
          </Alert>
        ) : null}
        {open && v.myConflict ? <Text c="dimmed">{t('memberships.vote.conflict')}</Text> : null}
        {open && canVote && !v.myConflict ? (
          <Group gap="sm">
            {v.ballot === 'secret' && v.myVoted ? (
              <Text size="sm">{t('memberships.vote.votedSecret')}</Text>
            ) : (
              CHOICES.map((c) => (
                <Button
                  key={c}
                  variant={v.myVote === c ? 'filled' : 'default'}
                  loading={ballot.isPending && ballot.variables === c}
                  onClick={() => ballot.mutate(c)}
                >
                  {t(`memberships.vote.cast.${c}`)}
                </Button>
              ))
            )}
          </Group>
        ) : null}
        {open && isChair && !v.myConflict ? (
          <Group>
            <Button color="dark" loading={close.isPending} onClick={() => close.mutate()}>
              {t('memberships.vote.close')}
            </Button>
          </Group>
        ) : null}
        {error ? <ProblemAlert error={error} /> : null}
      </Stack>
    </Card>
  );
}
