export * from './api.ts';
export * from './applications.ts';
export * from './auth.ts';
export * from './eik.ts';
export * from './i18n.ts';
export * from './organization.ts';
export * from './permissions.ts';
export * from './profile.ts';
