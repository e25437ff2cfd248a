/** The board's query keys: the members' list and items, and an organisation's own items. */
export const boardKeys = {
  all: ['board'] as const,
  lists: () => [...boardKeys.all, 'list'] as const,
  list: (search: Readonly<Partial<Record<string, string>>>) => [...boardKeys.lists(), search] as const,
  items: () => [...boardKeys.all, 'item'] as const,
  item: (id: string) => [...boardKeys.items(), id] as const,
  organization: (organizationId: string) => [...boardKeys.all, 'organization', organizationId] as const,
  revisions: (organizationId: string, itemId: string) =>
    [...boardKeys.organization(organizationId), 'revisions', itemId] as const,
};
