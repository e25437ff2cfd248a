import type { DirectorySearch } from '../search-params.ts';

export const directoryKeys = {
  all: ['organizations'] as const,
  lists: () => [...directoryKeys.all, 'list'] as const,
  list: (search: DirectorySearch) => [...directoryKeys.lists(), search] as const,
};
