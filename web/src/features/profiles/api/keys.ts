/**
 * The organisation editor's queries. Under `account`: they belong to the signed-in user and are dropped
 * with the other account data when the user changes.
 */
export const myOrganizationKeys = {
  all: ['account', 'my-organization'] as const,
  detail: (id: string) => [...myOrganizationKeys.all, id] as const,
  profile: (id: string) => [...myOrganizationKeys.detail(id), 'profile'] as const,
  history: (id: string) => [...myOrganizationKeys.detail(id), 'history'] as const,
  competitors: (id: string) => [...myOrganizationKeys.detail(id), 'competitors'] as const,
};
