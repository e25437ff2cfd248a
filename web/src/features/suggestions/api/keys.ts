/** Everything the suggestions pages cache lives under `suggestions`. */
export const suggestionsKeys = {
  all: ['suggestions'] as const,
  organization: (id: string) => [...suggestionsKeys.all, 'organization', id] as const,
};
