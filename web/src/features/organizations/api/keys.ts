export const organizationKeys = {
  all: ['organization'] as const,
  details: () => [...organizationKeys.all, 'detail'] as const,
  detail: (id: string) => [...organizationKeys.details(), id] as const,
  /** The profile with the contacts the viewer may see (under `detail(id)`: refreshed with it). */
  members: (id: string) => [...organizationKeys.detail(id), 'members'] as const,
};
