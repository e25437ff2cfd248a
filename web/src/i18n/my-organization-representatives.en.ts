import type { RepresentativesMessages } from './my-organization-representatives.bg.ts';

/** English texts of the representatives tab and the invitation accept page (`myOrganization.representatives`). */
export const representativesEn: RepresentativesMessages = {
  title: 'Representatives',
  intro:
    "Representatives edit the organisation's profile and invite colleagues. An organisation always keeps at least one representative.",
  you: 'you',
  linkedSince: 'Representative since {{date}}',
  remove: 'Remove',
  removeNamed: 'Remove {{name}}',
  leave: 'Leave',
  lastOne:
    'The only representative cannot be removed: invite a colleague, and once they accept you will be able to leave.',
  removeTitle: 'Remove a representative',
  removeText:
    "{{name}} ({{email}}) will no longer be able to edit the organisation's profile or invite colleagues.",
  leaveTitle: 'Leave the organisation',
  leaveText:
    "You will no longer be able to edit the organisation's profile or invite colleagues. Only another representative can invite you again.",
  removeConfirm: 'Yes, remove',
  leaveConfirm: 'Yes, leave',
  removed: '{{name}} is no longer a representative.',
  invite: {
    title: 'Invite a colleague',
    intro:
      'We email a link valid for 7 days. Your colleague accepts it by logging in to the portal with that email (or signing up with it).',
    email: "Colleague's email",
    submit: 'Send invitation',
    sent: 'The invitation to {{email}} has been sent.',
    resent: 'The invitation to {{email}} has been sent again with a new link.',
    unavailable:
      'New representatives can be invited only while the organisation is an active member of the cluster.',
  },
  invitations: {
    title: 'Invitations sent',
    empty: 'No invitations are waiting for an answer.',
    sentBy: 'Sent by {{name}} on {{date}}',
    sentOn: 'Sent on {{date}}',
    expires: 'Valid until {{date}}',
    expired: 'Expired on {{date}} — send it again with the form above.',
    expiredBadge: 'expired',
    revoke: 'Revoke',
    revokeNamed: 'Revoke the invitation to {{email}}',
    revokeTitle: 'Revoke an invitation',
    revokeText: 'The link sent to {{email}} will stop working.',
    revokeConfirm: 'Yes, revoke',
    revoked: 'The invitation to {{email}} has been revoked.',
  },
  accept: {
    pageTitle: 'Invitation to represent an organisation',
    title: 'Invitation to represent {{organization}}',
    text: '{{inviter}} invites you to become a representative of {{organization}} on the cluster portal.',
    textNoInviter: 'You are invited to become a representative of {{organization}} on the cluster portal.',
    sentTo: 'The invitation was sent to {{email}} and is valid until {{date}}.',
    mismatch:
      'You are logged in as {{me}}, but the invitation is for {{email}}. Log out and log in with the account of that email to accept it.',
    submit: 'Accept the invitation',
    accepted: 'You are now a representative of {{organization}}.',
    alreadyAccepted: 'You have already accepted this invitation.',
    openProfile: "Go to the organisation's profile",
    openRepresentatives: 'Go to the representatives',
    missingToken: 'The link is incomplete. Open the whole link from the email.',
    errorTitle: 'The invitation cannot be accepted',
  },
};
