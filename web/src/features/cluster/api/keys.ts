export const clusterKeys = {
  all: ['cluster'] as const,
  detail: () => [...clusterKeys.all, 'detail'] as const,
};
