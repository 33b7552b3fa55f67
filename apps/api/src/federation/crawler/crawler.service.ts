import { createHash, randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../../common/logging/logging.module';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { SharedResponseCache } from '../../http-cache/shared-response-cache';
import { JobQueue } from '../../jobs/job-queue';
import { MetricsService } from '../../metrics/metrics.service';
import { KEY_VALUE_STORE, type KeyValueStore } from '../../kv/key-value-store';
import { OutboundError, OutboundHttpClient, type OutboundResponse } from '../../outbound/outbound-http-client';
import { firstIssue } from '../first-issue';
import { SIGNATURE_HEADER, verifySignature } from '../signature';
import { hostOf } from '../peers/domain-name';
import { addressKindOf } from '../peers/peer-verifier';
import { PeerVerificationError } from '../peers/peers.errors';
import { PeersRepository, type PeerRow } from '../peers/peers.repository';
import { PeersService } from '../peers/peers.service';
import { afterSuccess } from '../peers/peer-state';
import { CRAWL_PEER_JOB, SCHEDULE_CRAWLS_JOB, type CrawlPeerJob, type CrawlTrigger } from './crawl-jobs';
import {
  CrawlAborted,
  CrawlLog,
  forEachLimited,
  type FetchReason,
  INVALID_ITEMS_BREAKER,
  requestBudget,
  retryAfterMs,
  Semaphore,
} from './crawl-log';
import { RemoteCopiesRepository, type KnownCopy } from './remote-copies.repository';
import { RemoteScans, type ScannedCopy } from './remote-scans';
import { LegacyWalkState } from './legacy-walk';
import {
  CrawlProblem,
  legacyCopy,
  legacyDetailIsPrivate,
  legacyItemOfDetail,
  legacyListing,
  legacyListSchema,
  parseLegacyItem,
  parseSignedItem,
  signedPageSchema,
  storableIds,
  type LegacyItem,
  type RemoteCopy,
} from './remote-items';

export const CATALOGUE_PATH = '/api/v1/federation/blueprints';
/** Entries asked per page (signed peers) and the most a page may carry before it is refused as hostile. */
const SIGNED_PAGE_LIMIT = 100;
/** The reference product caps its list at 100 per page. */
const LEGACY_PAGE_LIMIT = 100;
/**
 * Walks over a legacy list per run: the first with full pages, the others only while items are still unseen. The list
 * is sorted by downloads alone, and PostgreSQL orders ties differently for each `offset + limit`, so a walk with
 * another page size lists ties an earlier one skipped. Their sizes are drawn afresh each run, so an item no size
 * has listed yet is listed by a later run.
 */
const LEGACY_WALKS = 4;
const LEGACY_RETRY_PAGE_SIZES = { min: 50, max: LEGACY_PAGE_LIMIT - 1 };
/** A page is at most 4 MB by the protocol; twice that is refused without reading further. */
const PAGE_MAX_BYTES = 8 * 1024 * 1024;
/** How often a peer's manifest is read again when nothing else asks for it. */
const MANIFEST_MAX_AGE_MS = 6 * 3600 * 1000;
/** A run that stopped at the page limit continues this soon. */
const CONTINUE_AFTER_MS = 5_000;
/** Longer than any run; a crashed worker's lock expires by itself. */
const LOCK_TTL_MS = 30 * 60_000;
/** The scheduler leases a due peer for this long, so it is not queued again while its crawl waits or runs. */
const SCHEDULE_LEASE_MS = 15 * 60_000;
const SCHEDULE_EVERY_MS = 60_000;
const SCHEDULE_BATCH = 500;
/** Consecutive failed requests within one run that open the circuit: the run stops and backs off. */
const CIRCUIT_BREAKER_FAILURES = 5;

/** `rejected`: the peer answered, but nothing it sent was valid (a failure, with backoff, recorded apart). */
export type CrawlResult = 'succeeded' | 'not_modified' | 'failed' | 'rejected' | 'skipped' | 'locked' | 'gone';

interface SyncState {
  cursor: string | null;
  cursorEtag: string | null;
  /** More is waiting (the page limit stopped the run): continue soon. */
  more: boolean;
  notModified: boolean;
}

/**
 * The read-only crawler. One job per peer; a per-peer lock in the shared store means two workers never crawl the
 * same peer at once, and each process crawls at most FEDERATION_CONCURRENCY peers at a time, so adding workers adds
 * throughput. Nothing a peer sends is trusted: pages are signature-checked (signed peers), items validated and their
 * content hashed, every request goes through the SSRF-safe client with a byte cap.
 */
@Injectable()
export class CrawlerService implements OnModuleInit {
  private readonly slots: Semaphore;

  constructor(
    private readonly peers: PeersService,
    private readonly peerRows: PeersRepository,
    private readonly copies: RemoteCopiesRepository,
    private readonly scans: RemoteScans,
    private readonly outbound: OutboundHttpClient,
    private readonly jobs: JobQueue,
    private readonly responseCache: SharedResponseCache,
    private readonly metrics: MetricsService,
    @Inject(KEY_VALUE_STORE) private readonly kv: KeyValueStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.slots = new Semaphore(config.federation.concurrency);
  }

  onModuleInit(): void {
    this.jobs.define(CRAWL_PEER_JOB, async (data) => {
      const { peerId, trigger } = data as CrawlPeerJob;
      await this.crawl(peerId, trigger);
    });
    this.jobs.define(SCHEDULE_CRAWLS_JOB, async () => {
      await this.enqueueDue();
    });
    this.jobs.schedule(SCHEDULE_CRAWLS_JOB, SCHEDULE_EVERY_MS);
  }

  /** Queues a crawl of every peer that is due, leasing each so the next tick does not queue it again. */
  async enqueueDue(now = new Date()): Promise<number> {
    if (!this.config.instance.federationEnabled) return 0;
    const due = await this.peerRows.listDue(now, SCHEDULE_BATCH);
    for (const { id } of due) {
      await this.peerRows.update(id, { nextCrawlAt: new Date(now.getTime() + SCHEDULE_LEASE_MS) });
      await this.peers.enqueueCrawl(id, 'schedule');
    }
    return due.length;
  }

  async crawl(peerId: string, trigger: CrawlTrigger): Promise<CrawlResult> {
    return this.slots.run(async () => {
      const lock = `federation:crawl-lock:${peerId}`;
      const token = randomUUID();
      if (!(await this.kv.setIfAbsent(lock, token, LOCK_TTL_MS))) {
        this.logger.debug({ peerId }, 'federation crawl already running elsewhere');
        return 'locked';
      }
      try {
        return await this.crawlLocked(peerId, trigger);
      } finally {
        await this.kv.deleteIfEquals(lock, token);
      }
    });
  }

  private async crawlLocked(peerId: string, trigger: CrawlTrigger): Promise<CrawlResult> {
    let peer = await this.peerRows.findById(peerId);
    if (!peer) return 'gone';
    if (!this.config.instance.federationEnabled) return 'skipped';
    const verdict = await this.peers.verdict(hostOf(peer.domain));
    if (verdict === 'block' || peer.status === 'blocked') return 'skipped';
    // Suspended peers are crawled only when an admin asks; a success then clears the suspension.
    if (peer.status === 'suspended' && trigger !== 'manual') return 'skipped';

    const run = await this.peerRows.startRun(peer.id, trigger);
    const log = new CrawlLog();
    let result: CrawlResult = 'failed';
    const startedAt = Date.now();
    try {
      if (this.manifestIsStale(peer, trigger)) peer = await this.peers.verify(peer);
      if (peer.pendingPublicKey !== null) throw keyChanged(peer);
      const listed = verdict === 'federate';
      const state = peer.signed ? await this.crawlSigned(peer, listed, log) : await this.crawlLegacy(peer, listed, log);
      if (log.nothingValid) {
        throw new CrawlAborted(
          'NOTHING_VALID',
          `${peer.domain} sent ${log.invalidItems} entries and not one was valid`,
        );
      }
      const now = new Date();
      await this.peerRows.update(peer.id, {
        ...afterSuccess(now, state.more ? CONTINUE_AFTER_MS : this.config.federation.crawlIntervalMs),
        cursor: state.cursor,
        cursorEtag: state.cursorEtag,
        blueprintCount: await this.copies.count(peer.id),
        lastCrawlAt: now,
      });
      result = state.notModified && !log.changed ? 'not_modified' : 'succeeded';
    } catch (error) {
      result = await this.recordFailure(peer, error, log, trigger);
      if (result === 'failed' && log.nothingValid) result = 'rejected';
    } finally {
      await this.peerRows.finishRun(run.id, { outcome: result, ...log.summary() });
      this.metrics.federationCrawls.inc({ outcome: result });
      this.metrics.federationRequests.inc(log.requests);
      if (log.changed) this.responseCache.clear();
      this.logger.info(
        {
          peer: peer.domain,
          trigger,
          outcome: result,
          ms: Date.now() - startedAt,
          ...log.summary(),
          errors: undefined,
        },
        'federation crawl finished',
      );
    }
    return result;
  }

  private manifestIsStale(peer: PeerRow, trigger: CrawlTrigger): boolean {
    if (peer.status === 'pending' || peer.manifestFetchedAt === null) return true;
    // A peer that is failing may have fixed (or moved) something; an admin's "crawl now" re-reads it too.
    if (peer.status !== 'verified' || trigger === 'manual') return true;
    return Date.now() - peer.manifestFetchedAt.getTime() > MANIFEST_MAX_AGE_MS;
  }

  private async recordFailure(peer: PeerRow, error: unknown, log: CrawlLog, trigger: CrawlTrigger) {
    const { code, message, retryAfter, addressKind } = describeFailure(error);
    log.stop(code, message);
    if (code === 'KEY_CHANGED') {
      this.logger.warn({ peer: peer.domain, reason: code, trigger }, 'federation crawl stopped: peer key changed');
      return 'skipped';
    }
    // peers.verify has already recorded its own failure (and backoff).
    if (!(error instanceof PeerVerificationError)) {
      const current = (await this.peerRows.findById(peer.id)) ?? peer;
      await this.peers.recordFailure(current, code, message, retryAfter, addressKind);
    }
    if (!(error instanceof CrawlAborted || error instanceof PeerVerificationError || error instanceof OutboundError)) {
      this.logger.error({ err: error, peer: peer.domain }, 'federation crawl failed unexpectedly');
    }
    return 'failed';
  }

  // ── Signed peers: incremental, by cursor ──────────────────────────────────────────────────────────────────────────

  private async crawlSigned(peer: PeerRow, listed: boolean, log: CrawlLog): Promise<SyncState> {
    const publicKey = peer.publicKey;
    if (!publicKey) throw new CrawlAborted('KEY_MISSING', 'A signed peer without a pinned key');
    let cursor = peer.cursor;
    let etag = peer.cursorEtag;
    const seenCursors = new Set<string>();
    const seenPages = new Set<string>();
    const maxPages = this.config.federation.maxPagesPerRun;
    // Content comes inline: a run needs about one request per page of what the peer says it holds.
    log.requestBudget = this.budgetFor(peer.advertisedCount, 0);
    const pageAt = (position: string | null, ifNoneMatch?: string) => {
      const url = new URL(`${peer.baseUrl}${CATALOGUE_PATH}`);
      url.searchParams.set('limit', String(SIGNED_PAGE_LIMIT));
      url.searchParams.set('include', 'content');
      if (position) url.searchParams.set('cursor', position);
      const request = this.fetch(url, log, { ifNoneMatch });
      // Awaited below, or abandoned when the run stops first: never an unhandled rejection.
      request.catch(() => undefined);
      return request;
    };
    let pending = pageAt(cursor, etag ?? undefined);
    for (let page = 0; page < maxPages; page += 1) {
      const response = await pending;
      if (response.status === 304) return { cursor, cursorEtag: etag, more: false, notModified: true };

      const received = new URL(response.url);
      const check = verifySignature(
        response.headers[SIGNATURE_HEADER],
        { publicKey },
        `${received.pathname}${received.search}`,
        response.body,
      );
      if (!check.ok) {
        if (check.reason === 'SIGNATURE_KEY_MISMATCH' && (await this.peers.verify(peer)).pendingPublicKey !== null) {
          throw keyChanged(peer);
        }
        throw new CrawlAborted(check.reason, `A catalogue page of ${peer.domain} failed signature verification`);
      }
      const parsed = signedPageSchema(SIGNED_PAGE_LIMIT).safeParse(parseJson(response.body));
      if (!parsed.success) {
        throw new CrawlAborted('PAGE_INVALID', `A catalogue page is invalid: ${firstIssue(parsed.error, 'body')}`);
      }
      log.pages += 1;
      const { blueprints, tombstones, cursor: next } = parsed.data;
      if (blueprints.length + tombstones.length === 0) {
        // The tail of the catalogue: its ETag lets the next run cost one request answered 304.
        return { cursor: next, cursorEtag: response.headers.etag ?? null, more: false, notModified: false };
      }
      if (next === cursor || seenCursors.has(next)) {
        throw new CrawlAborted('CURSOR_LOOP', `${peer.domain} returned a cursor it had already returned`);
      }
      seenCursors.add(next);
      this.refuseRepeatedPage(seenPages, [...blueprints, ...tombstones], peer);
      const budgetLeft = log.requests < log.requestBudget;
      // The peer prepares the next page while this one is stored: its work and ours overlap.
      if (page + 1 < maxPages && budgetLeft) pending = pageAt(next);
      const copies: RemoteCopy[] = [];
      for (const raw of blueprints) {
        try {
          copies.push(parseSignedItem(raw, peer.baseUrl, this.config.federation.maxContentBytes));
          log.valid();
        } catch (error) {
          if (!(error instanceof CrawlProblem)) throw error;
          log.invalid(error.code, error.message);
        }
      }
      await this.store(peer, copies, listed, log);
      const gone = storableIds(tombstones.map((tombstone) => tombstone.id));
      for (let refused = tombstones.length - gone.length; refused > 0; refused -= 1) {
        log.invalid('ITEM_INVALID', 'a tombstone id contains NUL characters or unpaired surrogates');
      }
      log.valid(gone.length);
      log.removed += await this.copies.remove(peer.id, gone);
      cursor = next;
      etag = null;
      // Progress is kept page by page: a run cut short resumes here.
      await this.peerRows.update(peer.id, { cursor, cursorEtag: null });
      this.stopOnInvalidStreak(peer, log);
      if (!budgetLeft) {
        this.budgetSpent(peer, log);
        break;
      }
    }
    return { cursor, cursorEtag: null, more: true, notModified: false };
  }

  // ── Legacy peers: offset walk; content only for what may have changed, within budgets ─────────────────────────────

  private async crawlLegacy(peer: PeerRow, listed: boolean, log: CrawlLog): Promise<SyncState> {
    const refreshDue = await this.copies.stalest(peer.id, this.config.federation.legacyRefreshPerRun);
    const walk = new LegacyWalkState(new Set(refreshDue), peer.advertisedCount);
    // Each item may cost a content fetch on top of its page; the first page's `total` (fresher than the manifest's
    // count) narrows the budget.
    log.requestBudget = this.budgetFor(peer.advertisedCount, 1);
    for (let pass = 0; pass < LEGACY_WALKS; pass += 1) {
      // The list has no stable order, so a walk can skip items: walks with other page sizes order ties differently.
      if (pass > 0 && !walk.skippedSome) break;
      const pageSize =
        pass === 0 ? LEGACY_PAGE_LIMIT : randomInt(LEGACY_RETRY_PAGE_SIZES.min, LEGACY_RETRY_PAGE_SIZES.max + 1);
      // Another walk costs its pages for the size the list claims (bounded by what we would keep of it).
      if (pass > 0) {
        const pages = Math.ceil(Math.min(walk.listTotal, this.config.federation.maxBlueprintsPerPeer) / pageSize) + 1;
        log.requestBudget = Math.min(this.config.federation.maxRequestsPerRun, log.requestBudget + pages);
      }
      if (!(await this.walkLegacyList(peer, listed, log, walk, pageSize))) {
        return { cursor: null, cursorEtag: null, more: true, notModified: false };
      }
    }
    await this.removeUnlistedLegacy(peer, listed, log, walk);
    return { cursor: null, cursorEtag: null, more: false, notModified: false };
  }

  /** One limit/offset walk of a legacy peer's list. False when the page or request limit stopped it before the end. */
  private async walkLegacyList(
    peer: PeerRow,
    listed: boolean,
    log: CrawlLog,
    walk: LegacyWalkState,
    pageSize: number,
  ): Promise<boolean> {
    const seenPages = new Set<string>();
    let offset = 0;
    for (let page = 0; page < this.config.federation.maxPagesPerRun; page += 1) {
      if (log.requests >= log.requestBudget) {
        this.budgetSpent(peer, log);
        return false;
      }
      const url = new URL(`${peer.baseUrl}${CATALOGUE_PATH}`);
      url.searchParams.set('limit', String(pageSize));
      url.searchParams.set('offset', String(offset));
      const response = await this.fetch(url, log);
      const parsed = legacyListSchema(LEGACY_PAGE_LIMIT).safeParse(parseJson(response.body));
      if (!parsed.success) {
        throw new CrawlAborted('PAGE_INVALID', `A catalogue page is invalid: ${firstIssue(parsed.error, 'body')}`);
      }
      log.pages += 1;
      const { blueprints, total } = parsed.data;
      if (blueprints.length === 0) return true;
      if (total !== undefined && offset === 0) {
        if (walk.listTotal === Number.POSITIVE_INFINITY) log.requestBudget = this.budgetFor(total, 1);
        walk.listed(total);
      }
      this.refuseRepeatedPage(seenPages, blueprints, peer);
      const items: LegacyItem[] = [];
      for (const raw of blueprints) {
        try {
          items.push(parseLegacyItem(raw));
        } catch (error) {
          if (!(error instanceof CrawlProblem)) throw error;
          log.invalid(error.code, error.message);
        }
      }
      const listedFirstHere = walk.firstListings(items);
      // An item an earlier page already listed (the list has no stable order) is valid, and already decided.
      log.valid(items.length - listedFirstHere.length);
      if (!(await this.applyLegacyPage(peer, listedFirstHere, listed, log, walk))) {
        this.budgetSpent(peer, log);
        return false;
      }
      offset += blueprints.length;
      if (total !== undefined && offset >= total) return true;
    }
    return false;
  }

  /**
   * One page of a legacy walk: the content of new, changed and refresh-due items is fetched (and new ones only while
   * the per-peer limit has room); everything else is refreshed from the listing alone. False when the run's budget
   * could not pay for the page's content: the walk stops there.
   */
  private async applyLegacyPage(
    peer: PeerRow,
    items: LegacyItem[],
    listed: boolean,
    log: CrawlLog,
    walk: LegacyWalkState,
  ): Promise<boolean> {
    const known = await this.copies.known(
      peer.id,
      items.map((item) => item.id),
    );
    let room = this.config.federation.maxBlueprintsPerPeer - (await this.copies.count(peer.id));
    let overLimit = 0;
    const wanted: Array<{ item: LegacyItem; reason: Exclude<FetchReason, 'confirm'> }> = [];
    for (const item of items) {
      const reason = walk.fetchReason(item, known.get(item.id));
      if (reason === 'new' && room-- <= 0) overLimit += 1;
      else if (reason) wanted.push({ item, reason });
    }
    log.valid(items.length - wanted.length);
    if (overLimit > 0) {
      log.error('LIMIT_REACHED', `${overLimit} new blueprints over the per-peer limit were not fetched`);
    }
    // The run's budget may not cover this page's content: stop here (at the cap) or as hostile (below it).
    const affordable = Math.max(0, log.requestBudget - log.requests);
    const fetched = wanted.slice(0, affordable);
    const copies: RemoteCopy[] = [];
    const unchanged: string[] = [];
    const breaker = { failures: 0 };
    await forEachLimited(fetched, this.config.federation.peerConcurrency, async ({ item, reason }) => {
      if (breaker.failures >= CIRCUIT_BREAKER_FAILURES || log.invalidBreakerOpen) return;
      const detail = await this.fetchLegacyDetail(peer, item.id, reason, log, breaker);
      if (detail === undefined) return;
      if (detail === 'gone') {
        log.invalid('ITEM_GONE', `${item.id} was listed but is gone`, legacyDetailUrl(peer, item.id).href);
        return;
      }
      try {
        const copy = legacyCopy(item, detail, peer.baseUrl, this.config.federation.maxContentBytes);
        if (reason === 'refresh' && copy.contentHash === known.get(item.id)?.contentHash) unchanged.push(item.id);
        else copies.push(copy);
        log.valid();
      } catch (error) {
        if (!(error instanceof CrawlProblem)) throw error;
        log.invalid(error.code, error.message, legacyDetailUrl(peer, item.id).href);
      }
    });
    this.openCircuitAfter(breaker, peer);
    await this.store(peer, copies, listed, log, known);
    // The rest is refreshed from the listing: counters always, metadata unless the listing changed (its content is
    // then stored with it above, or tried again next run).
    const stored = new Set(copies.map((copy) => copy.remoteId));
    log.updated += await this.copies.applyListings(
      peer.id,
      items
        .filter((item) => known.has(item.id) && !stored.has(item.id))
        .map((item) => legacyListing(item, peer.baseUrl)),
    );
    await this.copies.markChecked(peer.id, unchanged);
    this.stopOnInvalidStreak(peer, log);
    return fetched.length === wanted.length;
  }

  /**
   * After a walk to the end of the list: the copies it did not list are asked about directly, and removed only when
   * the peer says they are gone (404, 403, or no longer public). A walk that listed far fewer items than the peer
   * announces removes nothing: its list skipped them, they did not disappear.
   */
  private async removeUnlistedLegacy(
    peer: PeerRow,
    listed: boolean,
    log: CrawlLog,
    walk: LegacyWalkState,
  ): Promise<void> {
    if (!walk.complete) {
      log.error(
        'WALK_INCOMPLETE',
        `The walk listed ${walk.seen.size} of the ${walk.announced} blueprints ${peer.domain} announces: nothing was removed`,
      );
      return;
    }
    const toConfirm = walk.toConfirm(await this.copies.unlisted(peer.id, walk.seen), Date.now());
    if (toConfirm.length === 0) return;
    // What we hold, not what the peer claims, sizes these requests.
    log.requestBudget = Math.min(
      this.config.federation.maxRequestsPerRun,
      Math.max(log.requestBudget, log.requests + toConfirm.length),
    );
    const known = await this.copies.known(
      peer.id,
      toConfirm.map((copy) => copy.remoteId),
    );
    const gone: string[] = [];
    const stillPublic: string[] = [];
    const changed: RemoteCopy[] = [];
    const breaker = { failures: 0 };
    await forEachLimited(toConfirm, this.config.federation.peerConcurrency, async (copy) => {
      if (breaker.failures >= CIRCUIT_BREAKER_FAILURES || log.requests >= log.requestBudget) return;
      const detail = await this.fetchLegacyDetail(peer, copy.remoteId, 'confirm', log, breaker);
      if (detail === undefined) return;
      try {
        if (detail === 'gone' || legacyDetailIsPrivate(copy.remoteId, detail)) {
          gone.push(copy.remoteId);
          return;
        }
        // Still public: the answer doubles as a refresh of the copy.
        const item = legacyItemOfDetail(copy.remoteId, detail, copy.remoteUpdatedAt);
        const fresh = legacyCopy(item, detail, peer.baseUrl, this.config.federation.maxContentBytes);
        const held = known.get(copy.remoteId);
        if (fresh.contentHash !== held?.contentHash || fresh.listingFingerprint !== held.listingFingerprint) {
          changed.push(fresh);
        }
        stillPublic.push(copy.remoteId);
      } catch (error) {
        if (!(error instanceof CrawlProblem)) throw error;
        // Unreadable is not gone: the copy stays.
        log.error(error.code, error.message, legacyDetailUrl(peer, copy.remoteId).href);
      }
    });
    await this.store(peer, changed, listed, log, known);
    await this.copies.markChecked(peer.id, stillPublic);
    log.removed += await this.copies.remove(peer.id, gone);
    if (toConfirm.length > stillPublic.length + gone.length) {
      log.error(
        'CONFIRMATIONS_LEFT',
        `${toConfirm.length - stillPublic.length - gone.length} unlisted blueprints were not confirmed; they are kept`,
      );
    }
    this.openCircuitAfter(breaker, peer);
  }

  /**
   * One legacy detail request, recorded with its reason: the detail's JSON, 'gone' (404, 403, 410), or undefined
   * when the request failed (logged, and counted by `breaker`). A 429 or 503 stops the run.
   */
  private async fetchLegacyDetail(
    peer: PeerRow,
    remoteId: string,
    reason: FetchReason,
    log: CrawlLog,
    breaker: { failures: number },
  ): Promise<unknown> {
    const url = legacyDetailUrl(peer, remoteId);
    log.fetched(reason, remoteId);
    try {
      const response = await this.fetch(url, log, { gone: true });
      breaker.failures = 0;
      return response.status === 404 || response.status === 403 || response.status === 410
        ? 'gone'
        : parseJson(response.body);
    } catch (error) {
      if (error instanceof CrawlAborted && error.retryAfterMs > 0) throw error;
      const { code, message } = describeFailure(error);
      // A detail that is not even JSON is an invalid item as much as a failed request.
      if (code === 'INVALID_JSON') log.invalid(code, message, url.href);
      else log.error(code, message, url.href);
      breaker.failures += 1;
      return undefined;
    }
  }

  private openCircuitAfter(breaker: { failures: number }, peer: PeerRow): void {
    if (breaker.failures < CIRCUIT_BREAKER_FAILURES) return;
    throw new CrawlAborted('CIRCUIT_OPEN', `${CIRCUIT_BREAKER_FAILURES} requests in a row to ${peer.domain} failed`);
  }

  // ── Shared steps ──────────────────────────────────────────────────────────────────────────────────────────────────

  /** The request budget of a run against a peer announcing `announced` entries, each costing `perItem` requests. */
  private budgetFor(announced: number | null | undefined, perItem: number): number {
    const { maxBlueprintsPerPeer, maxRequestsPerRun } = this.config.federation;
    return requestBudget(announced, {
      pageSize: LEGACY_PAGE_LIMIT,
      perItem,
      maxItems: maxBlueprintsPerPeer,
      cap: maxRequestsPerRun,
    });
  }

  /**
   * The run spent its budget. At the configured cap that is a big peer: the run stops and the next one continues.
   * Below it, the peer sent more than the size it announced can need: the run stops as hostile.
   */
  private budgetSpent(peer: PeerRow, log: CrawlLog): void {
    if (log.requestBudget >= this.config.federation.maxRequestsPerRun) {
      log.error('REQUEST_BUDGET_SPENT', `The run's ${log.requestBudget} requests are spent; the next run continues`);
      return;
    }
    throw new CrawlAborted(
      'REQUEST_BUDGET_EXCEEDED',
      `${peer.domain} needs more than the ${log.requestBudget} requests its announced size allows`,
    );
  }

  /** The same entries as an earlier page of this run (whatever the cursor or offset says) are a loop. */
  private refuseRepeatedPage(seen: Set<string>, entries: readonly unknown[], peer: PeerRow): void {
    const ids = entries.map((entry) => {
      const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
      return typeof id === 'string' ? id : '';
    });
    const fingerprint = createHash('sha256').update(JSON.stringify(ids.sort())).digest('hex');
    if (seen.has(fingerprint)) {
      throw new CrawlAborted('PAGE_LOOP', `${peer.domain} sent the same entries as an earlier page of this run`);
    }
    seen.add(fingerprint);
  }

  private stopOnInvalidStreak(peer: PeerRow, log: CrawlLog): void {
    if (!log.invalidBreakerOpen) return;
    throw new CrawlAborted(
      'TOO_MANY_INVALID_ITEMS',
      `${INVALID_ITEMS_BREAKER} entries in a row from ${peer.domain} were invalid`,
    );
  }

  /**
   * Upserts a page's copies, within FEDERATION_MAX_BLUEPRINTS_PER_PEER: new items past the limit are left out.
   * `known` is what the caller already read of these ids, if it did.
   */
  private async store(
    peer: PeerRow,
    copies: RemoteCopy[],
    listed: boolean,
    log: CrawlLog,
    known?: ReadonlyMap<string, KnownCopy>,
  ): Promise<void> {
    const unique = [...new Map(copies.map((copy) => [copy.remoteId, copy])).values()];
    if (unique.length === 0) return;
    known ??= await this.copies.known(
      peer.id,
      unique.map((copy) => copy.remoteId),
    );
    const room = this.config.federation.maxBlueprintsPerPeer - (await this.copies.count(peer.id));
    let newAllowed = Math.max(0, room);
    const kept = unique.filter((copy) => known.has(copy.remoteId) || newAllowed-- > 0);
    if (kept.length < unique.length) {
      log.error('LIMIT_REACHED', `${unique.length - kept.length} new blueprints over the per-peer limit were skipped`);
    }
    const scanned = await this.scans.scan(kept, known, (code, message) => log.error(code, message));
    const { added, updated } = await this.upsertEach(peer, scanned, listed, log);
    log.added += added;
    log.updated += updated;
  }

  /**
   * One statement for the page; if the database refuses it, one per copy, so a value validation missed costs that
   * item (logged, STORE_FAILED) and not the page. Nothing runs in a shared transaction, so a failed statement
   * poisons nothing. (Were the database itself down, the run's next write fails it anyway.)
   */
  private async upsertEach(peer: PeerRow, copies: ScannedCopy[], listed: boolean, log: CrawlLog) {
    try {
      return await this.copies.upsert(peer.id, copies, listed);
    } catch (pageError) {
      if (copies.length === 1) {
        this.logStoreFailure(peer, copies[0] as ScannedCopy, pageError, log);
        return { added: 0, updated: 0 };
      }
      const totals = { added: 0, updated: 0 };
      for (const copy of copies) {
        try {
          const one = await this.copies.upsert(peer.id, [copy], listed);
          totals.added += one.added;
          totals.updated += one.updated;
        } catch (error) {
          this.logStoreFailure(peer, copy, error, log);
        }
      }
      return totals;
    }
  }

  private logStoreFailure(peer: PeerRow, copy: RemoteCopy, error: unknown, log: CrawlLog): void {
    const message = error instanceof Error ? error.message.split('\n').slice(-1)[0] : String(error);
    this.logger.warn({ peer: peer.domain, remoteId: copy.remoteId, err: message }, 'federation item not stored');
    log.validItems -= 1;
    log.invalid('STORE_FAILED', `${copy.remoteId} could not be stored: ${message}`);
  }

  /** One request to the peer: counted, byte-capped, and turned into a CrawlAborted for anything but success. */
  private async fetch(
    url: URL,
    log: CrawlLog,
    /** `gone`: 404, 403 and 410 are answers (a legacy detail that is gone or private), not failures. */
    options: { ifNoneMatch?: string; gone?: boolean } = {},
  ): Promise<OutboundResponse> {
    log.requests += 1;
    let response: OutboundResponse;
    try {
      response = await this.outbound.request({
        url,
        accept: ['application/json'],
        maxBytes: PAGE_MAX_BYTES,
        sameHostRedirectsOnly: true,
        ...(options.ifNoneMatch ? { headers: { 'if-none-match': options.ifNoneMatch } } : {}),
      });
    } catch (error) {
      if (error instanceof OutboundError) {
        throw new CrawlAborted(error.code, error.message, 0, addressKindOf(error));
      }
      throw error;
    }
    log.bytes += response.body.length;
    const { status } = response;
    if (status === 429 || status === 503) {
      throw new CrawlAborted(
        status === 429 ? 'RATE_LIMITED' : 'PEER_UNAVAILABLE',
        `${url.host} answered ${status}`,
        retryAfterMs(response.headers['retry-after']) || 60_000,
      );
    }
    if (status === 304 || (status >= 200 && status < 300) || (options.gone && [403, 404, 410].includes(status))) {
      return response;
    }
    throw new CrawlAborted('HTTP_STATUS', `${url.host}${url.pathname} answered ${status}`);
  }
}

/** A legacy peer serves content at /api/blueprints/bp_<id>: the raw id from its list, with the `bp_` prefix. */
function legacyDetailUrl(peer: PeerRow, remoteId: string): URL {
  return new URL(`${peer.baseUrl}/api/blueprints/bp_${encodeURIComponent(remoteId)}`);
}

function keyChanged(peer: PeerRow): CrawlAborted {
  return new CrawlAborted(
    'KEY_CHANGED',
    `${peer.domain} now publishes a different key; crawling stops until an admin approves it`,
  );
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new CrawlAborted('INVALID_JSON', 'The peer answered with invalid JSON');
  }
}

function describeFailure(error: unknown): {
  code: string;
  message: string;
  retryAfter: number;
  addressKind?: string;
} {
  if (error instanceof CrawlAborted) {
    return { code: error.code, message: error.message, retryAfter: error.retryAfterMs, addressKind: error.addressKind };
  }
  if (error instanceof PeerVerificationError) return { code: error.reason, message: error.message, retryAfter: 0 };
  if (error instanceof OutboundError) {
    return { code: error.code, message: error.message, retryAfter: 0, addressKind: addressKindOf(error) };
  }
  return { code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error), retryAfter: 0 };
}
