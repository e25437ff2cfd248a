import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The Fastify server the dev and preview servers forward `/api` to (`pnpm --filter @portal/server dev`). */
const apiTarget = process.env.PORTAL_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  // The server-rendering bundle (entry-server.tsx, issue 17) holds everything it runs, so the server can load
  // it wherever the built files are (a container has no web/node_modules).
  ssr: { noExternal: true },
  build: isSsrBuild
    ? { outDir: 'dist-server', emptyOutDir: true, target: 'node20', sourcemap: false, copyPublicDir: false }
    : {
        outDir: 'dist',
        emptyOutDir: true,
        assetsDir: 'assets',
        // Hashed file names under /assets/ can be cached forever by the server; index.html must not be.
        sourcemap: false,
        target: 'es2022',
        rolldownOptions: {
          output: {
            // Stable, cacheable vendor chunks named after what they hold; pages still load lazily on their own.
            codeSplitting: {
              groups: [
                { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
                {
                  name: 'mantine',
                  test: /node_modules[\\/](@mantine|@floating-ui|clsx|react-remove-scroll|react-number-format|use-sidecar|tslib)/,
                  // Only what the shell loads: components of lazy pages (Modal, Select…) load with those pages.
                  tags: ['$initial'],
                },
                // @portal/shared is not in a group: it is free of side effects (its package.json says so), so each
                // of its modules goes with the pages that use it and the members-only, fee or membership schemas
                // stay out of the first visit (3.6 KiB gzip when they were all in `data`).
                {
                  name: 'data',
                  test: /node_modules[\\/](@tanstack|i18next|react-i18next|zod)[\\/]/,
                },
              ],
            },
          },
        },
      },
}));
