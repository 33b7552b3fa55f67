import { toStorableText } from '../../blueprints/blueprint-rules';
import type { CrawlTotals, FetchReason } from '../peers/peers.repository';

export type { FetchReason };

/** At most this many problems are kept per run: a peer with a million bad items must not fill the database. */
const MAX_RECORDED_ERRORS = 50;
/** Invalid entries in a row that stop a run: a peer answering garbage for every item costs this many, not millions. */
export const INVALID_ITEMS_BREAKER = 20;
/** Requests a run may spend beyond what the peer's announced size needs (manifest re-reads, a grown catalogue). */
const BUDGET_SLACK_REQUESTS = 10;

/**
 * The requests a crawl of a peer that announces `announced` entries can plausibly need, `perItem` being the requests
 * each entry costs on top of its page (1 for a legacy content fetch, 0 when content is inline). The announced count
 * is the peer's claim, so it is bounded by what we would keep of it, and the result by the configured cap.
 */
export function requestBudget(
  announced: number | null | undefined,
  limits: { pageSize: number; perItem: number; maxItems: number; cap: number },
): number {
  const items = Math.min(announced ?? limits.maxItems, limits.maxItems);
  const pages = Math.ceil(items / limits.pageSize) + 1;
  const needed = pages + items * limits.perItem + Math.max(BUDGET_SLACK_REQUESTS, Math.ceil(items / 10));
  return Math.min(limits.cap, needed);
}

export type CrawlError = CrawlTotals['errors'][number];

/** Ids recorded per reason; the count is always exact. */
const MAX_RECORDED_FETCH_IDS = 20;

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
  /** Entries that passed validation (unchanged legacy items and tombstones included), and entries refused. */
  validItems = 0;
  invalidItems = 0;
  /** Invalid entries since the last valid one: a peer that sends nothing else trips INVALID_ITEMS_BREAKER. */
  invalidStreak = 0;
  readonly fetches: CrawlTotals['fetches'] = {};

  constructor(
    /** The most requests this run may send; narrowed once the peer says how much it holds (RequestBudget). */
    public requestBudget = Number.POSITIVE_INFINITY,
  ) {}

  valid(count = 1): void {
    this.validItems += count;
    if (count > 0) this.invalidStreak = 0;
  }

  /** An entry refused on its own (the rest of its page is still applied), with its reason code. */
  invalid(code: string, message: string, url?: string): void {
    this.invalidItems += 1;
    this.invalidStreak += 1;
    this.error(code, message, url);
  }

  /** A legacy detail request, and why it was made. */
  fetched(reason: FetchReason, remoteId: string): void {
    const entry = (this.fetches[reason] ??= { count: 0, ids: [] });
    entry.count += 1;
    if (entry.ids.length < MAX_RECORDED_FETCH_IDS) entry.ids.push(storable(remoteId));
  }

  get invalidBreakerOpen(): boolean {
    return this.invalidStreak >= INVALID_ITEMS_BREAKER;
  }

  /** The peer sent entries, and not one of them was valid: the run is not a success whatever else happened. */
  get nothingValid(): boolean {
    return this.invalidItems > 0 && this.validItems === 0;
  }

  error(code: string, message: string, url?: string): void {
    if (this.errors.length >= MAX_RECORDED_ERRORS) {
      this.suppressedErrors += 1;
      return;
    }
    this.errors.push({ code, message: storable(message), ...(url ? { url: storable(url) } : {}) });
  }

  /** Why the run stopped: always recorded, even past MAX_RECORDED_ERRORS, and listed last. */
  stop(code: string, message: string): void {
    this.stopReason = { code, message: storable(message) };
  }

  private stopReason: CrawlError | undefined;

  get changed(): boolean {
    return this.added + this.updated + this.removed > 0;
  }

  summary(): CrawlTotals {
    const errors = [
      ...this.errors,
      ...(this.suppressedErrors > 0
        ? [{ code: 'ERRORS_SUPPRESSED', message: `${this.suppressedErrors} more problems not recorded` }]
        : []),
      ...(this.stopReason ? [this.stopReason] : []),
    ];
    return {
      requests: this.requests,
      pages: this.pages,
      added: this.added,
      updated: this.updated,
      removed: this.removed,
      bytes: this.bytes,
      errors,
      fetches: this.fetches,
    };
  }
}

/** Peer-supplied text in a message, cut to 500 characters and made storable (the cut may split a surrogate pair). */
function storable(text: string): string {
  return toStorableText(text.slice(0, 500));
}

/** Stops a run: the peer answered something the crawl cannot go past. `retryAfterMs` when the peer asked for a pause. */
export class CrawlAborted extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterMs = 0,
    /** For OUTBOUND_ADDRESS_REFUSED: the kind of address refused, for the admin's hint. */
    readonly addressKind?: string,
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
