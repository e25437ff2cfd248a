/**
 * `pnpm db:move-to-postgres --to postgres://…`: copies the embedded database (DATA_DIR) with everything in
 * it into a new, empty PostgreSQL database, checks that every table arrived identical, and leaves the
 * embedded database as it was. Then set DATABASE_URL to the target and start the server.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { openMigratedDb } from '../client.ts';
import { moveToPostgres } from '../move.ts';
import { parseCliArgs } from './args.ts';
import { ConfigError, readDbConfig, runCli } from './config.ts';

const USAGE = 'pnpm db:move-to-postgres --to postgres://user@host:5432/portal';

runCli(async () => {
  const { values } = parseCliArgs({ options: { to: { type: 'string' } }, strict: true }, USAGE);
  const to = z.url({ protocol: /^postgres(ql)?$/ }).safeParse(values.to);
  if (!to.success) throw new ConfigError(`--to must be a PostgreSQL URL.\nUsage: ${USAGE}`);
  const config = readDbConfig();
  if (config.databaseUrl || !config.dataDir) {
    throw new ConfigError(
      'DATABASE_URL is set: this command moves the embedded database (DATA_DIR) to the database named by --to. Unset DATABASE_URL.',
    );
  }
  if (!existsSync(join(config.dataDir, 'PG_VERSION'))) {
    throw new ConfigError(`There is no embedded database in ${config.dataDir} to move.`);
  }
  const target = new URL(to.data);
  target.password = '';
  console.log(`Moving ${config.target} to PostgreSQL ${target.host}${target.pathname}`);
  const source = await openMigratedDb(config);
  try {
    const result = await moveToPostgres(source, to.data, (line) => console.log(`  ${line}`));
    const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `Moved ${rows} rows in ${result.tables.length} tables and ${result.sequences} sequences; every table's rows and checksum match.`,
    );
    console.log(
      `Next: start the portal with DATABASE_URL set to the target. ${config.dataDir} is left as it was; keep it (or a pnpm db:backup of it) until the new setup has proven itself.`,
    );
  } finally {
    await source.close();
  }
});
