declare module 'vitest' {
  export interface ProvidedContext {
    /** A gzipped PGlite data directory with every migration applied, cloned by each test file. */
    pgliteTemplate: string;
    /** Names this run's PostgreSQL test databases, so teardown drops exactly those. */
    testRunId: string;
  }
}

export {};
