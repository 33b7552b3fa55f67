import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './processes';

/** A PostgreSQL server of the test's own, on a private port, that the test may stop and restart at will. */
export interface PrivatePostgres {
  readonly port: number;
  /** A database on it, created at start. */
  readonly url: string;
  /**
   * A fast restart (`pg_ctl restart -m fast`, which terminates every connection with 57P01) with this process's
   * event loop blocked until the server is back, as in a process too busy to look: it then handles every terminated
   * connection in one batch, which is when a client without an error listener crashed the API.
   */
  restartBlocking(): void;
  /** Asynchronous, so the app under test keeps serving (and failing) requests while the server is down. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const version = versions.find((v) => fs.existsSync(path.join(root, v, 'bin/initdb')));
  if (!version) throw new Error(`no PostgreSQL server binaries under ${root}`);
  return path.join(root, version, 'bin');
}

/** initdb and postgres refuse to run as root (CI is root): run them as the postgres user then. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function runAsServerUser(command: string, args: string[]): void {
  const [file, argv] = asServerUser(command, args);
  execFileSync(file, argv, { stdio: 'pipe', cwd: '/' });
}

async function runAsServerUserAsync(command: string, args: string[]): Promise<void> {
  const [file, argv] = asServerUser(command, args);
  await promisify(execFile)(file, argv, { cwd: '/' });
}

export async function startPrivatePostgres(database: string): Promise<PrivatePostgres> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  const pgCtl = path.join(bin, 'pg_ctl');
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`;
  // The server's output goes to a log file, never to a pipe of ours that it would hold open.
  const logFile = ['-l', path.join(dir, 'log')];
  const startArgs = ['-D', dataDir, ...logFile, '-o', serverOptions, '-w', 'start'];
  runAsServerUser(path.join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  runAsServerUser(pgCtl, startArgs);
  const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const restartArgs = ['-D', dataDir, ...logFile, '-o', serverOptions, '-m', 'fast', '-w', 'restart'];
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    restartBlocking: () => runAsServerUser(pgCtl, restartArgs),
    stop: () => runAsServerUserAsync(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']),
    start: () => runAsServerUserAsync(pgCtl, startArgs),
    destroy() {
      try {
        runAsServerUser(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
