import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    name: 'web',
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // A form test types into dozens of Mantine fields (about 1.5 s of CPU). In the full run it shares two
    // cores with the database suites, and 15 s was exceeded there (CI, 2026-12-06): the limit is for hangs.
    testTimeout: 60_000,
  },
});
