/**
 * `pnpm db:seed`: migrates the configured database and loads the demo cluster (idempotent). Asked for
 * explicitly, so it is allowed on PostgreSQL too.
 */
import { openMigratedDb } from '../client.ts';
import { seedDemo } from '../seed/index.ts';
import { readDbConfig, runCli } from './config.ts';

runCli(async () => {
  const config = readDbConfig();
  const handle = await openMigratedDb(config);
  try {
    const { organizations } = await seedDemo(handle.db);
    console.log(`Seeded ${organizations} demo organisations into ${config.target}`);
  } finally {
    await handle.close();
  }
});
