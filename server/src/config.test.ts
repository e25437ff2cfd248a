import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('the configuration', () => {
  it('defaults to port 3000 on 127.0.0.1 with PGlite under ./data and the built web app', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', logLevel: 'info', databaseUrl: undefined });
    expect(c.dataDir).toBe(resolve(process.cwd(), 'data'));
    expect(c.pgliteDir).toBe(resolve(process.cwd(), 'data', 'pglite'));
    expect(c.webDistDir).toMatch(/web[\\/]dist$/);
  });

  it('reads every variable it knows', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/portal',
      DATABASE_URL: 'postgres://portal@db:5432/portal',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      WEB_DIST_DIR: '/srv/web',
      SMTP_URL: 'smtp://mail.example.bg:587',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/portal',
      pgliteDir: '/var/lib/portal/pglite',
      databaseUrl: 'postgres://portal@db:5432/portal',
      logLevel: 'warn',
      nodeEnv: 'production',
      webDistDir: '/srv/web',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it('names the variable that is wrong', () => {
    for (const port of ['abc', '0', '70000', '3.5']) {
      expect(() => loadConfig({ PORT: port })).toThrow(
        'Invalid configuration: PORT: expected a number between 1 and 65535',
      );
    }
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });

  it('waits SHUTDOWN_DELAY_SECONDS before closing: 5 s by default in production, none otherwise', () => {
    const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.bg' };
    expect(loadConfig(production).shutdownDelayMs).toBe(5000);
    expect(loadConfig({}).shutdownDelayMs).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test' }).shutdownDelayMs).toBe(0);
    expect(loadConfig({ ...production, SHUTDOWN_DELAY_SECONDS: '0' }).shutdownDelayMs).toBe(0);
    expect(loadConfig({ SHUTDOWN_DELAY_SECONDS: '12' }).shutdownDelayMs).toBe(12_000);
    for (const delay of ['-1', '121', '1.5', 'soon']) {
      expect(() => loadConfig({ SHUTDOWN_DELAY_SECONDS: delay })).toThrow(
        'Invalid configuration: SHUTDOWN_DELAY_SECONDS: expected a number of seconds between 0 and 120',
      );
    }
  });

  it('refuses to start in production without SMTP_URL, so emailed links never stay in the outbox', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /SMTP_URL: required when NODE_ENV=production/,
    );
    expect(loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtps://mail.example.bg' }).smtpUrl).toBe(
      'smtps://mail.example.bg',
    );
    expect(loadConfig({ NODE_ENV: 'development' }).smtpUrl).toBeUndefined();
  });
});
