/**
 * `pnpm admin:create --email someone@example.bg [--name "Име"]` — creates the first administrator (or
 * makes an existing user one). A new account gets a random 20-character password, printed once; change it
 * after logging in. There is no default administrator anywhere outside the demo data.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DatabaseLockedError, openMigratedDb } from '@portal/db';
import { DisplayNameSchema, EmailSchema } from '@portal/shared';
import { loadConfig } from '../config.ts';
import { createAdministrator } from './admin.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' } },
  strict: true,
});
const email = EmailSchema.safeParse(values.email ?? '');
if (!email.success) fail('Usage: pnpm admin:create --email someone@example.bg [--name "Display name"]');
const name = DisplayNameSchema.safeParse(values.name ?? 'Administrator');
if (!name.success) fail('--name must be 1 to 120 characters');

const config = loadConfig();
const handle = await openMigratedDb({ databaseUrl: config.databaseUrl, dataDir: config.pgliteDir }).catch(
  (error: unknown) => {
    if (error instanceof DatabaseLockedError) fail(error.message);
    throw error;
  },
);
try {
  const password = randomBytes(15).toString('base64url');
  const result = await createAdministrator(handle.db, email.data, name.data, password);
  if (result.created) {
    console.log(`Created administrator ${email.data}.`);
    console.log(`Temporary password (shown once, change it after logging in): ${password}`);
  } else {
    console.log(`${email.data} already had an account; it is now an administrator (password unchanged).`);
  }
} finally {
  await handle.close();
}
