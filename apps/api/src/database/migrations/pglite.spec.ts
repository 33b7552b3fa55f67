import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { applyPendingMigrations, getMigrationStatus, resolvePrismaDir } from './migrator';

// PGlite loads its parts with dynamic import(), which Jest's module sandbox only allows behind
// --experimental-vm-modules. A worker thread is plain Node and still this process, like the app's embedded server.
const EMBEDDED_SERVER = `
const { parentPort, workerData } = require('node:worker_threads');
const load = require('node:module').createRequire(workerData.resolveFrom);
const { PGlite } = load('@electric-sql/pglite');
const { PGLiteSocketServer } = load('@electric-sql/pglite-socket');
// The same extensions the app's embedded server opens with (the migrations create them).
const { citext } = load('@electric-sql/pglite/contrib/citext');
const { pg_trgm } = load('@electric-sql/pglite/contrib/pg_trgm');
(async () => {
  const db = new PGlite({ extensions: { citext, pg_trgm } });
  await db.waitReady;
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 10 });
  await server.start();
  parentPort.once('message', async () => {
    await server.stop();
    await db.close();
    parentPort.postMessage({ stopped: true });
  });
  parentPort.postMessage({ address: server.getServerConn() });
})().catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) }));
`;

interface EmbeddedServer {
  connectionString: string;
  stop(): Promise<void>;
}

async function startEmbeddedServer(): Promise<EmbeddedServer> {
  const worker = new Worker(EMBEDDED_SERVER, { eval: true, workerData: { resolveFrom: __filename } });
  // Whatever happens to the test, the thread must not keep Jest alive.
  worker.unref();
  const nextMessage = () =>
    new Promise<{ address?: string; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const started = await nextMessage();
  if (!started.address) {
    await worker.terminate();
    throw new Error(`PGlite did not start: ${started.error}`);
  }
  return {
    connectionString: `postgres://postgres@${started.address}/postgres?sslmode=disable`,
    async stop() {
      const stopped = nextMessage();
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}

describe('migrations on embedded PostgreSQL (PGlite over pglite-socket)', () => {
  let server: EmbeddedServer;
  const migrationsDir = path.join(resolvePrismaDir(), 'migrations');

  // PGlite needs a few seconds to boot, more when other test files share the CPU.
  beforeAll(async () => {
    server = await startEmbeddedServer();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('applies the real migrations, records them, and enforces the audit trigger', async () => {
    const { connectionString } = server;
    const names = (await getMigrationStatus({ connectionString, migrationsDir })).pending;
    expect(names.length).toBeGreaterThan(0);

    expect(await applyPendingMigrations({ connectionString, migrationsDir })).toEqual({ applied: names });
    expect(await applyPendingMigrations({ connectionString, migrationsDir })).toEqual({ applied: [] });
    expect(await getMigrationStatus({ connectionString, migrationsDir })).toEqual({
      applied: names,
      pending: [],
      failed: [],
      edited: [],
      notInFolder: [],
    });

    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(`INSERT INTO audit_events (id, actor_type, action) VALUES (gen_random_uuid(), 'system', 'x')`);
      await expect(client.query('DELETE FROM audit_events')).rejects.toMatchObject({ code: 'LP001' });
      const { rows } = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM audit_events');
      expect(rows).toEqual([{ count: 1 }]);
    } finally {
      await client.end();
    }
  });
});
