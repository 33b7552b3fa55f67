import type { CrawlTotals } from '../peers/peers.repository';

/** At most this many problems are kept per run: a peer with a million bad items must not fill the database. */
const MAX_RECORDED_ERRORS = 50;

export type CrawlError = CrawlTotals['errors'][number];

/** What one run fetched and changed, and every problem met, for `crawl_runs`. */
export class CrawlLog {
  requests = 0;
  pages = 0;
  added = 0;
  updated = 0;
  removed = 0;
  bytes = 0;
  /** Problems past MAX_RECORDED_ERRORS are only counted. */
  suppressedErrors = 0;
  readonly errors: CrawlError[] = [];

  error(code: string, message: string, url?: string): void {
    if (this.errors.length >= MAX_RECORDED_ERRORS) {
      this.suppressedErrors += 1;
      return;
    }
    this.errors.push({ code, message: message.slice(0, 500), ...(url ? { url: url.slice(0, 500) } : {}) });
  }

  get changed(): boolean {
    return this.added + this.updated + this.removed > 0;
  }

  summary(): CrawlTotals {
    const errors =
      this.suppressedErrors > 0
        ? [
            ...this.errors,
            { code: 'ERRORS_SUPPRESSED', message: `${this.suppressedErrors} more problems not recorded` },
          ]
        : this.errors;
    return {
      requests: this.requests,
      pages: this.pages,
      added: this.added,
      updated: this.updated,
      removed: this.removed,
      bytes: this.bytes,
      errors,
    };
  }
}

/** Stops a run: the peer answered something the crawl cannot go past. `retryAfterMs` when the peer asked for a pause. */
export class CrawlAborted extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterMs = 0,
  ) {
    super(message);
    this.name = 'CrawlAborted';
  }
}

const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000;

/** `Retry-After` as seconds or an HTTP date, capped at a day. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number {
  if (!header) return 0;
  const seconds = /^\s*(\d{1,9})\s*$/.exec(header);
  const ms = seconds ? Number(seconds[1]) * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : 0;
}

/** Runs `task` over `items` with at most `limit` at once, in order of start. */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  });
  await Promise.all(workers);
}

/** A counting semaphore: at most `size` holders at once; the rest wait in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
