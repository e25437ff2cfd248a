/**
 * `pnpm --filter @portal/server build` (part of the root `pnpm build`): bundles the server, the
 * administrator CLI and the migration CLI into `server/dist/` with esbuild, so production runs plain
 * `node server/dist/main.js` — no TypeScript compiler at start-up (decision 025).
 *
 * Our TypeScript and the pure-JavaScript dependencies are bundled; packages that load native code,
 * WebAssembly, worker files or static files from their own directory stay external and are resolved from
 * `server/node_modules` at run time (the production image installs them with `pnpm deploy --prod`).
 * The committed SQL migrations are copied next to the bundle, which is where `@portal/db` looks for them
 * when `PORTAL_BUNDLE` is defined; `server/dist/` sits at the same depth as `server/src/`, so the default
 * web directory (`../../web/dist` from either) needs no special case.
 */
import { cp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Loaded from node_modules at run time: native addons, WebAssembly, worker threads, static assets. */
export const EXTERNAL_PACKAGES = [
  '@node-rs/argon2', // native addon
  'sharp', // native addon (libvips)
  '@electric-sql/pglite', // WebAssembly and data files next to its modules
  'pino', // transports run in worker threads that load files by path
  'pino-pretty', // a pino transport (development only)
  '@fastify/swagger-ui', // serves Swagger UI's files from its own directory
  'pdfkit', // reads its font metrics and ICC data from its own directory
  'dejavu-fonts-ttf', // the TrueType fonts the PDFs embed (server/src/pdf/document.ts)
];

const outdir = here('./dist');
await rm(outdir, { recursive: true, force: true });

const result = await build({
  entryPoints: {
    main: here('./src/main.ts'),
    'admin-create': here('./src/cli/admin-create.ts'),
    migrate: here('../db/src/cli/migrate.ts'),
  },
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  external: EXTERNAL_PACKAGES,
  // Bundled CommonJS modules call require() for Node's built-ins and the external packages.
  banner: {
    js: "import { createRequire as __portalCreateRequire } from 'node:module'; const require = __portalCreateRequire(import.meta.url);",
  },
  define: { PORTAL_BUNDLE: 'true' },
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
});

await cp(here('../db/migrations'), `${outdir}/migrations`, { recursive: true });

const bytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .reduce((sum, [, output]) => sum + output.bytes, 0);
console.log(`server bundle: ${outdir} (${(bytes / 1024 / 1024).toFixed(1)} MiB of JavaScript)`);
