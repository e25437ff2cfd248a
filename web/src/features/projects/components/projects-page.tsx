import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { isActiveMemberRepresentative, isCommittee, type ProjectListItem } from '@portal/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { Section } from '@/components/section.tsx';
import { useCallOptions } from '@/lib/api/call-options.ts';
import { principalOf, useSession } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import {
  useAnswerJoin,
  useAskToJoin,
  useCreateProject,
  useProjectInvitations,
  useProjects,
} from '../api/projects.ts';

/**
 * /projects: a member's projects, invitations to answer, forming projects of others to ask to join and a
 * form to start one for their organisation; the committee sees every project (read-only).
 */
export function ProjectsPage() {
  const { t } = useTranslation();
  usePageTitle(t('projects.title'));
  const session = useSession();
  const user = session.data?.user;
  const principal = principalOf(user);
  const committee = !!principal && isCommittee(principal);
  const member = isActiveMemberRepresentative(principal);
  const memberOrgs = user?.organizations.filter((o) => o.standing === 'active') ?? [];
  const mine = useProjects('mine', !!member);
  const forming = useProjects('forming', !!member);
  const all = useProjects('all', committee);
  const invitations = useProjectInvitations(!!member);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('projects.title')}</Title>
      {committee ? (
        <Section id="all" title={t('projects.all')}>
          <ProjectTable query={all} />
        </Section>
      ) : null}
      {member ? (
        <>
          <Section id="mine" title={t('projects.mine')}>
            <ProjectTable query={mine} />
          </Section>
          <InvitationsSection query={invitations} />
          <Section id="forming" title={t('projects.forming')}>
            <Text size="sm" c="dimmed">
              {t('projects.formingIntro')}
            </Text>
            <FormingList query={forming} organizations={memberOrgs} />
          </Section>
          <Section id="new" title={t('projects.new')}>
            <NewProjectForm organizations={memberOrgs} />
          </Section>
        </>
      ) : null}
    </Stack>
  );
}

type ListQuery = ReturnType<typeof useProjects>;

function ProjectTable({ query }: { query: ListQuery }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (query.isPending) return <Skeleton h={60} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.items;
  if (items.length === 0) return <Text c="dimmed">{t('projects.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('projects.titleLabel')}</Table.Th>
            <Table.Th>{t('projects.lead')}</Table.Th>
            <Table.Th>{t('projects.call')}</Table.Th>
            <Table.Th>{t('projects.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={paths.project.href(p.id)}>
                  {pickLocalized(p.titleBg, p.titleEn, language).text}
                </Anchor>
              </Table.Td>
              <Table.Td>{pickLocalized(p.leadName, p.leadNameEn, language).text}</Table.Td>
              <Table.Td>{p.callCode ?? '—'}</Table.Td>
              <Table.Td>
                <Badge variant="light">{t(`projects.statusName.${p.status}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function InvitationsSection({ query }: { query: ReturnType<typeof useProjectInvitations> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answer = useAnswerJoin();
  if (!query.data || query.data.items.length === 0) return null;
  return (
    <Section id="invitations" title={t('projects.invitations')}>
      {answer.isError ? <ProblemAlert error={answer.error} /> : null}
      {query.data.items.map((i) => (
        <Group key={i.id} justify="space-between" wrap="wrap">
          <Stack gap={0}>
            <Text fw={500}>{pickLocalized(i.titleBg, i.titleEn, language).text}</Text>
            {i.message ? <Text size="sm">{i.message}</Text> : null}
          </Stack>
          <Group gap="xs">
            <Button
              size="xs"
              loading={answer.isPending}
              onClick={() => answer.mutate({ projectId: i.projectId, joinId: i.id, accept: true })}
            >
              {t('projects.accept')}
            </Button>
            <Button
              size="xs"
              variant="default"
              loading={answer.isPending}
              onClick={() => answer.mutate({ projectId: i.projectId, joinId: i.id, accept: false })}
            >
              {t('projects.decline')}
            </Button>
          </Group>
        </Group>
      ))}
    </Section>
  );
}

function FormingList({
  query,
  organizations,
}: {
  query: ListQuery;
  organizations: { id: string; nameBg: string; nameEn: string }[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (query.isPending) return <Skeleton h={60} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const others = query.data.items.filter((p) => !p.mine);
  if (others.length === 0) return <Text c="dimmed">{t('projects.noneForming')}</Text>;
  return (
    <Stack gap="sm">
      {others.map((p) => (
        <AskToJoin key={p.id} project={p} organizations={organizations} language={language} />
      ))}
    </Stack>
  );
}

function AskToJoin({
  project,
  organizations,
  language,
}: {
  project: ProjectListItem;
  organizations: { id: string; nameBg: string; nameEn: string }[];
  language: 'bg' | 'en';
}) {
  const { t } = useTranslation();
  const ask = useAskToJoin(project.id);
  const [message, setMessage] = useState('');
  const organizationId = organizations[0]?.id ?? '';
  return (
    <Stack gap={4}>
      <Text fw={500}>
        {pickLocalized(project.titleBg, project.titleEn, language).text} —{' '}
        {pickLocalized(project.leadName, project.leadNameEn, language).text}
        {project.callCode ? ` (${project.callCode})` : ''}
      </Text>
      {ask.isSuccess ? (
        <Text size="sm" c="green">
          {t('projects.asked')}
        </Text>
      ) : (
        <Group align="end" wrap="wrap">
          <TextInput
            label={t('projects.message')}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button
            variant="light"
            loading={ask.isPending}
            onClick={() => ask.mutate({ organizationId, message })}
          >
            {t('projects.askToJoin')}
          </Button>
        </Group>
      )}
      {ask.isError ? <ProblemAlert error={ask.error} /> : null}
    </Stack>
  );
}

function NewProjectForm({
  organizations,
}: {
  organizations: { id: string; nameBg: string; nameEn: string }[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const create = useCreateProject();
  const [leadOrganizationId, setLead] = useState(organizations[0]?.id ?? '');
  const [titleBg, setTitleBg] = useState('');
  const [titleEn, setTitleEn] = useState('');
  // `/projects?call=<id>` (the call page's "start a joint project") preselects the call.
  const [searchParams] = useSearchParams();
  const [callId, setCallId] = useState(searchParams.get('call') ?? '');
  const calls = useCallOptions();
  const fieldError = (path: string) =>
    isApiError(create.error) ? create.error.fieldErrors.find((e) => e.path === path)?.message : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { leadOrganizationId, titleBg, titleEn, summaryBg: '', summaryEn: '', callId: callId || null },
      { onSuccess: (p) => navigate(paths.project.href(p.id)) },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm" maw={560}>
        {organizations.length > 1 ? (
          <NativeSelect
            label={t('projects.lead')}
            value={leadOrganizationId}
            onChange={(e) => setLead(e.currentTarget.value)}
            data={organizations.map((o) => ({
              value: o.id,
              label: pickLocalized(o.nameBg, o.nameEn, language).text,
            }))}
          />
        ) : null}
        <NativeSelect
          label={t('projects.call')}
          value={callId}
          onChange={(e) => setCallId(e.currentTarget.value)}
          error={fieldError('body.callId')}
          data={[
            { value: '', label: t('projects.noCall') },
            ...(calls.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.code ? `${c.code} — ` : ''}${pickLocalized(c.titleBg, c.titleEn, language).text}`,
            })),
          ]}
        />
        <TextInput
          label={t('projects.titleBg')}
          required
          value={titleBg}
          onChange={(e) => setTitleBg(e.currentTarget.value)}
          error={fieldError('body.titleBg')}
        />
        <TextInput
          label={t('projects.titleEn')}
          required
          value={titleEn}
          onChange={(e) => setTitleEn(e.currentTarget.value)}
          error={fieldError('body.titleEn')}
        />
        {create.isError && !isApiError(create.error, 400) ? <ProblemAlert error={create.error} /> : null}
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('projects.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
