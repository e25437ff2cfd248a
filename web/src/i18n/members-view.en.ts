import type { MembersViewMessages } from './members-view.bg.ts';

export const membersViewEn: MembersViewMessages = {
  switchLabel: 'Directory view',
  public: 'Public',
  members: 'Members',
  hint: {
    members: 'You also see the contacts organisations share with cluster members only.',
    committee: 'As a committee member you see all contacts of the organisations.',
  },
  note: {
    members: 'visible to members only',
    restricted: 'not public',
  },
};
