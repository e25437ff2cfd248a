import type { MinutesMessages } from './minutes.bg.ts';

/** English texts of the minutes of meetings (decision 045): the `minutes` section. */
export const minutesEn: MinutesMessages = {
  title: 'Minutes',
  none: 'The minutes have not been written yet.',
  approvedBy: 'Approved by {{name}} on {{date}}',
  approvedOn: 'Approved on {{date}}',
  revision: 'Revision {{revision}}',
  correction: 'Correction: {{reason}}',
  draft: 'Draft — not approved',
  pdf: 'PDF in Bulgarian',
  pdfEn: 'PDF in English',
  print: 'Print',
  earlier: 'Earlier revisions',
  onlyBg: 'The minutes exist in Bulgarian only.',
  edit: {
    title: 'Draft minutes',
    start: 'Start the minutes',
    correct: 'Correct the minutes',
    prefill: "Fill in from the meeting's record",
    textBg: 'Text in Bulgarian (Markdown)',
    textEn: 'Text in English (optional)',
    reason: 'Reason for the correction',
    save: 'Save the draft',
    saved: 'The draft is saved.',
  },
  comments: {
    title: 'Comments on the draft',
    none: 'No comments yet.',
    label: 'Your comment',
    send: 'Send comment',
    former: 'Former user',
  },
  approve: {
    button: 'Approve the minutes',
    title: 'Approving the minutes',
    text: 'Approved minutes are locked: later corrections become a new revision with a reason. Approve them?',
    confirm: 'Approve',
  },
};
