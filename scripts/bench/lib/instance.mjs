// Starting and watching processes under benchmark: the built LynxPrompt instance (as `npm start` runs it) and a bare
// Node http server used as the machine's ceiling. Loopback only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { instanceEnvironment } from '../../lib/runtime.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/** Samples a process's RSS every `intervalMs`; `peak` is the highest seen since start or the last `resetWindow`. */
export function sampleRss(pid, intervalMs = 200) {
  const state = { peak: rssMb(pid), windowPeak: 0 };
  const sample = () => {
    try {
      const now = rssMb(pid);
      state.peak = Math.max(state.peak, now);
      state.windowPeak = Math.max(state.windowPeak, now);
    } catch {
      // The process is gone; the last figures stand.
    }
  };
  const timer = setInterval(sample, intervalMs);
  return {
    get peak() {
      return state.peak;
    },
    /** Starts a new window and returns the peak of the one that ended. */
    resetWindow() {
      sample();
      const previous = state.windowPeak;
      state.windowPeak = 0;
      return previous;
    },
    stop: () => clearInterval(timer),
  };
}

/** Exits with a hint when the API has not been built: the benchmarks measure the build, they never build. */
export function requireBuiltApi(root) {
  const mainJs = path.join(root, 'apps/api/dist/main.js');
  if (!fs.existsSync(mainJs)) {
    console.error('Build first: npx nx run-many -t build');
    process.exit(1);
  }
  return mainJs;
}

async function waitFor(child, isReady, what, timeoutMs) {
  let output = '';
  const collect = (chunk) => (output += chunk);
  child.stdout.on('data', collect);
  const deadline = Date.now() + timeoutMs;
  while (!isReady(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${what} did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The stream keeps flowing (its later output is dropped unless the caller listens), and the start-up text no longer
  // grows: a bench that logs every request would otherwise keep all of it in memory.
  child.stdout.off('data', collect);
  return output;
}

function stopper(child, cleanup = () => {}) {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    cleanup();
  };
}

/**
 * Starts `apps/api/dist/main.js` on a free port with a throw-away DATA_DIR and the NODE_OPTIONS of `npm start`. `env` is merged over the caller's
 * environment; DATABASE_URL and REDIS_URL come only from `env` (unset means the embedded database and store).
 */
export async function startInstance(root, env, { timeoutMs = 60_000 } = {}) {
  const mainJs = requireBuiltApi(root);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-bench-'));
  const childEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // The limiter still runs (and costs what it costs); the limit is raised so the load is measured, not refused.
    RATE_LIMIT_PER_MINUTE: '100000000',
  };
  delete childEnv.DATABASE_URL;
  delete childEnv.REDIS_URL;
  for (const [key, value] of Object.entries(env)) if (value !== undefined) childEnv[key] = value;
  const child = spawn(process.execPath, [mainJs], {
    cwd: root,
    env: instanceEnvironment(childEnv),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    await waitFor(child, (output) => output.includes('LynxPrompt is running'), 'The instance', timeoutMs);
  } catch (error) {
    cleanup();
    throw error;
  }
  return { child, pid: child.pid, port, baseUrl: `http://127.0.0.1:${port}`, stop: stopper(child, cleanup) };
}

/** The body the bare server answers with: about the size of a small API response. */
export const CEILING_BODY = JSON.stringify({
  status: 'ok',
  service: 'lynxprompt-bench-ceiling',
  items: Array.from({ length: 4 }, (_, index) => ({ id: `bp_${String(index).padStart(16, '0')}`, name: 'Example' })),
});

/**
 * A bare Node `http` server answering CEILING_BODY to every request, in its own process (so it gets its own share of
 * the cores, as the instance does): the most any Node HTTP endpoint could do here under the same load.
 */
export async function startCeilingServer() {
  const source = `
    const http = require('node:http');
    const body = ${JSON.stringify(CEILING_BODY)};
    const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) };
    const server = http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); });
    server.keepAliveTimeout = 65000;
    server.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
  `;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const output = await waitFor(child, (text) => /listening on \d+/.test(text), 'The bare http server', 10_000);
  const port = Number(/listening on (\d+)/.exec(output)[1]);
  return { child, pid: child.pid, port, baseUrl: `http://127.0.0.1:${port}`, stop: stopper(child) };
}
