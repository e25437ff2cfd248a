/**
 * Boot: read the configuration, open and migrate the database (seeding the demo data into an empty
 * embedded database), listen, and close gracefully on SIGTERM/SIGINT.
 */
import { DatabaseLockedError, openMigratedDb } from '@portal/db';
import { isEmpty, seedDemo } from '@portal/db/seed';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { type Config, databaseConfig, loadConfig } from './config.ts';
import { startMailWorker } from './email/worker.ts';
import { startHousekeeping } from './housekeeping.ts';
import { shutdown } from './shutdown.ts';

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
if (handle.engine === 'pglite' && (await isEmpty(handle.db))) await seedDemo(handle.db);

const app = await buildApp({ db: handle, config });
// Delivers the email outbox through SMTP_URL; without it, mail waits in the outbox (admin mailbox page).
const mailWorker = startMailWorker({ db: handle.db, config, log: app.log });
// Deletes ended sessions, used tokens, old rate-limit rows and old sent email (decision 028).
const housekeeping = startHousekeeping({ db: handle.db, config, log: app.log });

closeWithGrace({ delay: 10_000, logger: app.log }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'closing after an unexpected error');
  else app.log.info({ signal }, 'closing gracefully');
  await mailWorker.stop();
  await housekeeping.stop();
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
