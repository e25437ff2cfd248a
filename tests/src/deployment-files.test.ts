/**
 * The container files (decision 025) checked without a Docker engine: compose.yaml is parsed and
 * interpolated the way `docker compose config` does, and the environment it gives the portal, merged with
 * the image's own, must pass the server's configuration check; the Dockerfile keeps its essentials
 * (Node 24, production dependencies only, a non-root user, a health check without curl).
 * CI also runs `docker compose config -q` and builds the image where a Docker engine is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@portal/server/config';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}/${path}`, 'utf8');

/** Compose's interpolation: `${X}`, `${X:-default}`, `${X-default}`, `${X:?error}`, `${X?error}`, `$$`. */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g,
    (whole, name: string | undefined, op: string | undefined, arg: string | undefined) => {
      if (whole === '$$') return '$';
      const value = env[name as string];
      const unset = value === undefined || (op?.startsWith(':') === true && value === '');
      if (!unset) return value as string;
      if (op?.endsWith('?')) throw new Error(`required variable ${name} is missing: ${arg}`);
      return op?.endsWith('-') ? (arg ?? '') : '';
    },
  );
}

interface Service {
  build?: string | { context: string; dockerfile?: string };
  image?: string;
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string | number | null>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] | string };
  stop_grace_period?: string;
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const REQUIRED = {
  POSTGRES_PASSWORD: 'Secret123',
  PUBLIC_URL: 'https://portal.example.bg',
  SMTP_URL: 'smtps://portal:mail-password@mail.example.bg:465',
};

function composeWith(env: Record<string, string>): Compose {
  const document = parseDocument(interpolate(read('compose.yaml'), env), { uniqueKeys: true });
  expect(document.errors).toEqual([]);
  expect(document.warnings).toEqual([]);
  return document.toJS() as Compose;
}

/** The Dockerfile's instructions (continuation lines joined, comments dropped), per build stage. */
function dockerfileStages(): { from: string; instructions: { op: string; args: string }[] }[] {
  const text = read('Dockerfile').replace(/\\\n/g, ' ');
  const args: Record<string, string> = {};
  const stages: { from: string; instructions: { op: string; args: string }[] }[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z]+)\s+(.*)$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    const [, op, rest] = match as unknown as [string, string, string];
    if (op === 'ARG' && stages.length === 0) {
      const [name, value = ''] = rest.split('=');
      args[name as string] = value.trim();
    } else if (op === 'FROM') {
      stages.push({ from: rest.replace(/\$\{(\w+)\}/g, (_, n: string) => args[n] ?? ''), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op, args: rest.trim() });
    }
  }
  return stages;
}

describe('compose.yaml', () => {
  it('refuses to run until PUBLIC_URL, SMTP_URL and the database password are set', () => {
    for (const name of Object.keys(REQUIRED)) {
      const others = Object.fromEntries(Object.entries(REQUIRED).filter(([key]) => key !== name));
      expect(() => composeWith(others)).toThrow(`required variable ${name} is missing`);
      expect(() => composeWith({ ...others, [name]: '' })).toThrow(`required variable ${name} is missing`);
    }
  });

  it('runs the portal, built from this Dockerfile, on a healthy PostgreSQL ≥ 15 with a named volume', () => {
    const { services, volumes } = composeWith(REQUIRED);
    const { portal, db } = services;
    expect(portal?.build === '.' || (typeof portal?.build === 'object' && portal.build.context === '.')).toBe(
      true,
    );
    expect(existsSync(`${ROOT}/Dockerfile`)).toBe(true);
    expect(portal?.depends_on?.db?.condition).toBe('service_healthy');

    const major = Number(/^postgres:(\d+)/.exec(db?.image ?? '')?.[1]);
    expect(major).toBeGreaterThanOrEqual(15);
    expect([db?.healthcheck?.test].flat().join(' ')).toContain('pg_isready');
    // From 18 the image keeps its data in a versioned directory under /var/lib/postgresql.
    const dataPath = major >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
    const mount = db?.volumes?.find((v) => v.split(':')[1] === dataPath);
    expect(mount, `a volume mounted at ${dataPath}`).toBeDefined();
    expect(Object.keys(volumes ?? {})).toContain(mount?.split(':')[0]);

    const url = new URL(String(portal?.environment?.DATABASE_URL));
    expect(url.protocol).toBe('postgres:');
    expect(url.hostname).toBe('db');
    expect(url.username).toBe(db?.environment?.POSTGRES_USER);
    expect(url.password).toBe(REQUIRED.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${db?.environment?.POSTGRES_DB}`);
  });

  it('gives the portal an environment that, with the image’s own, passes the configuration check', () => {
    const portal = composeWith(REQUIRED).services.portal as Service;
    const imageEnv = Object.fromEntries(
      (dockerfileStages().at(-1)?.instructions ?? [])
        .filter((i) => i.op === 'ENV')
        .flatMap((i) => i.args.split(/\s+/).map((pair) => pair.split('=') as [string, string])),
    );
    const env = {
      ...imageEnv,
      ...Object.fromEntries(Object.entries(portal.environment ?? {}).map(([k, v]) => [k, String(v ?? '')])),
    };
    const config = loadConfig(env);
    expect(config).toMatchObject({
      nodeEnv: 'production',
      host: '0.0.0.0',
      publicUrl: REQUIRED.PUBLIC_URL,
      smtpUrl: REQUIRED.SMTP_URL,
    });
    // Every variable it sets is one the README's configuration table documents.
    const readme = read('README.md');
    for (const name of Object.keys(env)) expect(readme, name).toContain(`| \`${name}\``);
    // The container's port is published, and docker waits long enough for the drain before SIGKILL.
    expect(portal.ports?.some((p) => p.endsWith(`:${config.port}`))).toBe(true);
    const grace = Number(/^(\d+)s$/.exec(portal.stop_grace_period ?? '')?.[1] ?? 10);
    expect(grace).toBeGreaterThanOrEqual(config.shutdownDelayMs / 1000 + 10);
  });
});

describe('Dockerfile', () => {
  const stages = dockerfileStages();
  const final = stages.at(-1);
  const ops = (op: string) => final?.instructions.filter((i) => i.op === op).map((i) => i.args) ?? [];

  it('builds and runs on Node 24 with the pnpm of package.json, production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.from).toMatch(/^node:24[-.\w]*(\s+AS\s+\w+)?$/);
    const { packageManager } = JSON.parse(read('package.json')) as { packageManager: string };
    expect(read('Dockerfile')).toContain(packageManager);
    expect(read('Dockerfile')).toMatch(/pnpm --filter @portal\/server --prod deploy/);
  });

  it('runs the bundled server as a non-root user, on all interfaces, with DATA_DIR a volume', () => {
    const user = ops('USER').at(-1);
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user?.split(':')[0]);
    expect(JSON.parse(ops('CMD').at(-1) ?? 'null')).toEqual(['node', 'server/dist/main.js']);
    const env = ops('ENV').join(' ');
    expect(env).toMatch(/\bNODE_ENV=production\b/);
    expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
    const dataDir = /\bDATA_DIR=(\S+)/.exec(env)?.[1];
    expect(ops('VOLUME').join(' ')).toContain(`"${dataDir}"`);
  });

  it('checks its health with node against a health endpoint (the slim image has no curl)', () => {
    const healthcheck = ops('HEALTHCHECK').at(-1) ?? '';
    // Exec form (a JSON array), so no shell is needed either.
    const command = JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD ') + 4)) as string[];
    expect(command.slice(0, 2)).toEqual(['node', '-e']);
    expect(command[2]).toMatch(/fetch\('http:\/\/127\.0\.0\.1:.*\/api\/health\/(live|ready)'\)/);
    expect(healthcheck).not.toMatch(/curl|wget/);
  });

  it('keeps dependencies, build output and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['**/node_modules', '**/dist', '.env', '.git']) expect(ignored).toContain(entry);
  });
});
