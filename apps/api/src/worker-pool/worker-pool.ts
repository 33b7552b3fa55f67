import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { serviceUnavailable } from '../common/errors/outage';
import type { WorkerTasks } from './worker-tasks';

export interface WorkerPoolSettings {
  /** Threads that run CPU-bound work on untrusted input. */
  readonly threads: number;
  /**
   * The most one task may run; a task still running then is stopped (its thread ends). Waiting for a free thread has
   * the same budget, counted apart: a busy server must not be blamed on the input.
   */
  readonly taskTimeoutMs: number;
}

/** Tasks waiting for a thread, per thread, beyond which a new one is turned away at once (each holds its input). */
const WAITING_PER_THREAD = 32;

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
/** Tasks on a thread now; at most `settings.threads`, so a task handed to the pool starts at once. */
let running = 0;
const waiting: Array<() => void> = [];

/**
 * Waits for a free thread, within the task budget and while few enough others wait. Otherwise the server is busy,
 * not the input at fault: 503 SERVICE_UNAVAILABLE, which a client retries, rather than the task's own timeout.
 */
async function acquireThread(budgetMs: number): Promise<void> {
  if (running < settings.threads) {
    running += 1;
    return;
  }
  if (waiting.length >= settings.threads * WAITING_PER_THREAD) throw serviceUnavailable();
  await new Promise<void>((resolve, reject) => {
    const turn = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      waiting.splice(waiting.indexOf(turn), 1);
      reject(serviceUnavailable());
    }, budgetMs);
    waiting.push(turn);
  });
}

/** The thread is free: the next waiting task takes it over (`running` unchanged), else one fewer runs. */
function releaseThread(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

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
  await acquireThread(taskTimeoutMs);
  // Counted from here: the task starts now, on the thread it was given.
  const signal = AbortSignal.timeout(taskTimeoutMs);
  try {
    return (await pool.run(input, { name, signal })) as Awaited<ReturnType<WorkerTasks[Name]>>;
  } catch (error) {
    if (signal.aborted) throw new WorkerTaskTimeout(taskTimeoutMs);
    throw error;
  } finally {
    releaseThread();
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
