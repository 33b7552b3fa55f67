import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const embeddedPostgresJs = path.resolve(__dirname, '../../dist/database/embedded-postgres.js');

// PGlite loads its parts with dynamic import(), which Jest's module sandbox refuses; a worker thread is plain Node,
// and runs the built embedded server exactly as `npm start` does.
const EMBEDDED_SERVER = `
const { parentPort, workerData } = require('node:worker_threads');
const { EmbeddedPostgres } = require(workerData.module);
const silent = { fatal() {}, error() {}, warn() {}, info() {}, debug() {} };
(async () => {
  const embedded = await EmbeddedPostgres.start(workerData.dataDir, 10, silent, workerData.options);
  parentPort.once('message', async () => {
    await embedded.stop();
    parentPort.postMessage({ stopped: true });
  });
  parentPort.postMessage({ url: embedded.connectionString });
})().catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) }));
`;

export interface EmbeddedDatabase {
  /** The connection string the app would use: loopback port and this start's password. */
  readonly url: string;
  stop(): Promise<void>;
}

function nextMessage(worker: Worker): Promise<{ url?: string; error?: string }> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** Bounds of the socket server a test may shorten (see EmbeddedSocketServerOptions). */
export interface EmbeddedDatabaseOptions {
  readonly handshakeTimeoutMs?: number;
  readonly maxPendingHandshakes?: number;
  readonly ownerIdleLimitMs?: number;
}

/** The built embedded PostgreSQL (PGlite behind our socket server) on a fresh data folder, in a worker thread. */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions = {}): Promise<EmbeddedDatabase> {
  if (!fs.existsSync(embeddedPostgresJs)) throw new Error(`${embeddedPostgresJs} is missing: build first`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-embedded-db-'));
  const worker = new Worker(EMBEDDED_SERVER, {
    eval: true,
    workerData: { module: embeddedPostgresJs, dataDir, options },
  });
  worker.unref();
  const started = await nextMessage(worker);
  if (!started.url) {
    await worker.terminate();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`the embedded database did not start: ${started.error}`);
  }
  return {
    url: started.url,
    async stop() {
      const stopped = nextMessage(worker);
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The loopback TCP ports a process listens on, from /proc (Linux): how a test finds the embedded database's port of a
 * server it started, which the server never prints (its connection string holds the password).
 */
export function listeningPorts(pid: number): number[] {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // Closed between the listing and the read.
    }
  }
  const ports: number[] = [];
  for (const table of [`/proc/${pid}/net/tcp`, `/proc/${pid}/net/tcp6`]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      if (state !== '0A' || !local || !inode || !inodes.has(inode)) continue; // 0A: LISTEN
      ports.push(parseInt(local.split(':')[1]!, 16));
    }
  }
  return [...new Set(ports)].sort((a, b) => a - b);
}
