import type { ScanReport } from '@lynxprompt/scanning';
import type { ScanReply, ScanRequest } from './scan-messages';

let worker: Worker | undefined;
let broken = false;
let nextId = 0;
const pending = new Map<number, { resolve: (report: ScanReport) => void; reject: (error: Error) => void }>();

/** One module worker for the page, started on the first scan; undefined where there is none (or it failed). */
function scanWorker(): Worker | undefined {
  if (broken || typeof Worker === 'undefined') return undefined;
  if (!worker) {
    worker = new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module', name: 'live-scan' });
    worker.onmessage = (event: MessageEvent<ScanReply>) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (!waiting) return;
      if ('report' in reply) waiting.resolve(reply.report);
      else waiting.reject(new Error(reply.error));
    };
    // A worker that cannot start (blocked, or failed to load) is not tried again: the server scans instead.
    worker.onerror = () => {
      broken = true;
      worker?.terminate();
      worker = undefined;
      for (const waiting of pending.values()) waiting.reject(new Error('The scan worker stopped'));
      pending.clear();
    };
  }
  return worker;
}

/** Whether this browser scans locally; false in environments without module workers. */
export function canScanInBrowser(): boolean {
  return !broken && typeof Worker !== 'undefined';
}

/**
 * Scans in the worker. An aborted scan's answer is dropped when it comes (scans take milliseconds; restarting the
 * worker would cost more than finishing one).
 */
export function scanInBrowser(content: string, signal?: AbortSignal): Promise<ScanReport> {
  const target = scanWorker();
  if (!target) return Promise.reject(new Error('No scan worker'));
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    signal?.addEventListener('abort', () => {
      pending.delete(id);
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    });
    target.postMessage({ id, content } satisfies ScanRequest);
  });
}
