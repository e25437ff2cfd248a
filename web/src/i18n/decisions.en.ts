import type { DecisionsMessages } from './decisions.bg.ts';

/** English texts of the decisions register: the `decisions` section, registered by decisions.ts. */
export const decisionsEn: DecisionsMessages = {
  title: 'Register of decisions',
  intro:
    'The initiative committee’s decisions to admit new members. Members of the cluster also see the other decisions, including those on memberships, with the results of the votes.',
  introMembers:
    'Every decision of the initiative committee on applications and on memberships (category, suspension, exclusion), with the results of the votes.',
  filters: 'Search and filters',
  searchLabel: 'Search',
  searchPlaceholder: 'Decision number or organisation',
  outcomeLabel: 'Decision',
  outcomeAny: 'All decisions',
  outcome: {
    approved: 'Admitted as a member',
    rejected: 'Membership refused',
  },
  yearLabel: 'Year',
  yearAny: 'All years',
  results: 'Decisions',
  found_one: '{{count, number}} decision',
  found_other: '{{count, number}} decisions',
  emptyTitle: 'No decisions match the search',
  emptyText: 'Try another word or clear the filters.',
  noneTitle: 'No decisions have been taken yet',
  number: 'Decision No. {{number}}',
  tally: 'For: {{for}}, against: {{against}}, abstentions: {{abstain}}',
  eligible: 'entitled to vote: {{eligible}}, stood aside: {{recused}}',
  text: 'Text of the decision',
  application: 'The application behind decision No. {{number}}',
  membership: 'Membership: {{action}}',
  membershipOnly: 'Membership',
  meetingBadge: 'Decision of a meeting',
  meetingOutcome: { approved: 'Adopted', rejected: 'Not adopted' },
  meeting: 'Meeting “{{title}}”, {{date}}',
  membershipAction: {
    change_category: 'change of category',
    suspend: 'suspension',
    reinstate: 'reinstatement',
    withdraw: 'withdrawal',
    exclude: 'exclusion',
  },
};
