import type { DirectorySearch } from '../search-params.ts';

export const directoryKeys = {
  all: ['organizations'] as const,
  lists: () => [...directoryKeys.all, 'list'] as const,
  list: (search: DirectorySearch) => [...directoryKeys.lists(), search] as const,
  /** The members-only view of the same search (under `lists()`, so a profile change refreshes it too). */
  memberList: (search: DirectorySearch) => [...directoryKeys.lists(), 'members', search] as const,
};
