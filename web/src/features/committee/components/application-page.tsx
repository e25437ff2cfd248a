import { Alert, Anchor, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { type Application, isErasedEmail, type Principal, type VotePanel } from '@portal/shared';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { principalOf, useSession } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { formatDate, formatDateTime } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { personEmail, personName } from '@/lib/person.ts';
import { useApplication } from '../api/applications.ts';
import { AnswersSection } from './answers-section.tsx';
import { CommentForm } from './comment-form.tsx';
import { isQueueReturnState } from './committee-page.tsx';
import { DocumentsSection } from './documents-section.tsx';
import { ReviewActions } from './review-actions.tsx';
import { StateBadge } from './state-badge.tsx';
import { TimelineSection } from './timeline-section.tsx';

function BackLink() {
  const { t } = useTranslation();
  const { state } = useLocation();
  const search = isQueueReturnState(state) ? state.queueSearch : undefined;
  return (
    <Anchor component={Link} to={paths.committee.href(search)}>
      ← {t('committee.application.back')}
    </Anchor>
  );
}

/** The organisation's name in the UI language, or a neutral title while the applicant has not given one. */
function useApplicationName(application: Application | undefined) {
  const { t } = useTranslation();
  const language = useLanguage();
  const o = application?.data.organization;
  return o
    ? pickLocalized(o.nameBg, o.nameEn, language)
    : { text: t('committee.application.titleFallback'), lang: language };
}

/**
 * The committee's vote on the application, the voting feature's section, passed in by the app's route
 * (`app/routes/committee-application-page.tsx`) since features do not import each other.
 */
export type ApplicationPageSections = {
  Vote: ComponentType<{ application: Application; vote: VotePanel; principal: Principal | null }>;
};

/** /committee/applications/:id: everything the committee needs to review, discuss and vote. */
export function ApplicationPage({ Vote }: ApplicationPageSections) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const application = useApplication(id);
  const name = useApplicationName(application.data);
  const notFound = isApiError(application.error, 404) || isApiError(application.error, 400);
  usePageTitle(notFound ? t('committee.application.notFoundTitle') : name.text);

  let content: ReactNode;
  if (application.isPending) {
    content = (
      <Stack gap="md" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={36} width="50%" />
        <Skeleton height={160} />
      </Stack>
    );
  } else if (application.isError) {
    content = notFound ? (
      <Stack gap="sm" align="flex-start">
        <Title order={1}>{t('committee.application.notFoundTitle')}</Title>
        <Text>{t('committee.application.notFoundText')}</Text>
      </Stack>
    ) : (
      <QueryError error={application.error} onRetry={() => void application.refetch()} />
    );
  } else {
    content = <ApplicationDetails application={application.data} name={name} Vote={Vote} />;
  }

  return (
    <Stack gap="lg">
      <BackLink />
      {content}
    </Stack>
  );
}

function ApplicationDetails({
  application,
  name,
  Vote,
}: {
  application: Application;
  name: { text: string; lang: string };
} & ApplicationPageSections) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const principal = principalOf(session.data?.user);
  const { applicant, decision } = application;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1} lang={name.lang} style={{ overflowWrap: 'anywhere' }}>
            {name.text}
          </Title>
          <StateBadge state={application.state} />
        </Group>
        <dl className="facts">
          <dt>{t('committee.application.applicant')}</dt>
          <dd>
            {isErasedEmail(applicant.email) ? (
              personEmail(t, applicant.email)
            ) : (
              <>
                {personName(t, applicant.name)} (
                <Anchor href={`mailto:${applicant.email}`}>{applicant.email}</Anchor>)
              </>
            )}
          </dd>
          <dt>{t('committee.application.submittedAt')}</dt>
          <dd>
            {application.submittedAt
              ? formatDateTime(application.submittedAt, language)
              : t('committee.application.notSubmitted')}
          </dd>
          <dt>{t('committee.application.updatedAt')}</dt>
          <dd>{formatDateTime(application.updatedAt, language)}</dd>
          {decision ? (
            <>
              <dt>{t('committee.application.decision')}</dt>
              <dd>
                {t('committee.application.decisionText', {
                  number: decision.number,
                  date: formatDate(decision.date, language),
                  outcome: t(`committee.application.outcome.${decision.outcome}`),
                })}
              </dd>
            </>
          ) : null}
        </dl>
      </Stack>
      {application.conflict ? (
        <Alert color="yellow" title={t('committee.conflict.title')} role="note">
          {t(`committee.conflict.${application.conflict}`)}
        </Alert>
      ) : (
        <ReviewActions application={application} principal={principal} name={name.text} />
      )}
      {application.vote ? (
        <Vote application={application} vote={application.vote} principal={principal} />
      ) : null}
      <AnswersSection data={application.data} />
      <DocumentsSection applicationId={application.id} documents={application.documents} />
      <TimelineSection entries={application.timeline}>
        <CommentForm applicationId={application.id} />
      </TimelineSection>
    </Stack>
  );
}
