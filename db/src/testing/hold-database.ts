/**
 * Test fixture, run as a child process by the lock tests: opens the embedded database in the directory
 * given as the first argument, prints `ready <pid>`, then
 * - `hold` (default): keeps it open until its stdin closes, then closes it and exits;
 * - `exit`: calls process.exit(0) without closing (the exit hook must still free the directory).
 */
import { createDb } from '../client.ts';

const [dir, mode = 'hold'] = process.argv.slice(2);
if (!dir) throw new Error('usage: hold-database.ts <pglite dir> [hold|exit]');
const handle = await createDb({ dataDir: dir });
process.stdout.write(`ready ${process.pid}\n`);
if (mode === 'exit') process.exit(0);
process.stdin.resume();
process.stdin.on('end', () => {
  void handle.close().then(() => process.exit(0));
});
