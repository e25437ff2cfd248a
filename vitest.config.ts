import { defineConfig } from 'vitest/config';

// One runner for every package; each package is a project with its own environment.
export default defineConfig({
  test: {
    projects: ['shared', 'db', 'server', 'web', 'tests'],
  },
});
