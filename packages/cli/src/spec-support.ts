import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The bundle the package ships; the unit specs run it as a user would (the test target builds it first). */
export const bundle = path.resolve(__dirname, '../dist/lynxp.cjs');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `lynxp <args>` in its own process with a clean environment: only PATH, HOME and what is passed. */
export function lynxp(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; input?: string; onStderr?: (text: string) => void },
): Promise<Run> {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run node packages/cli/scripts/build.mjs`);
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: options.cwd, NO_COLOR: '1', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    options.onStderr?.(stderr);
  });
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
