import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loopbackAddress, startFederatedInstance, type FederatedInstance } from './federation';

/** The bundled CLI, as the npm package ships it (built by `lynxprompt:build`, which the API's test target runs first). */
export const lynxpBundle = path.resolve(__dirname, '../../../../packages/cli/dist/lynxp.cjs');

export interface LynxpResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed, for runs with --json. */
  json<T = unknown>(): T;
}

export interface LynxpOptions {
  cwd?: string;
  /** Added to a clean environment that holds only PATH, HOME and the config directory. */
  env?: Record<string, string>;
  /** Written to stdin, then stdin is closed. */
  input?: string;
  timeoutMs?: number;
  /** Called with everything printed so far, after each chunk: lets a test act while the CLI waits (lynxp login). */
  onOutput?: (stdout: string, stderr: string) => void;
}

/**
 * Runs `lynxp <args>` as a user would: a separate Node process with its own config directory, no TTY, and nothing of
 * the test's environment but what is passed.
 */
export function runLynxp(args: string[], options: LynxpOptions & { configDir: string }): Promise<LynxpResult> {
  if (!existsSync(lynxpBundle)) throw new Error(`${lynxpBundle} is missing: run node packages/cli/scripts/build.mjs`);
  const child = spawn(process.execPath, [lynxpBundle, ...args], {
    cwd: options.cwd ?? options.configDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: options.configDir,
      LYNXPROMPT_CONFIG_DIR: options.configDir,
      NO_COLOR: '1',
      ...options.env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    options.onOutput?.(stdout, stderr);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    options.onOutput?.(stdout, stderr);
  });
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`lynxp ${args.join(' ')} did not finish\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout,
        stderr,
        json<T>() {
          try {
            return JSON.parse(stdout) as T;
          } catch {
            throw new Error(
              `lynxp ${args.join(' ')} printed no JSON (exit ${code})\nstdout: ${stdout}\nstderr: ${stderr}`,
            );
          }
        },
      });
    });
  });
}

/** A fresh config directory, as on a machine where lynxp never ran. */
export function freshConfigDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'lynxp-home-'));
}

/** An instance listening on loopback, so the CLI (another process) can reach it; its first user is an admin. */
export async function startCliInstance(env: Record<string, string> = {}): Promise<FederatedInstance> {
  return startFederatedInstance(await loopbackAddress('127.0.0.1'), {
    name: 'CLI test instance',
    adminEmail: 'admin@cli.test',
    env,
  });
}
