import { integer, timestamp } from 'drizzle-orm/pg-core';

/** Created/updated timestamps and an optimistic-locking version, on every mutable row. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

export const version = {
  /** Incremented by every update; a write naming a stale version is refused (lost-update guard). */
  version: integer('version').notNull().default(1),
};
