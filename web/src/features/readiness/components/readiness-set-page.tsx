import {
  Anchor,
  Button,
  Card,
  Group,
  Input,
  NativeSelect,
  Radio,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  MAX_DOCUMENT_BYTES,
  READINESS_MANUAL_STATUSES,
  type ReadinessCriterion,
  type ReadinessEvidence,
  type ReadinessManualStatus,
  type ReadinessSet,
} from '@portal/shared';
import type { TFunction } from 'i18next';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useCan } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { formatDateText } from '@/lib/date-text.ts';
import { serverFieldName, usePortalForm } from '@/lib/form.tsx';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import {
  evidenceDocumentUrl,
  readinessPdfUrl,
  useChangeReadiness,
  useReadinessSet,
} from '../api/readiness.ts';
import { CriterionFigure, formatRunTime, StatusBadge, StatusCounts } from './status.tsx';

const MAX_DOCUMENT_MB = MAX_DOCUMENT_BYTES / 1024 / 1024;

/** A PDF by its type (or, when the browser gives none, by its name). */
const looksLikePdf = (file: File) =>
  /pdf$/i.test(file.type) || (file.type === '' && /\.pdf$/i.test(file.name));

/**
 * /committee/readiness/:slug (issue 16 §2, decision 051): each criterion with its status in colour and
 * words, the figure behind it, its evidence (add, remove after asking), the next step; manual items are
 * marked here; "run the check" stores today's statuses in the history; the PDF prints it all.
 */
export function ReadinessSetPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const set = useReadinessSet(slug);
  const language = useLanguage();
  const title = set.data ? pickLocalized(set.data.titleBg, set.data.titleEn, language) : undefined;
  usePageTitle(title?.text ?? t('readiness.title'));
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.committeeReadiness.href()} size="sm">
        ← {t('readiness.back')}
      </Anchor>
      {set.isPending ? (
        <Stack>
          <Skeleton height={40} />
          <Skeleton height={160} />
          <Skeleton height={160} />
        </Stack>
      ) : set.isError ? (
        <QueryError error={set.error} onRetry={() => void set.refetch()} />
      ) : (
        <SetView set={set.data} />
      )}
    </Stack>
  );
}

function SetView({ set }: { set: ReadinessSet }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const canManage = useCan('readiness.manage');
  const change = useChangeReadiness();
  const run = useChangeReadiness();
  const [status, setStatus] = useState('');
  const [removing, setRemoving] = useState<ReadinessEvidence | null>(null);
  const title = pickLocalized(set.titleBg, set.titleEn, language);
  const description = pickLocalized(set.descriptionBg, set.descriptionEn, language);
  const historyHeading = useRef<HTMLHeadingElement>(null);

  const runCheck = () =>
    run.mutate(
      { kind: 'run', slug: set.slug },
      {
        onSuccess: () => {
          setStatus(t('readiness.runDone'));
        },
      },
    );

  return (
    <>
      <div>
        <Title order={1} lang={title.lang}>
          {title.text}
        </Title>
        {description.text ? (
          <Text mt="xs" lang={description.lang}>
            {description.text}
          </Text>
        ) : null}
        {set.sourceName ? (
          <Text size="sm" c="dimmed" mt={4}>
            {set.sourceUrl ? (
              <Anchor href={set.sourceUrl} target="_blank" rel="noopener noreferrer" inherit>
                {t('readiness.source', { name: set.sourceName })}
              </Anchor>
            ) : (
              t('readiness.source', { name: set.sourceName })
            )}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed" mt={4}>
          {t('readiness.asOf', { date: formatDateText(set.asOf, language) })}
        </Text>
      </div>
      <StatusCounts counts={set.counts} />
      <Group gap="sm" wrap="wrap">
        <Button onClick={runCheck} loading={run.isPending}>
          {t('readiness.run')}
        </Button>
        <Button
          component="a"
          variant="default"
          href={readinessPdfUrl(set.slug, 'bg')}
          target="_blank"
          rel="noopener"
        >
          {t('readiness.pdf')}
        </Button>
        <Button
          component="a"
          variant="default"
          href={readinessPdfUrl(set.slug, 'en')}
          target="_blank"
          rel="noopener"
        >
          {t('readiness.pdfEn')}
        </Button>
        {canManage ? (
          <Anchor component={Link} to={paths.adminReadinessSet.href(set.slug)} size="sm">
            {t('readiness.admin.editSet')}
          </Anchor>
        ) : null}
      </Group>
      {run.isError ? <ProblemAlert error={run.error} /> : null}
      <Text role="status" size="sm" c="green.9" aria-live="polite">
        {status}
      </Text>
      <Stack gap="md" component="section" aria-labelledby="readiness-criteria">
        <Title order={2} id="readiness-criteria">
          {t('readiness.criteriaTitle')}
        </Title>
        {set.criteria.length === 0 ? (
          <Text c="dimmed">{t('readiness.noCriteria')}</Text>
        ) : (
          set.criteria.map((c) => (
            <CriterionCard key={c.id} criterion={c} onRemove={setRemoving} onStatus={setStatus} />
          ))
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="readiness-history">
        <Title order={2} id="readiness-history" ref={historyHeading} tabIndex={-1}>
          {t('readiness.history.title')}
        </Title>
        {set.history.length === 0 ? (
          <Text c="dimmed">{t('readiness.history.empty')}</Text>
        ) : (
          <Stack gap="xs" component="ol" className="plain-list">
            {set.history.map((r) => (
              <Group component="li" key={r.id} gap="sm" wrap="wrap">
                <Text size="sm" fw={600}>
                  {t('readiness.history.by', {
                    date: formatRunTime(r.ranAt, language),
                    name: r.ranByName ?? t('readiness.history.unknownPerson'),
                  })}
                </Text>
                <StatusCounts counts={r.counts} />
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title={t('readiness.evidence.removeTitle')}
        text={removing ? t('readiness.evidence.removeText', { title: evidenceTitle(removing, t) }) : ''}
        confirmLabel={t('readiness.evidence.removeConfirm')}
        pending={change.isPending}
        error={change.error}
        onConfirm={() =>
          removing &&
          change.mutate(
            { kind: 'removeEvidence', evidenceId: removing.id },
            {
              onSuccess: () => {
                setRemoving(null);
                setStatus(t('readiness.evidence.removed'));
              },
            },
          )
        }
        onClose={() => {
          change.reset();
          setRemoving(null);
        }}
      />
    </>
  );
}

function evidenceTitle(e: ReadinessEvidence, t: TFunction): string {
  if (e.kind === 'decision') {
    const n = t('readiness.evidence.decision', { number: e.decisionNumber ?? '' });
    return e.title && e.title !== e.decisionNumber ? `${n} — ${e.title}` : n;
  }
  if (e.kind === 'document') return e.title || t('readiness.evidence.document', { name: e.fileName ?? '' });
  return e.title;
}

function CriterionCard({
  criterion: c,
  onRemove,
  onStatus,
}: {
  criterion: ReadinessCriterion;
  onRemove: (e: ReadinessEvidence) => void;
  onStatus: (text: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = pickLocalized(c.titleBg, c.titleEn, language);
  const guidance = pickLocalized(c.guidanceBg, c.guidanceEn, language);
  const [adding, setAdding] = useState(false);
  const headingId = `criterion-${c.id}`;
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <Card withBorder component="article" aria-labelledby={headingId} padding="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Title order={3} size="h4" id={headingId} lang={title.lang} style={{ flex: '1 1 16rem' }}>
            <Text span c="dimmed" inherit>
              {c.code}
            </Text>{' '}
            {title.text}
          </Title>
          <StatusBadge status={c.status} />
        </Group>
        <CriterionFigure criterion={c} />
        {c.kind === 'manual' ? <ManualMark criterion={c} onStatus={onStatus} /> : null}
        <div>
          <Text size="sm" fw={600}>
            {t('readiness.criterion.next')}
          </Text>
          <Text
            size="sm"
            lang={guidance.text ? guidance.lang : undefined}
            c={guidance.text ? undefined : 'dimmed'}
          >
            {guidance.text || t('readiness.criterion.noNext')}
          </Text>
        </div>
        <div>
          <Text size="sm" fw={600}>
            {t('readiness.evidence.title')}
          </Text>
          {c.evidence.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('readiness.evidence.none')}
            </Text>
          ) : (
            <Stack gap={4} component="ul" className="plain-list">
              {c.evidence.map((e) => (
                <Group component="li" key={e.id} gap="xs" wrap="nowrap" justify="space-between">
                  <EvidenceLink evidence={e} />
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    // Never squeezed by a long title: the title wraps instead (phones).
                    style={{ flexShrink: 0 }}
                    onClick={() => onRemove(e)}
                    aria-label={t('readiness.evidence.removeLabel', { title: evidenceTitle(e, t) })}
                  >
                    {t('readiness.evidence.remove')}
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
        </div>
        {adding ? (
          <EvidenceForm
            criterion={c}
            onDone={(added) => {
              setAdding(false);
              if (added) onStatus(t('readiness.evidence.added'));
              requestAnimationFrame(() => addButton.current?.focus());
            }}
          />
        ) : (
          <Button
            ref={addButton}
            size="xs"
            variant="light"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setAdding(true)}
            data-action="readiness-add-evidence"
            aria-label={t('readiness.evidence.addFor', { title: `${c.code} ${title.text}` })}
          >
            {t('readiness.evidence.add')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function EvidenceLink({ evidence: e }: { evidence: ReadinessEvidence }) {
  const { t } = useTranslation();
  const text = evidenceTitle(e, t);
  const style = { overflowWrap: 'anywhere' as const, minWidth: 0 };
  if (e.kind === 'decision' && e.decisionNumber) {
    return (
      <Anchor component={Link} to={paths.decisions.href({ q: e.decisionNumber })} size="sm" style={style}>
        {text}
      </Anchor>
    );
  }
  if (e.kind === 'document') {
    return (
      <Anchor href={evidenceDocumentUrl(e.id)} size="sm" style={style}>
        {e.fileName ? t('readiness.evidence.document', { name: e.fileName }) : text}
      </Anchor>
    );
  }
  return (
    <Anchor href={e.url ?? undefined} target="_blank" rel="noopener noreferrer" size="sm" style={style}>
      {text}
    </Anchor>
  );
}

function ManualMark({
  criterion: c,
  onStatus,
}: {
  criterion: ReadinessCriterion;
  onStatus: (text: string) => void;
}) {
  const { t } = useTranslation();
  const mark = useChangeReadiness();
  return (
    <Stack gap={4}>
      <Radio.Group
        label={t('readiness.criterion.manualLabel')}
        value={mark.isPending && mark.variables.kind === 'mark' ? mark.variables.status : c.manualStatus}
        onChange={(v) =>
          mark.mutate(
            { kind: 'mark', criterionId: c.id, status: v as ReadinessManualStatus },
            {
              onSuccess: () =>
                onStatus(
                  t('readiness.criterion.marked', {
                    status: t(`readiness.criterion.manualStatus.${v as ReadinessManualStatus}`),
                  }),
                ),
            },
          )
        }
      >
        <Group gap="md" mt={4}>
          {READINESS_MANUAL_STATUSES.map((s) => (
            <Radio
              key={s}
              value={s}
              label={t(`readiness.criterion.manualStatus.${s}`)}
              disabled={mark.isPending}
            />
          ))}
        </Group>
      </Radio.Group>
      {mark.isError ? <ProblemAlert error={mark.error} /> : null}
    </Stack>
  );
}

type EvidenceKind = 'link' | 'decision' | 'document';

function EvidenceForm({
  criterion,
  onDone,
}: {
  criterion: ReadinessCriterion;
  onDone: (added: boolean) => void;
}) {
  const { t } = useTranslation();
  const save = useChangeReadiness();
  const [kind, setKind] = useState<EvidenceKind>('link');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileId = useId();
  const { form, formRef, showServerErrors, alertFor } = usePortalForm(
    { initialValues: { title: '', url: '', number: '' } },
    (path) => {
      const field = serverFieldName(path);
      return ['title', 'url', 'number'].includes(field) ? field : undefined;
    },
  );
  const done = { onSuccess: () => onDone(true), onError: showServerErrors };
  const submit = form.onSubmit((v) => {
    if (kind === 'link') {
      save.mutate(
        {
          kind: 'addEvidence',
          criterionId: criterion.id,
          body: { kind: 'link', title: v.title, url: v.url },
        },
        done,
      );
    } else if (kind === 'decision') {
      save.mutate(
        { kind: 'addEvidence', criterionId: criterion.id, body: { kind: 'decision', number: v.number } },
        done,
      );
    } else if (!file) {
      setFileError(t('readiness.evidence.chooseFile'));
    } else if (!looksLikePdf(file)) {
      // The picker honours `accept`; a drop or "all files" does not (the server checks the bytes too).
      setFileError(t('readiness.evidence.notPdf', { name: file.name }));
    } else if (file.size > MAX_DOCUMENT_BYTES) {
      setFileError(t('readiness.evidence.tooLarge', { name: file.name, size: MAX_DOCUMENT_MB }));
    } else {
      setFileError(null);
      save.mutate(
        { kind: 'uploadEvidence', criterionId: criterion.id, file },
        {
          onSuccess: () => onDone(true),
          onError: (error) => {
            if (isApiError(error) && error.fieldErrors.length > 0)
              setFileError(error.fieldErrors[0]!.message);
            else if (isApiError(error, 413))
              setFileError(t('readiness.evidence.tooLargeServer', { size: MAX_DOCUMENT_MB }));
          },
        },
      );
    }
  });
  const rest = save.isError ? alertFor(save.error) : undefined;
  const showAlert = rest && !(kind === 'document' && fileError);
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="sm" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
        <NativeSelect
          label={t('readiness.evidence.kindLabel')}
          value={kind}
          onChange={(e) => {
            setKind(e.currentTarget.value as EvidenceKind);
            save.reset();
            form.clearErrors();
          }}
          data={(['link', 'decision', 'document'] as const).map((k) => ({
            value: k,
            label: t(`readiness.evidence.kind.${k}`),
          }))}
        />
        {kind === 'link' ? (
          <>
            <TextInput label={t('readiness.evidence.linkTitle')} required {...form.getInputProps('title')} />
            <TextInput
              label={t('readiness.evidence.url')}
              name="url"
              required
              type="url"
              inputMode="url"
              {...form.getInputProps('url')}
            />
          </>
        ) : kind === 'decision' ? (
          <TextInput label={t('readiness.evidence.number')} required {...form.getInputProps('number')} />
        ) : (
          <Input.Wrapper id={fileId} label={t('readiness.evidence.file')} required error={fileError}>
            <input
              id={fileId}
              type="file"
              accept="application/pdf,.pdf"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setFileError(null);
              }}
              aria-invalid={fileError ? true : undefined}
              style={{ display: 'block', marginTop: 'var(--mantine-spacing-xs)', maxWidth: '100%' }}
            />
          </Input.Wrapper>
        )}
        {showAlert ? <ProblemAlert error={save.error} fieldErrors={rest} /> : null}
        <Group gap="sm">
          <Button type="submit" size="xs" loading={save.isPending}>
            {t('readiness.evidence.save')}
          </Button>
          <Button size="xs" variant="default" onClick={() => onDone(false)}>
            {t('readiness.evidence.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
