// The server uses drizzle's sql template and operators through this package, without depending on drizzle-orm itself.
export {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  getTableColumns,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  ne,
  not,
  notInArray,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
// Benchmarks turn a drizzle SQL into text + params to run it on the raw driver (bench/directory.ts).
export { alias, PgDialect } from 'drizzle-orm/pg-core';
export { pgliteDir } from './cli/config.ts';
export * from './client.ts';
export * from './driver.ts';
export * from './errors.ts';
export { DatabaseLockedError, lockFileFor } from './lock.ts';
export {
  MIGRATION_FILLED_TABLES,
  MoveError,
  moveToPostgres,
  publicTables,
  sequenceStates,
  type TableFingerprint,
  tableFingerprints,
} from './move.ts';
export type { QueryEvent, QueryObserver } from './observe.ts';
export * from './schema/index.ts';
