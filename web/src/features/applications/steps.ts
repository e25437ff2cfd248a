import type { Application, ApplicationSection } from '@portal/shared';

/** The form's steps in order: the sections, then the documents and the review with the Submit button. */
export const FORM_STEPS = [
  'organization',
  'contact',
  'areas',
  'offers',
  'motivation',
  'declarations',
  'accession',
  'documents',
  'review',
] as const satisfies readonly (ApplicationSection | 'documents' | 'review')[];
export type FormStep = (typeof FORM_STEPS)[number];

/** The accession step is there only for a public authority (as saved in the organisation step). */
export function stepsFor(application: Application): FormStep[] {
  const publicAuthority = application.data.organization?.kind === 'public_authority';
  return FORM_STEPS.filter((s) => s !== 'accession' || publicAuthority);
}

/** The step that fills in an entry of `Application.missing` (the server's `missingSections`). */
export function stepOfMissing(missing: string): FormStep {
  if (missing === 'council_decision_document') return 'documents';
  return (FORM_STEPS as readonly string[]).includes(missing) ? (missing as FormStep) : 'review';
}

/** Where a reopened application resumes: the first step still missing, else the review. */
export function firstMissingStep(application: Application): FormStep {
  const first = application.missing[0];
  return first === undefined ? 'review' : stepOfMissing(first);
}

export function isStepDone(step: FormStep, application: Application): boolean {
  if (step === 'review') return false;
  return !application.missing.some((m) => stepOfMissing(m) === step);
}
