// Finds (or, as root on Debian/Ubuntu, installs and starts) what the test suite needs: PostgreSQL, Redis and
// Chromium. Each comes from the environment, from a local server on its default port, or from apt, in that order.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPostgres, checkRedis, redact, tcpOpen, waitUntilReady } from './probe.mjs';
import { aptInstall, installCapability, isExecutable, run, runOrThrow, which } from './system.mjs';

const ENV_WAIT_MS = 30_000; // a service named in the environment may still be booting (e.g. a compose service)
const START_WAIT_MS = 60_000; // a cluster we just started replays its WAL before it accepts connections
const PG_PORT = 5432;
const REDIS_PORT = 6379;
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** Our own login role, created only when a Debian cluster refuses the usual trust-auth roles. */
const TEST_ROLE = 'lynxprompt_test';

const stateFile = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'lynxprompt/test-pg-url');

class ServiceError extends Error {}

// ---------- PostgreSQL ----------

function savedPostgresUrl(port) {
  try {
    const url = fs.readFileSync(stateFile, 'utf8').trim();
    return new URL(url).port === String(port) ? url : null;
  } catch {
    return null;
  }
}

/** Tries the roles a local server usually trusts (and the role this script may have created earlier). */
async function tryLocalPostgres(port) {
  if (!(await tcpOpen('127.0.0.1', port))) {
    return { ok: false, reachable: false, transient: true, reason: `nothing accepts connections at 127.0.0.1:${port}` };
  }
  const users = [...new Set(['postgres', os.userInfo().username])];
  const candidates = [savedPostgresUrl(port), ...users.map((u) => `postgres://${u}@127.0.0.1:${port}/postgres`)];
  const failures = [];
  let transient = false;
  for (const url of candidates.filter(Boolean)) {
    const result = await checkPostgres(url);
    if (result.ok) return { ok: true, url };
    transient ||= result.transient;
    failures.push(`${new URL(url).username}: ${result.reason}`);
  }
  return {
    ok: false,
    reachable: true,
    transient,
    reason: `the server at 127.0.0.1:${port} refused every role tried (${failures.join('; ')})`,
  };
}

function postgresInstalled() {
  const versions = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql') : [];
  return Boolean(which('pg_ctlcluster')) && versions.some((v) => isExecutable(`/usr/lib/postgresql/${v}/bin/postgres`));
}

/** Debian clusters as { version, name, port, status, owner }, from `pg_lsclusters`. */
function listClusters() {
  const result = run('pg_lsclusters', ['-h']);
  if (!result.ok) return [];
  return result.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 5)
    .map(([version, name, port, status, owner]) => ({ version, name, port: Number(port), status, owner }));
}

function newestVersion(dir) {
  return fs
    .readdirSync(dir)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a))[0];
}

/**
 * Gives our own superuser role a fresh random password, through the cluster owner's peer-authenticated socket.
 * This leaves the existing roles and pg_hba.conf as they are; the URL is kept (mode 600) for later runs.
 */
function createTestRole(cluster) {
  const password = crypto.randomBytes(18).toString('hex');
  const sql =
    `DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${TEST_ROLE}') ` +
    `THEN ALTER ROLE ${TEST_ROLE} WITH LOGIN SUPERUSER PASSWORD '${password}'; ` +
    `ELSE CREATE ROLE ${TEST_ROLE} WITH LOGIN SUPERUSER PASSWORD '${password}'; END IF; END $$;`;
  const psql = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-p', String(cluster.port), '-d', 'postgres'];
  // The password goes in on stdin, so it never shows in the process list.
  if (which('runuser')) runOrThrow('runuser', ['-u', cluster.owner, '--', ...psql], { input: sql, cwd: '/' });
  else runOrThrow('su', [cluster.owner, '-s', '/bin/sh', '-c', psql.join(' ')], { input: sql, cwd: '/' });
  const url = `postgres://${TEST_ROLE}:${password}@127.0.0.1:${cluster.port}/postgres`;
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  fs.writeFileSync(stateFile, `${url}\n`, { mode: 0o600 });
  return url;
}

/** Starts (creating if need be) the Debian cluster on `port` and returns a URL our tests can use. */
async function provisionPostgres(port, installed, localProblem) {
  let cluster = listClusters().find((c) => c.port === port);
  if (!cluster && listClusters().length === 0) {
    const version = newestVersion('/usr/lib/postgresql');
    runOrThrow('pg_createcluster', [version, 'main', '--port', String(port)]);
    cluster = listClusters().find((c) => c.port === port);
  }
  if (!cluster) {
    throw new ServiceError(
      `PostgreSQL: ${localProblem}, and no Debian cluster uses port ${port} (see \`pg_lsclusters\`): ` +
        'set DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/postgres (a role that may CREATE DATABASE)',
    );
  }
  let source = installed ? 'installed' : 'local';
  if (!cluster.status.startsWith('online')) {
    runOrThrow('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, 'start']);
    if (!installed) source = 'started';
  }
  const local = await waitUntilReady(() => tryLocalPostgres(port), START_WAIT_MS, 'postgres');
  if (local.ok) return { url: local.url, source };
  if (local.transient) throw new ServiceError(`PostgreSQL ${cluster.version}/${cluster.name}: ${local.reason}`);
  // A stock Debian cluster wants scram passwords over TCP: add our own role rather than touch anyone else's.
  const url = createTestRole(cluster);
  const check = await waitUntilReady(() => checkPostgres(url), START_WAIT_MS, 'postgres');
  if (!check.ok) throw new ServiceError(`PostgreSQL: role ${TEST_ROLE} was created but cannot log in: ${check.reason}`);
  return { url, source: `${source}, role ${TEST_ROLE}` };
}

async function detectPostgres(env, port) {
  const name = ['TEST_DATABASE_URL', 'DATABASE_URL'].find((key) => env[key]);
  if (name) {
    const result = await waitUntilReady(() => checkPostgres(env[name]), ENV_WAIT_MS, 'postgres');
    if (result.ok) return { ready: { value: env[name], source: `env ${name}`, shown: redact(env[name]) } };
    return { error: `PostgreSQL from ${name} (${redact(env[name])}) is not usable: ${result.reason}` };
  }
  const local = await tryLocalPostgres(port);
  if (local.ok) return { ready: { value: local.url, source: 'local', shown: redact(local.url) } };
  const installed = postgresInstalled();
  return {
    missing: {
      what: `PostgreSQL: ${local.reason}`,
      howTo:
        (local.reachable
          ? `let that server trust role postgres or ${os.userInfo().username} from 127.0.0.1, `
          : `start a local server on 127.0.0.1:${port} that trusts role postgres or ${os.userInfo().username}, `) +
        'or set DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/postgres (a role that may CREATE DATABASE)',
      packages: installed ? [] : ['postgresql'],
      provision: async () => {
        const { url, source } = await provisionPostgres(port, !installed, local.reason);
        return { value: url, source, shown: redact(url) };
      },
    },
  };
}

// ---------- Redis ----------

async function provisionRedis(port, installed) {
  const url = `redis://127.0.0.1:${port}`;
  // Debian's package may have started its own server already.
  if ((await checkRedis(url)).ok) return { value: url, source: installed ? 'installed' : 'local', shown: url };
  const args = [
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--daemonize',
    'yes',
    '--save',
    '',
    '--appendonly',
    'no',
  ];
  runOrThrow(which('redis-server') ?? 'redis-server', args, { cwd: os.tmpdir() });
  const result = await waitUntilReady(() => checkRedis(url), START_WAIT_MS, 'redis');
  if (!result.ok) throw new ServiceError(`Redis was started but does not answer at ${url}: ${result.reason}`);
  return { value: url, source: installed ? 'installed' : 'started', shown: url };
}

async function detectRedis(env, port) {
  const name = ['TEST_REDIS_URL', 'REDIS_URL'].find((key) => env[key]);
  if (name) {
    const result = await waitUntilReady(() => checkRedis(env[name]), ENV_WAIT_MS, 'redis');
    if (result.ok) return { ready: { value: env[name], source: `env ${name}`, shown: redact(env[name]) } };
    return { error: `Redis from ${name} (${redact(env[name])}) is not usable: ${result.reason}` };
  }
  const url = `redis://127.0.0.1:${port}`;
  const local = await checkRedis(url);
  if (local.ok) return { ready: { value: url, source: 'local', shown: url } };
  if (!local.transient) {
    // Something answers but refuses us (e.g. NOAUTH): starting another server on the same port cannot help.
    return {
      error: `Redis at 127.0.0.1:${port} is not usable: ${local.reason}; set REDIS_URL=redis://:PASSWORD@HOST:PORT`,
    };
  }
  const installed = Boolean(which('redis-server'));
  return {
    missing: {
      what: `Redis: ${local.reason}`,
      howTo: `start redis-server on 127.0.0.1:${port}, or set REDIS_URL=redis://HOST:PORT`,
      packages: installed ? [] : ['redis-server'],
      provision: () => provisionRedis(port, !installed),
    },
  };
}

// ---------- Chromium ----------

/** The browser's own version line; a binary that cannot print it will not launch for the tests either. */
function chromiumVersion(file) {
  const result = run(file, ['--version'], { timeout: 30_000, cwd: os.tmpdir() });
  if (!result.ok) throw new ServiceError(`Chromium at ${file} does not run: ${result.output.split('\n').pop()}`);
  // Debian's wrapper adds "built on …" and may warn on stderr; the name and number are enough.
  return result.stdout.match(/\S+ [\d.]+/)?.[0] ?? result.stdout;
}

function detectChromium(env) {
  const chosen = env.CHROMIUM_PATH;
  const found = (file, source) => {
    try {
      return { ready: { value: file, source, shown: `${file} (${chromiumVersion(file)})` } };
    } catch (error) {
      return { error: error.message };
    }
  };
  if (chosen) {
    return isExecutable(chosen)
      ? found(chosen, 'env CHROMIUM_PATH')
      : { error: `CHROMIUM_PATH=${chosen} is not an executable file` };
  }
  if (isExecutable(DEFAULT_CHROMIUM)) return found(DEFAULT_CHROMIUM, 'local');
  return {
    missing: {
      what: `Chromium: ${DEFAULT_CHROMIUM} not found`,
      howTo: 'install Debian\'s "chromium" package, or set CHROMIUM_PATH=/path/to/chromium',
      packages: ['chromium'],
      provision: async () => {
        if (!isExecutable(DEFAULT_CHROMIUM)) {
          throw new ServiceError(`apt-get installed "chromium" but ${DEFAULT_CHROMIUM} is still missing`);
        }
        const result = found(DEFAULT_CHROMIUM, 'installed');
        if (result.error) throw new ServiceError(result.error);
        return result.ready;
      },
    },
  };
}

// ---------- all together ----------

/**
 * Resolves every service, installing what is missing when allowed, and prints one line per service.
 * Returns { postgres, redis, chromium } (URLs / path); throws ServiceError with a readable message otherwise.
 */
export async function provisionServices(env = process.env, { pgPort = PG_PORT, redisPort = REDIS_PORT } = {}) {
  const [postgres, redis] = await Promise.all([detectPostgres(env, pgPort), detectRedis(env, redisPort)]);
  const states = { postgres, redis, chromium: detectChromium(env) };
  const entries = Object.entries(states);

  const errors = entries.filter(([, s]) => s.error).map(([, s]) => `  - ${s.error}`);
  if (errors.length) throw new ServiceError(`The test services are misconfigured:\n${errors.join('\n')}`);

  const missing = entries.filter(([, s]) => s.missing);
  if (missing.length) {
    const capability = installCapability(env);
    if (!capability.can) {
      const lines = missing.map(([, s]) => `  - ${s.missing.what}\n    fix: ${s.missing.howTo}`);
      throw new ServiceError(
        `The tests need services that are not available, and this run cannot install them (${capability.why}):\n` +
          `${lines.join('\n')}\n` +
          'Or run `npm test` as root on Debian/Ubuntu to have them installed and started with apt-get.',
      );
    }
    try {
      const packages = missing.flatMap(([, s]) => s.missing.packages);
      if (packages.length) {
        console.log(`test services: installing ${packages.join(', ')} with apt-get…`);
        aptInstall(packages);
      }
      for (const [, state] of missing) state.ready = await state.missing.provision();
    } catch (error) {
      if (error instanceof ServiceError) throw error;
      throw new ServiceError(`Setting up the test services failed: ${error.message}`);
    }
  }

  for (const [name, state] of entries) console.log(`${name}: ${state.ready.source}, ${state.ready.shown}`);
  return {
    postgres: states.postgres.ready.value,
    redis: states.redis.ready.value,
    chromium: states.chromium.ready.value,
  };
}

export { ServiceError };
