/**
 * Boot: read the configuration, open and migrate the database (seeding the demo data into an empty
 * embedded database outside production), listen, and drain then close gracefully on SIGTERM/SIGINT.
 * Run from source with tsx (`pnpm dev`) or bundled (`node server/dist/main.js`, decision 025).
 */
import { DatabaseLockedError, openMigratedDb } from '@portal/db';
import { isEmpty, seedDemo } from '@portal/db/seed';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { type Config, databaseConfig, loadConfig } from './config.ts';
import { startMailWorker } from './email/worker.ts';
import { startHousekeeping } from './housekeeping.ts';
import { startDashboardWarmer } from './routes/dashboard/dashboard.service.ts';
import { drain, shutdown } from './shutdown.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const handle = await openMigratedDb(databaseConfig(config)).catch((error: unknown) => {
  // Another process has the embedded database open (decision 027): say which, without a stack trace.
  if (error instanceof DatabaseLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
// The demo data (with its public demo password) never loads by itself in production.
if (handle.engine === 'pglite' && config.nodeEnv !== 'production' && (await isEmpty(handle.db))) {
  await seedDemo(handle.db);
}

const app = await buildApp({ db: handle, config });
// Dispatches domain events into the email outbox and delivers it through SMTP_URL; without it, mail
// waits in the outbox (admin mailbox page).
const mailWorker = startMailWorker({ db: handle.db, config, log: app.log });
// Deletes ended sessions, used tokens, old rate-limit rows and old sent email (decision 028).
const housekeeping = startHousekeeping({ db: handle.db, config, log: app.log });
// Computes the dashboard in the background now and at each new month, so its first reader does not wait
// for the aggregation; never awaited, so the server is ready at once (decision 048).
const dashboardWarmer = startDashboardWarmer({ handle, log: app.log });

// A signal drains first (readiness 503 while serving for SHUTDOWN_DELAY_SECONDS), then closes; the
// whole sequence gets 10 s beyond the delay before close-with-grace gives up and exits 1.
closeWithGrace({ delay: config.shutdownDelayMs + 10_000, logger: app.log }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'closing after an unexpected error');
  else app.log.info({ signal }, 'closing gracefully');
  await drain(app, err ? 0 : config.shutdownDelayMs);
  await mailWorker.stop();
  await housekeeping.stop();
  await dashboardWarmer.stop();
  await shutdown(app, handle);
});

await app.listen({ host: config.host, port: config.port });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const shownHost = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.host) ? 'localhost' : config.host;
const message = `Cluster portal listening on http://${shownHost}:${port}`;
// Always tell the person who started it where to go, even when the log level hides info lines.
if (['trace', 'debug', 'info'].includes(config.logLevel)) app.log.info(message);
else console.log(message);
