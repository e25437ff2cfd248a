/**
 * `pnpm db:restore <file> [--force]`: restores a backup made by `pnpm db:backup`. The embedded database:
 * refused while the server has it open, and over an existing database only with --force (which keeps the
 * replaced one next to it). PostgreSQL: pg_restore into the (empty) database DATABASE_URL names.
 */
import { resolve } from 'node:path';
import { pgRestore, restorePglite } from '../backup.ts';
import { parseCliArgs } from './args.ts';
import { ConfigError, invocationDir, readDbConfig, runCli } from './config.ts';

const USAGE = 'pnpm db:restore <backup file> [--force]';

runCli(async () => {
  const { values, positionals } = parseCliArgs(
    { options: { force: { type: 'boolean', default: false } }, strict: true, allowPositionals: true },
    USAGE,
  );
  if (positionals.length !== 1) throw new ConfigError(`Name one backup file.\nUsage: ${USAGE}`);
  const file = resolve(invocationDir(), positionals[0] as string);
  const config = readDbConfig();
  if (config.databaseUrl) {
    if (values.force) {
      throw new ConfigError(
        '--force is for the embedded database; PostgreSQL is restored into a new, empty database.',
      );
    }
    await pgRestore(file, config.databaseUrl);
    console.log(`Restored ${file} into ${config.target}`);
    return;
  }
  if (!config.dataDir) throw new ConfigError('Neither DATABASE_URL nor DATA_DIR names a database');
  const result = await restorePglite(file, config.dataDir, { force: values.force });
  console.log(`Restored ${file} into ${config.target}`);
  if (result.replaced)
    console.log(`The database it replaced is kept in ${result.replaced} (delete it when no longer needed).`);
});
