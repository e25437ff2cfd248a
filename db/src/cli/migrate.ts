/** `pnpm db:migrate`: applies the committed migrations to the configured database. */
import { openMigratedDb } from '../client.ts';
import { readDbConfig, runCli } from './config.ts';

runCli(async () => {
  const config = readDbConfig();
  const handle = await openMigratedDb(config);
  try {
    console.log(`Migrated ${config.target}`);
  } finally {
    await handle.close();
  }
});
