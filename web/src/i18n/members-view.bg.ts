/**
 * The `membersView` section: the members-only view of the directory and the non-public contacts on a
 * profile (issue 5, privacy). Loaded with that code, for users who may see it (members.view).
 */
export const membersViewBg = {
  switchLabel: 'Изглед на регистъра',
  public: 'Публичен',
  members: 'За членове',
  hint: {
    members: 'Виждате и контактите, които организациите споделят само с членовете на клъстера.',
    committee: 'Като член на комитета виждате всички контакти на организациите.',
  },
  note: {
    members: 'видимо само за членове',
    restricted: 'не е публично',
  },
};

export type MembersViewMessages = typeof membersViewBg;
