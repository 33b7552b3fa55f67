import { runInWorker, WorkerTaskTimeout } from '../worker-pool/worker-pool';
import {
  DEFAULT_MAX_LISTED_FINDINGS,
  type ScanOptions,
  type ScanReport,
  type StrippedContent,
} from '@lynxprompt/scanning';
import { ScanTimeoutError } from './scanning.errors';

let maxListedFindings = DEFAULT_MAX_LISTED_FINDINGS;

/** SCAN_MAX_LISTED_FINDINGS, applied at start (worker-pool.module.ts). */
export function configureScanning(settings: { maxListedFindings: number }): void {
  maxListedFindings = settings.maxListedFindings;
}

/**
 * The scan every entry point uses (the scan route, create, update, import, publish, the federation crawl): on a
 * worker thread, within WORKER_TASK_TIMEOUT_MS, so that hostile content can neither hold the event loop nor run
 * without end. The worker lists at most SCAN_MAX_LISTED_FINDINGS findings (with exact totals), so what it hands
 * back to the event loop stays small however many it found.
 */
export async function scanContent(content: string, options: ScanOptions = {}): Promise<ScanReport> {
  try {
    return await runInWorker('scan', { content, options: { maxListedFindings, ...options } });
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
