/** `pnpm db:migrate`: applies the committed migrations to the configured database. */
import { mkdir } from 'node:fs/promises';
import { createDb, migrate } from '../client.ts';
import { readDbConfig, runCli } from './config.ts';

runCli(async () => {
  const config = readDbConfig();
  if (config.dataDir) await mkdir(config.dataDir, { recursive: true });
  const handle = await createDb(config);
  try {
    await migrate(handle);
    console.log(`Migrated ${config.target}`);
  } finally {
    await handle.close();
  }
});
