import type { SuggestionsMessages } from './suggestions.bg.ts';

export const suggestionsEn: SuggestionsMessages = {
  title: 'Suggested partners',
  intro:
    'Organisations in the cluster you could partner with, ranked by points. Each reason shows its weight; their sum is the score. Suggestions are worked out afresh each time from the board items, areas and profiles.',
  score: 'Score: {{score}}',
  scoreLabel: 'Score',
  weight: 'weight {{weight}}',
  theirItem: 'Their item',
  yourItem: 'Your item',
  reasonsLabel: 'Why',
  openProfile: 'Organisation profile',
  citedItems: 'Items cited',
  notRelevant: 'Not relevant',
  notRelevantFor: 'Not relevant: {{name}}',
  dismissed: '“{{name}}” is hidden from your suggestions.',
  undo: 'Undo',
  restored: '“{{name}}” may be suggested again.',
  dismissedTitle_one: 'Hidden suggestion ({{count}})',
  dismissedTitle_other: 'Hidden suggestions ({{count}})',
  dismissedIntro:
    'Hidden organisations are no longer suggested, and their reasons weigh less in your suggestions.',
  showAgain: 'Show again',
  showAgainFor: 'Show again: {{name}}',
  emptyTitle: 'No suggestions yet',
  emptyText:
    'Add areas to your profile or publish an offer or a request on the cooperation board, and we will find suitable partners.',
  inactiveTitle: 'For active members only',
  inactiveText: 'The organisation is not an active member at the moment, so it has no suggested partners.',
  card: {
    title: 'Suggested partners',
    text_one: '{{count}} organisation could be a useful partner. The best match: {{name}}.',
    text_other: '{{count}} organisations could be useful partners. The best match: {{name}}.',
    empty: 'No suggested partners yet.',
    link: 'See the suggested partners',
  },
};
