import { defineProject } from 'vitest/config';

// The contract's tests are pure functions of their input: one worker runs every file without a fresh
// module graph per file (isolation cost ~1.5 s per file on the 2-core machine, the tests themselves ~0.1 s).
export default defineProject({ test: { name: 'shared', environment: 'node', isolate: false } });
