import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { CacheStore } from '../kv/cache-store';
import { runInWorker, WorkerTaskTimeout } from '../worker-pool/worker-pool';
import { DiffTooLargeError } from './blueprints.errors';

/** A version as the diff needs it: versions never change, so number and hash name the content for good. */
export interface DiffableVersion {
  number: number;
  content: string;
  contentHash: string;
}

/** Diffs are kept a day; a patch larger than this is computed again rather than kept in the shared store. */
const CACHE_TTL_MS = 24 * 3600 * 1000;
const CACHE_MAX_CHARS = 1024 * 1024;
/**
 * A diff that ran out of time is refused again for a while without another try: a busy machine, not only the pair,
 * can cause it, but repeating the request must not cost a thread's whole budget each time.
 */
const TIMEOUT_TTL_MS = 10 * 60_000;

type CachedDiff = { unified: string } | { tooLarge: true; budgetMs?: number };

/** The cache key of a version pair's diff (under one bound: the answer depends on it). */
export function diffCacheKey(from: DiffableVersion, to: DiffableVersion, maxEdits: number): string {
  return `diff:v${from.number}:${from.contentHash}:v${to.number}:${to.contentHash}:${maxEdits}`;
}

/**
 * Unified diffs between versions, bounded and shared: computed on a worker thread, refused past DIFF_MAX_EDITS
 * changed lines (or WORKER_TASK_TIMEOUT_MS), and kept in the key-value store by version pair, so a thousand anonymous
 * readers of one diff cost one computation. A cache only: with Redis unreachable, diffs are computed per request.
 */
@Injectable()
export class VersionDiffs {
  constructor(
    private readonly cache: CacheStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async unified(from: DiffableVersion, to: DiffableVersion): Promise<string> {
    const maxEdits = this.config.blueprints.diffMaxEdits;
    const key = diffCacheKey(from, to, maxEdits);
    const cached = await this.cache.get(key);
    const result = cached ? (JSON.parse(cached) as CachedDiff) : await this.compute(from, to, maxEdits, key);
    if ('tooLarge' in result) throw new DiffTooLargeError(maxEdits, result.budgetMs);
    return result.unified;
  }

  private async compute(
    from: DiffableVersion,
    to: DiffableVersion,
    maxEdits: number,
    key: string,
  ): Promise<CachedDiff> {
    let unified: string | null;
    try {
      unified = await runInWorker('diff', {
        fromName: `v${from.number}`,
        toName: `v${to.number}`,
        from: from.content,
        to: to.content,
        maxEdits,
      });
    } catch (error) {
      if (!(error instanceof WorkerTaskTimeout)) throw error;
      const timedOut: CachedDiff = { tooLarge: true, budgetMs: error.budgetMs };
      await this.cache.set(key, JSON.stringify(timedOut), TIMEOUT_TTL_MS);
      return timedOut;
    }
    const result: CachedDiff = unified === null ? { tooLarge: true } : { unified };
    if (unified === null || unified.length <= CACHE_MAX_CHARS) {
      await this.cache.set(key, JSON.stringify(result), CACHE_TTL_MS);
    }
    return result;
  }
}
