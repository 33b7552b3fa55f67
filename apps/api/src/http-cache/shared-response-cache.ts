import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

/** A response as the pipeline produced it, minus what belongs to one request only. */
export interface CachedResponse {
  /** Flat name, value, name, value… lists for `writeHead`: the full response, and the same for a 304. */
  readonly headers: { readonly full: readonly string[]; readonly notModified: readonly string[] };
  /** Undefined when only a 304 has been seen: the entry then answers matching conditional requests only. */
  readonly body: Buffer | undefined;
  readonly etag: string | undefined;
  /** The request headers the response varies on, with the values it was produced for. */
  readonly vary: ReadonlyArray<readonly [string, string | undefined]>;
  readonly method: string;
  /** The route template, for metrics and the rate-limit counter. */
  readonly routePath: string;
  /** The route's rate limit per window, as the guard reported it (undefined: the route is not limited). */
  readonly rateLimit: number | undefined;
  /** What it shows (see cache-tags.ts); undefined: it depends on everything, and any invalidation drops it. */
  readonly tags: readonly string[] | undefined;
}

/** An invalidation as remembered for responses still being produced: its tags, or 'all' for a whole clear. */
interface Invalidation {
  readonly sequence: number;
  readonly tags: ReadonlySet<string> | 'all';
}

/** Set per request by the pipeline (ids, rate-limit state, the connection) and never replayed. */
const PER_REQUEST_HEADERS = new Set([
  'x-request-id',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);
const MAX_ENTRY_BYTES = 1024 * 1024;
const MAX_TOTAL_BYTES = 32 * 1024 * 1024;
/**
 * Invalidations remembered for responses that were being produced while they happened. A response whose request
 * started before more than this many invalidations is not stored (it cannot be told whether it is stale).
 */
const REMEMBERED_INVALIDATIONS = 256;

/** The `max-age` of a response every shared cache may store, or undefined when it must not be shared. */
function sharedMaxAgeSeconds(cacheControl: string | undefined): number | undefined {
  if (!cacheControl) return undefined;
  const directives = cacheControl
    .toLowerCase()
    .split(',')
    .map((directive) => directive.trim());
  if (!directives.includes('public')) return undefined;
  if (directives.some((directive) => ['private', 'no-store', 'no-cache'].includes(directive))) return undefined;
  // s-maxage is the lifetime for shared caches, like this one; max-age otherwise.
  const maxAge =
    directives.find((directive) => directive.startsWith('s-maxage=')) ??
    directives.find((directive) => directive.startsWith('max-age='));
  const seconds = maxAge ? Number(maxAge.split('=')[1]) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

function headerText(value: number | string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function replayableHeaders(
  headers: OutgoingHttpHeaders,
  rawName: ReadonlyMap<string, string>,
): CachedResponse['headers'] {
  const full: string[] = [];
  const notModified: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PER_REQUEST_HEADERS.has(name)) continue;
    const pairs = (Array.isArray(value) ? value : [String(value)]).flatMap((one) => [rawName.get(name) ?? name, one]);
    full.push(...pairs);
    // A 304 carries the validators and caching headers, not the representation's type and length.
    if (name !== 'content-type' && name !== 'content-length') notModified.push(...pairs);
  }
  return { full, notModified };
}

/**
 * A shared HTTP cache inside the instance, in front of the framework, for anonymous reads of public data: the
 * catalogue, public blueprints and their raw content. It stores only what the response itself allows a shared cache
 * to store (`Cache-Control: public` with a max-age, no cookie set, `Vary` honoured), for at most
 * PUBLIC_READ_CACHE_SECONDS. Each entry names the resources it shows (tags, see cache-tags.ts); a write invalidates
 * the tags of what it changed, here and, through CacheInvalidationBus, on every other replica. Requests with a
 * cookie or an Authorization header never read from it or write to it.
 */
@Injectable()
export class SharedResponseCache {
  private readonly entries: LRUCache<string, CachedResponse> | undefined;
  private readonly ttlMs: number;
  /** Tag to the keys of the entries that declared it. */
  private readonly byTag = new Map<string, Set<string>>();
  /** Keys of entries that declared no tags: every invalidation drops them. */
  private readonly untagged = new Set<string>();
  private invalidations = 0;
  private readonly recent: Invalidation[] = [];
  /** Set while this process cannot hear other replicas' invalidations: it then neither answers nor keeps anything. */
  private deaf = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ttlMs = config.blueprints.publicReadCacheSeconds * 1000;
    this.entries =
      this.ttlMs > 0
        ? new LRUCache<string, CachedResponse>({
            maxSize: MAX_TOTAL_BYTES,
            sizeCalculation: (entry) => 512 + (entry.body?.length ?? 0) + 64 * (entry.tags?.length ?? 0),
            // Evicted, expired, replaced or invalidated: the index forgets it.
            dispose: (entry, key) => this.unindex(key, entry),
          })
        : undefined;
  }

  get enabled(): boolean {
    return this.entries !== undefined;
  }

  /** Read when a request starts and handed back to `offer`, so a response made stale while it ran is not kept. */
  get sequence(): number {
    return this.invalidations;
  }

  lookup(key: string, requestHeaders: IncomingHttpHeaders): CachedResponse | undefined {
    if (this.deaf) return undefined;
    const entry = this.entries?.get(key);
    if (!entry) return undefined;
    for (const [name, value] of entry.vary) if (headerText(requestHeaders[name]) !== value) return undefined;
    return entry;
  }

  /**
   * Keeps a finished response when HTTP allows a shared cache to; returns whether it did. A 304 (no body) is kept
   * only where nothing better is held: it still lets later requests with the same ETag be answered here.
   */
  offer(
    key: string,
    request: {
      readonly headers: IncomingHttpHeaders;
      readonly method: string;
      readonly routePath: string;
      /** `sequence` as of when the request started. */
      readonly since: number;
    },
    response: {
      readonly headers: OutgoingHttpHeaders;
      readonly rawHeaderNames: readonly string[];
      readonly body: Buffer | undefined;
      readonly tags: readonly string[] | undefined;
    },
  ): boolean {
    if (!this.entries || this.deaf || (response.body?.length ?? 0) > MAX_ENTRY_BYTES) return false;
    if (this.invalidatedSince(request.since, response.tags)) return false;
    const { headers } = response;
    if (!response.body && (headers.etag === undefined || this.entries.get(key)?.body)) return false;
    const maxAge = sharedMaxAgeSeconds(headerText(headers['cache-control']));
    if (maxAge === undefined || headers['set-cookie'] !== undefined) return false;
    const varyNames = (headerText(headers.vary) ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean);
    if (varyNames.includes('*')) return false;
    const limit = Number(headerText(headers['x-ratelimit-limit']));
    // Replayed with the names as the pipeline wrote them.
    const rawName = new Map(response.rawHeaderNames.map((name) => [name.toLowerCase(), name]));
    this.entries.set(
      key,
      {
        headers: replayableHeaders(headers, rawName),
        body: response.body,
        etag: headerText(headers.etag),
        vary: varyNames.map((name) => [name, headerText(request.headers[name])] as const),
        method: request.method,
        routePath: request.routePath,
        rateLimit: Number.isFinite(limit) && limit > 0 ? limit : undefined,
        tags: response.tags,
      },
      { ttl: Math.min(this.ttlMs, maxAge * 1000) },
    );
    this.index(key, response.tags);
    return true;
  }

  /**
   * Drops every entry showing one of `tags`, and every entry that declared none. Local only: writes go through
   * CacheInvalidationBus, which also tells the other replicas.
   */
  invalidate(tags: readonly string[]): void {
    if (!this.entries) return;
    this.remember(new Set(tags));
    const keys = new Set(this.untagged);
    for (const tag of tags) for (const key of this.byTag.get(tag) ?? []) keys.add(key);
    for (const key of keys) this.entries.delete(key);
  }

  /** Drops everything: only when this process may have missed invalidations (see CacheInvalidationBus). */
  clear(): void {
    if (!this.entries) return;
    this.remember('all');
    this.entries.clear();
  }

  /**
   * While other replicas' invalidations cannot reach this process (its subscription is down), a copy here could
   * outlive a blueprint made private elsewhere: everything is dropped, and reads go to the pipeline until `listen`.
   */
  stopListening(): void {
    this.deaf = true;
    this.clear();
  }

  /** Subscribed (again): what was kept before may be stale, so it starts empty. */
  listen(): void {
    this.clear();
    this.deaf = false;
  }

  private remember(tags: Invalidation['tags']): void {
    this.invalidations += 1;
    this.recent.push({ sequence: this.invalidations, tags });
    if (this.recent.length > REMEMBERED_INVALIDATIONS) this.recent.shift();
  }

  /** Whether an invalidation since `since` may concern a response showing `tags`. */
  private invalidatedSince(since: number, tags: readonly string[] | undefined): boolean {
    if (since === this.invalidations) return false;
    const oldest = this.recent[0];
    if (!oldest || oldest.sequence > since + 1 || tags === undefined) return true;
    for (let index = this.recent.length - 1; index >= 0; index--) {
      const invalidation = this.recent[index] as Invalidation;
      if (invalidation.sequence <= since) break;
      if (invalidation.tags === 'all' || tags.some((tag) => (invalidation.tags as Set<string>).has(tag))) return true;
    }
    return false;
  }

  private index(key: string, tags: readonly string[] | undefined): void {
    if (tags === undefined) {
      this.untagged.add(key);
      return;
    }
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  private unindex(key: string, entry: CachedResponse): void {
    if (entry.tags === undefined) {
      this.untagged.delete(key);
      return;
    }
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }
}
