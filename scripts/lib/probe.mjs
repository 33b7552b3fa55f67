// Readiness probes for the test services: a TCP connect first (so "nothing listens" reads differently from
// "refused our credentials"), then a real query / PING through the same client libraries the api uses.
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import Redis from 'ioredis';

/** Resolves true when something accepts a TCP connection on host:port within timeoutMs. */
export function tcpOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The URL with its password replaced, for printing. */
export function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparsable URL>';
  }
}

function hostPort(url, defaultPort) {
  const parsed = new URL(url);
  // WHATWG keeps IPv6 brackets in hostname; net.connect wants them off.
  return { host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(parsed.port || defaultPort) };
}

// Errors worth waiting out: the server is not up yet, or is still starting.
const TRANSIENT_PG_CODES = new Set(['57P03', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/**
 * Connects with `url`, runs a real query and checks the role may CREATE DATABASE (the api tests clone a template
 * database per suite). Returns { ok: true, user } or { ok: false, transient, reason }.
 */
export async function checkPostgres(url, timeoutMs = 5000) {
  let target;
  try {
    target = hostPort(url, 5432);
  } catch {
    return { ok: false, transient: false, reason: 'not a valid postgres:// URL' };
  }
  // A Unix-socket URL (?host=/run/postgresql) has no TCP side to probe.
  const socketHost = new URL(url).searchParams.get('host');
  if (!socketHost?.startsWith('/') && !(await tcpOpen(target.host, target.port, Math.min(timeoutMs, 2000)))) {
    return { ok: false, transient: true, reason: `nothing accepts connections at ${target.host}:${target.port}` };
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query(
      'SELECT current_user AS "user", (SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user) AS "canCreate"',
    );
    const { user, canCreate } = rows[0];
    if (!canCreate) return { ok: false, transient: false, reason: `role ${user} may not CREATE DATABASE` };
    return { ok: true, user };
  } catch (error) {
    const code = error?.code ?? '';
    let message = error?.message || String(error);
    // node-postgres words "the server wants a password and the URL has none" as a SCRAM internals error.
    if (/client password must be a string/.test(message)) message = 'the server asks for a password';
    return { ok: false, transient: TRANSIENT_PG_CODES.has(code) || /timeout/i.test(message), reason: message };
  } finally {
    await client.end().catch(() => {});
  }
}

/** PINGs the Redis at `url` once, without ioredis's reconnect loop. Returns { ok } like checkPostgres. */
export async function checkRedis(url, timeoutMs = 5000) {
  let target;
  try {
    target = hostPort(url, 6379);
  } catch {
    return { ok: false, transient: false, reason: 'not a valid redis:// URL' };
  }
  if (!(await tcpOpen(target.host, target.port, Math.min(timeoutMs, 2000)))) {
    return { ok: false, transient: true, reason: `nothing accepts connections at ${target.host}:${target.port}` };
  }
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const reply = await client.ping();
    if (reply !== 'PONG') return { ok: false, transient: true, reason: `PING answered ${reply}` };
    return { ok: true };
  } catch (error) {
    const message = error?.message || String(error);
    // LOADING: the server is reading its data set; anything else (NOAUTH, WRONGPASS…) will not fix itself.
    return { ok: false, transient: /LOADING|ECONNREFUSED|ECONNRESET|timeout/i.test(message), reason: message };
  } finally {
    client.disconnect();
  }
}

/**
 * Calls check() until it reports ok, a non-transient failure, or timeoutMs has passed; returns the last result.
 * With a label, says once (after a second or so) that it is waiting, so a slow service does not look like a hang.
 */
export async function waitUntilReady(check, timeoutMs, label = '', intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const result = await check();
    if (result.ok || !result.transient || Date.now() + intervalMs > deadline) return result;
    if (attempt === 2 && label)
      console.log(`${label}: waiting up to ${Math.round(timeoutMs / 1000)} s (${result.reason})`);
    await sleep(intervalMs);
  }
}
