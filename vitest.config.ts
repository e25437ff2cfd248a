import { defineConfig } from 'vitest/config';

// CI asks for a machine-readable report through the environment: `pnpm test --reporter=…` would be taken
// by pnpm itself, not passed to vitest.
const jsonReport = process.env.VITEST_JSON_REPORT;

// One runner for every package; each package is a project with its own environment.
export default defineConfig({
  test: {
    projects: ['shared', 'db', 'server', 'web', 'tests'],
    experimental: { fsModuleCache: true },
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
