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
      PUBLIC_URL: 'https://portal.example.bg',
      SMTP_URL: 'smtp://mail.example.bg:587',
      DB_POOL_SIZE: '25',
      DB_CONNECT_TIMEOUT_SECONDS: '3',
      DB_STATEMENT_TIMEOUT_SECONDS: '30',
      TRUST_PROXY: '10.0.0.0/8',
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
      publicUrl: 'https://portal.example.bg',
      dbPoolSize: 25,
      dbConnectTimeoutSeconds: 3,
      dbStatementTimeoutSeconds: 30,
      trustProxy: ['10.0.0.0/8'],
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
    const production = {
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://mail.example.bg',
      PUBLIC_URL: 'https://portal.example.bg',
    };
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
    const https = { PUBLIC_URL: 'https://portal.example.bg' };
    expect(() => loadConfig({ NODE_ENV: 'production', ...https })).toThrow(
      /SMTP_URL: required when NODE_ENV=production/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtps://mail.example.bg', ...https }).smtpUrl,
    ).toBe('smtps://mail.example.bg');
    expect(loadConfig({ NODE_ENV: 'development' }).smtpUrl).toBeUndefined();
  });

  it('refuses to start in production without an https:// PUBLIC_URL, naming it', () => {
    const smtp = { SMTP_URL: 'smtps://mail.example.bg' };
    expect(() => loadConfig({ NODE_ENV: 'production', ...smtp })).toThrow(
      /^Invalid configuration: PUBLIC_URL: required when NODE_ENV=production/,
    );
    expect(() =>
      loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://portal.example.bg', ...smtp }),
    ).toThrow(/^Invalid configuration: PUBLIC_URL: must be an https:\/\/ origin when NODE_ENV=production/);
    // Both missing: both named at once, so the operator fixes them in one go.
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /PUBLIC_URL: required.*; SMTP_URL: required/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example.bg/', ...smtp }).publicUrl,
    ).toBe('https://portal.example.bg');
    // Elsewhere the local default stays.
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
  });

  it('has database pool defaults for an outage: 10 connections, 5 s to connect, 15 s per statement', () => {
    expect(loadConfig({})).toMatchObject({
      dbPoolSize: 10,
      dbConnectTimeoutSeconds: 5,
      dbStatementTimeoutSeconds: 15,
    });
    expect(loadConfig({ DB_STATEMENT_TIMEOUT_SECONDS: '0' }).dbStatementTimeoutSeconds).toBe(0);
    for (const size of ['0', '1001', 'many', '2.5']) {
      expect(() => loadConfig({ DB_POOL_SIZE: size })).toThrow(
        'Invalid configuration: DB_POOL_SIZE: expected a number of connections between 1 and 1000',
      );
    }
    expect(() => loadConfig({ DB_CONNECT_TIMEOUT_SECONDS: '0' })).toThrow(/DB_CONNECT_TIMEOUT_SECONDS/);
    expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_SECONDS: '-1' })).toThrow(/DB_STATEMENT_TIMEOUT_SECONDS/);
  });

  it('reads TRUST_PROXY as off, on, or a list of proxy addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'TRUE' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.1, 192.168.0.0/16 ,fd00::/8,loopback ' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      'fd00::/8',
      'loopback',
    ]);
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0.1,', 'proxy.internal', '::1/129', '10.0.0.0/8/1']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(
        /^Invalid configuration: TRUST_PROXY: expected false, true, or a comma-separated list/,
      );
    }
    // A hop count would be silently "trust nobody" in Fastify; refused with the reason instead.
    expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(
      /TRUST_PROXY: .*a number of proxies is not accepted, because it cannot tell a proxy from a client/,
    );
  });
});

describe('the operations settings (decision 028)', () => {
  it('default to a 500 ms slow-query log, no metrics token, 30 days of sent email and hourly housekeeping', () => {
    expect(loadConfig({})).toMatchObject({
      slowQueryMs: 500,
      metricsToken: undefined,
      sentMailRetentionDays: 30,
      housekeepingIntervalMs: 3_600_000,
    });
  });

  it('reads them, 0 turning the slow-query log and the server’s housekeeping off', () => {
    const token = 'a'.repeat(40);
    expect(
      loadConfig({
        SLOW_QUERY_MS: '0',
        METRICS_TOKEN: token,
        SENT_MAIL_RETENTION_DAYS: '7',
        HOUSEKEEPING_MINUTES: '0',
      }),
    ).toMatchObject({
      slowQueryMs: 0,
      metricsToken: token,
      sentMailRetentionDays: 7,
      housekeepingIntervalMs: 0,
    });
  });

  it('names the wrong one, and never prints a refused token', () => {
    expect(() => loadConfig({ SLOW_QUERY_MS: '-1' })).toThrow(/SLOW_QUERY_MS/);
    expect(() => loadConfig({ SENT_MAIL_RETENTION_DAYS: '0' })).toThrow(/SENT_MAIL_RETENTION_DAYS/);
    expect(() => loadConfig({ HOUSEKEEPING_MINUTES: 'hourly' })).toThrow(/HOUSEKEEPING_MINUTES/);
    for (const token of ['short-token-1234', `${'a'.repeat(20)} ${'b'.repeat(20)}`]) {
      let message = '';
      try {
        loadConfig({ METRICS_TOKEN: token });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/METRICS_TOKEN: expected 32 to 256 printable characters/);
      expect(message).not.toContain(token);
    }
  });
});
