/**
 * `pnpm db:backup [--out file]`: backs up the configured database — the embedded one as a gzip tarball of
 * its data directory (refused while the server has it open), PostgreSQL with pg_dump's custom format.
 */
import { resolve } from 'node:path';
import { backupPglite, fileStamp, pgDump } from '../backup.ts';
import { parseCliArgs } from './args.ts';
import { ConfigError, invocationDir, readDbConfig, runCli } from './config.ts';

runCli(async () => {
  const { values } = parseCliArgs(
    { options: { out: { type: 'string' } }, strict: true, allowPositionals: false },
    'pnpm db:backup [--out file]',
  );
  const config = readDbConfig();
  const stamp = fileStamp();
  const out = resolve(
    invocationDir(),
    values.out ?? (config.databaseUrl ? `portal-backup-${stamp}.dump` : `portal-backup-${stamp}.tar.gz`),
  );
  let result: { file: string; bytes: number };
  if (config.databaseUrl) result = await pgDump(config.databaseUrl, out);
  else if (config.dataDir) result = await backupPglite(config.dataDir, out);
  else throw new ConfigError('Neither DATABASE_URL nor DATA_DIR names a database');
  console.log(`Backed up ${config.target} to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB)`);
});
