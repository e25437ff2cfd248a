/**
 * `pnpm db:housekeeping` — one housekeeping run (server/src/housekeeping.ts), for a scheduler such as
 * cron or a Kubernetes CronJob when the servers' own schedule is off (HOUSEKEEPING_MINUTES=0).
 * Prints what it deleted; exits 0 also when another instance was running it at that moment.
 */
import { openMigratedDb } from '@portal/db';
import { loadConfig } from '../config.ts';
import { housekeepingPolicy, runHousekeeping } from '../housekeeping.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const handle = await openMigratedDb({ databaseUrl: config.databaseUrl, dataDir: config.pgliteDir });
try {
  const result = await runHousekeeping(handle.db, housekeepingPolicy(config));
  if (!result) {
    console.log('Another instance is running housekeeping right now; nothing done.');
  } else {
    console.log(
      `Deleted ${result.sessions} ended sessions, ${result.authTokens} used or expired tokens, ` +
        `${result.invitations} closed invitations, ${result.rateLimits} ended rate-limit windows, ` +
        `${result.sentEmails} sent emails and ${result.dispatchedEvents} dispatched events older than ` +
        `${config.sentMailRetentionDays} days.`,
    );
  }
} finally {
  await handle.close();
}
