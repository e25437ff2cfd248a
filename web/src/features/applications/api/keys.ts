/** The signed-in user's own applications (dropped with the rest of the user's data on log-out). */
export const applicationKeys = {
  all: ['applications'] as const,
  mine: () => [...applicationKeys.all, 'mine'] as const,
  detail: (id: string) => [...applicationKeys.all, 'detail', id] as const,
};
