import { runInWorker, WorkerTaskTimeout } from '../worker-pool/worker-pool';
import type { ScanOptions, ScanReport } from './scan.types';
import type { StrippedContent } from './strip-hidden';
import { ScanTimeoutError } from './scanning.errors';

/**
 * The scan every entry point uses (the scan route, create, update, import, publish, the federation crawl): on a
 * worker thread, within WORKER_TASK_TIMEOUT_MS, so that hostile content can neither hold the event loop nor run
 * without end.
 */
export async function scanContent(content: string, options: ScanOptions = {}): Promise<ScanReport> {
  try {
    return await runInWorker('scan', { content, options });
  } catch (error) {
    if (error instanceof WorkerTaskTimeout) throw new ScanTimeoutError(error.budgetMs);
    throw error;
  }
}

/** stripHiddenInstructions, on a worker thread within the same budget: downloads with strip=hidden call it. */
export async function stripHiddenContent(content: string): Promise<StrippedContent> {
  try {
    return await runInWorker('stripHidden', content);
  } catch (error) {
    if (error instanceof WorkerTaskTimeout) throw new ScanTimeoutError(error.budgetMs);
    throw error;
  }
}
