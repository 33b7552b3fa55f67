import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** The compiled server, started exactly as `npm start` starts it. */
export const mainJs = path.resolve(__dirname, '../../dist/main.js');

export interface StartedProcess {
  readonly child: ChildProcessWithoutNullStreams;
  output(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The environment minus anything of ours, as on a machine where nothing is configured. */
export function cleanEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(DATABASE_URL|REDIS_URL|TEST_|LP_|APP_URL|NODE_ENV|JEST|PORT)/.test(key)) env[key] = value;
  }
  return env;
}

export function startServer(env: NodeJS.ProcessEnv): StartedProcess {
  const child = spawn(process.execPath, [mainJs], { env, stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

export async function waitForOutput(started: StartedProcess, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null)
      throw new Error(`exited early (${started.child.exitCode}):\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', resolve));
}

/** A browser's session on a server run as a process: its cookie header and the CSRF token writes send. */
export interface ProcessSession {
  readonly cookie: string;
  readonly csrfToken: string;
}

/**
 * Follows a sign-in link's token on a server run as a process, as the web app does: verifies it, keeps the cookies it
 * sets, and reads the session's CSRF token. `headers` go with both requests (Origin, X-Forwarded-For…).
 */
export async function followMagicLink(
  baseUrl: string,
  token: string,
  headers: Record<string, string>,
): Promise<ProcessSession> {
  const verified = await fetch(new URL('/api/v1/auth/magic-link/verify', baseUrl), {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (verified.status !== 200) throw new Error(`verifying the link answered ${verified.status}`);
  const cookie = verified.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const session = await fetch(new URL('/api/v1/auth/session', baseUrl), { headers: { ...headers, Cookie: cookie } });
  if (session.status !== 200) throw new Error(`reading the session answered ${session.status}`);
  return { cookie, csrfToken: ((await session.json()) as { csrfToken: string }).csrfToken };
}
