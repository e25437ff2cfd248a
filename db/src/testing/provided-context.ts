declare module 'vitest' {
  export interface ProvidedContext {
    /** A gzipped PGlite data directory with every migration applied, cloned by each test file. */
    pgliteTemplate: string;
    /**
     * In the PostgreSQL pass: a migrated database of this run that each test file's database is copied from
     * (`CREATE DATABASE … TEMPLATE`, ~0.3 s instead of ~4 s of migrations); '' in the PGlite pass.
     */
    postgresTemplate: string;
    /** Names this run's PostgreSQL test databases, so teardown drops exactly those. */
    testRunId: string;
  }
}

export {};
