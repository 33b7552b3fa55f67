import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SAMPLE_RULE } from '../support/blueprints';
import {
  cleanEnvironment,
  exitOf,
  followMagicLink,
  freePort,
  mainJs,
  startServer,
  waitForOutput,
  type ProcessSession,
  type StartedProcess,
} from '../support/processes';
import { testRedisUrl } from '../support/services';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { deleteRedisKeys } from '../support/test-app';

// Issue 17: the built server as an operator scales it. Two API replicas behind one APP_URL (A also works jobs, as the
// default mode does) and a dedicated worker, on one PostgreSQL and one Redis prefix, each a process of its own.
jest.setTimeout(180_000);

// High enough that the edge answers a client's polling itself (it sends a hit through the pipeline once its unsent
// hits reach a twentieth of the allowance left), low enough to reach in a test.
const RATE_LIMIT = 300;

interface Replica {
  readonly name: string;
  readonly url: string;
  readonly process: StartedProcess;
}

/** How many reads of `route` the replica answered from its shared cache, once its log has caught up. */
async function cacheHits(replica: Replica, route: string): Promise<number> {
  const count = () =>
    logLines(replica.process).filter(
      (line) => line.cache === 'hit' && (line.req as { url?: string } | undefined)?.url === route,
    ).length;
  // The log arrives through a pipe: read it once it has stopped growing for a moment.
  const deadline = Date.now() + 3_000;
  let seen = -1;
  while ((seen !== count() || seen === 0) && Date.now() < deadline) {
    seen = count();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return count();
}

/** The JSON log lines a process printed. */
function logLines(started: StartedProcess): Array<Record<string, unknown>> {
  return started
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('several replicas on one database and Redis', () => {
  let database: TestDatabase;
  let smtp: SmtpCapture;
  const prefix = `lp:test:${randomBytes(4).toString('hex')}:`;
  const dataDirs: string[] = [];
  const processes: StartedProcess[] = [];
  let a: Replica;
  let b: Replica;
  let appUrl: string;

  async function start(name: string, mode: 'all' | 'api' | 'worker', env: Record<string, string>): Promise<Replica> {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `lp-replica-${name}-`));
    dataDirs.push(dataDir);
    const started = startServer({
      ...cleanEnvironment(),
      ...env,
      LP_MODE: mode,
      PORT: String(port),
      DATA_DIR: dataDir,
    });
    processes.push(started);
    await waitForOutput(started, mode === 'worker' ? 'LynxPrompt worker is running' : 'LynxPrompt is running');
    return { name, url: `http://127.0.0.1:${port}`, process: started };
  }

  beforeAll(async () => {
    if (!fs.existsSync(mainJs)) throw new Error(`${mainJs} is missing: build first (npm test builds it)`);
    database = await createTestDatabase();
    smtp = await startSmtpCapture();
    // Behind one load balancer: one public address, the same secrets, forwarded client addresses believed.
    appUrl = `http://127.0.0.1:${await freePort()}`;
    const shared = {
      NODE_ENV: 'test',
      APP_URL: appUrl,
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '4',
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: prefix,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SMTP_URL: smtp.url,
      TRUST_PROXY: '1',
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      LOG_LEVEL: 'info',
    };
    // Started one after another, as a rolling deployment does: each registers the schedules again.
    a = await start('a', 'all', shared);
    b = await start('b', 'api', shared);
    await start('worker', 'worker', shared);
  });

  afterAll(async () => {
    for (const started of processes) started.child.kill('SIGTERM');
    const exits = await Promise.all(processes.map((started) => exitOf(started.child)));
    await smtp?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    expect(exits).toEqual(processes.map(() => 0));
  });

  /** A request to one replica, from the client address `client` (as the load balancer forwards it). */
  function call(replica: Replica, route: string, client: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('X-Forwarded-For', client);
    return fetch(new URL(route, replica.url), { ...init, headers, redirect: 'manual' });
  }

  function write(replica: Replica, session: ProcessSession, method: string, route: string, body: unknown) {
    return call(replica, route, '198.51.100.1', {
      method,
      headers: {
        Cookie: session.cookie,
        Origin: appUrl,
        'X-CSRF-Token': session.csrfToken,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  }

  /** A published public blueprint, created on A; its id. */
  async function createPublic(session: ProcessSession, name: string): Promise<string> {
    const created = await write(a, session, 'POST', '/api/v1/blueprints', {
      name,
      kind: 'rules',
      format: 'cursor-rules',
      content: SAMPLE_RULE,
      visibility: 'public',
      publish: true,
    });
    expect(created.status).toBe(201);
    return ((await created.json()) as { id: string }).id;
  }

  /** Signs in by email link on `replica`: the link is asked for, mailed and followed there. */
  async function signIn(replica: Replica, email: string): Promise<ProcessSession> {
    const json = { Origin: appUrl, 'Content-Type': 'application/json' };
    const asked = await call(replica, '/api/v1/auth/magic-link', '198.51.100.1', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email }),
    });
    expect(asked.status).toBe(202);
    const token = new URL((await smtp.waitForMail(email, 15_000)).link('/sign-in/magic')).searchParams.get('token');
    return followMagicLink(replica.url, token as string, { Origin: appUrl, 'X-Forwarded-For': '198.51.100.1' });
  }

  it('keeps a session made on one replica on the other, and writes there', async () => {
    const session = await signIn(a, 'alice@replicas.test');
    const seen = await call(b, '/api/v1/auth/session', '198.51.100.1', { headers: { Cookie: session.cookie } });
    expect(seen.status).toBe(200);
    expect(((await seen.json()) as { user: { email: string } }).user.email).toBe('alice@replicas.test');

    const created = await write(b, session, 'POST', '/api/v1/blueprints', {
      name: 'Written on B',
      kind: 'rules',
      format: 'cursor-rules',
      content: SAMPLE_RULE,
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = await call(a, `/api/v1/blueprints/${id}`, '198.51.100.1', { headers: { Cookie: session.cookie } });
    expect(read.status).toBe(200);

    // Signing out on B ends the session on A too.
    expect((await write(b, session, 'POST', '/api/v1/auth/sign-out', {})).status).toBeLessThan(300);
    const after = await call(a, '/api/v1/auth/session', '198.51.100.1', { headers: { Cookie: session.cookie } });
    expect(((await after.json()) as { status: string }).status).toBe('anonymous');
  });

  it('stops serving a blueprint made private on one replica from the other within a second', async () => {
    const session = await signIn(a, 'bob@replicas.test');
    const id = await createPublic(session, 'Soon private');
    const route = `/api/v1/blueprints/${id}`;
    const reader = '203.0.113.7';
    // Read twice on B: the second answer comes from B's shared cache.
    expect((await call(b, route, reader)).status).toBe(200);
    expect((await call(b, route, reader)).status).toBe(200);
    expect(await cacheHits(b, route)).toBe(1);

    const changed = await write(a, session, 'PATCH', route, { visibility: 'private' });
    expect(changed.status).toBe(200);
    const madePrivate = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - madePrivate < 5_000) {
      status = (await call(b, route, reader)).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(404);
    expect(Date.now() - madePrivate).toBeLessThanOrEqual(1_000);
  });

  it('shares each client’s rate limit between the replicas, for the pipeline and for cached reads', async () => {
    // Uncached (404): every request goes through the guard, whose count in Redis is exact.
    const client = '203.0.113.20';
    let answered = 0;
    for (let request = 0; request < RATE_LIMIT * 2; request++) {
      const response = await call(request % 2 === 0 ? a : b, '/api/v1/profiles/nobody-here', client);
      if (response.status !== 429) answered += 1;
    }
    expect(answered).toBe(RATE_LIMIT);

    // Cached reads, answered at each replica's edge: together they pass the limit by at most two hits each.
    const id = await createPublic(await signIn(a, 'carol@replicas.test'), 'Popular');
    const reader = '203.0.113.21';
    const statuses: number[] = [];
    for (let batch = 0; batch < 3 * (RATE_LIMIT / 50); batch++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, request) =>
          call(request % 2 === 0 ? a : b, `/api/v1/blueprints/${id}`, reader).then((response) => response.status),
        ),
      );
      statuses.push(...answers);
    }
    const route = `/api/v1/blueprints/${id}`;
    // Many were answered at the edges (about half, measured), where the bound is at stake.
    expect((await cacheHits(a, route)) + (await cacheHits(b, route))).toBeGreaterThan(RATE_LIMIT / 4);
    const served = statuses.filter((status) => status === 200).length;
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(served).toBeGreaterThanOrEqual(RATE_LIMIT);
    expect(served).toBeLessThanOrEqual(RATE_LIMIT + 2 * 2);
  });

  it('runs each scheduled job once, although every process registered the schedules', async () => {
    const runs = () =>
      processes
        .flatMap(logLines)
        .filter((line) => line.msg === 'scheduled job started')
        .map((line) => line.job as string);
    // Every schedule's first run is due at once; give the workers time to take them all.
    const deadline = Date.now() + 20_000;
    while (!runs().includes('federation.schedule-crawls') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const counts = new Map<string, number>();
    for (const job of runs()) counts.set(job, (counts.get(job) ?? 0) + 1);
    expect(counts.get('federation.schedule-crawls')).toBe(1);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(counts.size).toBeGreaterThanOrEqual(5);
  });
});
