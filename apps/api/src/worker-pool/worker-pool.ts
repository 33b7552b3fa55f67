import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { WorkerTasks } from './worker-tasks';

export interface WorkerPoolSettings {
  /** Threads that run CPU-bound work on untrusted input. */
  readonly threads: number;
  /** The most one task may take, waiting included; a task still running then is stopped (its thread ends). */
  readonly taskTimeoutMs: number;
}

/** Thrown when a task ran out of its time budget; the caller turns it into its own error code. */
export class WorkerTaskTimeout extends Error {
  constructor(readonly budgetMs: number) {
    super(`The task did not finish within ${budgetMs} ms`);
    this.name = 'WorkerTaskTimeout';
  }
}

export const DEFAULT_WORKER_POOL_SETTINGS: WorkerPoolSettings = {
  threads: Math.max(1, Math.min(4, os.availableParallelism() - 1)),
  taskTimeoutMs: 10_000,
};

let settings = DEFAULT_WORKER_POOL_SETTINGS;
let pool: Piscina | undefined;

/** Takes effect for the next pool: call before the first task, or after closeWorkerPool(). */
export function configureWorkerPool(next: WorkerPoolSettings): void {
  settings = next;
}

export async function closeWorkerPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}

/**
 * Runs a task of worker-tasks.ts on a pool thread, so that no input, however hostile, holds the event loop: the
 * server keeps answering while a scan or a diff runs, and a task over its budget is stopped, not waited for.
 */
export async function runInWorker<Name extends keyof WorkerTasks>(
  name: Name,
  input: Parameters<WorkerTasks[Name]>[0],
): Promise<Awaited<ReturnType<WorkerTasks[Name]>>> {
  const { taskTimeoutMs } = settings;
  pool ??= new Piscina({
    filename: workerEntry(),
    minThreads: 0,
    maxThreads: settings.threads,
    // Threads outlive a burst of work, then go: an idle instance holds no extra heaps.
    idleTimeout: 30_000,
  });
  const signal = AbortSignal.timeout(taskTimeoutMs);
  try {
    return (await pool.run(input, { name, signal })) as Awaited<ReturnType<WorkerTasks[Name]>>;
  } catch (error) {
    if (signal.aborted) throw new WorkerTaskTimeout(taskTimeoutMs);
    throw error;
  }
}

/**
 * The compiled worker next to this file; when the API runs from its TypeScript sources (the Jest suites, which
 * compile on the fly), a plain JavaScript entry that compiles them with swc in the worker thread.
 */
function workerEntry(): string {
  const compiled = path.join(__dirname, 'worker-tasks.js');
  return existsSync(compiled) ? compiled : path.join(__dirname, 'worker-entry-from-source.js');
}
