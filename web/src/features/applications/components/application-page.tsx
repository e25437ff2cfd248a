import { Alert, Anchor, Button, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { type Application, availableActions, isEditableByApplicant } from '@portal/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { StateBadge } from '@/components/application-state-badge.tsx';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useApplication } from '@/lib/api/applications.ts';
import { isApiError } from '@/lib/api-client.ts';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useApplicationAction, useDeleteDraft } from '../api/applications.ts';
import { ApplicationForm } from './application-form.tsx';
import { changeRequest, MessagesSection, TimelineSection } from './application-status.tsx';
import { ApplicationSummary } from './application-summary.tsx';

/**
 * One application, as its applicant sees it: the form while it may be edited (draft, changes requested),
 * else the answers to read; the committee's messages, the history, what happens next, and Withdraw.
 */
export function ApplicationPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const application = useApplication(id);
  const [notice, setNotice] = useState('');
  const title = useRef<HTMLHeadingElement>(null);
  const org = application.data?.data.organization;
  const name = org ? pickLocalized(org.nameBg, org.nameEn, language) : undefined;
  usePageTitle(name?.text ?? t('apply.page.titleFallback'));

  if (application.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={36} width="50%" />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (application.isError) {
    const notFound =
      isApiError(application.error, 404) ||
      isApiError(application.error, 400) ||
      isApiError(application.error, 403);
    return (
      <Stack gap="md" align="flex-start">
        <Title order={1}>{notFound ? t('apply.page.notFoundTitle') : t('apply.page.titleFallback')}</Title>
        {notFound ? (
          <Text>{t('apply.page.notFoundText')}</Text>
        ) : (
          <QueryError error={application.error} onRetry={() => void application.refetch()} />
        )}
        <Anchor component={Link} to={paths.apply.href()}>
          {t('apply.page.back')}
        </Anchor>
      </Stack>
    );
  }

  const app = application.data;
  const editable = isEditableByApplicant(app.state);
  const announce = (text: string) => {
    setNotice(text);
    title.current?.focus();
  };
  const request = app.state === 'changes_requested' ? changeRequest(app) : undefined;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.apply.href()} size="sm">
        {t('apply.page.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={1} ref={title} tabIndex={-1} style={{ outline: 'none' }} lang={name?.lang}>
          {name?.text ?? t('apply.page.titleFallback')}
        </Title>
        <Group gap="xs">
          <VisuallyHidden>{t('apply.page.state')}:</VisuallyHidden>
          <StateBadge state={app.state} />
        </Group>
      </Group>
      <Text c="teal.9" role="status">
        {notice}
      </Text>
      {app.decision ? (
        <Alert
          color={app.decision.outcome === 'approved' ? 'teal' : 'red'}
          title={t('apply.status.decisionTitle', {
            number: app.decision.number,
            date: formatDate(app.decision.date, language),
          })}
        >
          {t(`apply.status.${app.decision.outcome}`)}
        </Alert>
      ) : null}
      {app.state === 'changes_requested' ? (
        <Alert color="yellow" title={t('apply.status.changesRequestedTitle')}>
          <Stack gap="xs">
            {request?.text ? (
              <Text size="sm" className="pre-line">
                {request.text}
              </Text>
            ) : null}
            <Text size="sm">{t('apply.status.changesRequestedText')}</Text>
          </Stack>
        </Alert>
      ) : null}
      <Text>
        <Text span fw={600}>
          {t('apply.status.nextTitle')}:
        </Text>{' '}
        {t(`apply.status.next.${app.state}`)}
      </Text>
      {editable ? (
        <ApplicationForm application={app} onSubmitted={() => announce(t('apply.review.submitted'))} />
      ) : (
        <ApplicationSummary application={app} />
      )}
      {app.state === 'draft' ? null : (
        <>
          <MessagesSection application={app} />
          <TimelineSection application={app} />
        </>
      )}
      {app.state === 'draft' ? (
        <DeleteDraft application={app} />
      ) : (
        <Withdraw application={app} onWithdrawn={() => announce(t('apply.withdraw.done'))} />
      )}
    </Stack>
  );
}

function Withdraw({ application, onWithdrawn }: { application: Application; onWithdrawn: () => void }) {
  const { t } = useTranslation();
  const action = useApplicationAction(application.id);
  const [opened, setOpened] = useState(false);
  if (!availableActions(application.state, 'applicant').includes('withdraw')) return null;

  const close = () => {
    setOpened(false);
    action.reset();
  };
  const confirm = () => {
    if (action.isPending) return;
    action.mutate(
      { action: 'withdraw' },
      {
        onSuccess: () => {
          setOpened(false);
          onWithdrawn();
        },
      },
    );
  };
  return (
    <Group>
      <Button variant="outline" color="red" onClick={() => setOpened(true)}>
        {t('apply.withdraw.button')}
      </Button>
      <ConfirmModal
        opened={opened}
        title={t('apply.withdraw.confirmTitle')}
        text={t('apply.withdraw.confirmText')}
        confirmLabel={t('apply.withdraw.confirm')}
        pending={action.isPending}
        error={action.error}
        onConfirm={confirm}
        onClose={close}
      />
    </Group>
  );
}

/** A draft is deleted, not withdrawn: the committee never saw it (issue 11 C3). */
function DeleteDraft({ application }: { application: Application }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteDraft(application.id);
  const [opened, setOpened] = useState(false);
  const close = () => {
    setOpened(false);
    remove.reset();
  };
  const confirm = () => {
    if (remove.isPending) return;
    remove.mutate(undefined, {
      onSuccess: () => void navigate(paths.apply.href(), { state: { draftDeleted: true } }),
    });
  };
  return (
    <Group>
      <Button variant="outline" color="red" onClick={() => setOpened(true)}>
        {t('apply.deleteDraft.button')}
      </Button>
      <ConfirmModal
        opened={opened}
        title={t('apply.deleteDraft.confirmTitle')}
        text={t('apply.deleteDraft.confirmText')}
        confirmLabel={t('apply.deleteDraft.confirm')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={confirm}
        onClose={close}
      />
    </Group>
  );
}
