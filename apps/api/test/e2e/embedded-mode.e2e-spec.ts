import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const mainJs = path.resolve(__dirname, '../../dist/main.js');

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The environment a person has on a fresh machine: no database, no Redis, nothing of ours configured. */
function userEnvironment(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(DATABASE_URL|REDIS_URL|TEST_|LP_|APP_URL|NODE_ENV|JEST|PORT)/.test(key)) env[key] = value;
  }
  return { ...env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
}

function start(env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, [mainJs], { env, stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function waitFor(started: Started, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null)
      throw new Error(`exited early (${started.child.exitCode}):\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', resolve));
}

describe('embedded mode: npm start on a fresh machine', () => {
  let dataDir: string;
  const running: ChildProcessWithoutNullStreams[] = [];

  beforeAll(() => {
    if (!fs.existsSync(mainJs)) throw new Error(`${mainJs} is missing: build first (npm test builds it)`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-embedded-'));
  });
  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the manifest and the home page from an embedded database, locks its data, and survives kill -9', async () => {
    const port = await freePort();
    const first = start(userEnvironment(dataDir, port));
    running.push(first.child);
    await waitFor(first, 'LynxPrompt is running at');
    expect(first.output()).toContain(`http://localhost:${port}`);
    expect(first.output()).toContain(`Data: ${path.join(dataDir, 'pgdata')}`);

    const manifest = await fetch(`http://127.0.0.1:${port}/.well-known/lynxprompt.json`);
    expect(manifest.status).toBe(200);
    expect(await manifest.json()).toMatchObject({ name: 'LynxPrompt', domain: `localhost:${port}`, federation: true });
    const home = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/<div id="root">/);
    const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ok' });

    // A second process on the same data folder is refused with a clear message, and the first keeps working.
    const second = start(userEnvironment(dataDir, await freePort()));
    running.push(second.child);
    expect(await exited(second.child)).toBe(1);
    expect(second.output()).toContain(
      `The data folder ${dataDir} is in use by another LynxPrompt process (pid ${first.child.pid}`,
    );
    expect((await fetch(`http://127.0.0.1:${port}/api/health/live`)).status).toBe(200);

    // A crash leaves the lock behind; the next start recognises it as dead and takes over at once.
    first.child.kill('SIGKILL');
    await exited(first.child);
    const third = start(userEnvironment(dataDir, port));
    running.push(third.child);
    await waitFor(third, 'LynxPrompt is running at', 30_000);
    expect((await fetch(`http://127.0.0.1:${port}/.well-known/lynxprompt.json`)).status).toBe(200);

    third.child.kill('SIGTERM');
    expect(await exited(third.child)).toBe(0);
  }, 180_000);
});
