import { customType, integer, timestamp } from 'drizzle-orm/pg-core';

/** Created/updated timestamps and an optimistic-locking version, on every mutable row. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

export const version = {
  /** Incremented by every update; a write naming a stale version is refused (lost-update guard). */
  version: integer('version').notNull().default(1),
};

/** Binary content (PGlite hands back a Uint8Array, postgres.js a Buffer: both become a Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
