import { defineProject } from 'vitest/config';

// Property-based and cross-cutting API suites; the browser journeys in e2e/ run with Playwright instead.
export default defineProject({
  test: {
    name: 'tests',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    globalSetup: ['../db/src/testing/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
