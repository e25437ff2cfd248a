export * from './areas.ts';
export * from './cluster-settings.ts';
export * from './directory-entries.ts';
export * from './memberships.ts';
export * from './organization-areas.ts';
export * from './organizations.ts';
