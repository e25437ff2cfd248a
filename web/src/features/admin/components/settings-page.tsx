import { Button, Radio, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import {
  BALLOTS,
  type Ballot,
  MAJORITY_RULES,
  type MajorityRule,
  QUORUM_RULES,
  type QuorumRule,
  type VotingSettings,
} from '@portal/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '@/components/admin-nav.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { Section } from '@/components/section.tsx';
import { useSaveVotingSettings, useVotingSettings } from '../api/voting-settings.ts';
import { ClusterTextsSection, SitePagesSection } from './site-content-sections.tsx';

/** /admin/settings: the cluster's settings: the home page's texts, the information pages, the voting rules. */
export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.settings.title'));
  return (
    <Stack gap="lg">
      <AdminNav />
      <div>
        <Title order={1}>{t('admin.settings.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('admin.settings.intro')}
        </Text>
      </div>
      <ClusterTextsSection />
      <SitePagesSection />
      <VotingSection />
    </Stack>
  );
}

function VotingSection() {
  const { t } = useTranslation();
  const settings = useVotingSettings();
  return (
    <Section id="voting" title={t('admin.settings.voting.title')}>
      <Text size="sm">{t('admin.settings.voting.intro')}</Text>
      {settings.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
          <Skeleton height={90} />
          <Skeleton height={60} />
        </Stack>
      ) : settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <VotingForm saved={settings.data} />
      )}
    </Section>
  );
}

function VotingForm({ saved }: { saved: VotingSettings }) {
  const { t } = useTranslation();
  const save = useSaveVotingSettings();
  const [quorum, setQuorum] = useState<QuorumRule>(saved.quorum);
  const [majority, setMajority] = useState<MajorityRule>(saved.majority);
  const [ballot, setBallot] = useState<Ballot>(saved.ballot);
  const [done, setDone] = useState('');
  const changed = quorum !== saved.quorum || majority !== saved.majority || ballot !== saved.ballot;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone('');
    save.mutate({ quorum, majority, ballot }, { onSuccess: () => setDone(t('admin.settings.voting.saved')) });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="lg" align="flex-start">
        <Radio.Group
          label={t('admin.settings.voting.quorumLabel')}
          description={t('admin.settings.voting.quorumDescription')}
          value={quorum}
          onChange={(value) => {
            setQuorum(value as QuorumRule);
            setDone('');
          }}
        >
          <Stack gap="sm" mt="xs">
            {QUORUM_RULES.map((rule) => (
              <Radio
                key={rule}
                value={rule}
                label={t(`admin.settings.voting.quorum.${rule}`)}
                description={t(`admin.settings.voting.quorumHint.${rule}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group
          label={t('admin.settings.voting.majorityLabel')}
          value={majority}
          onChange={(value) => {
            setMajority(value as MajorityRule);
            setDone('');
          }}
        >
          <Stack gap="sm" mt="xs">
            {MAJORITY_RULES.map((rule) => (
              <Radio
                key={rule}
                value={rule}
                label={t(`admin.settings.voting.majority.${rule}`)}
                description={t(`admin.settings.voting.majorityHint.${rule}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group
          label={t('admin.settings.voting.ballotLabel')}
          value={ballot}
          onChange={(value) => {
            setBallot(value as Ballot);
            setDone('');
          }}
        >
          <Stack gap="sm" mt="xs">
            {BALLOTS.map((b) => (
              <Radio
                key={b}
                value={b}
                label={t(`admin.settings.voting.ballot.${b}`)}
                description={t(`admin.settings.voting.ballotHint.${b}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Button type="submit" loading={save.isPending} disabled={!changed}>
          {t('admin.settings.voting.submit')}
        </Button>
        <Text size="sm" c="teal.9" role="status">
          {done}
        </Text>
        {save.isError ? <ProblemAlert error={save.error} /> : null}
      </Stack>
    </form>
  );
}
