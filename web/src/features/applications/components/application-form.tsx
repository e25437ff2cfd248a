import { Button, Grid, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { Application } from '@portal/shared';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { FORM_STEPS, type FormStep, firstMissingStep, isStepDone, stepsFor } from '../steps.ts';
import { UnsavedContext, useBeforeUnload } from '../unsaved.ts';
import { DocumentsStep } from './documents.tsx';
import { OrganizationStep } from './organization-step.tsx';
import { ReviewStep } from './review-step.tsx';
import {
  AccessionStep,
  AreasStep,
  ContactStep,
  DeclarationsStep,
  MotivationStep,
  OffersStep,
} from './section-steps.tsx';

/**
 * The application as a multi-step form (draft / changes requested). Each step saves its section; a
 * reopened application resumes at the first step still missing. The step list is a row of buttons (a
 * column on wide screens); moving to a step puts the focus on its heading. The step is in the URL
 * (`?step=contact`), so Back, Forward and reload keep the applicant where they were; leaving a step with
 * unsaved edits (another step, a link, Back, closing the page) asks first (issue 11 C3).
 */
export function ApplicationForm({
  application,
  onSubmitted,
}: {
  application: Application;
  onSubmitted: (application: Application) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  // Where the application opens without a step in the URL: the first step still missing.
  const [resume] = useState<FormStep>(() => firstMissingStep(application));
  const [dirty, setDirty] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef<FormStep | null>(null);
  const steps = stepsFor(application);
  const requested = searchParams.get('step');
  const step = FORM_STEPS.find((s) => s === requested) ?? resume;
  // The accession step goes away if the organisation stops being a public authority.
  const current = steps.includes(step) ? step : 'review';
  const index = steps.indexOf(current);
  // The step was just saved: say so (and nothing is left unsaved on it).
  const savedNotice = (location.state as { stepSaved?: boolean } | null)?.stepSaved === true;

  // A step reached from another one (not the first one shown) gets the focus on its heading.
  useEffect(() => {
    if (shown.current !== null && shown.current !== current) heading.current?.focus();
    shown.current = current;
  }, [current]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      (nextLocation.state as { stepSaved?: boolean } | null)?.stepSaved !== true &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  useBeforeUnload(dirty);

  const goTo = (next: FormStep, saved = false) => {
    const params = new URLSearchParams(searchParams);
    params.set('step', next);
    void navigate({ search: `?${params}` }, { state: saved ? { stepSaved: true } : null });
  };
  /** On from the current step, by the steps of the application as just saved (accession may appear). */
  const forward = (saved?: Application) => {
    const fresh = stepsFor(saved ?? application);
    goTo(fresh[fresh.indexOf(current) + 1] ?? 'review', saved !== undefined);
  };
  const previous = steps[index - 1];
  const back = previous ? () => goTo(previous) : undefined;
  const props = { application, onSaved: forward, onBack: back };

  let content: ReactNode;
  switch (current) {
    case 'organization':
      content = <OrganizationStep {...props} />;
      break;
    case 'contact':
      content = <ContactStep {...props} />;
      break;
    case 'areas':
      content = <AreasStep {...props} />;
      break;
    case 'offers':
      content = <OffersStep {...props} />;
      break;
    case 'motivation':
      content = <MotivationStep {...props} />;
      break;
    case 'declarations':
      content = <DeclarationsStep {...props} />;
      break;
    case 'accession':
      content = <AccessionStep {...props} />;
      break;
    case 'documents':
      content = <DocumentsStep application={application} onSaved={() => forward()} onBack={back} />;
      break;
    case 'review':
      content = (
        <ReviewStep
          application={application}
          onGoTo={goTo}
          onBack={() => goTo(steps[index - 1] ?? 'organization')}
          onSubmitted={onSubmitted}
        />
      );
      break;
  }

  return (
    <UnsavedContext.Provider value={setDirty}>
      <ConfirmModal
        opened={blocker.state === 'blocked'}
        title={t('apply.unsaved.title')}
        text={t('apply.unsaved.text')}
        confirmLabel={t('apply.unsaved.leave')}
        pending={false}
        error={null}
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <nav aria-label={t('apply.steps.label')}>
            <Stack component="ol" className="plain-list" gap={4}>
              {steps.map((s, i) => {
                const done = isStepDone(s, application);
                return (
                  <li key={s}>
                    <Button
                      // Filled: white on indigo-8 (hover 9) is 6:1 and more; the light variant's indigo-9
                      // on its hover background was 4.1:1 (issue 11 C13, step-contrast.test.tsx).
                      variant={s === current ? 'filled' : 'subtle'}
                      color={s === current ? undefined : 'gray'}
                      fullWidth
                      justify="flex-start"
                      aria-current={s === current ? 'step' : undefined}
                      onClick={() => goTo(s)}
                      styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
                      h="auto"
                      py={6}
                    >
                      <span aria-hidden="true" style={{ minWidth: '1.75em', display: 'inline-block' }}>
                        {done ? '✓' : `${i + 1}.`}
                      </span>
                      {t(`apply.steps.${s}`)}
                      {s === 'review' ? null : (
                        <VisuallyHidden>
                          {` (${done ? t('apply.steps.done') : t('apply.steps.missing')})`}
                        </VisuallyHidden>
                      )}
                    </Button>
                  </li>
                );
              })}
            </Stack>
          </nav>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper component="section" withBorder p={{ base: 'md', xs: 'lg' }} aria-labelledby="step-title">
            <Stack gap="md">
              <div>
                <Text size="sm" c="dimmed">
                  {t('apply.steps.progress', { current: index + 1, total: steps.length })}
                </Text>
                <Title
                  order={2}
                  size="h3"
                  id="step-title"
                  ref={heading}
                  tabIndex={-1}
                  style={{ outline: 'none' }}
                >
                  {t(`apply.steps.${current}`)}
                </Title>
              </div>
              <Text size="sm" c="teal.9" role="status">
                {savedNotice ? t('apply.form.saved') : ''}
              </Text>
              <div key={current}>{content}</div>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </UnsavedContext.Provider>
  );
}
