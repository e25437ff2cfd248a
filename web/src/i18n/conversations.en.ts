import type { ConversationsMessages } from './conversations.bg.ts';

export const conversationsEn: ConversationsMessages = {
  interest: {
    button: 'Interested',
    title: 'Interest in "{{title}}"',
    intro:
      'Your message starts a private conversation between your organisation and {{organization}}. Only the representatives of the two organisations see it.',
    organization: 'On behalf of',
    message: 'First message',
    send: 'Send',
    cancel: 'Cancel',
    existing: 'You already have a conversation about this item. Opening it.',
  },
  list: {
    title: 'Conversations',
    intro: "Your organisations' private conversations about items on the cooperation board.",
    empty: 'No conversations yet. Express interest in an item on the board to start one.',
    with: 'with {{organization}}',
    about: 'About: {{title}}',
    unread_one: '{{count}} unread',
    unread_other: '{{count}} unread',
    lastMessage: 'Last message',
  },
  side: { owner: 'Your item', interested: 'Your interest' },
  status: {
    open: 'Open',
    agreed_proposed: 'Agreement proposed',
    agreed: 'Partnership',
  },
  conversation: {
    title: 'Conversation with {{organization}}',
    back: 'All conversations',
    about: 'About the item "{{title}}"',
    privacy: 'Only the representatives of the two organisations see it.',
    messages: 'Messages',
    noMessages: 'No messages yet.',
    erasedPerson: 'Erased person',
    you: 'You',
    notFound: 'The conversation was not found, or you do not represent either of its sides.',
  },
  composer: {
    label: 'New message',
    send: 'Send',
    count: '{{count}} of {{max}} characters',
    hint: 'Plain text only. Links become clickable.',
    sent: 'Message sent.',
  },
  agree: {
    propose: 'Mark as agreed',
    proposeTitle: 'Have you agreed on a partnership?',
    proposeText:
      'The other side will have to confirm. Once confirmed, the partnership counts in the cluster.',
    proposeConfirm: 'Yes, agreed',
    proposedByUs: 'You proposed an agreement. Waiting for the other side to confirm.',
    proposedByThem: 'The other side marked that you agreed on a partnership.',
    confirm: 'Confirm the partnership',
    confirmTitle: 'Confirm the partnership?',
    confirmText: 'The partnership will be recorded for both organisations.',
    confirmConfirm: 'Confirm',
    agreed: 'The partnership is agreed and confirmed.',
  },
  consent: {
    label: "Show the partnership on the organisation's public profile",
    hint: 'It is shown only when both organisations agree.',
    theirs: 'The other organisation agrees.',
    notTheirs: 'The other organisation has not agreed yet.',
  },
  badge: {
    label: 'Conversations',
    unread_one: '{{count}} unread message',
    unread_other: '{{count}} unread messages',
  },
  partnerships: {
    title: 'Partners in the cluster',
    intro:
      'Partnerships agreed in conversations about board items. Choose which are shown on the public profile — they appear when both organisations agree.',
    empty: 'No agreed partnerships yet.',
    since: 'Agreed on {{date}}',
    open: 'Open the conversation',
    saved: 'Consent saved.',
  },
  settings: {
    title: 'Message notifications',
    label: 'Email me about new messages in conversations',
    hint: 'At most one email an hour per conversation.',
    saved: 'Setting saved.',
  },
};
