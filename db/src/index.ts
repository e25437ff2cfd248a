// The server writes raw, parameterised SQL with drizzle's template without depending on drizzle-orm itself.
export { type SQL, sql } from 'drizzle-orm';
export { pgliteDir } from './cli/config.ts';
export * from './client.ts';
export * from './schema/index.ts';
