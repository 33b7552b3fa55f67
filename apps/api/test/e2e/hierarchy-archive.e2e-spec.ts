import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { strFromU8, unzipSync } from 'fflate';
import { Client } from 'pg';
import { compressibleContent, seedHierarchy, type SeededHierarchy } from '../support/bulk-blueprints';
import {
  cleanEnvironment,
  freePort,
  mainJs,
  startServer,
  waitForOutput,
  type StartedProcess,
} from '../support/processes';
import { testRedisUrl } from '../support/services';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';

/** Far below the content of the big hierarchy, so an archive built in memory cannot fit. */
const HEAP_MB = 128;
/** The reported repro: 800 blueprints of about 255 KB each (about 204 MB of content). */
const MEMBERS = 800;
const LINES = 7_700;

interface Answer {
  status: number;
  type: string | undefined;
  body: Buffer;
}

/** A GET on a fresh connection each time (no keep-alive, so no stale pooled socket between slow steps). */
function request(url: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => http.get(url, { agent: false }, resolve).on('error', reject));
}

async function download(url: string): Promise<Answer> {
  const response = await request(url);
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return { status: response.statusCode ?? 0, type: response.headers['content-type'], body: Buffer.concat(chunks) };
}

async function live(base: string): Promise<number> {
  return (await download(`${base}/api/health/live`)).status;
}

describe('hierarchy archives on a small heap (a real instance process)', () => {
  let database: TestDatabase;
  let server: StartedProcess;
  let base: string;
  let big: SeededHierarchy;
  let noisy: SeededHierarchy;

  beforeAll(async () => {
    if (!fs.existsSync(mainJs)) throw new Error(`${mainJs} is missing: build first (npm test builds it)`);
    database = await createTestDatabase();
    big = await seedHierarchy(database.url, {
      handle: 'big',
      members: MEMBERS,
      lines: LINES,
      content: 'compressible',
    });
    // Content that does not compress, so its archive is far larger than the socket's buffers.
    noisy = await seedHierarchy(database.url, { handle: 'noisy', members: 60, lines: 7_000, content: 'random' });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = startServer({
      ...cleanEnvironment(),
      NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}`,
      LP_MODE: 'api',
      PORT: String(port),
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: `lp:test:${randomBytes(4).toString('hex')}:`,
      APP_URL: `http://localhost:${port}`,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'info',
    });
    await waitForOutput(server, 'LynxPrompt is running at');
  }, 120_000);

  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    await database?.drop();
  });

  it('streams a hierarchy far larger than the heap as a complete, valid zip, twice at once', async () => {
    const [first, second] = await Promise.all([
      download(`${base}/api/v1/hierarchies/${big.hierarchyId}/archive`),
      download(`${base}/api/v1/hierarchies/${big.hierarchyId}/archive`),
    ]);
    expect(server.child.exitCode).toBeNull();
    expect(await live(base)).toBe(200);
    expect(first.status).toBe(200);
    expect(first.type).toBe('application/zip');
    expect(second.body.equals(first.body)).toBe(true);

    const files = unzipSync(new Uint8Array(first.body));
    const paths = Object.keys(files);
    // Every member, then the conversion report (members go out as stored: nothing lost).
    expect(paths).toHaveLength(MEMBERS + 1);
    expect(paths[0]).toBe(big.path(1));
    expect(paths[MEMBERS - 1]).toBe(big.path(MEMBERS));
    expect(paths[MEMBERS]).toBe('CONVERSION.md');
    let total = 0;
    for (let i = 1; i <= MEMBERS; i += 1) {
      const bytes = files[big.path(i)];
      total += bytes?.length ?? 0;
      if (bytes === undefined || strFromU8(bytes) !== compressibleContent(i, LINES)) {
        throw new Error(`member ${i} is missing or differs`);
      }
    }
    expect(total).toBeGreaterThan(1.5 * HEAP_MB * 1024 * 1024);
  }, 180_000);

  it('stops producing when the client goes away, and stays healthy', async () => {
    const url = `${base}/api/v1/hierarchies/${noisy.hierarchyId}/archive`;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await request(url);
      expect(response.statusCode).toBe(200);
      await new Promise((resolve) => response.once('data', resolve));
      response.destroy();
    }
    await waitForOutput(server, 'download stopped: the client went away', 30_000);
    expect(server.child.exitCode).toBeNull();
    expect(await live(base)).toBe(200);

    const whole = await download(url);
    expect(whole.status).toBe(200);
    const files = unzipSync(new Uint8Array(whole.body));
    expect(Object.keys(files)).toHaveLength(60 + 1); // and CONVERSION.md
    expect(whole.body.length).toBeGreaterThan(4 * 1024 * 1024);
  }, 120_000);

  it('refuses before the first byte: an unknown hierarchy is a 404 envelope, not a broken zip', async () => {
    const response = await download(`${base}/api/v1/hierarchies/ha_0000000000000000/archive`);
    expect(response.status).toBe(404);
    expect(response.type).toMatch(/^application\/json/);
    expect((JSON.parse(response.body.toString()) as { error: { code: string } }).error.code).toBe(
      'HIERARCHY_NOT_FOUND',
    );
  });
});

describe('hierarchy archives: a failure after the first byte', () => {
  let testApp: TestApp;
  let base: string;
  let seeded: SeededHierarchy;

  beforeAll(async () => {
    testApp = await startTestApp();
    seeded = await seedHierarchy(testApp.database.url, {
      handle: 'fragile',
      // About 16 MB of zip: far more than loopback socket buffers can hold while the client is paused.
      members: 120,
      lines: 7_000,
      content: 'random',
    });
    const server = testApp.app.nest.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => testApp.close());

  it('cuts the connection instead of ending a truncated zip as if it were whole, and recovers', async () => {
    const url = `${base}/api/v1/hierarchies/${seeded.hierarchyId}/archive`;
    const response = await request(url);
    expect(response.statusCode).toBe(200);
    response.pause();
    // The versions' table disappears while the archive waits for the client to drain: the next read fails.
    const admin = new Client({ connectionString: testApp.database.url });
    await admin.connect();
    try {
      await admin.query('ALTER TABLE blueprint_versions RENAME TO blueprint_versions_away');
      const outcome = await new Promise<string>((resolve) => {
        response.on('aborted', () => resolve('aborted'));
        response.on('error', () => resolve('aborted'));
        response.on('end', () => resolve('ended'));
        response.resume();
      });
      expect(outcome).toBe('aborted');
    } finally {
      await admin.query('ALTER TABLE blueprint_versions_away RENAME TO blueprint_versions');
      await admin.end();
    }
    expect(testApp.rawLogs()).toContain('download failed after it started');

    const whole = await download(url);
    expect(whole.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(whole.body)))).toHaveLength(120 + 1); // and CONVERSION.md
  });
});
