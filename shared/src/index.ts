export * from './api.ts';
export * from './eik.ts';
export * from './i18n.ts';
export * from './organization.ts';
