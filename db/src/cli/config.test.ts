import { describe, expect, it } from 'vitest';
import { pgliteDir, readDbConfig } from './config.ts';

describe('the database command-line configuration', () => {
  it('keeps PGlite in ./data/pglite under the directory where pnpm was run', () => {
    const config = readDbConfig({ INIT_CWD: '/srv/portal' }, '/srv/portal/db');
    expect(config.dataDir).toBe('/srv/portal/data/pglite');
    expect(config.databaseUrl).toBeUndefined();
  });

  it('resolves a relative DATA_DIR against INIT_CWD, falling back to the working directory', () => {
    expect(readDbConfig({ DATA_DIR: 'var/db', INIT_CWD: '/srv/app' }, '/srv/app/db').dataDir).toBe(
      '/srv/app/var/db/pglite',
    );
    expect(readDbConfig({ DATA_DIR: 'var/db' }, '/srv/app').dataDir).toBe('/srv/app/var/db/pglite');
    expect(readDbConfig({ DATA_DIR: '/data' }, '/srv/app').dataDir).toBe(pgliteDir('/data'));
  });

  it('uses PostgreSQL when DATABASE_URL is set and never shows its password', () => {
    const config = readDbConfig({ DATABASE_URL: 'postgres://portal:secret@db.internal:5432/portal' });
    expect(config.databaseUrl).toBe('postgres://portal:secret@db.internal:5432/portal');
    expect(config.dataDir).toBeUndefined();
    expect(config.target).not.toContain('secret');
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(readDbConfig({ DATABASE_URL: '' }, '/x').dataDir).toBe('/x/data/pglite');
  });

  it('names DATABASE_URL when it is not a PostgreSQL URL', () => {
    expect(() => readDbConfig({ DATABASE_URL: 'mysql://root@localhost/portal' })).toThrow(/DATABASE_URL/);
    expect(() => readDbConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });

  it('names DATA_DIR when it is a URL instead of a directory', () => {
    expect(() => readDbConfig({ DATA_DIR: 'memory://' })).toThrow(/DATA_DIR: must be a directory path/);
    expect(() => readDbConfig({ DATA_DIR: 'memory://' })).not.toThrow(/DATABASE_URL/);
  });
});
