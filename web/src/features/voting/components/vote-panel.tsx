import { Alert, Button, Group, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import {
  type Application,
  can,
  outcomeReason,
  type Principal,
  VOTE_CHOICES,
  type VotePanel as Vote,
  type VoteChoice,
} from '@portal/shared';
import { type FormEvent, Fragment, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { Section } from '@/components/section.tsx';
import { formatDate, formatDateTime } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { personName } from '@/lib/person.ts';
import { useCastVote, useCloseVote, useRecuse } from '../api/application-vote.ts';

const outcomeColors = { approved: 'teal', rejected: 'red', no_quorum: 'yellow' } as const;

/**
 * The committee's vote on the application: its rules, the tally and quorum, who voted how (open ballot
 * only), the caller's own vote (changeable until the vote closes) or conflict of interest, and for the chair
 * closing the vote. Once closed: the outcome and the decision's number.
 */
export function VotePanel({
  application,
  vote,
  principal,
}: {
  application: Application;
  vote: Vote;
  principal: Principal | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const closed = vote.closedAt !== null;
  const { tally } = vote;
  // Closing removes the button that had focus: focus goes to the panel's heading, above the outcome.
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <Section id="vote" title={t('committee.vote.title')} headingRef={headingRef}>
      <Text size="sm">
        {t('committee.vote.round', { round: vote.round })}
        {' · '}
        {closed
          ? t('committee.vote.closedAt', { date: formatDateTime(vote.closedAt ?? '', language) })
          : t('committee.vote.openSince', { date: formatDateTime(vote.openedAt, language) })}
      </Text>
      {closed && vote.outcome ? (
        <Alert color={outcomeColors[vote.outcome]} title={t('committee.vote.outcome.title')} role="status">
          <Stack gap={4}>
            <Text size="sm">{t(`committee.vote.outcome.${vote.outcome}`)}</Text>
            {tally.for !== null && tally.against !== null && tally.abstain !== null ? (
              <Text size="sm">
                {t(
                  `committee.vote.reason.${outcomeReason(
                    {
                      eligible: tally.eligible,
                      recused: tally.recused,
                      for: tally.for,
                      against: tally.against,
                      abstain: tally.abstain,
                    },
                    vote.majority,
                    vote.quorum,
                  )}`,
                  {
                    for: tally.for,
                    against: tally.against,
                    abstain: tally.abstain,
                    voted: tally.voted,
                    eligible: tally.eligible,
                  },
                )}
              </Text>
            ) : null}
            {application.decision ? (
              <Text size="sm" fw={600}>
                {t('committee.vote.decision', {
                  number: application.decision.number,
                  date: formatDate(application.decision.date, language),
                })}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}

      <Stack gap="xs" component="section" aria-labelledby="vote-rules">
        <Title order={3} size="h5" id="vote-rules">
          {t('committee.vote.rules')}
        </Title>
        <dl className="facts">
          <dt>{t('committee.vote.majorityLabel')}</dt>
          <dd>{t(`committee.vote.majority.${vote.majority}`)}</dd>
          <dt>{t('committee.vote.ballotLabel')}</dt>
          <dd>{t(`committee.vote.ballot.${vote.ballot}`)}</dd>
          <dt>{t('committee.vote.quorumLabel')}</dt>
          <dd>{t(`committee.vote.quorumRule.${vote.quorum}`)}</dd>
        </dl>
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="vote-tally">
        <Title order={3} size="h5" id="vote-tally">
          {t('committee.vote.tally')}
        </Title>
        {tally.for === null ? <Text size="sm">{t('committee.vote.secretTally')}</Text> : null}
        <dl className="facts">
          {VOTE_CHOICES.map((choice) =>
            tally[choice] === null ? null : (
              <Fragment key={choice}>
                <dt>{t(`committee.vote.choice.${choice}`)}</dt>
                <dd>{tally[choice]}</dd>
              </Fragment>
            ),
          )}
          <dt>{t('committee.vote.votedLabel')}</dt>
          <dd>{t('committee.vote.voted', { voted: tally.voted, eligible: tally.eligible })}</dd>
          <dt>{t('committee.vote.recusedLabel')}</dt>
          <dd>{tally.recused}</dd>
        </dl>
        <Text size="sm" fw={600} c={vote.quorumReached ? 'teal.9' : undefined}>
          {vote.quorumReached ? t('committee.vote.quorumReached') : t('committee.vote.quorumMissing')}
        </Text>
      </Stack>

      <Voters vote={vote} />

      {closed ? (
        <Text size="sm">
          {vote.myRecused
            ? t('committee.vote.my.recused')
            : vote.myVote
              ? t('committee.vote.my.votedClosed', { choice: t(`committee.vote.choice.${vote.myVote}`) })
              : vote.myVoted
                ? t('committee.vote.my.votedSecret')
                : t('committee.vote.my.didNotVote')}
        </Text>
      ) : application.conflict ? (
        <Text size="sm">{t('committee.conflict.noVote')}</Text>
      ) : can(principal, 'application.vote') ? (
        <MyVote applicationId={application.id} vote={vote} />
      ) : null}

      {!closed && !application.conflict && can(principal, 'application.chair') ? (
        <CloseVote
          applicationId={application.id}
          vote={vote}
          onClosed={() => requestAnimationFrame(() => headingRef.current?.focus())}
        />
      ) : null}
    </Section>
  );
}

function Voters({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const secret = vote.ballot === 'secret';
  return (
    <Stack gap="xs" component="section" aria-labelledby="vote-voters">
      <Title order={3} size="h5" id="vote-voters">
        {secret ? t('committee.vote.votersSecret') : t('committee.vote.voters')}
      </Title>
      {secret ? <Text size="sm">{t('committee.vote.secret')}</Text> : null}
      {vote.voters.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('committee.vote.noVoters')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={280}>
          <Table withTableBorder striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('committee.vote.voterName')}</Table.Th>
                <Table.Th scope="col">{t('committee.vote.voterChoice')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {vote.voters.map((voter, i) => (
                // Two members may share a name, and the server's list (ordered by name) is replaced whole.
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id and are never reordered in place
                <Table.Tr key={`${i}:${voter.name}`}>
                  <Table.Th scope="row" fw="normal">
                    {personName(t, voter.name)}
                  </Table.Th>
                  <Table.Td>
                    {voter.recused
                      ? t('committee.vote.voterRecused')
                      : voter.choice
                        ? t(`committee.vote.choice.${voter.choice}`)
                        : voter.voted
                          ? t('committee.vote.voterVoted')
                          : t('committee.vote.voterNotVoted')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** The caller's vote, changeable until the vote closes, and the way to declare a conflict of interest. */
function MyVote({ applicationId, vote }: { applicationId: string; vote: Vote }) {
  const { t } = useTranslation();
  const cast = useCastVote(applicationId);
  const recuse = useRecuse(applicationId);
  const [choice, setChoice] = useState<VoteChoice | null>(vote.myVote);
  const [saved, setSaved] = useState('');
  const [recusing, setRecusing] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  if (vote.myRecused) {
    return (
      <Stack gap="xs" component="section" aria-labelledby="vote-mine">
        <Title order={3} size="h5" id="vote-mine">
          {t('committee.vote.my.title')}
        </Title>
        <Text size="sm">{t('committee.vote.my.recused')}</Text>
        <Text size="sm" c="teal.9" role="status">
          {saved}
        </Text>
      </Stack>
    );
  }

  if (vote.ballot === 'secret' && vote.myVoted) {
    return (
      <Stack gap="xs" component="section" aria-labelledby="vote-mine">
        <Title order={3} size="h5" id="vote-mine">
          {t('committee.vote.my.title')}
        </Title>
        <Text size="sm">{t('committee.vote.my.votedSecret')}</Text>
        <Text size="sm" c="teal.9" role="status">
          {saved}
        </Text>
      </Stack>
    );
  }

  // The last member entitled to vote closes the ballot with their vote: the outcome is applied at once,
  // so they confirm it first (issue 11 B5).
  const closesBallot =
    !vote.myVoted &&
    !vote.myRecused &&
    vote.tally.eligible > 0 &&
    vote.tally.voted === vote.tally.eligible - 1;
  const send = () => {
    if (!choice) return;
    setSaved('');
    cast.mutate(choice, {
      onSuccess: () => {
        setConfirmingClose(false);
        setSaved(t('committee.vote.my.saved', { choice: t(`committee.vote.choice.${choice}`) }));
      },
    });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!choice) return;
    if (closesBallot) {
      cast.reset();
      setConfirmingClose(true);
      return;
    }
    send();
  };
  const confirmRecuse = () => {
    const text = reason.trim();
    if (!text) {
      setReasonError(t('committee.vote.recuse.reasonRequired'));
      reasonRef.current?.focus();
      return;
    }
    recuse.mutate(text, {
      onSuccess: () => {
        setRecusing(false);
        setSaved(t('committee.vote.recuse.done'));
      },
    });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="vote-mine">
      <Title order={3} size="h5" id="vote-mine">
        {t('committee.vote.my.title')}
      </Title>
      <form onSubmit={submit}>
        <Stack gap="sm" align="flex-start">
          <Radio.Group
            label={t('committee.vote.my.legend')}
            description={
              vote.myVote
                ? t('committee.vote.my.current', { choice: t(`committee.vote.choice.${vote.myVote}`) })
                : vote.ballot === 'secret'
                  ? t('committee.vote.my.noneSecret')
                  : t('committee.vote.my.none')
            }
            value={choice}
            onChange={(value) => {
              setChoice(value as VoteChoice);
              setSaved('');
            }}
          >
            <Group gap="lg" mt="xs">
              {VOTE_CHOICES.map((c) => (
                <Radio key={c} value={c} label={t(`committee.vote.choice.${c}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Button type="submit" loading={cast.isPending} disabled={!choice || choice === vote.myVote}>
            {vote.myVote ? t('committee.vote.my.change') : t('committee.vote.my.submit')}
          </Button>
        </Stack>
      </form>
      {closesBallot ? <Text size="sm">{t('committee.vote.my.closesHint')}</Text> : null}
      <Text size="sm" c="teal.9" role="status">
        {saved}
      </Text>
      {cast.isError && !confirmingClose ? <ProblemAlert error={cast.error} /> : null}
      <ConfirmModal
        opened={confirmingClose}
        title={t('committee.vote.my.closesTitle')}
        text={t('committee.vote.my.closesText', {
          choice: choice ? t(`committee.vote.choice.${choice}`) : '',
        })}
        confirmLabel={t('committee.vote.my.closesConfirm')}
        pending={cast.isPending}
        error={cast.isError ? cast.error : undefined}
        onConfirm={send}
        onClose={() => {
          setConfirmingClose(false);
          cast.reset();
        }}
      />
      <div>
        <Button
          variant="subtle"
          color="red"
          size="compact-sm"
          onClick={() => {
            recuse.reset();
            setReason('');
            setReasonError('');
            setRecusing(true);
          }}
        >
          {t('committee.vote.recuse.button')}
        </Button>
      </div>
      <ConfirmModal
        tone="neutral"
        opened={recusing}
        title={t('committee.vote.recuse.title')}
        text={t('committee.vote.recuse.text')}
        confirmLabel={t('committee.vote.recuse.confirm')}
        pending={recuse.isPending}
        error={recuse.isError ? recuse.error : undefined}
        onConfirm={confirmRecuse}
        onClose={() => {
          setRecusing(false);
          recuse.reset();
        }}
      >
        <Textarea
          ref={reasonRef}
          label={t('committee.vote.recuse.reasonLabel')}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setReasonError('');
          }}
          error={reasonError || undefined}
          required
          rows={3}
          maxLength={1000}
          data-autofocus
        />
      </ConfirmModal>
    </Stack>
  );
}

/** The chair closes the vote (after a confirmation); the server computes the outcome. */
function CloseVote({
  applicationId,
  vote,
  onClosed,
}: {
  applicationId: string;
  vote: Vote;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const close = useCloseVote(applicationId);
  const [confirming, setConfirming] = useState(false);
  return (
    <div>
      <Button
        variant="outline"
        color="red"
        onClick={() => {
          close.reset();
          setConfirming(true);
        }}
      >
        {t('committee.vote.close.button')}
      </Button>
      <ConfirmModal
        opened={confirming}
        title={t('committee.vote.close.title')}
        text={t('committee.vote.close.text', { voted: vote.tally.voted, eligible: vote.tally.eligible })}
        confirmLabel={t('committee.vote.close.confirm')}
        pending={close.isPending}
        error={close.isError ? close.error : undefined}
        onConfirm={() =>
          close.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              onClosed();
            },
          })
        }
        onClose={() => {
          setConfirming(false);
          close.reset();
        }}
      />
    </div>
  );
}
