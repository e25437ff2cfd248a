// The server writes raw, parameterised SQL with drizzle's template without depending on drizzle-orm itself.
export { type SQL, sql } from 'drizzle-orm';
// Benchmarks turn a drizzle SQL into text + params to run it on the raw driver (bench/directory.ts).
export { PgDialect } from 'drizzle-orm/pg-core';
export { pgliteDir } from './cli/config.ts';
export * from './client.ts';
export * from './schema/index.ts';
