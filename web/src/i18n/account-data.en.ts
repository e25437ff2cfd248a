import type { AccountDataMessages } from './account-data.bg.ts';

/** English texts of the account page's "Your data" section (see account-data.bg.ts). */
export const accountDataEn: AccountDataMessages = {
  title: 'Your data',
  intro:
    'Download everything the portal holds about you: your account, roles, sessions, organisations, applications, votes, invitations, the e-mails sent to you and your entries in the audit log (a JSON file).',
  download: 'Download my data',
  downloaded: 'The file {{name}} has been downloaded.',
  eraseTitle: 'Erase my account',
  eraseIntro: 'You can erase your account. This cannot be undone:',
  eraseRemoved:
    'your name, e-mail and password are erased, your sessions end, your roles and organisation links are removed and the contact details in your applications are deleted;',
  eraseKept:
    'decisions, votes and audit records stay, without your personal data — they will show "Erased user";',
  eraseRepresentative:
    'if you are the only representative of an organisation, first invite a colleague or ask the committee.',
  password: 'Password (to confirm)',
  erase: 'Erase my account',
  confirmTitle: 'Erase my account',
  confirmText: 'Your account will be erased for good and you will be logged out. Continue?',
  confirm: 'Yes, erase my account',
  cancel: 'Cancel',
  close: 'Close',
};
