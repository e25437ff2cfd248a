/** Everything under `account` belongs to the signed-in user and is dropped when the user changes. */
export const accountKeys = {
  all: ['account'] as const,
  me: () => [...accountKeys.all, 'me'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
  organizations: () => [...accountKeys.all, 'organizations'] as const,
};
