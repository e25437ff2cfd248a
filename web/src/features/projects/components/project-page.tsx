import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  NativeSelect,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  formatEuroCents,
  ORGANIZATION_KINDS,
  PROJECT_TRANSITIONS,
  type Project,
  type ProjectStatus,
  parseEuroCents,
} from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { DateField } from '@/components/date-field.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { Section } from '@/components/section.tsx';
import { useMemberOrganizationSearch } from '@/lib/api/member-search.ts';
import { isApiError } from '@/lib/api-client.ts';
import { formatDate, formatMoney } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import {
  useAddExternalPartner,
  useAddTask,
  useAnswerJoin,
  useInvitePartner,
  useMoveProject,
  useProject,
  useRemoveDocument,
  useRemovePartner,
  useSaveBudget,
  useSaveTask,
  useUploadDocument,
} from '../api/projects.ts';

/** /projects/:id: the project's partners, budget, checklist, tasks and requests (partners; the committee reads). */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useProject(id);
  // The budget's save lives here: the editor starts afresh on every new version (after a save, or after a
  // 412 that brings the other partner's budget), and its "saved" or "changed meanwhile" must outlive that.
  const saveBudget = useSaveBudget(id);
  const project = query.data;
  usePageTitle(
    project ? pickLocalized(project.titleBg, project.titleEn, language).text : t('projects.title'),
  );
  if (query.isPending) return <Skeleton h={200} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const canWork = p.access !== 'read';
  const lead = p.access === 'lead';
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{pickLocalized(p.titleBg, p.titleEn, language).text}</Title>
        <Group gap="xs">
          <Badge variant="light">{t(`projects.statusName.${p.status}`)}</Badge>
          {p.callCode ? (
            <Text size="sm">
              {p.callCode} — {pickLocalized(p.callTitleBg ?? '', p.callTitleEn ?? '', language).text}
            </Text>
          ) : null}
          {!canWork ? <Badge color="gray">{t('projects.readOnly')}</Badge> : null}
        </Group>
        <Text size="sm">{pickLocalized(p.summaryBg, p.summaryEn, language).text}</Text>
        <Group gap="xs">
          <Anchor href={`/api/projects/${p.id}/consortium.csv`} size="sm">
            {t('projects.exportCsv')}
          </Anchor>
          <Anchor href={`/api/projects/${p.id}/consortium.xlsx?lang=${language}`} size="sm">
            {t('projects.exportXlsx')}
          </Anchor>
          <Anchor href={`/api/projects/${p.id}/summary.pdf?lang=${language}`} target="_blank" size="sm">
            {t('projects.summaryPdf')}
          </Anchor>
        </Group>
        {lead ? <StatusMove project={p} /> : null}
      </Stack>
      <Section id="budget" title={t('projects.budget')}>
        <BudgetEditor key={p.version} project={p} canWork={canWork} save={saveBudget} />
      </Section>
      <Section id="partners" title={t('projects.partners')}>
        <Partners project={p} lead={lead} />
      </Section>
      {p.joins.length > 0 || lead ? (
        <Section id="joins" title={t('projects.joins')}>
          <Joins project={p} lead={lead} />
        </Section>
      ) : null}
      <Section id="checklist" title={t('projects.checklist')}>
        <Checklist project={p} canWork={canWork} />
      </Section>
      <Section id="tasks" title={t('projects.tasks')}>
        <Tasks project={p} canWork={canWork} />
      </Section>
    </Stack>
  );
}

function StatusMove({ project }: { project: Project }) {
  const { t } = useTranslation();
  const move = useMoveProject(project.id);
  const next = PROJECT_TRANSITIONS[project.status];
  if (next.length === 0) return null;
  return (
    <Group gap="xs">
      {next.map((status: ProjectStatus) => (
        <Button
          key={status}
          size="xs"
          variant="default"
          loading={move.isPending}
          onClick={() =>
            move.mutate({
              titleBg: project.titleBg,
              titleEn: project.titleEn,
              summaryBg: project.summaryBg,
              summaryEn: project.summaryEn,
              callId: project.callId,
              status,
              version: project.version,
            })
          }
        >
          {t('projects.moveTo', { status: t(`projects.statusName.${status}`) })}
        </Button>
      ))}
      {move.isError ? <ProblemAlert error={move.error} /> : null}
    </Group>
  );
}

/** The shares as the user types them (euro, "1 234,56"); the sum is shown live against the total. */
function BudgetEditor({
  project,
  canWork,
  save,
}: {
  project: Project;
  canWork: boolean;
  save: ReturnType<typeof useSaveBudget>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  // An edit after a save (or a stale save) starts a new one: the last outcome no longer describes the form.
  const edited = () => {
    if (!save.isIdle && !save.isPending) save.reset();
  };
  const [total, setTotal] = useState(formatEuroCents(project.totalCents));
  const [shares, setShares] = useState<Record<string, string>>(
    Object.fromEntries(project.partners.map((x) => [x.id, formatEuroCents(x.shareCents)])),
  );
  const totalCents = parseEuroCents(total);
  const parsed = project.partners.map((x) => parseEuroCents(shares[x.id] ?? ''));
  const sum = parsed.every((v) => v !== null) ? parsed.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
  const balanced = sum !== null && totalCents !== null && sum === totalCents;
  const stale = isApiError(save.error, 412);
  const fieldError = (path: string) =>
    isApiError(save.error, 400)
      ? save.error.fieldErrors.find((e) => e.path === `body.${path}` || e.path === path)?.message
      : undefined;
  const submit = () => {
    if (totalCents === null || sum === null) return;
    save.mutate({
      version: project.version,
      body: {
        totalCents,
        lines: project.partners.map((x, i) => ({ partnerId: x.id, shareCents: parsed[i] ?? 0 })),
      },
    });
  };
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={360}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('projects.partner')}</Table.Th>
              <Table.Th>{t('projects.shareEur')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {project.partners.map((x, i) => (
              <Table.Tr key={x.id}>
                <Table.Td>{pickLocalized(x.name, x.nameEn, language).text}</Table.Td>
                <Table.Td>
                  {canWork ? (
                    <TextInput
                      aria-label={t('projects.shareOf', {
                        name: pickLocalized(x.name, x.nameEn, language).text,
                      })}
                      value={shares[x.id] ?? ''}
                      inputMode="decimal"
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        edited();
                        setShares((s) => ({ ...s, [x.id]: value }));
                      }}
                      error={
                        parsed[i] === null ? t('projects.amountInvalid') : fieldError(`lines.${i}.shareCents`)
                      }
                    />
                  ) : (
                    formatMoney(x.shareCents, language)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canWork ? (
        <TextInput
          label={t('projects.total')}
          value={total}
          inputMode="decimal"
          maw={240}
          onChange={(e) => {
            edited();
            setTotal(e.currentTarget.value);
          }}
          error={totalCents === null ? t('projects.amountInvalid') : fieldError('totalCents')}
        />
      ) : (
        <Text fw={500}>
          {t('projects.total')}: {formatMoney(project.totalCents, language)}
        </Text>
      )}
      <Text size="sm" c={balanced ? 'green' : 'red'} aria-live="polite">
        {sum === null
          ? t('projects.amountInvalid')
          : t('projects.sumLive', {
              sum: formatMoney(sum, language),
              total: totalCents === null ? '—' : formatMoney(totalCents, language),
            })}
      </Text>
      {stale ? <Alert color="yellow">{t('projects.budgetStale')}</Alert> : null}
      {save.isError && !stale && !isApiError(save.error, 400) ? <ProblemAlert error={save.error} /> : null}
      {save.isSuccess ? (
        <Text size="sm" c="green">
          {t('projects.saved')}
        </Text>
      ) : null}
      {canWork ? (
        <Group>
          <Button onClick={submit} loading={save.isPending} disabled={!balanced}>
            {t('projects.saveBudget')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function Partners({ project, lead }: { project: Project; lead: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const remove = useRemovePartner(project.id);
  const add = useAddExternalPartner(project.id);
  const [removing, setRemoving] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [kind, setKind] = useState<string>('company');
  const [role, setRole] = useState('');
  const target = project.partners.find((x) => x.id === removing);
  return (
    <Stack gap="sm">
      {project.partners.map((x) => (
        <Group key={x.id} justify="space-between" wrap="wrap">
          <Stack gap={0}>
            <Text fw={500}>
              {pickLocalized(x.name, x.nameEn, language).text}{' '}
              {x.isLead ? <Badge size="xs">{t('projects.leadBadge')}</Badge> : null}
            </Text>
            <Text size="sm" c="dimmed">
              {x.country}
              {x.kind ? ` · ${t(`projects.kind.${x.kind}`, { defaultValue: x.kind })}` : ''}
              {x.role ? ` · ${x.role}` : ''}
            </Text>
          </Stack>
          {lead && !x.isLead ? (
            <Button size="xs" color="red" variant="subtle" onClick={() => setRemoving(x.id)}>
              {t('projects.remove')}
            </Button>
          ) : null}
        </Group>
      ))}
      <ConfirmModal
        opened={removing !== null}
        title={t('projects.removePartnerTitle')}
        text={t('projects.removePartnerText', {
          name: target ? pickLocalized(target.name, target.nameEn, language).text : '',
        })}
        confirmLabel={t('projects.remove')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
        onClose={() => setRemoving(null)}
      />
      {lead ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(
              {
                name,
                nameEn: '',
                country: country.toUpperCase(),
                kind: kind as (typeof ORGANIZATION_KINDS)[number],
                role,
              },
              {
                onSuccess: () => {
                  setName('');
                  setCountry('');
                  setRole('');
                },
              },
            );
          }}
        >
          <Stack gap="xs" maw={560}>
            <Text fw={500}>{t('projects.addExternal')}</Text>
            <TextInput
              label={t('projects.externalName')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Group grow wrap="wrap">
              <TextInput
                label={t('projects.country')}
                required
                maxLength={2}
                value={country}
                onChange={(e) => setCountry(e.currentTarget.value)}
                error={
                  isApiError(add.error, 400)
                    ? add.error.fieldErrors.find((f) => f.path === 'body.country')?.message
                    : undefined
                }
              />
              <NativeSelect
                label={t('projects.kindLabel')}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value)}
                data={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`projects.kind.${k}`) }))}
              />
            </Group>
            <TextInput
              label={t('projects.role')}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value)}
            />
            {add.isError && !isApiError(add.error, 400) ? <ProblemAlert error={add.error} /> : null}
            <Group>
              <Button type="submit" variant="light" loading={add.isPending}>
                {t('projects.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

function Joins({ project, lead }: { project: Project; lead: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answer = useAnswerJoin();
  const invite = useInvitePartner(project.id);
  const [organizationId, setOrganizationId] = useState('');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const members = useMemberOrganizationSearch(debounced, lead);
  // Members that are not partners yet (nor already asked) can be invited.
  const taken = new Set([
    ...project.partners.map((p) => p.organizationId),
    ...project.joins.filter((j) => j.status === 'pending').map((j) => j.organizationId),
  ]);
  const options = (members.data?.items ?? [])
    .filter((o) => !taken.has(o.id))
    .map((o) => ({ value: o.id, label: pickLocalized(o.nameBg, o.nameEn ?? '', language).text }));
  return (
    <Stack gap="sm">
      {project.joins.length === 0 ? <Text c="dimmed">{t('projects.noJoins')}</Text> : null}
      {project.joins.map((j) => (
        <Group key={j.id} justify="space-between" wrap="wrap">
          <Stack gap={0}>
            <Text fw={500}>
              {pickLocalized(j.organizationName, j.organizationNameEn, language).text} —{' '}
              {t(`projects.joinKind.${j.kind}`)}
            </Text>
            <Text size="sm" c="dimmed">
              {formatDate(j.createdAt.slice(0, 10), language)} · {t(`projects.joinStatus.${j.status}`)}
              {j.message ? ` · ${j.message}` : ''}
            </Text>
          </Stack>
          {lead && j.kind === 'request' && j.status === 'pending' ? (
            <Group gap="xs">
              <Button
                size="xs"
                loading={answer.isPending}
                onClick={() => answer.mutate({ projectId: project.id, joinId: j.id, accept: true })}
              >
                {t('projects.accept')}
              </Button>
              <Button
                size="xs"
                variant="default"
                loading={answer.isPending}
                onClick={() => answer.mutate({ projectId: project.id, joinId: j.id, accept: false })}
              >
                {t('projects.decline')}
              </Button>
            </Group>
          ) : null}
        </Group>
      ))}
      {answer.isError ? <ProblemAlert error={answer.error} /> : null}
      {lead ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            invite.mutate(
              { organizationId, message: '' },
              {
                onSuccess: () => {
                  setOrganizationId('');
                  setSearch('');
                },
              },
            );
          }}
        >
          <Group align="end" wrap="wrap">
            <Select
              label={t('projects.inviteMember')}
              description={t('projects.inviteMemberHint')}
              searchable
              clearable
              data={options}
              value={organizationId || null}
              onChange={(v) => setOrganizationId(v ?? '')}
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options: all }) => all}
              nothingFoundMessage={members.isFetching ? '…' : t('projects.inviteNobody')}
              style={{ flex: 1, minWidth: 220 }}
              error={isApiError(invite.error, 400) ? invite.error.fieldErrors[0]?.message : undefined}
            />
            <Button type="submit" variant="light" loading={invite.isPending}>
              {t('projects.invite')}
            </Button>
          </Group>
          {invite.isError && !isApiError(invite.error, 400) ? <ProblemAlert error={invite.error} /> : null}
        </form>
      ) : null}
    </Stack>
  );
}

function Checklist({ project, canWork }: { project: Project; canWork: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const upload = useUploadDocument(project.id);
  const remove = useRemoveDocument(project.id);
  const [removing, setRemoving] = useState<string | null>(null);
  if (project.checklist.length === 0) return <Text c="dimmed">{t('projects.noChecklist')}</Text>;
  const rows = project.checklist.flatMap((item) =>
    (item.perPartner ? project.partners.map((x) => x.id) : [null]).map((partnerId) => ({ item, partnerId })),
  );
  return (
    <Stack gap="xs">
      {rows.map(({ item, partnerId }) => {
        const doc = item.uploads.find((u) => u.partnerId === partnerId);
        const partner = project.partners.find((x) => x.id === partnerId);
        return (
          <Group key={`${item.callDocumentId}-${partnerId}`} justify="space-between" wrap="wrap">
            <Stack gap={0}>
              <Text fw={500}>
                {pickLocalized(item.nameBg, item.nameEn, language).text}
                {partner ? ` — ${pickLocalized(partner.name, partner.nameEn, language).text}` : ''}
              </Text>
              {doc ? (
                <Anchor size="sm" href={`/api/projects/${project.id}/documents/${doc.id}`}>
                  {doc.filename}
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('projects.missing')}
                </Text>
              )}
            </Stack>
            {canWork ? (
              <Group gap="xs">
                <FileButton
                  accept="application/pdf"
                  onChange={(file) =>
                    file && upload.mutate({ file, callDocumentId: item.callDocumentId, partnerId })
                  }
                >
                  {(props) => (
                    <Button size="xs" variant="light" loading={upload.isPending} {...props}>
                      {t('projects.upload')}
                    </Button>
                  )}
                </FileButton>
                {doc ? (
                  <Button size="xs" color="red" variant="subtle" onClick={() => setRemoving(doc.id)}>
                    {t('projects.remove')}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Group>
        );
      })}
      {upload.isError ? (
        <ProblemAlert
          error={upload.error}
          fieldErrors={isApiError(upload.error) ? upload.error.fieldErrors : []}
        />
      ) : null}
      <ConfirmModal
        opened={removing !== null}
        title={t('projects.removeDocumentTitle')}
        text={t('projects.removeDocumentText')}
        confirmLabel={t('projects.remove')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}

function Tasks({ project, canWork }: { project: Project; canWork: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const add = useAddTask(project.id);
  const saveTask = useSaveTask(project.id);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [owner, setOwner] = useState('');
  const nameOf = (id: string | null) => {
    const x = project.partners.find((p) => p.id === id);
    return x ? pickLocalized(x.name, x.nameEn, language).text : '—';
  };
  return (
    <Stack gap="xs">
      {project.tasks.length === 0 ? <Text c="dimmed">{t('projects.noTasks')}</Text> : null}
      {project.tasks.map((task) => (
        <Checkbox
          key={task.id}
          disabled={!canWork || saveTask.isPending}
          checked={task.done}
          onChange={(e) =>
            saveTask.mutate({
              taskId: task.id,
              body: {
                title: task.title,
                ownerPartnerId: task.ownerPartnerId,
                dueOn: task.dueOn,
                done: e.currentTarget.checked,
                version: task.version,
              },
            })
          }
          label={`${task.title} · ${nameOf(task.ownerPartnerId)}${task.dueOn ? ` · ${formatDate(task.dueOn, language)}` : ''}`}
        />
      ))}
      {saveTask.isError ? <ProblemAlert error={saveTask.error} /> : null}
      {canWork ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(
              { title, ownerPartnerId: owner || null, dueOn: dueOn || null, done: false },
              {
                onSuccess: () => {
                  setTitle('');
                  setDueOn('');
                },
              },
            );
          }}
        >
          <Group align="end" wrap="wrap">
            <TextInput
              label={t('projects.taskTitle')}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 200 }}
            />
            <NativeSelect
              label={t('projects.taskOwner')}
              value={owner}
              onChange={(e) => setOwner(e.currentTarget.value)}
              data={[
                { value: '', label: '—' },
                ...project.partners.map((x) => ({ value: x.id, label: nameOf(x.id) })),
              ]}
            />
            <DateField label={t('projects.taskDue')} value={dueOn} onChange={setDueOn} clearable />
            <Button type="submit" variant="light" loading={add.isPending}>
              {t('projects.add')}
            </Button>
          </Group>
          {add.isError ? <ProblemAlert error={add.error} /> : null}
        </form>
      ) : null}
    </Stack>
  );
}
